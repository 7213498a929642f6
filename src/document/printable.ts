/**
 * Text from an article or a file name made safe to print: control characters (C0, DEL, C1 — among them ESC,
 * which starts the terminal's colour, cursor, title and hyperlink sequences, and the 8-bit CSI/OSC), bidi
 * overrides and isolates (which reorder what is shown, "Trojan Source"), line and paragraph separators, and
 * unpaired surrogates are written as visible escapes (`\x1b`, `\u202e`), so a stored text can neither drive
 * the terminal nor hide what it says. Letters, marks, spaces and ordinary punctuation pass unchanged.
 *
 * Hand-written: the npm "strip-ansi" family removes well-formed ANSI sequences only, leaves a lone ESC, C1 and
 * bidi controls in, and deletes rather than shows what was there.
 */

// C0 except tab and line feed, DEL, C1; bidi marks, embeddings, overrides and isolates; LS/PS; lone surrogates.
const UNSAFE = /[\x00-\x08\x0B-\x1F\x7F-\x9F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\u2028\u2029]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const UNSAFE_ONE_LINE = /[\x00-\x1F\x7F-\x9F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\u2028\u2029]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function escapeChar(c: string): string {
  const code = c.charCodeAt(0);
  if (c === '\n') return '\\n';
  if (c === '\t') return '\\t';
  if (c === '\r') return '\\r';
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** The text with unsafe characters escaped; tabs and line breaks kept (for the body of an article). */
export function printable(text: string): string {
  return text.replace(UNSAFE, escapeChar);
}

/** The text on one line, every control character escaped, line breaks and tabs too (names, reasons). */
export function oneLine(text: string): string {
  return text.replace(UNSAFE_ONE_LINE, escapeChar);
}
