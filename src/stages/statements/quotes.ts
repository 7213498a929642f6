/**
 * Verbatim quotation regions: where double quote marks open and close, across sentences and paragraphs.
 * Hand-written: quote pairing is the domain of this stage (no library pairs news quote marks).
 */
import type { Span } from '../../document/span.js';

export interface QuoteRegion {
  /** The opening mark. */
  open: number;
  /** The closing mark, or the end of the last paragraph when the quote is never closed. */
  close: number;
  /** Just after the closing mark. */
  closeEnd: number;
  /** What is inside the marks, trimmed of white space and a trailing comma. */
  content: Span;
}

const OPENING = new Set(['\u201C', '\u201E', '\u00AB']);
const CLOSING = new Set(['\u201D', '\u201F', '\u00BB']);

type Mark = 'open' | 'close';

/**
 * A straight double quote, or two apostrophes as some archives write it (''This isn't reform,''), opens
 * after white space, a bracket or a dash, and closes elsewhere.
 */
function markAt(text: string, i: number): Mark | undefined {
  const c = text[i]!;
  if (OPENING.has(c)) return 'open';
  if (CLOSING.has(c)) return 'close';
  if (c !== '"' && !(c === "'" && text[i + 1] === "'")) return undefined;
  const before = i === 0 ? ' ' : text[i - 1]!;
  return /[\s([{\u2014\u2013-]/u.test(before) ? 'open' : 'close';
}

/**
 * A closing mark used as the opener (adding:”There will be …” / he said, ”We …”): no quote is open, the
 * mark follows a colon or a comma, and a closing mark later in the paragraph ends it. A stray closing mark
 * with no partner is not an opener.
 */
function isWrongWayOpener(text: string, i: number, paragraphEnd: number): boolean {
  if (text[i] !== '\u201D' && text[i] !== '\u00BB') return false;
  let k = i - 1;
  while (k >= 0 && (text[k] === ' ' || text[k] === '\u00A0')) k--;
  if (k < 0 || (text[k] !== ':' && text[k] !== ',')) return false;
  for (let j = i + 1; j < paragraphEnd; j++) {
    const c = text[j]!;
    if (OPENING.has(c)) return false;
    if (CLOSING.has(c) || c === '"') return j > i + 1;
  }
  return false;
}

function markLength(text: string, i: number): number {
  return text[i] === "'" ? 2 : 1;
}

function contentOf(text: string, open: number, close: number): Span {
  let start = open + markLength(text, open);
  let end = close;
  while (start < end && /\s/u.test(text[start]!)) start++;
  while (end > start && /[\s,]/u.test(text[end - 1]!)) end--;
  return { start, end };
}

/**
 * Pairs double quote marks paragraph by paragraph. A quote left open at the end of a paragraph continues
 * when the next paragraph opens with a quote mark, the news convention for a quotation of several
 * paragraphs: “We will stay. [¶] “We will not leave,” he said.
 */
export function findQuoteRegions(text: string, paragraphs: readonly Span[]): QuoteRegion[] {
  const regions: QuoteRegion[] = [];
  let openAt: number | undefined;
  paragraphs.forEach((para, p) => {
    if (openAt !== undefined) {
      const first = para.start < para.end ? markAt(text, para.start) : undefined;
      if (first !== 'open') {
        const prev = paragraphs[p - 1]!;
        regions.push({ open: openAt, close: prev.end, closeEnd: prev.end, content: contentOf(text, openAt, prev.end) });
        openAt = undefined;
      }
    }
    for (let i = para.start; i < para.end; i++) {
      // Every mark is '"', "'" or a character from U+00AB on: the rest of the text is passed over by code.
      const code = text.charCodeAt(i);
      if (code !== 34 && code !== 39 && code < 0xab) continue;
      let mark = markAt(text, i);
      if (!mark) continue;
      if (mark === 'close' && openAt === undefined && isWrongWayOpener(text, i, para.end)) mark = 'open';
      const length = markLength(text, i);
      if (mark === 'open') {
        // A second opening mark inside an open quote is a paragraph continuation or a stray; the quote goes on.
        openAt ??= i;
      } else if (openAt !== undefined) {
        regions.push({ open: openAt, close: i, closeEnd: i + length, content: contentOf(text, openAt, i) });
        openAt = undefined;
      }
      i += length - 1;
    }
  });
  if (openAt !== undefined) {
    const last = paragraphs.length - 1;
    const end = paragraphs[last]!.end;
    regions.push({ open: openAt, close: end, closeEnd: end, content: contentOf(text, openAt, end) });
  }
  return regions;
}
