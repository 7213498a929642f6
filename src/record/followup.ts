import { readFileSync } from 'node:fs';
import type { Document } from '../document/document.js';
import type { Commitment, CommitmentStatus } from '../document/layers.js';
import { packagePath } from '../package-path.js';
import { evidenceOf } from './evidence.js';
import type { ActorLookup } from './state.js';
import type { FollowUp } from './types.js';

interface FollowUpCues {
  reversal: string[];
  notYet: string[];
  underWay: string[];
  irregularPast: Record<string, string[]>;
}
const CUES = JSON.parse(readFileSync(packagePath('src/record/lexicon/followup-cues.json'), 'utf8')) as FollowUpCues;
const IRREGULAR = new Map<string, string>();
for (const [base, forms] of Object.entries(CUES.irregularPast)) for (const f of forms) IRREGULAR.set(f, base);

/** Words before a verb that make it not (yet) a done act: "would be released", "to visit", "did not come". */
const NOT_DONE = new Set(['will', 'would', 'shall', 'to', 'not', "n't", 'never', 'soon', 'going']);
const AUXILIARIES = new Set(['will', 'would', 'shall', 'be', 'been', 'being', 'is', 'are', 'was', 'were', 'have', 'has', 'had', 'do', 'does', 'did', 'can', 'could', 'may', 'might', 'must', 'should']);

/** A crude English stem good enough to meet a verb again in another tense: released, releasing → releas. */
export function stemOf(word: string): string {
  const w = word.toLowerCase();
  const base = IRREGULAR.get(w) ?? w;
  return base.length > 4 ? base.replace(/(ing|ed|es|e|s)$/, '') : base.replace(/(ed|s)$/, '');
}

export interface Sketch {
  verbs: Set<string>;
  objects: Set<string>;
}

/** Words that mark the verb after them as the promised act: "would be released", "to visit", "will set up". */
const HEAD_MARKERS = new Set(['will', 'would', 'shall', 'to', 'be', 'been', 'not']);

/**
 * The promised act as stems: its head verbs (visit; released in "would be released" — not "delayed" in
 * "long-delayed") and the things it concerns (port, qasimabad), leaving out time words and the names of people
 * and parties (the committer, the recipient), which any later article about them repeats.
 */
export function sketchOf(doc: Document, c: Commitment): Sketch {
  const verbs = new Set<string>();
  const objects = new Set<string>();
  const inTime = (start: number): boolean => doc.times.some((t) => t.span.start <= start && start < t.span.end);
  const types = new Map(doc.actors.map((a) => [a.id, a.type]));
  const naming = (start: number): boolean => doc.mentions.some((m) => m.span.start <= start && start < m.span.end &&
    m.actor !== undefined && (types.get(m.actor) === 'PERSON' || types.get(m.actor) === 'PARTY'));
  const inside = doc.tokens.filter((t) => t.span.start >= c.what.start && t.span.end <= c.what.end);
  inside.forEach((t, i) => {
    if (inTime(t.span.start) || naming(t.span.start)) return;
    const word = doc.text.slice(t.span.start, t.span.end).toLowerCase();
    const previous = inside.slice(Math.max(0, i - 2), i).map((p) => doc.text.slice(p.span.start, p.span.end).toLowerCase());
    if (t.pos === 'VERB' && !AUXILIARIES.has(word)) {
      if (i === 0 || previous.some((w) => HEAD_MARKERS.has(w))) verbs.add(stemOf(word));
    } else if (t.pos === 'PROPN' || t.pos === 'NOUN' || t.pos === 'NUM') objects.add(stemOf(word));
  });
  return { verbs, objects };
}

export function similarity(a: Sketch, b: Sketch): number {
  const x = new Set([...a.verbs, ...a.objects]);
  const y = new Set([...b.verbs, ...b.objects]);
  const inter = [...x].filter((w) => y.has(w)).length;
  return inter / Math.max(1, new Set([...x, ...y]).size);
}

/** A sentence as cues are matched against it: lower case, words separated by single spaces, padded. */
function cueText(sentence: string): string {
  return ` ${sentence.toLowerCase().replace(/[’']/g, "'").replace(/[^a-z0-9' ]+/g, ' ').replace(/\s+/g, ' ')} `;
}

function containsCue(s: string, cues: string[]): string | undefined {
  return cues.find((c) => s.includes(` ${c} `));
}

/**
 * Looks through one later article for news of the act: a sentence naming the committer and the act's verb in
 * a done form, with something it concerns ("Prime Minister Faisal Rehman Chaudhry visited Port Qasimabad on
 * Monday" → kept); a reversal cue with the act's objects ("the government would not set up a separate development
 * authority for Port Qasimabad after all" → broken); a not-yet cue ("the package had still not been released"
 * → pending, which supports overdue once the due date has passed).
 */
interface SentenceView {
  index: number;
  start: number;
  end: number;
  words: string[];
  stems: string[];
  pos: (string | undefined)[];
  /** Stems of the verbs and of the other words, for a quick check before the full match. */
  verbStems: Set<string>;
  otherStems: Set<string>;
  /** The sentence as cues are matched against it (cueText), made on first use. */
  cues?: string;
  /** The first not-yet, under-way and reversal cue the sentence contains (null: none), found on first use. */
  cueHits?: { notYet: string | null; underWay: string | null; reversal: string | null };
}

/** Per article: each stem → the sentences (ascending indices) that have it as a verb, or as another word. */
interface StemIndex {
  verbs: Map<string, number[]>;
  others: Map<string, number[]>;
}

const stemIndexes = new WeakMap<Document, StemIndex>();

function stemIndexOf(doc: Document): StemIndex {
  let index = stemIndexes.get(doc);
  if (!index) {
    index = { verbs: new Map(), others: new Map() };
    const add = (m: Map<string, number[]>, stem: string, i: number): void => { const l = m.get(stem); if (l) l.push(i); else m.set(stem, [i]); };
    for (const v of sentencesOf(doc)) { for (const x of v.verbStems) add(index.verbs, x, v.index); for (const x of v.otherStems) add(index.others, x, v.index); }
    stemIndexes.set(doc, index);
  }
  return index;
}

function cueHitsOf(doc: Document, view: SentenceView): NonNullable<SentenceView['cueHits']> {
  if (!view.cueHits) {
    const text = (view.cues ??= cueText(doc.text.slice(view.start, view.end)));
    view.cueHits = { notYet: containsCue(text, CUES.notYet) ?? null, underWay: containsCue(text, CUES.underWay) ?? null, reversal: containsCue(text, CUES.reversal) ?? null };
  }
  return view.cueHits;
}

const views = new WeakMap<Document, SentenceView[]>();
/** Each sentence of an article as words, stems and tags, computed once per article. */
function sentencesOf(doc: Document): SentenceView[] {
  const cached = views.get(doc);
  if (cached) return cached;
  const out: SentenceView[] = doc.sentences.map((s, index) => ({ index, start: s.span.start, end: s.span.end, words: [], stems: [], pos: [], verbStems: new Set(), otherStems: new Set() }));
  for (const t of doc.tokens) {
    const view = out[t.sentence];
    if (!view) continue;
    const word = doc.text.slice(t.span.start, t.span.end).toLowerCase();
    const stem = stemOf(word);
    view.words.push(word);
    view.stems.push(stem);
    view.pos.push(t.pos);
    (t.pos === 'VERB' ? view.verbStems : view.otherStems).add(stem);
  }
  views.set(doc, out);
  return out;
}

/**
 * Looks through one later article for news of the act: a sentence naming the committer and the act's verb in
 * a done form, with something it concerns ("Prime Minister Faisal Rehman Chaudhry visited Port Qasimabad on
 * Monday" → kept); a reversal cue with the act's objects ("the government would not set up a separate development
 * authority for Port Qasimabad after all" → broken); a not-yet cue ("the package had still not been released"
 * → pending, which supports overdue once the due date has passed).
 */
export function followUpsIn(doc: Document, c: { byRecord: string }, sketch: Sketch, lookup: ActorLookup): FollowUp[] {
  const out: FollowUp[] = [];
  // Only sentences with one of the act's verbs or two of its things can name it: found through the article's
  // stem index (the sentences are taken in order, as a scan of all of them would).
  const index = stemIndexOf(doc);
  const hitsIn = new Map<number, number>();
  for (const o of sketch.objects) for (const i of index.others.get(o) ?? []) hitsIn.set(i, (hitsIn.get(i) ?? 0) + 1);
  const withVerb = new Set<number>();
  for (const v of sketch.verbs) for (const i of index.verbs.get(v) ?? []) withVerb.add(i);
  const candidates = [...withVerb];
  for (const [i, n] of hitsIn) if (n >= 2 && !withVerb.has(i)) candidates.push(i);
  if (candidates.length === 0) return out;
  const sentences = sentencesOf(doc);
  for (const at of candidates.sort((a, b) => a - b)) {
    const view = sentences[at]!;
    const objectHits = hitsIn.get(at) ?? 0;
    const verbAt = view.stems.findIndex((stem, i) => view.pos[i] === 'VERB' && sketch.verbs.has(stem));
    const cues = cueHitsOf(doc, view);
    const evidence = evidenceOf(doc, { start: view.start, end: view.end });
    const enoughObjects = sketch.objects.size === 0 || objectHits >= 1;
    // The act itself must be named: a reversal of another promise about the same city is not this one's.
    const actNamed = sketch.verbs.size > 0 ? verbAt >= 0 && enoughObjects : objectHits >= 2;
    // A status cue ("has yet to", "is under way") says by itself that the act is not done: the act may then be
    // named by what it concerns alone, if that is at least three of its things ("the Rs 12 billion package").
    const statusNamed = actNamed || objectHits >= 3;
    const notYet = cues.notYet;
    if (notYet) {
      if (statusNamed) out.push({ kind: 'pending', evidence, cue: notYet });
      continue;
    }
    const underWay = cues.underWay;
    if (underWay) {
      if (statusNamed) out.push({ kind: 'progress', evidence, cue: underWay });
      continue;
    }
    const reversal = cues.reversal;
    if (reversal) {
      if (actNamed) out.push({ kind: 'broken', evidence, cue: reversal });
      continue;
    }
    // Done acts need a firmer match than reversals: the verb and two of the things it concerns (or all, if fewer).
    if (verbAt < 0 || objectHits < Math.min(2, sketch.objects.size)) continue;
    const before = view.words.slice(Math.max(0, verbAt - 3), verbAt);
    const verb = view.words[verbAt]!;
    const doneForm = verb.endsWith('ed') || verb.endsWith('s') || (IRREGULAR.has(verb) && IRREGULAR.get(verb) !== verb);
    if (!doneForm || before.some((w) => NOT_DONE.has(w))) continue;
    const byNamed = doc.mentions.some((m) => m.span.start >= view.start && m.span.end <= view.end && lookup(doc, m.actor) === c.byRecord) ||
      doc.events.some((e) => e.evidence.start < view.end && view.start < e.evidence.end && e.actor.some((a) => lookup(doc, a) === c.byRecord));
    if (byNamed) out.push({ kind: 'kept', evidence, cue: verb });
  }
  return out;
}

/**
 * The status of a commitment on `reference` from its follow-ups: the latest kept/broken news decides; else a due
 * date before the reference day makes it overdue (with the latest "still not" or "under way" report as evidence);
 * else the latest report that it is under way makes it in_progress, and one that it is still not done leaves it
 * open with that report as evidence; else it stays as the extraction left it (open, or disputed).
 */
export function statusFrom(followUps: FollowUp[], due: { end: string } | undefined, base: CommitmentStatus, reference: string | undefined): { status: CommitmentStatus; evidence?: FollowUp['evidence'] } {
  const known = reference ? followUps.filter((f) => !f.evidence.published || f.evidence.published <= reference) : followUps;
  const decisive = known.filter((f) => isDecisive(f)).at(-1);
  if (decisive) return { status: decisive.kind as 'kept' | 'broken', evidence: decisive.evidence };
  const latest = known.at(-1);
  if (due && reference && due.end < reference) return { status: 'overdue', ...(latest && { evidence: latest.evidence }) };
  if (latest?.kind === 'progress') return { status: 'in_progress', evidence: latest.evidence };
  return { status: base === 'disputed' ? 'disputed' : 'open', ...(latest && { evidence: latest.evidence }) };
}

/** Kept and broken settle a commitment; pending and progress are reports along the way. */
export function isDecisive(f: FollowUp): boolean {
  return f.kind === 'kept' || f.kind === 'broken';
}
