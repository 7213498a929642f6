/**
 * Words for name and title matching: the segmenter's tokens with hyphenated pieces joined back
 * ("MQM" "-" "P" → "MQM-P", "Bhutto-Zardari"), each with a normalized text (straight quotes, "-" dashes) and
 * whether it sits inside a quotation.
 */
import type { Document } from '../../document/document.js';
import type { Span } from '../../document/span.js';

export interface Word {
  span: Span;
  /** The word with quotes and dashes normalized ("MQM-P", "'s"). */
  text: string;
  lower: string;
  sentence: number;
  inQuote: boolean;
  /** First word of a sentence or of a quotation, where capitals say nothing about names. */
  opensClause: boolean;
}

const DASHES = /[\u2010-\u2015\u2212]/gu;
/** An em dash or a horizontal bar sets a phrase apart; it never joins the parts of one word ("Party—against"). */
const SEPARATING_DASH = /^[\u2014\u2015]$/u;
const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032]/gu;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u00AB\u00BB]/gu;

/** Every character normalizeWord rewrites is outside ASCII; most words have none. */
const NON_ASCII = /[^\x00-\x7F]/;

function normalizeWord(raw: string): string {
  if (!NON_ASCII.test(raw)) return raw;
  return raw.replace(DASHES, '-').replace(SINGLE_QUOTES, "'").replace(DOUBLE_QUOTES, '"').replace(/\u00A0/gu, ' ');
}

/**
 * Quote state at every offset: curly quotes open and close, straight double quotes toggle, a paragraph break
 * closes everything. Hand-written because it must agree with the segmenter's own quote handling.
 */
function quotedOffsets(text: string): Uint8Array {
  const inside = new Uint8Array(text.length + 1);
  let depth = 0;
  let straight = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n' && /^\n[ \t\r\u00A0]*\n/u.test(text.slice(i, i + 8))) {
      depth = 0;
      straight = false;
    }
    if (c === '\u201C') depth++;
    else if (c === '\u201D') depth = Math.max(0, depth - 1);
    else if (c === '"') straight = !straight;
    inside[i] = depth > 0 || straight || c === '\u201D' ? 1 : 0;
  }
  return inside;
}

const isWordChar = (s: string) => /[\p{L}\p{N}]/u.test(s);

export function buildWords(doc: Document): Word[] {
  const { text, tokens } = doc;
  const quoted = quotedOffsets(text);
  const words: Word[] = [];
  let k = 0;
  let sentence = -1;
  let sentenceHasWord = false;
  while (k < tokens.length) {
    const first = tokens[k]!;
    let end = first.span.end;
    let j = k + 1;
    // Join "A" "-" "B" when the three touch: "MQM-P", "Tehreek-e-Insaf", "PTI-led".
    while (
      j + 1 < tokens.length &&
      tokens[j]!.sentence === first.sentence &&
      tokens[j]!.span.start === end &&
      tokens[j + 1]!.span.start === tokens[j]!.span.end &&
      normalizeWord(text.slice(tokens[j]!.span.start, tokens[j]!.span.end)) === '-' &&
      !SEPARATING_DASH.test(text.slice(tokens[j]!.span.start, tokens[j]!.span.end)) &&
      isWordChar(text[tokens[j + 1]!.span.start]!)
    ) {
      end = tokens[j + 1]!.span.end;
      j += 2;
    }
    const raw = normalizeWord(text.slice(first.span.start, end));
    const prev = words[words.length - 1];
    if (first.sentence !== sentence) {
      sentence = first.sentence;
      sentenceHasWord = false;
    }
    const startsSentence = !sentenceHasWord && isWordChar(raw);
    if (isWordChar(raw)) sentenceHasWord = true;
    words.push({
      span: { start: first.span.start, end },
      text: raw,
      lower: raw.toLowerCase(),
      sentence: first.sentence,
      inQuote: quoted[first.span.start] === 1,
      opensClause: startsSentence || prev?.text === '"',
    });
    k = j;
  }
  return words;
}

// These run for every word, many times: an ASCII first character is decided by its code (A-Z is all of ASCII's
// upper case, A-Z and a-z all of its letters), only the rest goes to the Unicode class.
const upperAscii = (c: number) => c >= 65 && c <= 90;

export function isCapitalized(word: Word): boolean {
  const c = word.text.charCodeAt(0);
  if (c < 128) return upperAscii(c);
  return /^\p{Lu}/u.test(word.text);
}

/** All capitals with at least two letters, optionally with a suffix: "PTI", "MQM-P", "PML-N", "JUI-F". */
export function isAcronym(word: Word): boolean {
  const c = word.text.charCodeAt(0);
  if (c < 128 && !upperAscii(c)) return false;
  return /^\p{Lu}[\p{Lu}\p{N}]{1,5}(?:-\p{Lu}{1,2})?$/u.test(word.text);
}

export function isAlphabetic(word: Word): boolean {
  const c = word.text.charCodeAt(0);
  if (c < 128) return upperAscii(c) || (c >= 97 && c <= 122);
  return /^\p{L}/u.test(word.text);
}
