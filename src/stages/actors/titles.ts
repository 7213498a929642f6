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
  /** A past office: "former minister", "ex-premier", "then finance minister", "then-president". */
  former?: boolean;
  /** A plural office ("deputy chairmen", "lawmakers"): it applies to each of the names that follow. */
  plural?: boolean;
  /** The office in the singular, when it is written in the plural ("deputy chairman"). */
  singular?: string;
}

/** "vice-president", "deputy-governor": a hyphenated word whose last part is a head and whose other parts are modifiers. */
function isCompoundHead(lower: string, lex: Lexicon): boolean {
  if (!lower.includes('-')) return false;
  const parts = lower.split('-');
  const last = parts.pop()!;
  return lex.titleHeads.has(last) && parts.every((p) => lex.titleModifiers.has(p));
}

/** The singular of a plural head word ("chairmen" → "chairman", "lawmakers" → "lawmaker"), if it is one. */
export function singularHead(lower: string, lex: Lexicon): string | undefined {
  // Every pattern below ends in "s" or "n": any other word has no singular to try (asked for most words).
  const last = lower.charCodeAt(lower.length - 1);
  if (last !== 115 && last !== 110) return undefined;
  const candidates = [lower.replace(/men$/u, 'man'), lower.replace(/ies$/u, 'y'), lower.replace(/s$/u, '')];
  return candidates.find((c) => c !== lower && (lex.titleHeads.has(c) || isCompoundHead(c, lex)));
}

/** The multi-word heads by first word, longest first as listed (built once per list: headAt is asked at most words). */
const multiwordIndexes = new WeakMap<readonly string[][], Map<string, string[][]>>();
function multiwordIndex(heads: readonly string[][]): Map<string, string[][]> {
  let index = multiwordIndexes.get(heads);
  if (!index) {
    index = new Map();
    for (const multi of heads) {
      const list = index.get(multi[0]!);
      if (list) list.push(multi);
      else index.set(multi[0]!, [multi]);
    }
    multiwordIndexes.set(heads, index);
  }
  return index;
}

function headAt(words: readonly Word[], j: number, end: number, lex: Lexicon): number {
  const multis = j < end ? multiwordIndex(lex.multiwordHeads).get(words[j]!.lower) : undefined;
  for (const multi of multis ?? []) {
    if (j + multi.length <= end && multi.every((m, n) => words[j + n]!.lower === m)) return multi.length;
  }
  return j < end && (lex.titleHeads.has(words[j]!.lower) || isCompoundHead(words[j]!.lower, lex)) ? 1 : 0;
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
  if (last < 0) return at;
  // "secretary-general of the National Liberation Front": the words after "of" open an organisation's name,
  // which is the office's organisation, not its portfolio.
  let j = last + 1;
  while (j < end && isCapitalized(words[j]!) && /^\p{L}/u.test(words[j]!.text)) {
    const lower = words[j]!.lower;
    if (lex.partyHeads.has(lower) || lex.orgHeads.has(lower) || lex.govbodyHeads.has(lower)) return at;
    if (lex.portfolioWords.has(lower)) break;
    j++;
  }
  return last + 1;
}

/** The office starting at word `i`, if one does: "Senior Deputy Convener", "PM", "minister for law and justice". */
export function matchTitle(words: readonly Word[], i: number, end: number, lex: Lexicon): TitleMatch | null {
  const first = words[i]!;
  // "former minister", "then finance minister": the marker makes a past office and is not part of the title.
  if (lex.formerMarkers.has(first.lower) && i + 1 < end) {
    const after = matchTitle(words, i + 1, end, lex);
    return after && !after.former ? { ...after, former: true, capitalized: after.capitalized } : null;
  }
  // "current vice-president", "incumbent governor": the marker is no part of the title.
  if (lex.presentMarkers.has(first.lower) && i + 1 < end) return matchTitle(words, i + 1, end, lex);
  // "ex-premier", "then-president": one word, marker and office.
  const hyphen = first.lower.includes('-') ? /^(\p{L}+)-(.+)$/u.exec(first.lower) : null;
  if (hyphen && lex.formerMarkers.has(hyphen[1]!)) {
    const rest = hyphen[2]!;
    if (lex.titleHeads.has(rest) || isCompoundHead(rest, lex)) {
      return { from: i, to: portfolioEnd(words, i + 1, end, lex), head: rest.split('-').pop()!, capitalized: /^\p{Lu}/u.test(first.text), generic: false, former: true };
    }
  }
  const expansion = lex.titleAbbreviations.get(first.text);
  if (expansion !== undefined) {
    const head = expansion.toLowerCase().split(' ').pop()!;
    return { from: i, to: i + 1, head, expansion, capitalized: true, generic: false };
  }
  // Modifiers run up to the last head: "Chief Minister" is one office even though "chief" is a head on its own.
  // "party chairman X", but "Balochistan Awami Party Spokesman X": a capitalised "Party" ends a party's name.
  if (first.text === 'Party') return null;
  let j = i;
  for (;;) {
    while (j < end && lex.titleModifiers.has(words[j]!.lower) && (headAt(words, j, end, lex) === 0 || headAfter(words, j + 1, end, lex))) j++;
    // "Interior and Safety Minister": modifiers joined by "and" before one head.
    if (j > i && j + 1 < end && words[j]!.lower === 'and' && lex.titleModifiers.has(words[j + 1]!.lower) && headAfter(words, j + 1, end, lex)) {
      j++;
      continue;
    }
    break;
  }
  const headLength = headAt(words, j, end, lex);
  if (headLength === 0) {
    // "deputy chairmen Ali Raza and Sana Mir", "lawmakers including …": a plural office.
    const singular = j < end ? singularHead(words[j]!.lower, lex) : undefined;
    if (singular === undefined) return null;
    const capitalized = isCapitalized(words[j]!);
    for (let m = i; m < j; m++) if (isCapitalized(words[m]!) !== capitalized) return null;
    const written = words.slice(i, j).map((w) => w.text);
    return { from: i, to: j + 1, head: singular.split('-').pop()!, capitalized, generic: lex.genericHeads.has(singular) && j === i, plural: true, singular: [...written, capitalized ? singular[0]!.toUpperCase() + singular.slice(1) : singular].join(' ') };
  }
  const headWords = words.slice(j, j + headLength);
  // Modifiers and head share one case: "the federal minister" or "Federal Minister", not "federal Minister".
  const capitalized = isCapitalized(headWords[0]!);
  for (let m = i; m < j; m++) if (words[m]!.lower !== 'and' && isCapitalized(words[m]!) !== capitalized) return null;
  const head = headWords.length === 1 && isCompoundHead(headWords[0]!.lower, lex) ? headWords[0]!.lower.split('-').pop()! : headWords.map((w) => w.lower).join(' ');
  const to = portfolioEnd(words, j + headLength, end, lex);
  return { from: i, to, head, capitalized, generic: lex.genericHeads.has(head) && j === i };
}

/** Whether the letters of `abbreviation` are, in order, initials of the office's capitalised words ("CS" in "Interior Cabinet Secretary"). */
function abbreviates(abbreviation: string, office: readonly Word[]): boolean {
  const initials = office.filter((w) => /^\p{Lu}/u.test(w.text)).map((w) => w.text[0]!).join('');
  let k = 0;
  for (const c of initials) if (k < abbreviation.length && abbreviation[k] === c) k++;
  return k === abbreviation.length && abbreviation[abbreviation.length - 1] === initials[initials.length - 1];
}

/**
 * "Chief Election Commissioner (CEC) Sikandar Sultan": an abbreviation defined in brackets right after a
 * capitalised office names that office wherever it is written alone in the article. Returns the lexicon with
 * the article's abbreviations added to the known ones (titles.json), or the lexicon itself when there are none.
 */
export function withDefinedOffices(words: readonly Word[], lex: Lexicon): Lexicon {
  const defined = new Map<string, string>();
  for (let k = 1; k + 2 < words.length; k++) {
    const abbreviation = words[k + 1]!.text;
    if (words[k]!.text !== '(' || words[k + 2]!.text !== ')' || !/^\p{Lu}{2,6}$/u.test(abbreviation) || lex.titleAbbreviations.has(abbreviation)) continue;
    for (let from = Math.max(0, k - 8); from < k; from++) {
      const title = matchTitle(words, from, k, lex);
      if (!title || title.to !== k || !title.capitalized || title.expansion !== undefined) continue;
      const office = words.slice(title.from, k);
      if (abbreviates(abbreviation, office)) defined.set(abbreviation, office.map((w) => w.text).join(' '));
      break;
    }
  }
  if (defined.size === 0) return lex;
  return { ...lex, titleAbbreviations: new Map([...lex.titleAbbreviations, ...defined]) };
}
