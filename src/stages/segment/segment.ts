import { readFileSync } from 'node:fs';
import winkNLP, { type ItemSentence } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Document } from '../../document/document.js';
import type { Sentence, Token } from '../../document/layers.js';
import type { Span } from '../../document/span.js';
import { trimSpan } from '../../document/span.js';
import type { Stage } from '../../pipeline/stage.js';
import { packagePath } from '../../package-path.js';

const nlp = winkNLP(model);
const its = nlp.its;

const ABBREVIATIONS: ReadonlySet<string> = new Set(
  (JSON.parse(readFileSync(packagePath('src/stages/segment/abbreviations.json'), 'utf8')) as { abbreviations: string[] })
    .abbreviations,
);

interface RawToken {
  span: Span;
  pos: string;
}

/** Splits the text into paragraphs: blank-line blocks, or single lines when the text has no blank line. */
export function paragraphSpans(text: string, from = 0): Span[] {
  const separator = /\n[ \t\u00A0]*\n/u.test(text.slice(from)) ? /\n(?:[ \t\u00A0]*\n)+/gu : /\n+/gu;
  const spans: Span[] = [];
  let start = from;
  separator.lastIndex = from;
  for (let m = separator.exec(text); m; m = separator.exec(text)) {
    spans.push(trimSpan(text, { start, end: m.index }));
    start = m.index + m[0].length;
  }
  spans.push(trimSpan(text, { start, end: text.length }));
  return spans.filter((s) => s.end > s.start);
}

/** Tokens and wink's sentence boundaries for one paragraph, in original offsets. */
function tokenizeParagraph(text: string, para: Span): { tokens: RawToken[]; sentenceEnds: Set<number> } {
  const slice = text.slice(para.start, para.end);
  const wdoc = nlp.readDoc(slice);
  const values = wdoc.tokens().out() as string[];
  const pos = wdoc.tokens().out(its.pos) as string[];
  const tokens: RawToken[] = [];
  let cursor = 0;
  values.forEach((value, k) => {
    // wink keeps token values verbatim, so each is found at or after the cursor.
    const at = slice.indexOf(value, cursor);
    const start = at < 0 ? cursor : at;
    const end = at < 0 ? Math.min(slice.length, cursor + value.length) : at + value.length;
    tokens.push({ span: { start: para.start + start, end: para.start + end }, pos: pos[k] ?? 'X' });
    cursor = end;
  });
  const sentenceEnds = new Set<number>();
  let count = 0;
  wdoc.sentences().each((s: ItemSentence) => {
    count += (s.tokens().out() as string[]).length;
    sentenceEnds.add(count - 1);
  });
  return { tokens, sentenceEnds };
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
 * Quote depth at each offset of a paragraph: curly quotes open and close, straight quotes toggle. An
 * apostrophe is never counted, so "Sunday’s" does not open anything.
 */
function insideQuote(text: string, para: Span, offset: number): boolean {
  let depth = 0;
  let straightOpen = false;
  for (let i = para.start; i < offset; i++) {
    const c = text[i];
    if (c === '\u201C') depth++;
    else if (c === '\u201D') depth = Math.max(0, depth - 1);
    else if (c === '"') straightOpen = !straightOpen;
  }
  return depth > 0 || straightOpen;
}

/** Cuts a dateline ("KARACHI -", "LAHORE (Reuters) -") off the paragraph it opens. */
function withoutDateline(paragraphs: Span[], dateline: Span | undefined): Span[] {
  if (!dateline) return paragraphs;
  return paragraphs
    .map((p) => (p.start < dateline.end && dateline.end <= p.end ? { start: dateline.end, end: p.end } : p))
    .filter((p) => p.end > p.start && p.end > dateline.end)
    .map((p) => ({ start: Math.max(p.start, dateline.end), end: p.end }));
}

export function segmentText(text: string, dateline?: Span): { sentences: Sentence[]; tokens: Token[] } {
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
    const { tokens: dt } = tokenizeParagraph(text, dateline);
    dt.forEach((t) => tokens.push({ span: t.span, sentence: idx, pos: t.pos }));
  }
  const paragraphs = withoutDateline(allParagraphs, dateline)
    .map((p) => trimSpan(text, p))
    .filter((p) => p.end > p.start);

  paragraphs.forEach((para, paragraphIndex) => {
    const { tokens: raw, sentenceEnds } = tokenizeParagraph(text, para);
    let sentStart = 0;
    for (let k = 0; k < raw.length; k++) {
      const last = k === raw.length - 1;
      if (!last) {
        if (!sentenceEnds.has(k)) continue;
        const tok = raw[k]!;
        if (isAbbreviationEnd(text, tok, raw[k - 1])) continue;
        if (insideQuote(text, para, tok.span.end)) continue;
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
