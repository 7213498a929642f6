/**
 * A regular expression written with the `u` flag that runs without it where that cannot change a match.
 *
 * V8 runs a case-insensitive `u` pattern several times slower than the same pattern without `u` (measured
 * 4-8× on the time rules over news texts), and the stages run dozens of them over every whole text. Without
 * `u`, a pattern of ASCII characters (and caseless punctuation) matches exactly as with it on a text that has
 * no surrogate (so code points are code units: `.`, negated classes and lastIndex steps agree) and neither
 * U+017F "ſ" nor U+212A "K" (the only characters that `u` case folding maps to ASCII letters, which also make
 * `\w` and `\b` differ under `iu`). A pattern with `\p`, `\P`, `\u{…}` or any other non-ASCII character keeps
 * `u` always. Hand-written: no library does this choice.
 */

/** Text characters on which the plain form could match differently. */
const UNICODE_SENSITIVE = /[\uD800-\uDFFF\u017F\u212A]/;
/** Non-ASCII characters a pattern may hold and still drop `u`: punctuation without case. */
const CASELESS_PUNCTUATION = /^[\x00-\x7F\u2018\u2019\u201A\u201B\u201C\u201D\u201E\u201F\u2010-\u2015\u2026\u00AB\u00BB]*$/;

let lastText: string | undefined;
let lastSensitive = false;

/** Whether `text` holds a character on which a pattern without `u` could match differently (remembered for the last text). */
export function unicodeSensitive(text: string): boolean {
  if (text !== lastText) {
    lastSensitive = UNICODE_SENSITIVE.test(text);
    lastText = text;
  }
  return lastSensitive;
}

/** Whether `source` means the same with and without `u` on a text that is not unicodeSensitive. */
export function plainEquivalent(source: string): boolean {
  return CASELESS_PUNCTUATION.test(source) && !/\\[pP]|\\u\{/.test(source);
}

export class TextPattern {
  readonly unicode: RegExp;
  readonly plain: RegExp;

  constructor(source: string, flags: string) {
    this.unicode = new RegExp(source, flags);
    this.plain = flags.includes('u') && plainEquivalent(source) ? new RegExp(source, flags.replace('u', '')) : this.unicode;
  }

  /** The expression to run on `text` (or a part of it): both give the same matches there. */
  for(text: string): RegExp {
    return this.plain === this.unicode || unicodeSensitive(text) ? this.unicode : this.plain;
  }
}
