import { readFileSync } from 'node:fs';
import type { Document } from '../../document/document.js';
import type { Relation, RelationKind, TimeValue } from '../../document/layers.js';
import type { Stage } from '../../pipeline/stage.js';
import { packagePath } from '../../package-path.js';
import { clauseStartOf, subjectOf, unique } from '../events/arguments.js';
import { modalityCues } from '../events/lexicon.js';
import { sentenceViews, type SentenceView } from '../events/sentence-view.js';
import { leadingParty, rulingParty } from '../events/state-changes.js';

interface RelationCues {
  ally: string[];
  coalition: string[];
  negotiating: string[];
  memberPositive: string[];
  memberNegative: string[];
  opposition: string[];
  ruling: string[];
  formedAlliance: string[];
  leftCoalition: string[];
  coalitionNouns: string[];
  inOpposition: string[];
  twoParties: string[];
  notFactBefore: string[];
}

let cues: RelationCues | undefined;
function relationCues(): RelationCues {
  return (cues ??= JSON.parse(readFileSync(packagePath('src/stages/relations/relation-cues.json'), 'utf8')) as RelationCues);
}

/** Cue phrases split into words once and grouped by their first word, in list order (the lists are loaded once). */
const cueIndexes = new WeakMap<readonly string[], Map<string, string[][]>>();
function cueIndex(phrases: readonly string[]): Map<string, string[][]> {
  let index = cueIndexes.get(phrases);
  if (!index) {
    index = new Map();
    for (const p of phrases) {
      const words = p.split(' ');
      const list = index.get(words[0]!);
      if (list) list.push(words);
      else index.set(words[0]!, [words]);
    }
    cueIndexes.set(phrases, index);
  }
  return index;
}

/** The words of a sentence as a set, built once per sentence (findCue asks for a dozen lists). */
const wordSets = new WeakMap<SentenceView, Set<string>>();
function wordSet(view: SentenceView): Set<string> {
  let set = wordSets.get(view);
  if (!set) wordSets.set(view, (set = new Set(view.words.map((w) => w.text))));
  return set;
}

/** Positions where a cue phrase starts in the sentence, with its length in words (the first phrase listed wins). */
function findCue(view: SentenceView, phrases: readonly string[]): { at: number; length: number }[] {
  const found: { at: number; length: number }[] = [];
  const index = cueIndex(phrases);
  // Most sentences hold none of a list's first words: a few set lookups instead of one map lookup per word.
  const present = wordSet(view);
  let any = false;
  for (const first of index.keys()) {
    if (present.has(first)) {
      any = true;
      break;
    }
  }
  if (!any) return found;
  for (let i = 0; i < view.words.length; i++) {
    const candidates = index.get(view.words[i]!.text);
    if (!candidates) continue;
    for (const words of candidates) {
      if (words.every((w, k) => view.words[i + k]?.text === w)) {
        found.push({ at: i, length: words.length });
        break;
      }
    }
  }
  return found;
}

/** Is the cue negated ("would no longer be an ally", "would not rejoin")? */
function negated(view: SentenceView, at: number): boolean {
  const window = view.words.slice(Math.max(0, at - 5), at).map((w) => w.text);
  return modalityCues().negators.some((n) => window.join(' ').includes(n)) && !window.includes(',');
}

/** A conditional or hypothetical sentence states no relation: "ready to embrace the MQM-P as a coalition partner … provided it helped". */
function unreal(view: SentenceView): boolean {
  return findCue(view, modalityCues().conditional).length > 0;
}

/** The party a relation holds for: the actor itself if a party, else the person's party (membership, then role). */
function asParty(doc: Document, actor: string): string | undefined {
  const type = doc.actors.find((a) => a.id === actor)?.type;
  if (type === 'PARTY' || type === 'GOVBODY' || type === 'ORG') return actor;
  const parties = new Set(doc.actors.filter((a) => a.type === 'PARTY').map((a) => a.id));
  return doc.memberships.find((m) => m.person === actor && parties.has(m.org))?.org ?? doc.roles.find((r) => r.person === actor && r.org && parties.has(r.org))?.org;
}

/** The partner named after a cue, or the ruling party for "the ruling party", "the government". */
function partnerAfter(doc: Document, view: SentenceView, from: number, ruling: string | undefined): string | undefined {
  for (const phrase of relationCues().ruling) {
    const words = phrase.split(' ');
    for (let i = from; i <= from + 2; i++) {
      if (ruling && words.every((w, k) => view.words[i + k]?.text === w)) return ruling;
    }
  }
  const ref = view.refs.find((r) => r.first >= from && r.first <= from + 3);
  if (!ref) return undefined;
  const led = leadingParty(doc, doc.text.slice(view.words[ref.first]!.span.start, view.words[ref.last]!.span.end));
  return led ?? asParty(doc, ref.actor);
}

/** The date a sentence reports on: its first dated time expression, the statement's date, else publication. */
function asOfDate(doc: Document, view: SentenceView, dated: DatedSentences): string | undefined {
  const value = dated.times[view.index] ?? dated.statements[view.index];
  // Only a calendar day will do: an unresolved "XXXX-WXX-1" (no publication date) says no day.
  const day = [value?.start, value?.value, doc.meta.published].find((d) => d !== undefined && /^\d{4}-\d{2}-\d{2}$/u.test(d));
  return day;
}

interface DatedSentences {
  /** By sentence index: the first date or range expression (in layer order) lying wholly inside the sentence. */
  times: (TimeValue | undefined)[];
  /** By sentence index: the date of the first dated statement (in layer order) whose evidence holds the sentence's start. */
  statements: (TimeValue | undefined)[];
}

/** The dates asOfDate looks up, found for every sentence in one pass over times and statements (not one per sentence). */
function datedSentences(doc: Document, views: readonly SentenceView[]): DatedSentences {
  const starts = views.map((v) => v.span.start);
  // The last sentence starting at or before `offset`.
  const sentenceAt = (offset: number) => {
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  };
  const times: (TimeValue | undefined)[] = [];
  for (const t of doc.times) {
    if (t.value.kind !== 'date' && t.value.kind !== 'range') continue;
    const k = sentenceAt(t.span.start);
    const view = views[k];
    if (view && times[k] === undefined && t.span.start >= view.span.start && t.span.end <= view.span.end) times[k] = t.value;
  }
  const statements: (TimeValue | undefined)[] = [];
  for (const s of doc.statements) {
    if (!s.date) continue;
    for (let k = Math.max(0, sentenceAt(s.evidence.start)); k < views.length && starts[k]! < s.evidence.end; k++) {
      if (starts[k]! >= s.evidence.start && statements[k] === undefined) statements[k] = s.date;
    }
  }
  return { times, statements };
}

/** Reported long before publication, it is history (a state change), not a relation as of the article. */
function isHistory(doc: Document, asOf: string): boolean {
  if (!doc.meta.published) return false;
  const days = (Date.parse(doc.meta.published) - Date.parse(asOf)) / 86_400_000;
  return days > 60;
}

/** Relations between parties in one document, each with the sentence as evidence. */
export function extractRelations(doc: Document): Relation[] {
  const relations: Relation[] = [];
  const ruling = rulingParty(doc);
  const add = (a: string | undefined, b: string | undefined, kind: RelationKind, positive: boolean, view: SentenceView, asOf: string) => {
    if (!a || !b || a === b) return;
    if (relations.some((r) => r.a === a && r.b === b && r.kind === kind)) return;
    relations.push({ id: `r${relations.length + 1}`, a, b, kind, polarity: positive ? 'positive' : 'negative', asOf, evidence: view.span });
  };
  const c = relationCues();
  const views = sentenceViews(doc);
  const dated = datedSentences(doc, views);
  for (const view of views) {
    const asOf = asOfDate(doc, view, dated);
    if (!asOf || isHistory(doc, asOf) || unreal(view)) {
      // "helped the opposition in bringing down the PTI-led federal government": a conditional offer still names who opposes whom.
      if (asOf && !isHistory(doc, asOf)) oppositionIn(doc, view, asOf, add);
      continue;
    }
    const subjectAt = (at: number) => subjectOf({ view, at, clauseStart: clauseStartOf(view, at) })[0];
    // "MQM-P would remain an ally of the ruling party"
    for (const { at, length } of findCue(view, c.ally)) {
      // "an ally of the ruling party", "allied with the PPP"; "mobilised their members and allies" names no partner.
      if (!['of', 'with', 'to'].includes(view.words[at + length]?.text ?? '')) continue;
      const a = subjectAt(at);
      add(a && asParty(doc, a), partnerAfter(doc, view, at + length + 1, ruling), 'ally', !negated(view, at), view, asOf);
    }
    for (const { at, length } of findCue(view, c.coalition)) {
      const a = subjectAt(at);
      const of = ['of', 'with'].includes(view.words[at + length]?.text ?? '') ? at + length + 1 : at + length;
      add(a && asParty(doc, a), partnerAfter(doc, view, of, ruling), 'coalition', !negated(view, at), view, asOf);
    }
    for (const { at, length } of findCue(view, c.negotiating)) {
      add(asParty(doc, subjectAt(at) ?? ''), partnerAfter(doc, view, at + length, ruling), 'negotiating', !negated(view, at), view, asOf);
    }
    // "he would not rejoin the federal cabinet": membership of a government body, for the speaker's party.
    for (const [list, positive] of [[c.memberPositive, true], [c.memberNegative, false]] as const) {
      for (const { at, length } of findCue(view, list)) {
        if (view.words[at - 1]?.text === 'to' && !['decision', 'decided'].includes(view.words[at - 2]?.text ?? '')) continue;
        const body = view.refs.find((r) => r.first >= at + length && r.first <= at + length + 2 && r.type === 'GOVBODY');
        const a = subjectAt(at);
        if (!body || !a) continue;
        add(asParty(doc, a), body.actor, 'member', positive !== negated(view, at), view, asOf);
      }
    }
    alliancesFormed(doc, view, asOf, add);
    coalitionsLeft(doc, view, asOf, ruling, add);
    for (const { at } of findCue(view, c.inOpposition)) {
      if (notFact(view, at)) continue;
      // "The PPF is in opposition", "the party is part of the opposition alliance": its subject against the ruling party.
      const a = subjectAt(at) ?? (startsWithTheParty(view, clauseStartOf(view, at)) ? lastPartyBefore(doc, view, 0) : undefined);
      add(a && asParty(doc, a), ruling, 'opposition', !negated(view, at), view, asOf);
    }
    oppositionIn(doc, view, asOf, add);
  }
  return relations;
}

/** "demanded that the JUP withdraw from the coalition", "would form an alliance": asked for or planned, not a fact. */
function notFact(view: SentenceView, at: number): boolean {
  const from = Math.max(clauseStartOf(view, at) - 2, at - 5, 0);
  return view.words.slice(from, at).some((w) => relationCues().notFactBefore.includes(w.text));
}

/** The clause opens with "the party" (an anaphor for the party last named). */
function startsWithTheParty(view: SentenceView, from: number): boolean {
  return view.words[from]?.text === 'the' && view.words[from + 1]?.text === 'party';
}

/** The parties named last before a word of the sentence (this sentence first, then the ones before), newest first. */
function partiesBefore(doc: Document, view: SentenceView, at: number): string[] {
  const parties = new Set(doc.actors.filter((x) => x.type === 'PARTY').map((x) => x.id));
  const limit = view.words[at]?.span.start ?? view.span.start;
  const seen: string[] = [];
  const mentions = doc.mentions.filter((m) => m.actor && parties.has(m.actor) && m.span.end <= limit).sort((x, y) => y.span.start - x.span.start);
  for (const m of mentions) if (!seen.includes(m.actor!)) seen.push(m.actor!);
  return seen;
}

function lastPartyBefore(doc: Document, view: SentenceView, at: number): string | undefined {
  return partiesBefore(doc, view, at)[0];
}

/**
 * "The AUP and the PPF formed an alliance", "the two parties formed an alliance" (the two parties last named),
 * "the AUP allied with the PPF": allies, or coalition partners when it is a coalition they formed.
 */
function alliancesFormed(doc: Document, view: SentenceView, asOf: string, add: AddRelation): void {
  const c = relationCues();
  for (const { at, length } of findCue(view, c.formedAlliance)) {
    if (notFact(view, at)) continue;
    const kind: RelationKind = view.words.slice(at, at + length).some((w) => w.text === 'coalition') ? 'coalition' : 'ally';
    const clauseStart = clauseStartOf(view, at);
    const subject = subjectOf({ view, at, clauseStart }).map((a) => asParty(doc, a)).filter((a): a is string => !!a);
    const two = findCue(view, c.twoParties).find((t) => t.at >= clauseStart && t.at < at);
    const sides = two ? partiesBefore(doc, view, two.at).slice(0, 2) : subject;
    const withAt = view.words[at + length - 1]?.text === 'with' ? at + length : view.words[at + length]?.text === 'with' ? at + length + 1 : undefined;
    const partner = withAt !== undefined ? view.refs.find((r) => r.first >= withAt && r.first <= withAt + 2) : undefined;
    const partnerParty = partner && asParty(doc, partner.actor);
    const positive = !negated(view, at);
    if (partnerParty && sides[0]) add(sides[0], partnerParty, kind, positive, view, asOf);
    else if (sides.length >= 2) add(sides[0], sides[1], kind, positive, view, asOf);
  }
}

/**
 * "BAP withdrew from the ruling coalition", "the AUP quit the League-led alliance": the coalition with its
 * leading party ends (a negative coalition relation; the state change is the events stage's).
 */
function coalitionsLeft(doc: Document, view: SentenceView, asOf: string, ruling: string | undefined, add: AddRelation): void {
  const c = relationCues();
  for (const { at, length } of findCue(view, c.leftCoalition)) {
    if (notFact(view, at)) continue;
    const object = view.words.slice(at + length, at + length + 4);
    const noun = object.findIndex((w) => c.coalitionNouns.includes(w.text));
    if (noun < 0) continue;
    const objectSpan = { start: view.words[at + length]!.span.start, end: object[noun]!.span.end };
    const leader = leadingParty(doc, doc.text.slice(objectSpan.start, objectSpan.end)) ?? ruling;
    const a = subjectOf({ view, at, clauseStart: clauseStartOf(view, at) })[0];
    const party = a && asParty(doc, a);
    if (party && leader) add(party, leader, 'coalition', negated(view, at), view, asOf);
  }
}

type AddRelation = (a: string | undefined, b: string | undefined, kind: RelationKind, positive: boolean, view: SentenceView, asOf: string) => void;

/**
 * "the opposition PPP" names an opposition party; "helped the opposition in bringing down the PTI-led federal
 * government" puts the sentence's first other party against the leading one.
 */
function oppositionIn(doc: Document, view: SentenceView, asOf: string, add: AddRelation): void {
  for (const { at } of findCue(view, relationCues().opposition)) {
    const led = /(?<![\p{L}\p{N}.-])([\p{L}\p{N}.-]+?)\s*-\s*led\s+(?:[\p{L}]+\s+){0,2}government/iu.exec(doc.text.slice(view.span.start, view.span.end));
    // Without a ruling party named, the opposition is against the government.
    const against = (led ? leadingParty(doc, led[0]) : rulingParty(doc)) ?? governmentOf(doc);
    const parties = new Set(doc.actors.filter((x) => x.type === 'PARTY').map((x) => x.id));
    const named = view.refs.find((r) => r.first === at + 1 && parties.has(r.actor));
    // "a fierce debate with the opposition as he challenged the Pheu Thai Party": the one other party named.
    const others = unique(view.refs.filter((r) => parties.has(r.actor) && r.actor !== against).map((r) => r.actor));
    // "helped the opposition in bringing down the PTI-led federal government": the first other party.
    const first = led ? others[0] : !named && view.words[at - 1]?.text === 'the' && others.length === 1 ? others[0] : undefined;
    add(named?.actor ?? first, against, 'opposition', true, view, asOf);
  }
}

/** The article's government as an actor of its own ("the government"), when one is named. */
function governmentOf(doc: Document): string | undefined {
  return doc.actors.find((a) => a.type === 'GOVBODY' && /^(?:the\s+)?(?:federal\s+|national\s+)?government$/iu.test(a.name))?.id;
}

export const relationsStage: Stage = {
  name: 'relations',
  reads: ['sentences', 'tokens', 'mentions', 'actors', 'memberships', 'roles', 'times', 'statements'],
  adds: ['relations'],
  run(doc) {
    doc.relations = extractRelations(doc);
  },
};
