/**
 * Scores one analysed document against its gold annotation, layer by layer, following the matching rules
 * of ../shared/gold/README.md. Pure: reads both, changes neither.
 */
import { textOf, type Document } from '../document/document.js';
import type { TimeValue } from '../document/layers.js';
import { alignOneToOne, EntityAlignment, idList, type Pair } from './align.js';
import { nameKey, tokenCoverage, tokenJaccard } from './fold.js';
import type { GoldDate, GoldDocument } from './gold.js';
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
const SYMMETRIC_RELATIONS = new Set(['ally', 'coalition', 'opposition', 'negotiating']);

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

/** Builds one document's score; each layer scorer reports its pairs through `tally`. */
class Scorer {
  readonly layers = {} as Record<EvalLayer, LayerScore>;
  readonly attributes = Object.fromEntries(EVAL_ATTRIBUTES.map((a) => [a, attributeScore(0, 0)])) as Record<EvalAttribute, AttributeScore>;
  readonly errors: ScoringError[] = [];

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
   * optional; an unpaired (or rejected) system record is an FP.
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
      if (creditedGold.has(i) || options.optional?.(g)) return;
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

interface Describe<G, S> {
  gold: (g: G) => string;
  system: (s: S) => string;
}

function matched<G, S>(gold: G, system: S, describe: Describe<G, S>): Matched<G, S> {
  return { gold, system, label: `${describe.gold(gold)} ~ ${describe.system(system)}` };
}

const json = (x: unknown): string => JSON.stringify(x);

/** Scores `system` (an analysed Document) against `gold`. */
export function scoreDocument(gold: GoldDocument, system: Document): DocumentScore {
  const s = new Scorer();
  const entities = new EntityAlignment(gold.entities, system.actors);
  const actorName = (id: string | undefined): string => (id === undefined ? '?' : (system.actors.find((a) => a.id === id)?.name ?? id));
  const names = (ids: readonly string[]) => ids.map(actorName).join(' + ');
  const text = (span: { start: number; end: number }) => textOf(system, span);

  // published and dateline: one value each, exact date and case/punctuation-insensitive place.
  const scalar = (layer: EvalLayer, goldValue: string | undefined, systemValue: string | undefined, same: (a: string, b: string) => boolean) => {
    const g = goldValue === undefined ? [] : [goldValue];
    const v = systemValue === undefined ? [] : [systemValue];
    const pairs = g.length && v.length && same(g[0]!, v[0]!) ? [{ gold: 0, system: 0 }] : [];
    s.tally(layer, g, v, pairs, { gold: json, system: json });
  };
  scalar('published', gold.published, system.meta.published, (a, b) => a === b);
  scalar('dateline', gold.dateline, system.meta.dateline?.place, (a, b) => nameKey(a) === nameKey(b));

  for (const m of s.tally('entities', gold.entities, system.actors, entities.pairs, {
    gold: (g) => `${g.id} (${g.type}) ${g.name}`,
    system: (a) => `${a.type} ${[a.name, ...a.aliases].join(' / ')}`,
  })) {
    s.attribute('entities.type', m.gold.type === m.system.type, m.label);
  }

  const roleScore = (g: GoldDocument['roles'][number], r: Document['roles'][number]) => {
    if (!entities.matches(g.person, r.person)) return undefined;
    const overlap = tokenJaccard(g.title, r.title);
    return overlap >= ROLE_TITLE_OVERLAP ? overlap : undefined;
  };
  for (const m of s.tally('roles', gold.roles, system.roles, alignOneToOne(gold.roles, system.roles, roleScore), {
    gold: json,
    system: (r) => `${actorName(r.person)}: ${r.title}${r.org ? ` (${actorName(r.org)})` : ''}`,
  })) {
    if (m.gold.org !== undefined) s.attribute('roles.org', entities.matches(m.gold.org, m.system.org), m.label);
  }

  // Inferable memberships rank below stated ones so a system row is credited to a stated one first.
  const membershipScore = (g: GoldDocument['memberships'][number], m: Document['memberships'][number]) =>
    entities.matches(g.person, m.person) && entities.matches(g.org, m.org) ? (g.inferable ? 1 : 2) : undefined;
  s.tally('memberships', gold.memberships, system.memberships, alignOneToOne(gold.memberships, system.memberships, membershipScore), {
    gold: json,
    system: (m) => `${actorName(m.person)} in ${actorName(m.org)}`,
  }, { optional: (g) => g.inferable === true });

  scoreQuotes(s, gold, system, entities, actorName);

  type GoldEvent = GoldDocument['events'][number];
  type SystemEvent = Document['events'][number];
  // Among events of the right type and actor, prefer the one that also gets recipient, date and place right;
  // optional rows rank last so they never take a record a required row could have had.
  const eventAttributes = (g: GoldEvent, e: SystemEvent) => ({
    recipient: g.recipient === undefined ? undefined : entities.matchesAny(g.recipient, e.recipient),
    date: g.date === undefined ? undefined : dateMatches(g.date, e.date),
    place: g.place === undefined ? undefined : entities.matches(g.place, e.place),
  });
  const eventScore = (g: GoldEvent, e: SystemEvent) => {
    if (!g.types.includes(e.type) || !entities.matchesAny(g.actor, e.actor)) return undefined;
    const agreeing = Object.values(eventAttributes(g, e)).filter((v) => v === true).length;
    return (g.optional ? 0 : 10) + agreeing;
  };
  for (const m of s.tally('events', gold.events, system.events, alignOneToOne(gold.events, system.events, eventScore), {
    gold: json,
    system: (e) => `${e.type} ${names(e.actor)} → ${names(e.recipient)}: "${text(e.trigger)}"${e.date ? ` @${e.date.value}` : ''}`,
  }, { optional: (g) => g.optional === true })) {
    const found = eventAttributes(m.gold, m.system);
    if (found.recipient !== undefined) s.attribute('events.recipient', found.recipient, m.label);
    if (found.date !== undefined) s.attribute('events.date', found.date, m.label);
    if (found.place !== undefined) s.attribute('events.place', found.place, m.label);
  }

  const stateScore = (g: GoldDocument['state_changes'][number], c: Document['stateChanges'][number]) =>
    g.kind === c.kind && entities.matches(g.person ?? g.party, c.subject) && (g.date === undefined || sameMonth(g.date, c.date))
      ? 1
      : undefined;
  s.tally('state_changes', gold.state_changes, system.stateChanges, alignOneToOne(gold.state_changes, system.stateChanges, stateScore), {
    gold: json,
    system: (c) => `${c.kind} ${actorName(c.subject)}${c.body ? ` body=${actorName(c.body)}` : ''}${c.with ? ` with=${actorName(c.with)}` : ''}${c.date ? ` @${c.date.value}` : ''}`,
  });

  const commitmentScore = (g: GoldDocument['commitments'][number], c: Document['commitments'][number]) => {
    if (!entities.matches(g.by, c.by)) return undefined;
    const overlap = tokenJaccard(g.what, text(c.what));
    return overlap >= COMMITMENT_OVERLAP ? overlap : undefined;
  };
  for (const m of s.tally('commitments', gold.commitments, system.commitments, alignOneToOne(gold.commitments, system.commitments, commitmentScore), {
    gold: json,
    system: (c) => `${actorName(c.by)}${c.to ? ` → ${actorName(c.to)}` : ''}: "${text(c.what)}"${c.due ? ` due ${c.due.value}` : ''}`,
  })) {
    if (m.gold.to !== undefined) s.attribute('commitments.to', entities.matches(m.gold.to, m.system.to), m.label);
    if (m.gold.due !== undefined) s.attribute('commitments.due', dateMatches(m.gold.due, m.system.due), m.label);
  }

  const sameParties = (goldParties: readonly string[], systemParties: readonly string[]) => {
    const mapped = new Set(systemParties.map((id) => entities.goldId(id) ?? `system:${id}`));
    const wanted = new Set(goldParties);
    return mapped.size === wanted.size && [...wanted].every((id) => mapped.has(id));
  };
  for (const m of s.tally('agreements', gold.agreements, system.agreements, alignOneToOne(gold.agreements, system.agreements, (g, a) => (sameParties(g.parties, a.parties) ? 1 : undefined)), {
    gold: json,
    system: (a) => `${a.kind}: ${names(a.parties)}${a.points !== undefined ? `, ${a.points} points` : ''}${a.date ? ` @${a.date.value}` : ''}`,
  })) {
    if (m.gold.points !== undefined) s.attribute('agreements.points', m.gold.points === m.system.points, m.label);
    if (m.gold.date !== undefined) s.attribute('agreements.date', dateMatches(m.gold.date, m.system.date), m.label);
  }

  const relationScore = (g: GoldDocument['relations'][number], r: Document['relations'][number]) => {
    if (g.kind !== r.kind) return undefined;
    const forward = entities.matches(g.a, r.a) && entities.matches(g.b, r.b);
    const backward = SYMMETRIC_RELATIONS.has(g.kind) && entities.matches(g.a, r.b) && entities.matches(g.b, r.a);
    return forward || backward ? 1 : undefined;
  };
  for (const m of s.tally('relations', gold.relations, system.relations, alignOneToOne(gold.relations, system.relations, relationScore), {
    gold: json,
    system: (r) => `${actorName(r.a)} ${r.kind}${r.polarity === 'negative' ? ' (not)' : ''} ${actorName(r.b)}`,
  })) {
    s.attribute('relations.polarity', (m.gold.polarity ?? 'positive') === m.system.polarity, m.label);
  }

  return { doc: gold.doc, file: gold.file, layers: s.layers, attributes: s.attributes, errors: s.errors };
}

/**
 * Quotes are paired by content first (≥ QUOTE_COVERAGE of the fragment's words inside the system quote),
 * preferring the quote with the right speaker; a pair counts as a TP only when the speaker matches too.
 * The speaker is the statement's actor, or, for a described speaker with no actor, the gold entity named
 * in its speakerSpan ("the MQM-P’s key leaders" → MQM-P).
 */
function scoreQuotes(
  s: Scorer,
  gold: GoldDocument,
  system: Document,
  entities: EntityAlignment,
  actorName: (id: string | undefined) => string,
): void {
  const speakerOf = (st: Document['statements'][number]): string | undefined =>
    entities.goldId(st.speaker) ?? (st.speakerSpan ? entities.goldIdInText(textOf(system, st.speakerSpan)) : undefined);
  const speakerMatches = (g: GoldDocument['quotes'][number], st: Document['statements'][number]) => speakerOf(st) === g.speaker;
  const quoteScore = (g: GoldDocument['quotes'][number], st: Document['statements'][number]) => {
    const coverage = tokenCoverage(g.text, textOf(system, st.content));
    if (coverage < QUOTE_COVERAGE) return undefined;
    return (speakerMatches(g, st) ? 10 : 0) + (g.kind === st.kind ? 1 : 0) + coverage;
  };
  const pairs = alignOneToOne(gold.quotes, system.statements, quoteScore);
  const describe: Describe<GoldDocument['quotes'][number], Document['statements'][number]> = {
    gold: json,
    system: (st) => {
      const who = st.speaker ? actorName(st.speaker) : st.speakerSpan ? `"${textOf(system, st.speakerSpan)}"` : '?';
      return `${who} (${st.kind}): "${textOf(system, st.content)}"`;
    },
  };
  s.tally('quotes', gold.quotes, system.statements, pairs, describe, { accept: speakerMatches });
  for (let i = 0; i < gold.quotes.length; i++) s.attribute('quotes.found', pairs.some((p) => p.gold === i));
  for (const p of pairs) {
    const m = matched(gold.quotes[p.gold]!, system.statements[p.system]!, describe);
    s.attribute('quotes.speaker', speakerMatches(m.gold, m.system), m.label);
    s.attribute('quotes.kind', m.gold.kind === m.system.kind, m.label);
  }
}
