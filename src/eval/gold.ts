/**
 * Gold annotations in the `polity-gold/1` format (../shared/gold/README.md): facts about one article, stated
 * without character offsets, that the scorer compares with polity's output.
 */
import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject } from 'ajv';
import type { ActorType, PloverType, StateChangeKind, StatementKind, RelationKind } from '../document/layers.js';
import { packagePath } from '../package-path.js';

export const GOLD_FORMAT = 'polity-gold/1';

/** `YYYY-MM-DD`, `YYYY-MM` when the text gives only a month, or a `[start, end]` range of days. */
export type GoldDate = string | [string, string];

/** One id, or a list of ids any of which is acceptable. */
export type GoldIds = string | string[];

/** Every row of every layer may be `optional`: missing it counts for neither recall nor precision. */
export interface GoldRow {
  optional?: boolean;
}

/** Gold relation kinds: the system's, and `rival` (competitors, e.g. candidates in one race). */
export type GoldRelationKind = RelationKind | 'rival';

/** Gold state change kinds: the system's, and `elected` (won an election, before taking office). */
export type GoldStateChangeKind = StateChangeKind | 'elected';

export interface GoldEntity extends GoldRow {
  id: string;
  type: ActorType;
  name: string;
  aliases?: string[];
}

export interface GoldRole extends GoldRow {
  person: string;
  title: string;
  org?: string;
  /** A past office ("former minister", "then-president"). */
  former?: boolean;
}

export interface GoldMembership extends GoldRow {
  person: string;
  org: string;
  /** Implied rather than stated: counts for recall only when the system gives it. */
  inferable?: boolean;
}

export interface GoldQuote extends GoldRow {
  /** Entity id of the speaker; absent when the speaker is a described source with no entity (`speaker_text`). */
  speaker?: string;
  /** The speaker as written when it is no entity: "sources in the health ministry", "a spokesperson". */
  speaker_text?: string;
  kind: StatementKind;
  /** A fragment of the quotation, not necessarily all of it. */
  text: string;
}

export interface GoldEvent extends GoldRow {
  types: PloverType[];
  actor: GoldIds;
  recipient?: GoldIds;
  date?: GoldDate;
  place?: GoldIds;
  what: string;
}

export interface GoldStateChange extends GoldRow {
  kind: GoldStateChangeKind;
  person?: string;
  party?: string;
  body?: string;
  with?: string;
  portfolios?: string[];
  date?: GoldDate;
}

export interface GoldCommitment extends GoldRow {
  by: string;
  to?: string;
  what: string;
  due?: GoldDate;
  source?: string;
}

export interface GoldAgreement extends GoldRow {
  parties: string[];
  kind: string;
  points?: number;
  date?: GoldDate;
}

export interface GoldRelation extends GoldRow {
  a: string;
  b: string;
  kind: GoldRelationKind;
  polarity?: 'positive' | 'negative';
  as_of?: GoldDate;
}

export interface GoldDocument {
  format: typeof GOLD_FORMAT;
  doc: string;
  /** The article's path relative to the shared folder, i.e. to the gold directory's parent. */
  file: string;
  source?: string;
  published?: string;
  /** Absent or null: the article has no dateline. */
  dateline?: string | null;
  entities: GoldEntity[];
  roles: GoldRole[];
  memberships: GoldMembership[];
  quotes: GoldQuote[];
  events: GoldEvent[];
  state_changes: GoldStateChange[];
  commitments: GoldCommitment[];
  agreements: GoldAgreement[];
  relations: GoldRelation[];
}

/** A gold file that cannot be used, naming the file and what is wrong with it. */
export class GoldFormatError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'GoldFormatError';
  }
}

const GOLD_LAYERS = ['roles', 'memberships', 'quotes', 'events', 'state_changes', 'commitments', 'agreements', 'relations'] as const;

let validator: ReturnType<Ajv['compile']> | undefined;

function validateShape(json: unknown): ErrorObject[] {
  validator ??= new Ajv({ allErrors: true }).compile(JSON.parse(readFileSync(packagePath('src/eval/gold.schema.json'), 'utf8')) as object);
  return validator(json) ? [] : (validator.errors ?? []);
}

/** The ids of a field that holds one id or a list of them. */
export function goldIdList(ids: GoldIds | undefined): string[] {
  return ids === undefined ? [] : typeof ids === 'string' ? [ids] : ids;
}

/** Every entity id a row points at, with the field it sits in, so a dangling id can be named. */
function referencedIds(gold: GoldDocument): Array<{ where: string; id: string }> {
  const refs: Array<{ where: string; id: string }> = [];
  const add = (where: string, ids: GoldIds | undefined) => {
    for (const id of goldIdList(ids)) refs.push({ where, id });
  };
  gold.roles.forEach((r, i) => (add(`roles[${i}].person`, r.person), add(`roles[${i}].org`, r.org)));
  gold.memberships.forEach((m, i) => (add(`memberships[${i}].person`, m.person), add(`memberships[${i}].org`, m.org)));
  gold.quotes.forEach((q, i) => add(`quotes[${i}].speaker`, q.speaker));
  gold.events.forEach((e, i) => {
    add(`events[${i}].actor`, e.actor);
    add(`events[${i}].recipient`, e.recipient);
    add(`events[${i}].place`, e.place);
  });
  gold.state_changes.forEach((s, i) => {
    for (const field of ['person', 'party', 'body', 'with'] as const) add(`state_changes[${i}].${field}`, s[field]);
  });
  gold.commitments.forEach((c, i) => (add(`commitments[${i}].by`, c.by), add(`commitments[${i}].to`, c.to)));
  gold.agreements.forEach((a, i) => add(`agreements[${i}].parties`, a.parties));
  gold.relations.forEach((r, i) => (add(`relations[${i}].a`, r.a), add(`relations[${i}].b`, r.b)));
  return refs;
}

/**
 * Checks a parsed gold file and fills absent layers with empty lists. `file` names the gold file in errors.
 * Besides the shape, every id a row uses must be declared in `entities` ("article" as a commitment's
 * source is the article itself and is not checked).
 */
export function parseGold(json: unknown, file: string): GoldDocument {
  const errors = validateShape(json);
  if (errors.length > 0) {
    const reasons = errors.slice(0, 5).map((e) => `${e.instancePath || '(top level)'} ${e.message ?? 'is invalid'}`);
    throw new GoldFormatError(file, `not a valid ${GOLD_FORMAT} file: ${reasons.join('; ')}`);
  }
  const raw = json as Partial<GoldDocument> & Pick<GoldDocument, 'format' | 'doc' | 'file' | 'entities'>;
  const gold: GoldDocument = { ...raw, ...Object.fromEntries(GOLD_LAYERS.map((layer) => [layer, raw[layer] ?? []])) } as GoldDocument;
  const ids = new Set<string>();
  for (const entity of gold.entities) {
    if (ids.has(entity.id)) throw new GoldFormatError(file, `entity id "${entity.id}" is declared twice`);
    ids.add(entity.id);
  }
  for (const { where, id } of referencedIds(gold)) {
    if (!ids.has(id)) throw new GoldFormatError(file, `${where} refers to "${id}", which is not an entity id`);
  }
  return gold;
}

/** Reads and checks one `*.gold.json` file. */
export function loadGold(path: string): GoldDocument {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new GoldFormatError(path, `cannot read: ${err instanceof Error ? err.message : String(err)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new GoldFormatError(path, `not JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  return parseGold(json, path);
}
