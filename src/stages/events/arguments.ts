import type { Document } from '../../document/document.js';
import type { ActorType } from '../../document/layers.js';
import type { ActorRef, SentenceView } from './sentence-view.js';

const PREPOSITIONS = new Set(['in', 'to', 'at', 'into', 'from', 'of', 'for', 'near', 'outside', 'inside', 'across', 'on', 'with', 'against', 'toward', 'towards']);
const PLACE_PREPOSITIONS = new Set(['in', 'to', 'at', 'into']);
/** Words that open a new clause (or end a sentence inside a quotation): the subject of a trigger after them is not looked for before them. */
export const CLAUSE_OPENERS = new Set([';', 'that', 'which', 'who', 'whom', 'because', 'but', 'while', 'although', 'though', 'whereas', ':', '"', '.', '?', '!']);
const SUBJECT_PRONOUNS = new Set(['he', 'she', 'it', 'they', 'we', 'i', 'you']);
const COORDINATORS = new Set(['and', ',', '&']);
const AGENT_TYPES: ReadonlySet<ActorType> = new Set(['PERSON', 'PARTY', 'ORG', 'GOVBODY', 'PLACE']);

/** The word before a reference, skipping a determiner ("to the MQM-P headquarters" → "to"). */
function wordBefore(view: SentenceView, ref: ActorRef): string | undefined {
  let i = ref.first - 1;
  while (i >= 0 && ['the', 'a', 'an'].includes(view.words[i]!.text)) i--;
  return view.words[i]?.text;
}

/** A PLACE after a preposition is where something happens, not who does it ("summoned … to Islamabad"). */
export function isLocative(view: SentenceView, ref: ActorRef): boolean {
  return ref.type === 'PLACE' && PREPOSITIONS.has(wordBefore(view, ref) ?? '');
}

/** The clause a word sits in starts after the last clause opener before it (or the statement content start). */
export function clauseStartOf(view: SentenceView, at: number): number {
  let start = 0;
  const statement = view.statementAt[at];
  if (statement) {
    const first = view.statementAt.findIndex((s) => s === statement);
    if (first >= 0) start = first;
  }
  for (let i = at - 1; i >= start; i--) {
    if (CLAUSE_OPENERS.has(view.words[i]!.text)) return i + 1;
  }
  return start;
}

/** References joined to `ref` by "and" or commas before it: "PTI and the MQM-P had signed". */
function coordinatedBefore(view: SentenceView, ref: ActorRef, floor: number): ActorRef[] {
  const out: ActorRef[] = [];
  let current = ref;
  for (;;) {
    let i = current.first - 1;
    while (i >= floor && ['the', 'a', 'an'].includes(view.words[i]!.text)) i--;
    if (i < floor || !COORDINATORS.has(view.words[i]!.text)) break;
    const prev = [...view.refs].reverse().find((r) => r.last < i && r.last >= i - 2 && r.first >= floor);
    if (!prev || isLocative(view, prev)) break;
    out.unshift(prev);
    current = prev;
  }
  return out;
}

function coordinatedAfter(view: SentenceView, ref: ActorRef, ceiling: number): ActorRef[] {
  const out: ActorRef[] = [];
  let current = ref;
  for (;;) {
    let i = current.last + 1;
    if (i >= ceiling || !COORDINATORS.has(view.words[i]!.text)) break;
    i++;
    while (i < ceiling && ['the', 'a', 'an'].includes(view.words[i]!.text)) i++;
    const next = view.refs.find((r) => r.first === i && r.last < ceiling);
    if (!next || isLocative(view, next)) break;
    out.push(next);
    current = next;
  }
  return out;
}

/**
 * Where "led by" stands before a reference, over the head's title ("The PTI delegation led by the Federal
 * Minister for Planning, Development and Special Initiatives Asad Umar"): the position of "led", or undefined.
 */
function ledByBefore(view: SentenceView, ref: ActorRef): number | undefined {
  for (let i = ref.first - 1; i >= Math.max(1, ref.first - 14); i--) {
    if (view.words[i]!.text === 'by') return view.words[i - 1]!.text === 'led' ? i - 1 : undefined;
    if (view.refs.some((r) => r.first <= i && i <= r.last) || CLAUSE_OPENERS.has(view.words[i]!.text)) return undefined;
  }
  return undefined;
}

export interface SubjectSearch {
  view: SentenceView;
  /** First word of the trigger. */
  at: number;
  clauseStart: number;
  /** Actors of the previous event in reading order, for "the latter" / "the former". */
  previousActors?: string[];
  /** The party of a person, for a delegation whose own party is not named ("a delegation led by X"). */
  partyOf?: (person: string) => string | undefined;
}

/**
 * The nearest actor named before the trigger in its clause, skipping titles (they are not actor refs),
 * locative places and appositions; with its coordinated partners, and the party of a delegation head:
 * "The PTI delegation led by … Asad Umar on Monday visited" → Asad Umar and PTI.
 */
export function subjectOf(search: SubjectSearch): string[] {
  const found = headSubject(search) ?? nearestSubject(search);
  return found.length > 0 ? found : antecedentOf(search.view, search.clauseStart);
}

/**
 * The subject of a relative clause is the name it hangs on: "Minister Chen Shih-chung (陳時中), who resigned
 * on Thursday" → Chen.
 */
function antecedentOf(view: SentenceView, clauseStart: number): string[] {
  if (!['who', 'which'].includes(view.words[clauseStart - 1]?.text ?? '')) return [];
  let i = clauseStart - 2;
  if (view.words[i]?.text === ',') i--;
  if (view.words[i]?.text === ')') {
    while (i >= 0 && view.words[i]!.text !== '(') i--;
    i--;
  }
  const ref = view.refs.find((r) => r.last === i && AGENT_TYPES.has(r.type));
  return ref ? [ref.actor] : [];
}

const DATELINE_MARKS = new Set(['-', '\u2013', '\u2014', ':', '--']);

/** Words after which a name is not the clause's subject: a fronted phrase ("On Monday in Kabul", "According to X"). */
const NOT_SUBJECT_AFTER = new Set(['in', 'at', 'on', 'under', 'after', 'before', 'during', 'with', 'for', 'against', 'to', 'from', 'by', 'into', 'despite', 'following', 'near', 'amid', 'over', 'between', 'among', 'than', 'like', 'about', 'toward', 'towards', 'since', 'until', 'without', 'as', 'told', 'than']);

/**
 * The head of the clause's subject phrase: the first actor of the clause that no preposition governs, with
 * the actors coordinated with it ("Jordan and Britain have agreed"); a name in an apposition after it is not
 * the subject ("Pakistan, a key U.S. ally in the war against terrorism, has refused"). Undefined when the clause opens
 * with something the simple left-to-right reading cannot take ("the latter", a pronoun, "led by").
 */
function headSubject({ view, at, clauseStart, partyOf: party }: SubjectSearch): string[] | undefined {
  // "A League delegation led by … Sara Baig": the head of the delegation is found from the trigger back.
  if (view.words.slice(clauseStart, at).some((w, k, all) => w.text === 'led' && all[k + 1]?.text === 'by')) return undefined;
  let depth = 0;
  for (let i = clauseStart; i < at; i++) {
    const w = view.words[i]!.text;
    if (w === '(') depth++;
    if (w === ')') depth = Math.max(0, depth - 1);
    if (depth > 0 || w === ',') continue;
    if (SUBJECT_PRONOUNS.has(w) || w === 'latter' || w === 'former' || w === 'led') return undefined;
    let ref = view.refs.find((r) => r.first === i);
    if (!ref || ref.last >= at || !AGENT_TYPES.has(ref.type)) continue;
    // "PORT QASIMABAD - Rural People's League convener …": a dateline is not the subject.
    if (ref.first === 0 && DATELINE_MARKS.has(view.words[ref.last + 1]?.text ?? '')) {
      i = ref.last;
      continue;
    }
    if (NOT_SUBJECT_AFTER.has(wordBefore(view, ref) ?? '')) {
      i = ref.last;
      continue;
    }
    ref = headOfPhrase(view, ref, at);
    // "ready to take the AUP in provided it backs the budget": a subject pronoun nearer the trigger is its subject.
    if (view.words.slice(ref.last + 1, at).some((x, k) => SUBJECT_PRONOUNS.has(x.text) && !view.refs.some((r) => r.first === ref.last + 1 + k))) return undefined;
    const refs = [ref, ...coordinatedAfter(view, ref, at)];
    const ledAt = ledByBefore(view, ref);
    if (ledAt !== undefined) {
      const own = party?.(ref.actor);
      if (own) return unique([...refs.map((r) => r.actor), own]);
    }
    return unique(refs.map((r) => r.actor));
  }
  return undefined;
}

const MODIFIER_TAGS = new Set(['NOUN', 'PROPN', 'ADJ', 'DET', 'PART', 'PUNCT', 'NUM']);

/**
 * Names before the head of a noun phrase modify it: "Rural People's League (RPL-S) convener Tariq Mehmood
 * Qureshi resigned" is Qureshi's act. The last actor of a run of names, titles and possessives is the head.
 */
function headOfPhrase(view: SentenceView, ref: ActorRef, at: number): ActorRef {
  let head = ref;
  for (let i = ref.last + 1; i < at; i++) {
    const w = view.words[i]!;
    const next = view.refs.find((r) => r.first === i);
    if (next && next.last < at && AGENT_TYPES.has(next.type) && next.type !== 'PLACE') {
      head = next;
      i = next.last;
      continue;
    }
    if (w.text === ',' || !MODIFIER_TAGS.has(w.pos)) break;
  }
  return head;
}

function nearestSubject({ view, at, clauseStart, previousActors, partyOf: party }: SubjectSearch): string[] {
  for (let i = at - 1; i >= clauseStart; i--) {
    const w = view.words[i]!.text;
    if ((w === 'latter' || w === 'former') && view.words[i - 1]?.text === 'the' && previousActors && previousActors.length > 1) {
      return [w === 'latter' ? previousActors[previousActors.length - 1]! : previousActors[0]!];
    }
    const ref = [...view.refs].reverse().find((r) => r.last === i);
    // "and they discussed": a subject pronoun nobody resolved is the subject, and it is unknown.
    if (!ref && SUBJECT_PRONOUNS.has(w)) return [];
    if (!ref || !AGENT_TYPES.has(ref.type) || isLocative(view, ref)) continue;
    const refs = [...coordinatedBefore(view, ref, clauseStart), ref];
    const ledAt = ledByBefore(view, ref);
    if (ledAt !== undefined) {
      const named = view.refs.find((r) => r.type === 'PARTY' && r.last < ledAt && r.first >= ledAt - 6);
      const own = named?.actor ?? party?.(ref.actor);
      if (own) return unique([...refs.map((r) => r.actor), own]);
    }
    return unique(refs.map((r) => r.actor));
  }
  return [];
}

/** The owner of a noun trigger: "Bilawal Bhutto-Zardari's public offer", "his resignation", "offer by the PPP". */
export function possessorOf(view: SentenceView, first: number, last: number, ofOwner = false): string[] {
  if (ofOwner && view.words[last + 1]?.text === 'of') {
    // "the resignation of her predecessor, Martín Guzmán", "the downfall of long-time Algerian President
    // Abdelaziz Bouteflika": the owner follows "of", maybe after an apposition or a title.
    const ref = view.refs.find((r) => r.first > last + 1 && r.first <= last + 9 && r.type !== 'PLACE' && !r.fromStatement && view.words[r.first]!.pos !== 'PRON');
    if (ref && !view.words.slice(last + 2, ref.first).some((w) => CLAUSE_OPENERS.has(w.text))) return [ref.actor];
  }
  for (let i = first - 1; i >= Math.max(0, first - 4); i--) {
    const w = view.words[i]!.text;
    const ref = [...view.refs].reverse().find((r) => r.last === i || (w === "'s" && r.last === i - 1));
    if (ref && (w === "'s" || ['his', 'her', 'its', 'their', 'our', 'my'].includes(w))) return [ref.actor];
    if (ref && ref.last === i && !isLocative(view, ref) && i === first - 1) return [ref.actor];
    if (['the', 'a', 'an', ',', ';', 'and'].includes(w) || view.words[i]!.pos === 'VERB') break;
  }
  const by = view.words[last + 1]?.text;
  if (by === 'by' || by === 'from') {
    const ref = view.refs.find((r) => r.first === last + 2 || (r.first === last + 3 && view.words[last + 2]!.text === 'the'));
    if (ref) return [ref.actor];
  }
  return [];
}

export interface ObjectSearch {
  view: SentenceView;
  /** Last word of the trigger. */
  after: number;
  /** Words at or beyond this index belong to something else (the next trigger, a new clause). */
  end: number;
  exclude: readonly string[];
}

/** The first actor named after the trigger in its clause (with coordinated partners), skipping places after a preposition. */
export function objectOf({ view, after, end, exclude }: ObjectSearch): string[] {
  for (const ref of view.refs) {
    if (ref.first <= after || ref.last >= end) continue;
    if (isSetting(view, ref) || exclude.includes(ref.actor)) continue;
    return unique([ref, ...coordinatedAfter(view, ref, end)].map((r) => r.actor)).filter((a) => !exclude.includes(a));
  }
  return [];
}

/** Prepositions that make a place the setting of an event rather than its recipient ("in Kabul", but "to Brazil", "against Nigeria"). */
const SETTING_PREPOSITIONS = new Set(['in', 'at', 'into', 'near', 'outside', 'inside', 'across', 'from', 'on', 'of', 'within', 'throughout']);

function isSetting(view: SentenceView, ref: ActorRef): boolean {
  return ref.type === 'PLACE' && SETTING_PREPOSITIONS.has(wordBefore(view, ref) ?? '');
}

/** The place of an event: a PLACE after "in", "to", "at" within the trigger's clause ("visited the MQM-P headquarters in Bahadurabad"). */
export function placeOf(view: SentenceView, after: number, end: number): string | undefined {
  const ref = view.refs.find((r) => r.first > after && r.last < end && r.type === 'PLACE' && PLACE_PREPOSITIONS.has(wordBefore(view, r) ?? ''));
  return ref?.actor;
}

/** The agent of a passive trigger: "was attacked by Burundian militiamen". */
export function agentOf(view: SentenceView, after: number, end: number): string[] {
  for (let i = after + 1; i < Math.min(end, after + 4); i++) {
    if (view.words[i]!.text !== 'by') continue;
    const ref = view.refs.find((r) => r.first > i && r.first <= i + 3 && r.last < end);
    if (ref) return unique([ref, ...coordinatedAfter(view, ref, end)].map((r) => r.actor));
  }
  return [];
}

/** The party a person belongs to, from the memberships layer. */
export function partyOf(doc: Document, person: string): string | undefined {
  const parties = new Set(doc.actors.filter((a) => a.type === 'PARTY').map((a) => a.id));
  return doc.memberships.find((m) => m.person === person && parties.has(m.org))?.org;
}

export function unique<T>(xs: readonly T[]): T[] {
  return [...new Set(xs)];
}
