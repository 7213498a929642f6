/** Offices written in the text: modifiers, a head word, and a portfolio ("Federal Minister for Planning, …"). */
import type { Lexicon } from './lexicon.js';
import { isCapitalized, type Word } from './words.js';

export interface TitleMatch {
  /** Word index range [from, to) of the office as written, portfolio included. */
  from: number;
  to: number;
  /** Lower-cased head ("minister", "convener", "secretary general"). */
  head: string;
  /** The office in full words ("Prime Minister" for "PM"). */
  expansion?: string;
  capitalized: boolean;
  generic: boolean;
}

function headAt(words: readonly Word[], j: number, end: number, lex: Lexicon): number {
  for (const multi of lex.multiwordHeads) {
    if (j + multi.length <= end && multi.every((m, n) => words[j + n]!.lower === m)) return multi.length;
  }
  return j < end && lex.titleHeads.has(words[j]!.lower) ? 1 : 0;
}

/** True when modifiers from `k` lead to a head word. */
function headAfter(words: readonly Word[], k: number, end: number, lex: Lexicon): boolean {
  for (let j = k; j < end; j++) {
    if (headAt(words, j, end, lex) > 0) return true;
    if (!lex.titleModifiers.has(words[j]!.lower)) return false;
  }
  return false;
}

/**
 * The portfolio after "for"/"of": portfolio words joined by commas and "and". "Federal Minister for Planning,
 * Development and Special Initiatives Asad Umar" stops before "Asad", which is no portfolio word.
 */
function portfolioEnd(words: readonly Word[], at: number, end: number, lex: Lexicon): number {
  const prep = words[at]?.lower;
  if (at >= end || (prep !== 'for' && prep !== 'of')) return at;
  let k = at + 1;
  if (words[k]?.lower === 'the') k++;
  let last = -1;
  while (k < end) {
    const w = words[k]!;
    if (w.text === ',' && k + 1 < end && lex.portfolioWords.has(words[k + 1]!.lower)) {
      k++;
      continue;
    }
    if (!lex.portfolioWords.has(w.lower)) break;
    if (w.lower !== 'and' && w.lower !== '&') last = k;
    k++;
  }
  return last < 0 ? at : last + 1;
}

/** The office starting at word `i`, if one does: "Senior Deputy Convener", "PM", "minister for law and justice". */
export function matchTitle(words: readonly Word[], i: number, end: number, lex: Lexicon): TitleMatch | null {
  const first = words[i]!;
  const expansion = lex.titleAbbreviations.get(first.text);
  if (expansion !== undefined) {
    const head = expansion.toLowerCase().split(' ').pop()!;
    return { from: i, to: i + 1, head, expansion, capitalized: true, generic: false };
  }
  // Modifiers run up to the last head: "Chief Minister" is one office even though "chief" is a head on its own.
  let j = i;
  while (j < end && lex.titleModifiers.has(words[j]!.lower) && (headAt(words, j, end, lex) === 0 || headAfter(words, j + 1, end, lex))) j++;
  const headLength = headAt(words, j, end, lex);
  if (headLength === 0) return null;
  const headWords = words.slice(j, j + headLength);
  // Modifiers and head share one case: "the federal minister" or "Federal Minister", not "federal Minister".
  const capitalized = isCapitalized(headWords[0]!);
  for (let m = i; m < j; m++) if (isCapitalized(words[m]!) !== capitalized) return null;
  const head = headWords.map((w) => w.lower).join(' ');
  const to = portfolioEnd(words, j + headLength, end, lex);
  return { from: i, to, head, capitalized, generic: lex.genericHeads.has(head) && j === i };
}
