import type { Document } from '../../document/document.js';
import type { ActorType, Statement } from '../../document/layers.js';
import { normalizeText } from '../../document/normalize.js';
import type { Span } from '../../document/span.js';

/** A token of a sentence as the event rules see it: lower-case, straight quotes, with its original span. */
export interface Word {
  text: string;
  span: Span;
  pos: string;
}

/** A reference to an actor inside a sentence, by word positions (inclusive). */
export interface ActorRef {
  actor: string;
  type: ActorType;
  first: number;
  last: number;
  /** Resolved by polity's own fallback (a pronoun inside a statement), not by the actors stage. */
  fromStatement?: boolean;
}

export interface SentenceView {
  index: number;
  span: Span;
  words: Word[];
  refs: ActorRef[];
  /** The statement whose content holds each word, if any (by word position). */
  statementAt: (Statement | undefined)[];
}

const FIRST_PERSON = new Set(['i', 'me', 'my', 'we', 'us', 'our']);
// Object forms ("assured him") are left out: in reported speech they usually name someone else.
const THIRD_PERSON = new Set(['he', 'his', 'she']);
const COLLECTIVE = new Set(['it', 'its', 'they', 'their']);

/** The index of the first word whose span ends after `offset`, or words.length. */
function wordAt(words: readonly Word[], offset: number): number {
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (words[mid]!.span.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Word positions [first, last] covered by a span, or undefined when it covers none. */
export function wordRange(words: readonly Word[], s: Span): [number, number] | undefined {
  const first = wordAt(words, s.start);
  let last = first - 1;
  while (last + 1 < words.length && words[last + 1]!.span.start < s.end) last++;
  return last >= first ? [first, last] : undefined;
}

/**
 * Who made a statement: its speaker, else the actor named in its speaker phrase ("Syria says it is willing…",
 * where the statements stage keeps a country as a speaker phrase).
 */
export function speakerActor(doc: Document, st: Statement): string | undefined {
  if (st.speaker) return st.speaker;
  const group = st.speakerSpan;
  if (!group) return undefined;
  return doc.mentions.find((m) => m.actor && m.span.start >= group.start && m.span.end <= group.end)?.actor;
}

/**
 * Sentences as word lists with the actor references in them: every mention resolved to an actor, plus
 * pronouns the actors stage left unresolved that a statement settles: "I"/"we" in a quote, and "he"/"his" in
 * reported speech, are the speaker ("Siddiqui said that his decision to quit…").
 */
export function sentenceViews(doc: Document): SentenceView[] {
  // The events and relations stages both read the views: built once per document, again only when a layer they
  // come from has been replaced. Callers only read them.
  const from = [doc.text, doc.sentences, doc.tokens, doc.actors, doc.mentions, doc.statements];
  const built = builtViews.get(doc);
  if (built && built.from.every((layer, i) => layer === from[i])) return built.views;
  const views = buildSentenceViews(doc);
  builtViews.set(doc, { from, views });
  return views;
}

const builtViews = new WeakMap<Document, { from: unknown[]; views: SentenceView[] }>();

function buildSentenceViews(doc: Document): SentenceView[] {
  const types = new Map(doc.actors.map((a) => [a.id, a.type]));
  const views: SentenceView[] = doc.sentences.map((s, index) => ({ index, span: s.span, words: [], refs: [], statementAt: [] }));
  for (const t of doc.tokens) {
    const view = views[t.sentence];
    if (!view) continue;
    const raw = doc.text.slice(t.span.start, t.span.end);
    // Most tokens are plain ASCII and need no normalizing; the rest go through the offset-mapped view.
    const text = (/^[\x20-\x7E]*$/u.test(raw) ? raw : normalizeText(raw).text).toLowerCase();
    view.words.push({ text, span: t.span, pos: t.pos ?? 'X' });
  }
  const mentions = [...doc.mentions].sort((a, b) => a.span.start - b.span.start);
  let cursor = 0;
  // Statements overlapping the sentence, found by a sweep in text order rather than a scan of every statement
  // per sentence (quadratic in long articles); `here` keeps the statements' own order.
  const order = new Map(doc.statements.map((st, i) => [st, i]));
  const byStart = [...doc.statements].sort((a, b) => a.content.start - b.content.start);
  let nextStatement = 0;
  let open: Statement[] = [];
  // Asked for every word of a statement: a statement without a speaker looks through the mentions once, not per word.
  const speakers = new Map<Statement, string | undefined>();
  const speakerOf = (st: Statement) => {
    if (!speakers.has(st)) speakers.set(st, speakerActor(doc, st));
    return speakers.get(st);
  };
  for (const view of views) {
    while (cursor < mentions.length && mentions[cursor]!.span.start < view.span.start) cursor++;
    for (let k = cursor; k < mentions.length && mentions[k]!.span.start < view.span.end; k++) {
      const m = mentions[k]!;
      const type = m.actor ? types.get(m.actor) : undefined;
      const range = wordRange(view.words, m.span);
      if (!m.actor || !type || !range) continue;
      view.refs.push({ actor: m.actor, type, first: range[0], last: range[1] });
    }
    while (nextStatement < byStart.length && byStart[nextStatement]!.content.start < view.span.end) open.push(byStart[nextStatement++]!);
    open = open.filter((st) => view.span.start < st.content.end);
    const here = open.filter((st) => st.content.start < view.span.end).sort((a, b) => order.get(a)! - order.get(b)!);
    view.statementAt = view.words.map((w) => here.find((st) => st.content.start <= w.span.start && w.span.end <= st.content.end));
    view.words.forEach((w, i) => {
      const st = view.statementAt[i];
      const speaker = st && speakerOf(st);
      if (!st || !speaker || view.refs.some((r) => r.first <= i && i <= r.last)) return;
      const speakerType = types.get(speaker);
      if (!speakerType) return;
      // "Syria says it is willing to withdraw": a country, party or body speaks of itself as "it" or "they".
      const third = speakerType === 'PERSON' ? THIRD_PERSON : COLLECTIVE;
      const speaks = FIRST_PERSON.has(w.text) || (st.kind === 'indirect' && third.has(w.text));
      if (speaks) view.refs.push({ actor: speaker, type: speakerType, first: i, last: i, fromStatement: true });
    });
    view.refs.sort((a, b) => a.first - b.first);
  }
  return views;
}
