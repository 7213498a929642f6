/**
 * Text from an article or a file name made safe to print: control characters (C0, DEL, C1 — among them ESC,
 * which starts the terminal's colour, cursor, title and hyperlink sequences, and the 8-bit CSI/OSC), bidi
 * overrides and isolates (which reorder what is shown, "Trojan Source"), line and paragraph separators, and
 * unpaired surrogates are shown as visible characters or escapes (`␛`, `\x1b`, `\u202e`), so a stored text can neither drive
 * the terminal nor hide what it says. Letters, marks, spaces and ordinary punctuation pass unchanged.
 *
 * Hand-written: the npm "strip-ansi" family removes well-formed ANSI sequences only, leaves a lone ESC, C1 and
 * bidi controls in, and deletes rather than shows what was there.
 */

// C0 except tab and line feed, DEL, C1; bidi marks, embeddings, overrides and isolates; LS/PS; lone surrogates.
const UNSAFE = /[\x00-\x08\x0B-\x1F\x7F-\x9F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\u2028\u2029]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const UNSAFE_ONE_LINE = /[\x00-\x1F\x7F-\x9F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\u2028\u2029]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const UNSAFE_IN_JSON = /[\x7F-\x9F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\u2028\u2029]/g;

function escapeChar(c: string): string {
  const code = c.charCodeAt(0);
  if (c === '\n') return '\\n';
  if (c === '\t') return '\\t';
  if (c === '\r') return '\\r';
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * The text for a terminal, each unsafe character replaced by one visible character of the same UTF-16 length,
 * so spans into the text still point at the same places: C0 controls by their Control Pictures (ESC → ␛,
 * U+241B), DEL by ␡, C1, bidi controls, separators and lone surrogates by U+FFFD. Tabs and line feeds stay.
 */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (c) => {
    const code = c.charCodeAt(0);
    if (code < 0x20) return String.fromCharCode(0x2400 + code);
    if (code === 0x7f) return '\u2421';
    return '\uFFFD';
  });
}

/**
 * JSON text for a terminal: C1 and bidi controls and separators written as \uXXXX escapes (JSON.stringify
 * already escapes C0 and lone surrogates). They can only stand inside string literals, so the value is the same.
 */
export function terminalSafeJson(json: string): string {
  return json.replace(UNSAFE_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The text on one line, every control character escaped, line breaks and tabs too (names, reasons). */
export function oneLine(text: string): string {
  return text.replace(UNSAFE_ONE_LINE, escapeChar);
}
