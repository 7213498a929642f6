/**
 * The text comparisons the gold format prescribes: names compared case-, diacritic- and
 * punctuation-insensitively, and token overlaps for titles, quote fragments and commitments.
 */

/** Lower case, diacritics stripped, curly quotes and dashes treated like any other punctuation. */
function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * The key two names are compared by: letters and digits only, so that "MQM-P", "MQM P" and "mqmp", or
 * "Bhutto-Zardari" and "Bhutto Zardari", are one name.
 */
export function nameKey(name: string): string {
  return fold(name).replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The words of a text, folded: "Sunday’s press-conference" → sunday, s, press, conference. */
export function wordTokens(text: string): string[] {
  return fold(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** |A ∩ B| / |A ∪ B| over the sets of words; 0 when both are empty. */
export function tokenJaccard(a: string, b: string): number {
  const left = new Set(wordTokens(a));
  const right = new Set(wordTokens(b));
  const union = new Set([...left, ...right]).size;
  if (union === 0) return 0;
  let shared = 0;
  for (const token of left) if (right.has(token)) shared++;
  return shared / union;
}

/**
 * The share of the fragment's words (counted with repetition) found in the container, each container word
 * used once: how much of a gold quote fragment "falls inside" a system quote.
 */
export function tokenCoverage(fragment: string, container: string): number {
  const wanted = wordTokens(fragment);
  if (wanted.length === 0) return 0;
  const available = new Map<string, number>();
  for (const token of wordTokens(container)) available.set(token, (available.get(token) ?? 0) + 1);
  let found = 0;
  for (const token of wanted) {
    const left = available.get(token) ?? 0;
    if (left > 0) {
      found++;
      available.set(token, left - 1);
    }
  }
  return found / wanted.length;
}

/**
 * Where `needle`'s words last occur as a contiguous run of `haystack`'s words, as the word index just after
 * the run ("MQM-P" in "the MQM-P's key leaders" → 3); undefined when they do not occur.
 */
export function lastWordRunEnd(haystack: string, needle: string): number | undefined {
  const hay = wordTokens(haystack);
  const words = wordTokens(needle);
  if (words.length === 0) return undefined;
  for (let i = hay.length - words.length; i >= 0; i--) {
    if (words.every((w, k) => hay[i + k] === w)) return i + words.length;
  }
  return undefined;
}
