import { readFileSync } from 'node:fs';
import type { Document } from '../../document/document.js';
import type { Sentence, Token } from '../../document/layers.js';
import type { Span } from '../../document/span.js';
import { trimSpan } from '../../document/span.js';
import type { Stage } from '../../pipeline/stage.js';
import { packagePath } from '../../package-path.js';
import { its, oneDocument, readDoc } from './wink.js';

const ABBREVIATIONS: ReadonlySet<string> = new Set(
  (JSON.parse(readFileSync(packagePath('src/stages/segment/abbreviations.json'), 'utf8')) as { abbreviations: string[] })
    .abbreviations,
);

interface RawToken {
  span: Span;
  pos: string;
}

/**
 * Splits the text into paragraphs: blank-line blocks; in a text with no blank line, lines — except where a
 * line only wraps ("the plan\nwould fail": the line runs long without closing punctuation, or the next one
 * goes on in lower case).
 */
export function paragraphSpans(text: string, from = 0): Span[] {
  // "\r": a CRLF text ("\r\n\r\n") has blank lines too.
  const blankLines = /\n[ \t\r\u00A0]*\n/u.test(text.slice(from));
  const separator = blankLines ? /\n(?:[ \t\r\u00A0]*\n)+/gu : /\n+/gu;
  const spans: Span[] = [];
  let start = from;
  separator.lastIndex = from;
  for (let m = separator.exec(text); m; m = separator.exec(text)) {
    if (!blankLines && isLineWrap(text, start, m.index, m.index + m[0].length)) continue;
    spans.push(trimSpan(text, { start, end: m.index }));
    start = m.index + m[0].length;
  }
  spans.push(trimSpan(text, { start, end: text.length }));
  return spans.filter((s) => s.end > s.start);
}

const WRAP_WIDTH = 50;

function isLineWrap(text: string, lineStart: number, lineEnd: number, next: number): boolean {
  const line = text.slice(text.lastIndexOf('\n', lineEnd - 1) + 1, lineEnd).trimEnd();
  if (/^\p{Ll}/u.test(text.slice(next, next + 1))) return lineStart < lineEnd;
  return line.length >= WRAP_WIDTH && !/[.!?:;"'\u201D\u2019)\]]$/u.test(line);
}

/** Tokens and wink's sentence boundaries for a stretch of text, in original offsets. */
function tokenizeSpan(text: string, part: Span): { tokens: RawToken[]; sentenceEnds: Set<number> } {
  const slice = text.slice(part.start, part.end);
  const wdoc = readDoc(slice);
  const values = wdoc.tokens().out() as string[];
  const pos = wdoc.tokens().out(its.pos) as string[];
  const winkEnds = new Set<number>();
  let count = 0;
  // Each sentence as its first and last token index, not as an array of its token strings.
  for (const [first, last] of wdoc.sentences().out(its.span) as unknown as [number, number][]) {
    count += last - first + 1;
    winkEnds.add(count - 1);
  }
  const tokens: RawToken[] = [];
  // Indices into `tokens` of the last token of each wink sentence (white-space tokens are dropped).
  const sentenceEnds = new Set<number>();
  let cursor = 0;
  values.forEach((value, k) => {
    if (value.trim() !== '') {
      // wink keeps token values verbatim, so each is found at or after the cursor.
      const at = slice.indexOf(value, cursor);
      const start = at < 0 ? cursor : at;
      const end = at < 0 ? Math.min(slice.length, cursor + value.length) : at + value.length;
      tokens.push({ span: { start: part.start + start, end: part.start + end }, pos: pos[k] ?? 'X' });
      cursor = end;
    }
    if (winkEnds.has(k) && tokens.length > 0) sentenceEnds.add(tokens.length - 1);
  });
  return { tokens, sentenceEnds };
}

/** The tokens of one paragraph out of the whole text's, with the sentence ends among them (paragraph indices). */
function paragraphTokens(all: { tokens: RawToken[]; sentenceEnds: Set<number> }, para: Span, from: number): { tokens: RawToken[]; sentenceEnds: Set<number>; next: number } {
  let k = from;
  while (k < all.tokens.length && all.tokens[k]!.span.start < para.start) k++;
  const first = k;
  const sentenceEnds = new Set<number>();
  while (k < all.tokens.length && all.tokens[k]!.span.end <= para.end) {
    if (all.sentenceEnds.has(k)) sentenceEnds.add(k - first);
    k++;
  }
  return { tokens: all.tokens.slice(first, k), sentenceEnds, next: k };
}

function isAbbreviationEnd(text: string, tok: RawToken, prev: RawToken | undefined): boolean {
  const value = text.slice(tok.span.start, tok.span.end);
  // "Dr." as one token, or "Dr" followed by a "." token.
  const word = value.endsWith('.') ? value.slice(0, -1) : value === '.' && prev ? text.slice(prev.span.start, prev.span.end) : '';
  if (!word) return false;
  if (ABBREVIATIONS.has(word)) return true;
  // Initials: "J." in "J. R. Smith".
  return /^\p{Lu}$/u.test(word);
}

/**
 * A token that cannot open a sentence: lower case ("(D-Wis.) said"), a closing bracket or clause
 * punctuation, or the dash of a signature ("\u201CWe will win.\u201D \u2015 Anna Lee").
 */
function continuesSentence(text: string, next: RawToken): boolean {
  return /^(?:\p{Ll}|[)\],;:\u2015\u2014\u2013])/u.test(text.slice(next.span.start, next.span.end));
}

/**
 * Quote depth at each offset of a paragraph: curly quotes open and close, straight quotes toggle. An
 * apostrophe is never counted, so "Sunday’s" does not open anything. The scan resumes where the last
 * question left off (sentence ends are asked in increasing order), so a paragraph is read once, not once per
 * sentence end.
 */
function quoteTracker(text: string, para: Span): (offset: number) => boolean {
  let depth = 0;
  let straightOpen = false;
  let i = para.start;
  return (offset) => {
    for (; i < offset; i++) {
      const c = text[i];
      if (c === '\u201C') depth++;
      else if (c === '\u201D') depth = Math.max(0, depth - 1);
      else if (c === '"') straightOpen = !straightOpen;
    }
    return depth > 0 || straightOpen;
  };
}

/** Cuts a dateline ("KARACHI -", "LAHORE (Reuters) -") off the paragraph it opens. */
function withoutDateline(paragraphs: Span[], dateline: Span | undefined): Span[] {
  if (!dateline) return paragraphs;
  return paragraphs
    .map((p) => (p.start < dateline.end && dateline.end <= p.end ? { start: dateline.end, end: p.end } : p))
    .filter((p) => p.end > p.start && p.end > dateline.end)
    .map((p) => ({ start: Math.max(p.start, dateline.end), end: p.end }));
}

/** Sentences and tokens of one document's text; wink reads it as it would read it first (see wink.ts). */
export function segmentText(text: string, dateline?: Span): { sentences: Sentence[]; tokens: Token[] } {
  return oneDocument(() => segmentWith(text, dateline));
}

function segmentWith(text: string, dateline?: Span): { sentences: Sentence[]; tokens: Token[] } {
  const sentences: Sentence[] = [];
  const tokens: Token[] = [];
  const addSentence = (s: Span, paragraph: number, isDateline = false) => {
    const trimmed = trimSpan(text, s);
    if (trimmed.end <= trimmed.start) return;
    sentences.push({ id: `s${sentences.length + 1}`, span: trimmed, paragraph, ...(isDateline ? { dateline: true } : {}) });
  };

  const allParagraphs = paragraphSpans(text);
  if (dateline) {
    const idx = sentences.length;
    addSentence(dateline, 0, true);
    const { tokens: dt } = tokenizeSpan(text, dateline);
    dt.forEach((t) => tokens.push({ span: t.span, sentence: idx, pos: t.pos }));
  }
  const paragraphs = withoutDateline(allParagraphs, dateline)
    .map((p) => trimSpan(text, p))
    .filter((p) => p.end > p.start);

  // wink reads the text once (its per-call cost is high next to a short paragraph), from the first paragraph on.
  const all = paragraphs.length > 0 ? tokenizeSpan(text, { start: paragraphs[0]!.start, end: text.length }) : { tokens: [], sentenceEnds: new Set<number>() };
  let nextToken = 0;
  paragraphs.forEach((para, paragraphIndex) => {
    const { tokens: raw, sentenceEnds, next } = paragraphTokens(all, para, nextToken);
    nextToken = next;
    const insideQuote = quoteTracker(text, para);
    let sentStart = 0;
    for (let k = 0; k < raw.length; k++) {
      const last = k === raw.length - 1;
      if (!last) {
        if (!sentenceEnds.has(k)) continue;
        const tok = raw[k]!;
        if (isAbbreviationEnd(text, tok, raw[k - 1])) continue;
        if (insideQuote(tok.span.end)) continue;
        if (continuesSentence(text, raw[k + 1]!)) continue;
      }
      const first = raw[sentStart]!;
      const end = raw[k]!;
      const sentenceIndex = sentences.length;
      addSentence({ start: first.span.start, end: end.span.end }, paragraphIndex);
      for (let j = sentStart; j <= k; j++) tokens.push({ span: raw[j]!.span, sentence: sentenceIndex, pos: raw[j]!.pos });
      sentStart = k + 1;
    }
  });
  return { sentences, tokens };
}

/** Sentences (the dateline as its own segment) and tokens, with wink-nlp doing the tokenizing. */
export const segmentStage: Stage = {
  name: 'segment',
  reads: [],
  adds: ['sentences', 'tokens'],
  run(doc: Document) {
    const { sentences, tokens } = segmentText(doc.text, doc.meta.dateline?.span);
    doc.sentences = sentences;
    doc.tokens = tokens;
  },
};
