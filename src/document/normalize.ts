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

export function normalizeText(original: string): NormalizedView {
  let out = '';
  // origin[i] = original offset of view char i; originEnd[i] = original offset just after it.
  const origin: number[] = [];
  const originEnd: number[] = [];
  const emit = (chunk: string, from: number, to: number) => {
    for (let k = 0; k < chunk.length; k++) {
      out += chunk[k];
      origin.push(from);
      originEnd.push(to);
    }
  };
  let i = 0;
  while (i < original.length) {
    const ch = original[i]!;
    if (ch === '&') {
      ENTITY.lastIndex = i;
      const m = ENTITY.exec(original);
      if (m && m.index === i) {
        const decoded = decodeHTML(m[0]);
        if (decoded !== m[0]) {
          const normalized = [...decoded].map((c) => CHAR_MAP[c] ?? c).join('');
          emit(normalized, i, i + m[0].length);
          i += m[0].length;
          continue;
        }
      }
    }
    const mapped = CHAR_MAP[ch];
    emit(mapped ?? ch, i, i + 1);
    i++;
  }
  const total = original.length;
  return {
    text: out,
    toOriginal: (k) => (k >= origin.length ? total : origin[k]!),
    spanToOriginal: (s) => {
      if (s.end <= s.start) {
        const at = s.start >= origin.length ? total : origin[s.start]!;
        return { start: at, end: at };
      }
      return { start: origin[s.start] ?? total, end: originEnd[s.end - 1] ?? total };
    },
  };
}
