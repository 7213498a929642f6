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
    // CJK and full-width punctuation (、。，！？：；) ends a run too: those scripts put no spaces between clauses.
    if (c === 10 || c === 32 || c === 9 || c === 13 || c === 12 || c === 0xa0 || (c >= 0x2000 && c <= 0x200a) || (c >= 0x3000 && c <= 0x3002)
      || c === 0xff01 || c === 0xff0c || c === 0xff1a || c === 0xff1b || c === 0xff1f) {
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
 * Letters of scripts written without spaces between words (Chinese, Japanese kana, Thai, Lao, Khmer, Myanmar,
 * Tibetan, Yi): each counts as a word of its own, so a text in them is not "letters without words".
 */
const UNSPACED_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Tibetan}\p{Script=Yi}]/u;

/** Most changes of script from one letter to the next, per letter: prose stays in one or two scripts. */
const MAX_SCRIPT_SWITCHES = 0.25;

const SCRIPTS: [string, RegExp][] = [
  ['Latin', /\p{Script=Latin}/u], ['CJ', /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u], ['Hangul', /\p{Script=Hangul}/u],
  ['Cyrillic', /\p{Script=Cyrillic}/u], ['Arabic', /\p{Script=Arabic}/u], ['Greek', /\p{Script=Greek}/u], ['Hebrew', /\p{Script=Hebrew}/u],
  ['Devanagari', /\p{Script=Devanagari}/u], ['Thai', /\p{Script=Thai}/u],
];

/** A letter's script, coarsely (Chinese characters and Japanese kana are one, as Japanese mixes them). */
function scriptOf(ch: string): string {
  if (ch < '\u0080') return 'Latin';
  for (const [name, re] of SCRIPTS) if (re.test(ch)) return name;
  return `U+${(ch.codePointAt(0)! >> 8).toString(16)}`;
}

/**
 * Why the text does not read as language, or undefined: too few letters and spaces (random bytes, binary
 * decoded as text, tables of symbols), no words (letters without spaces between them), or letters of many
 * scripts mixed (random bytes decoded as UTF-16 are letters of every script). Letters of any script count; in
 * scripts written without spaces each letter is a word boundary, so Chinese, Japanese or Thai prose passes while
 * a run of Latin letters and digits without spaces does not.
 */
export function languageViolation(text: string): string | undefined {
  let letters = 0;
  let spaces = 0;
  let words = 0;
  let inWord = false;
  let chars = 0;
  let switches = 0;
  let script = '';
  // By code point, as `for (const ch of text)` would go, with ASCII classified by code (most characters).
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let space: boolean;
    let letter: boolean;
    let ch: string | undefined;
    if (c < 128) {
      space = c === 32 || (c >= 9 && c <= 13);
      letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
    } else {
      ch = String.fromCodePoint(text.codePointAt(i)!);
      if (ch.length === 2) i++;
      space = /\s/u.test(ch);
      letter = !space && /[\p{L}\p{M}]/u.test(ch);
    }
    chars++;
    if (space) spaces++;
    else if (letter) {
      letters++;
      if (ch === undefined || /\p{L}/u.test(ch)) {
        const now = ch === undefined ? 'Latin' : scriptOf(ch);
        if (script !== '' && now !== script) switches++;
        script = now;
      }
    }
    if (ch !== undefined && !space && UNSPACED_SCRIPT.test(ch)) {
      words++;
      inWord = false;
      continue;
    }
    if (!space && !inWord) words++;
    inWord = !space;
  }
  const share = (letters + spaces) / chars;
  if (share < MIN_LETTER_SHARE) return `does not read as text: ${Math.round(share * 100)}% letters and spaces (at least ${MIN_LETTER_SHARE * 100}% needed)`;
  const meanWord = (chars - spaces) / Math.max(1, words);
  if (meanWord > MAX_MEAN_WORD_CHARS) return `does not read as text: words average ${Math.round(meanWord)} characters (at most ${MAX_MEAN_WORD_CHARS})`;
  const mixed = switches / Math.max(1, letters);
  if (letters >= 20 && mixed > MAX_SCRIPT_SWITCHES) return `does not read as text: the script changes at ${Math.round(mixed * 100)}% of letters (at most ${MAX_SCRIPT_SWITCHES * 100}%)`;
  return undefined;
}
