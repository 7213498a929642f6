/**
 * A normalized view of a text for matching (curly quotes → straight, dashes → '-', NBSP and other spaces →
 * ' ', HTML entities decoded), with a map from every view offset back to the original. Stages match
 * patterns on the view and report spans in original offsets, so the original text is never rewritten.
 *
 * Hand-written: no maintained library keeps an offset map through character replacement.
 */
import { decodeHTML } from 'entities';
import type { Span } from './span.js';

const CHAR_MAP: Record<string, string> = {
  '\u2018': "'", '\u2019': "'", '\u201A': "'", '\u201B': "'", '\u2032': "'",
  '\u201C': '"', '\u201D': '"', '\u201E': '"', '\u201F': '"', '\u2033': '"', '\u00AB': '"', '\u00BB': '"',
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2015': '-', '\u2212': '-',
  '\u00A0': ' ', '\u2007': ' ', '\u202F': ' ', '\u2009': ' ', '\u200A': ' ', '\u2002': ' ', '\u2003': ' ',
  '\u2026': '...', '\u00AD': '', '\u200B': '', '\uFEFF': '',
};
const ENTITY = /&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});/giu;

export interface NormalizedView {
  readonly text: string;
  /** Original offset of view offset `i` (for i = text.length: the original length). */
  toOriginal(i: number): number;
  /** A view span mapped back to the original: from the first char's origin to just after the last char's. */
  spanToOriginal(s: Span): Span;
}

/** Characters the view rewrites (CHAR_MAP's keys) and the '&' that may open an entity: a text without any is its own view. */
const REWRITTEN = new RegExp(`[&${Object.keys(CHAR_MAP).join('')}]`, 'u');
/** The same characters, searched for from an offset (all are single UTF-16 units, so no `u` flag is needed). */
const NEXT_REWRITTEN = new RegExp(`[&${Object.keys(CHAR_MAP).join('')}]`, 'g');

export function normalizeText(original: string): NormalizedView {
  const total = original.length;
  // Most texts and almost every token are plain: the view is the text itself, offsets unchanged.
  if (!REWRITTEN.test(original)) {
    return {
      text: original,
      toOriginal: (k) => (k >= total ? total : k),
      spanToOriginal: (s) => {
        if (s.end <= s.start) {
          const at = s.start >= total ? total : s.start;
          return { start: at, end: at };
        }
        return { start: s.start >= 0 && s.start < total ? s.start : total, end: s.end >= 1 && s.end <= total ? s.end : total };
      },
    };
  }
  // origin[i] = original offset of view char i; originEnd[i] = original offset just after it. A view char
  // comes from one original char or from a whole entity; only "\u2026" → "..." makes the view longer.
  let capacity = total;
  for (let k = original.indexOf('\u2026'); k >= 0; k = original.indexOf('\u2026', k + 1)) capacity += 2;
  const origin = new Int32Array(capacity);
  const originEnd = new Int32Array(capacity);
  const parts: string[] = [];
  let length = 0;
  // Unchanged characters are copied in runs, not one at a time.
  let runStart = 0;
  const flushRun = (to: number) => {
    if (to <= runStart) return;
    parts.push(original.slice(runStart, to));
    for (let o = runStart; o < to; o++) {
      origin[length] = o;
      originEnd[length] = o + 1;
      length++;
    }
  };
  const emit = (chunk: string, from: number, to: number) => {
    parts.push(chunk);
    for (let k = 0; k < chunk.length; k++) {
      origin[length] = from;
      originEnd[length] = to;
      length++;
    }
  };
  let i = 0;
  // Jump from one rewritten character (or '&') to the next: the characters between are copied as a run.
  for (;;) {
    NEXT_REWRITTEN.lastIndex = i;
    const next = NEXT_REWRITTEN.exec(original);
    if (!next) break;
    i = next.index;
    const ch = original[i]!;
    if (ch === '&') {
      ENTITY.lastIndex = i;
      const m = ENTITY.exec(original);
      if (m && m.index === i) {
        const decoded = decodeHTML(m[0]);
        if (decoded !== m[0]) {
          flushRun(i);
          emit([...decoded].map((c) => CHAR_MAP[c] ?? c).join(''), i, i + m[0].length);
          i += m[0].length;
          runStart = i;
          continue;
        }
      }
    }
    const mapped = CHAR_MAP[ch];
    if (mapped !== undefined) {
      flushRun(i);
      emit(mapped, i, i + 1);
      runStart = i + 1;
    }
    i++;
  }
  flushRun(total);
  const out = parts.join('');
  return {
    text: out,
    toOriginal: (k) => (k >= length ? total : origin[k]!),
    spanToOriginal: (s) => {
      if (s.end <= s.start) {
        const at = s.start >= length ? total : origin[s.start]!;
        return { start: at, end: at };
      }
      return { start: s.start >= 0 && s.start < length ? origin[s.start]! : total, end: s.end >= 1 && s.end <= length ? originEnd[s.end - 1]! : total };
    },
  };
}
