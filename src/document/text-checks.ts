/**
 * What a text must be to be analysed: well-formed UTF-16, within size bounds that keep every stage fast, and
 * shaped like language. Ingestion refuses an article that fails (one line naming the reason); the pipeline
 * checks the bounds again for documents built in code.
 */

/** Bounds on one article's text, chosen far above real news (see README, Hardening). */
export const TEXT_LIMITS = {
  /** Characters in the whole text (~170,000 words; the longest articles seen are ~50,000 characters). */
  maxChars: 1_000_000,
  /** Characters on one line, a paragraph for the tokenizer (the longest real line seen is ~7,000). */
  maxLineChars: 200_000,
  /** Characters in one run without white space (URLs included; the longest real one seen is 225). */
  maxTokenChars: 1_000,
  /** Tokens in one sentence, checked once the text is segmented (real sentences stay under ~200). */
  maxSentenceTokens: 2_000,
} as const;

/** Thresholds of the language check: natural text has ≥ 79% letters and white space, words of 4–9 characters. */
const MIN_LETTER_SHARE = 0.5;
const MAX_MEAN_WORD_CHARS = 20;

// Without the u flag a regex sees UTF-16 code units, so an unpaired surrogate is found as itself.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * The text with every unpaired surrogate replaced by U+FFFD, the one thing UTF-8 (SQLite, files, JSON
 * readers) cannot carry. Same length, so no offset moves; a text with none is returned as is.
 * (String.prototype.toWellFormed does the same from ES2024, beyond the ES2023 library this project targets.)
 */
export function wellFormed(text: string): string {
  LONE_SURROGATE.lastIndex = 0;
  return LONE_SURROGATE.test(text) ? text.replace(LONE_SURROGATE, '\uFFFD') : text;
}

export function isWellFormed(text: string): boolean {
  LONE_SURROGATE.lastIndex = 0;
  return !LONE_SURROGATE.test(text);
}

/** Why the text is over a size bound, or undefined. One pass over the text. */
export function sizeViolation(text: string, limits = TEXT_LIMITS): string | undefined {
  if (text.length > limits.maxChars) return `text is ${text.length} characters, over the limit of ${limits.maxChars}`;
  let lineStart = 0;
  let tokenStart = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 10;
    if (c === 10) {
      if (i - lineStart > limits.maxLineChars) return `line ${lineNumber(text, lineStart)} is ${i - lineStart} characters, over the limit of ${limits.maxLineChars}`;
      lineStart = i + 1;
    }
    if (c === 10 || c === 32 || c === 9 || c === 13 || c === 12 || c === 0xa0 || (c >= 0x2000 && c <= 0x200a) || c === 0x3000) {
      if (i - tokenStart > limits.maxTokenChars) return `a run of ${i - tokenStart} characters without white space at offset ${tokenStart}, over the limit of ${limits.maxTokenChars}`;
      tokenStart = i + 1;
    }
  }
  return undefined;
}

function lineNumber(text: string, offset: number): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * Why the text does not read as language, or undefined: too few letters and spaces (random bytes, binary
 * decoded as text, tables of symbols), or no words (letters without spaces between them).
 */
export function languageViolation(text: string): string | undefined {
  let letters = 0;
  let spaces = 0;
  let words = 0;
  let inWord = false;
  let chars = 0;
  // By code point, as `for (const ch of text)` would go, with ASCII classified by code (most characters).
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let space: boolean;
    let letter: boolean;
    if (c < 128) {
      space = c === 32 || (c >= 9 && c <= 13);
      letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
    } else {
      const ch = String.fromCodePoint(text.codePointAt(i)!);
      if (ch.length === 2) i++;
      space = /\s/u.test(ch);
      letter = !space && /[\p{L}\p{M}]/u.test(ch);
    }
    chars++;
    if (space) spaces++;
    else if (letter) letters++;
    if (!space && !inWord) words++;
    inWord = !space;
  }
  const share = (letters + spaces) / chars;
  if (share < MIN_LETTER_SHARE) return `does not read as text: ${Math.round(share * 100)}% letters and spaces (at least ${MIN_LETTER_SHARE * 100}% needed)`;
  const meanWord = (chars - spaces) / Math.max(1, words);
  if (meanWord > MAX_MEAN_WORD_CHARS) return `does not read as text: words average ${Math.round(meanWord)} characters (at most ${MAX_MEAN_WORD_CHARS})`;
  return undefined;
}
