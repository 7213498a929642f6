/**
 * Scores one analysed document against its gold annotation, layer by layer, following the matching rules
 * of ../shared/gold/README.md. Pure: reads both, changes neither.
 */
import { textOf, type Document } from '../document/document.js';
import type { CueType, TimeValue } from '../document/layers.js';
import { alignOneToOne, EntityAlignment, type Pair } from './align.js';
import { nameKey, tokenCoverage, tokenJaccard } from './fold.js';
import type { GoldDate, GoldDocument, GoldRow } from './gold.js';
import {
  attributeScore, EVAL_ATTRIBUTES, layerOf, layerScore, type AttributeScore, type DocumentScore, type EvalAttribute,
  type EvalLayer, type LayerScore, type ScoringError,
} from './report.js';

/** Share of a gold quote fragment's words that must fall inside one system quote. */
export const QUOTE_COVERAGE = 0.6;
/** Jaccard overlap of title words for a role to match. */
export const ROLE_TITLE_OVERLAP = 0.5;
/** Jaccard overlap of `what` words for a commitment to match. */
export const COMMITMENT_OVERLAP = 0.3;

/** Relation kinds where (a, b) and (b, a) say the same thing. */
const SYMMETRIC_RELATIONS = new Set(['ally', 'coalition', 'opposition', 'negotiating', 'rival']);
/** Words a described speaker may open with that do not tell one source from another. */
/** Statement kinds the gold's quotes layer holds (see scoreQuotes). */
const QUOTE_CUE_TYPES: ReadonlySet<CueType> = new Set(['speech', 'belief', 'intention', 'document', 'poll', 'perception']);
const SPEAKER_DETERMINERS = /^(?:the|a|an|one|some|several)\s+/iu;
/** Jaccard overlap of words for a described speaker ("speaker_text") to match the system's speaker. */
export const SPEAKER_TEXT_OVERLAP = 0.5;

/** Whether a row is `optional: true` (any row of any layer may be). */
const isOptional = (g: unknown): boolean => (g as GoldRow).optional === true;

const month = (date: string | undefined): string | undefined => date?.slice(0, 7);

/**
 * Whether a system time value says the gold date: a day ("2020-01-13") must be the value or the start of
 * a one-day value; a month ("2018-08") must be the month of the value or of its start; a range must have
 * the same first and last day.
 */
export function dateMatches(gold: GoldDate, system: TimeValue | undefined): boolean {
  if (system === undefined) return false;
  if (Array.isArray(gold)) return system.start === gold[0] && system.end === gold[1];
  if (gold.length === 7) return month(system.value) === gold || month(system.start) === gold;
  return system.value.slice(0, 10) === gold || (system.start === gold && (system.end === undefined || system.end === gold));
}

/** Month-precision date agreement (state changes): the gold month, or the month of the gold range's start. */
function sameMonth(gold: GoldDate, system: TimeValue | undefined): boolean {
  const wanted = month(Array.isArray(gold) ? gold[0] : gold);
  return system !== undefined && (month(system.value) === wanted || month(system.start) === wanted);
}

/** A credited pair: the gold row, the system record, and both described for error listings. */
interface Matched<G, S> {
  gold: G;
  system: S;
  label: string;
}

interface Describe<G, S> {
  gold: (g: G) => string;
  system: (s: S) => string;
}

type Row<K extends keyof GoldDocument> = GoldDocument[K] extends Array<infer R> ? R : never;
type Rec<K extends keyof Document> = Document[K] extends Array<infer R> ? R : never;

const json = (x: unknown): string => JSON.stringify(x);

/** One document's scoring in progress: both sides, the entity alignment, and the counts so far. */
class Scorer {
  readonly layers = {} as Record<EvalLayer, LayerScore>;
  readonly attributes = Object.fromEntries(EVAL_ATTRIBUTES.map((a) => [a, attributeScore(0, 0)])) as Record<EvalAttribute, AttributeScore>;
  readonly errors: ScoringError[] = [];
  readonly entities: EntityAlignment;

  constructor(
    readonly gold: GoldDocument,
    readonly system: Document,
  ) {
    this.entities = new EntityAlignment(gold.entities, system.actors);
  }

  text(span: { start: number; end: number }): string {
    return textOf(this.system, span);
  }

  actorName(id: string | undefined): string {
    return id === undefined ? '?' : (this.system.actors.find((a) => a.id === id)?.name ?? id);
  }

  actorNames(ids: readonly string[]): string {
    return ids.map((id) => this.actorName(id)).join(' + ');
  }

  /**
   * Counts an attribute on a matched pair; rows that do not give the attribute are not counted. A wrong
   * attribute is listed among the errors under `label` (the pair described).
   */
  attribute(name: EvalAttribute, correct: boolean, label?: string): void {
    const a = this.attributes[name];
    this.attributes[name] = attributeScore(a.correct + (correct ? 1 : 0), a.total + 1);
    if (!correct && label !== undefined) this.errors.push({ layer: layerOf(name), kind: 'wrong', attribute: name, item: label });
  }

  /**
   * Turns pairs into counts: an accepted pair is a TP; an unpaired (or rejected) gold row is an FN unless
   * optional (`optional: true` on the row, or the layer's own test); an unpaired (or rejected) system record
   * is an FP.
   */
  tally<G, S>(
    layer: EvalLayer,
    gold: readonly G[],
    system: readonly S[],
    pairs: readonly Pair[],
    describe: Describe<G, S>,
    options: { optional?: (g: G) => boolean; accept?: (g: G, s: S) => boolean } = {},
  ): Matched<G, S>[] {
    const accepted = pairs.filter((p) => options.accept?.(gold[p.gold]!, system[p.system]!) ?? true);
    const creditedGold = new Set(accepted.map((p) => p.gold));
    const creditedSystem = new Set(accepted.map((p) => p.system));
    let fn = 0;
    gold.forEach((g, i) => {
      if (creditedGold.has(i) || isOptional(g) || options.optional?.(g)) return;
      fn++;
      this.errors.push({ layer, kind: 'missed', item: describe.gold(g) });
    });
    let fp = 0;
    system.forEach((s, i) => {
      if (creditedSystem.has(i)) return;
      fp++;
      this.errors.push({ layer, kind: 'spurious', item: describe.system(s) });
    });
    this.layers[layer] = layerScore(accepted.length, fp, fn);
    return accepted.map((p) => matched(gold[p.gold]!, system[p.system]!, describe));
  }
}

function matched<G, S>(gold: G, system: S, describe: Describe<G, S>): Matched<G, S> {
  return { gold, system, label: `${describe.gold(gold)} ~ ${describe.system(system)}` };
}

/** Scores `system` (an analysed Document) against `gold`. */
export function scoreDocument(gold: GoldDocument, system: Document): DocumentScore {
  const s = new Scorer(gold, system);
  scoreMeta(s);
  scoreEntities(s);
  scoreRoles(s);
  scoreMemberships(s);
  scoreQuotes(s);
  scoreEvents(s);
  scoreStateChanges(s);
  scoreCommitments(s);
  scoreAgreements(s);
  scoreRelations(s);
  return { doc: gold.doc, file: gold.file, layers: s.layers, attributes: s.attributes, errors: s.errors };
}

/** Published date (exact) and dateline place (case- and punctuation-insensitive): one value each. */
function scoreMeta(s: Scorer): void {
  const scalar = (layer: EvalLayer, goldValue: string | undefined, systemValue: string | undefined, same: (a: string, b: string) => boolean) => {
    const g = goldValue === undefined ? [] : [goldValue];
    const v = systemValue === undefined ? [] : [systemValue];
    const pairs = g.length && v.length && same(g[0]!, v[0]!) ? [{ gold: 0, system: 0 }] : [];
    s.tally(layer, g, v, pairs, { gold: json, system: json });
  };
  scalar('published', s.gold.published, s.system.meta.published, (a, b) => a === b);
  scalar('dateline', s.gold.dateline ?? undefined, s.system.meta.dateline?.place, (a, b) => nameKey(a) === nameKey(b));
}

function scoreEntities(s: Scorer): void {
  for (const m of s.tally('entities', s.gold.entities, s.system.actors, s.entities.pairs, {
    gold: (g) => `${g.id} (${g.type}) ${g.name}`,
    system: (a) => `${a.type} ${[a.name, ...a.aliases].join(' / ')}`,
  })) {
    s.attribute('entities.type', m.gold.type === m.system.type, m.label);
  }
}

function scoreRoles(s: Scorer): void {
  const score = (g: Row<'roles'>, r: Rec<'roles'>) => {
    if (!s.entities.matches(g.person, r.person)) return undefined;
    const overlap = tokenJaccard(g.title, r.title);
    return overlap >= ROLE_TITLE_OVERLAP ? overlap : undefined;
  };
  const { roles } = s.system;
  for (const m of s.tally('roles', s.gold.roles, roles, alignOneToOne(s.gold.roles, roles, score), {
    gold: json,
    system: (r) => `${s.actorName(r.person)}: ${r.title}${r.org ? ` (${s.actorName(r.org)})` : ''}`,
  })) {
    if (m.gold.org !== undefined) s.attribute('roles.org', s.entities.matches(m.gold.org, m.system.org), m.label);
  }
}

function scoreMemberships(s: Scorer): void {
  // Inferable memberships rank below stated ones so a system row is credited to a stated one first.
  const score = (g: Row<'memberships'>, m: Rec<'memberships'>) =>
    s.entities.matches(g.person, m.person) && s.entities.matches(g.org, m.org) ? (g.inferable ? 1 : 2) : undefined;
  const { memberships } = s.system;
  s.tally('memberships', s.gold.memberships, memberships, alignOneToOne(s.gold.memberships, memberships, score), {
    gold: json,
    system: (m) => `${s.actorName(m.person)} in ${s.actorName(m.org)}`,
  }, { optional: (g) => g.inferable === true });
}

/**
 * Quotes are paired by content first (≥ QUOTE_COVERAGE of the fragment's words inside the system quote),
 * preferring the quote with the right speaker; a pair counts as a TP only when the speaker matches too.
 * The speaker is the statement's actor (one with no gold counterpart never matches), or, for a described
 * speaker with no actor, the gold entity named in its speakerSpan ("the MQM-P’s key leaders" → MQM-P).
 */
function scoreQuotes(s: Scorer): void {
  // The gold's quotes are what people said: attributions of other kinds (beliefs, documents, a cue only the
  // learned model knows) are left out by their cueType.
  const statements = s.system.statements.filter((st) => st.cueType === undefined || QUOTE_CUE_TYPES.has(st.cueType));
  const speakerOf = (st: Rec<'statements'>): string | undefined => {
    if (st.speaker !== undefined) return s.entities.goldId(st.speaker);
    return st.speakerSpan ? s.entities.goldIdInText(s.text(st.speakerSpan)) : undefined;
  };
  // A described speaker ("speaker_text": "sources in the ministry") matches the system's speaker as written.
  const speakerText = (st: Rec<'statements'>): string | undefined =>
    st.speakerSpan ? s.text(st.speakerSpan) : st.speaker !== undefined ? s.actorName(st.speaker) : undefined;
  const speakerMatches = (g: Row<'quotes'>, st: Rec<'statements'>) => {
    if (g.speaker !== undefined) return speakerOf(st) === g.speaker;
    const written = speakerText(st);
    if (g.speaker_text === undefined || written === undefined) return false;
    const bare = (t: string) => t.trim().replace(SPEAKER_DETERMINERS, '');
    return tokenJaccard(bare(g.speaker_text), bare(written)) >= SPEAKER_TEXT_OVERLAP;
  };
  const score = (g: Row<'quotes'>, st: Rec<'statements'>) => {
    const coverage = tokenCoverage(g.text, s.text(st.content));
    if (coverage < QUOTE_COVERAGE) return undefined;
    return (speakerMatches(g, st) ? 10 : 0) + (g.kind === st.kind ? 1 : 0) + coverage;
  };
  const pairs = alignOneToOne(s.gold.quotes, statements, score);
  const describe: Describe<Row<'quotes'>, Rec<'statements'>> = {
    gold: json,
    system: (st) => {
      const who = st.speaker ? s.actorName(st.speaker) : st.speakerSpan ? `"${s.text(st.speakerSpan)}"` : '?';
      return `${who} (${st.kind}): "${s.text(st.content)}"`;
    },
  };
  s.tally('quotes', s.gold.quotes, statements, pairs, describe, { accept: speakerMatches });
  for (let i = 0; i < s.gold.quotes.length; i++) {
    const found = pairs.some((p) => p.gold === i);
    if (found || !s.gold.quotes[i]!.optional) s.attribute('quotes.found', found);
  }
  for (const p of pairs) {
    const m = matched(s.gold.quotes[p.gold]!, statements[p.system]!, describe);
    s.attribute('quotes.speaker', speakerMatches(m.gold, m.system), m.label);
    s.attribute('quotes.kind', m.gold.kind === m.system.kind, m.label);
  }
}

function scoreEvents(s: Scorer): void {
  const attributes = (g: Row<'events'>, e: Rec<'events'>) => ({
    recipient: g.recipient === undefined ? undefined : s.entities.matchesAny(g.recipient, e.recipient),
    date: g.date === undefined ? undefined : dateMatches(g.date, e.date),
    place: g.place === undefined ? undefined : s.entities.matches(g.place, e.place),
  });
  // Among events of the right type and actor, prefer the one that also gets recipient, date and place right;
  // optional rows rank last so they never take a record a required row could have had.
  const score = (g: Row<'events'>, e: Rec<'events'>) => {
    if (!g.types.includes(e.type) || !s.entities.matchesAny(g.actor, e.actor)) return undefined;
    const agreeing = Object.values(attributes(g, e)).filter((v) => v === true).length;
    return (g.optional ? 0 : 10) + agreeing;
  };
  const { events } = s.system;
  for (const m of s.tally('events', s.gold.events, events, alignOneToOne(s.gold.events, events, score), {
    gold: json,
    system: (e) => `${e.type} ${s.actorNames(e.actor)} → ${s.actorNames(e.recipient)}: "${s.text(e.trigger)}"${e.date ? ` @${e.date.value}` : ''}`,
  })) {
    const found = attributes(m.gold, m.system);
    if (found.recipient !== undefined) s.attribute('events.recipient', found.recipient, m.label);
    if (found.date !== undefined) s.attribute('events.date', found.date, m.label);
    if (found.place !== undefined) s.attribute('events.place', found.place, m.label);
  }
}

function scoreStateChanges(s: Scorer): void {
  const score = (g: Row<'state_changes'>, c: Rec<'stateChanges'>) =>
    g.kind === c.kind && s.entities.matches(g.person ?? g.party, c.subject) && (g.date === undefined || sameMonth(g.date, c.date))
      ? 1
      : undefined;
  const { stateChanges } = s.system;
  s.tally('state_changes', s.gold.state_changes, stateChanges, alignOneToOne(s.gold.state_changes, stateChanges, score), {
    gold: json,
    system: (c) =>
      `${c.kind} ${s.actorName(c.subject)}${c.body ? ` body=${s.actorName(c.body)}` : ''}${c.with ? ` with=${s.actorName(c.with)}` : ''}${c.date ? ` @${c.date.value}` : ''}`,
  });
}

function scoreCommitments(s: Scorer): void {
  const score = (g: Row<'commitments'>, c: Rec<'commitments'>) => {
    if (!s.entities.matches(g.by, c.by)) return undefined;
    const overlap = tokenJaccard(g.what, s.text(c.what));
    return overlap >= COMMITMENT_OVERLAP ? overlap : undefined;
  };
  const { commitments } = s.system;
  for (const m of s.tally('commitments', s.gold.commitments, commitments, alignOneToOne(s.gold.commitments, commitments, score), {
    gold: json,
    system: (c) => `${s.actorName(c.by)}${c.to ? ` → ${s.actorName(c.to)}` : ''}: "${s.text(c.what)}"${c.due ? ` due ${c.due.value}` : ''}`,
  })) {
    if (m.gold.to !== undefined) s.attribute('commitments.to', s.entities.matches(m.gold.to, m.system.to), m.label);
    if (m.gold.due !== undefined) s.attribute('commitments.due', dateMatches(m.gold.due, m.system.due), m.label);
  }
}

function scoreAgreements(s: Scorer): void {
  // Parties match as a set: every gold party present, and no system party without a gold counterpart.
  const score = (g: Row<'agreements'>, a: Rec<'agreements'>) => {
    const mapped = new Set(a.parties.map((id) => s.entities.goldId(id) ?? `system:${id}`));
    const wanted = new Set(g.parties);
    return mapped.size === wanted.size && [...wanted].every((id) => mapped.has(id)) ? 1 : undefined;
  };
  const { agreements } = s.system;
  for (const m of s.tally('agreements', s.gold.agreements, agreements, alignOneToOne(s.gold.agreements, agreements, score), {
    gold: json,
    system: (a) => `${a.kind}: ${s.actorNames(a.parties)}${a.points !== undefined ? `, ${a.points} points` : ''}${a.date ? ` @${a.date.value}` : ''}`,
  })) {
    if (m.gold.points !== undefined) s.attribute('agreements.points', m.gold.points === m.system.points, m.label);
    if (m.gold.date !== undefined) s.attribute('agreements.date', dateMatches(m.gold.date, m.system.date), m.label);
  }
}

function scoreRelations(s: Scorer): void {
  const score = (g: Row<'relations'>, r: Rec<'relations'>) => {
    if (g.kind !== r.kind) return undefined;
    const forward = s.entities.matches(g.a, r.a) && s.entities.matches(g.b, r.b);
    const backward = SYMMETRIC_RELATIONS.has(g.kind) && s.entities.matches(g.a, r.b) && s.entities.matches(g.b, r.a);
    return forward || backward ? 1 : undefined;
  };
  const { relations } = s.system;
  for (const m of s.tally('relations', s.gold.relations, relations, alignOneToOne(s.gold.relations, relations, score), {
    gold: json,
    system: (r) => `${s.actorName(r.a)} ${r.kind}${r.polarity === 'negative' ? ' (not)' : ''} ${s.actorName(r.b)}`,
  })) {
    s.attribute('relations.polarity', (m.gold.polarity ?? 'positive') === m.system.polarity, m.label);
  }
}
