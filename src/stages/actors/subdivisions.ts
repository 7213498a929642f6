/**
 * State and province abbreviations ("NSW", "WA", "KZN") from the ISO 3166-2 codes of the maintained `iso-3166`
 * package: the part after the country's code is how news writes the state. Two or more letters only, and only
 * for a country the article names (by country, demonym or one of its subdivisions), since such codes are
 * short and shared with organisations ("AP" is Andhra Pradesh in an Indian article, a news agency elsewhere).
 */
import { iso31661Alpha3ToAlpha2, iso31662 } from 'iso-3166';
import type { Lexicon } from './lexicon.js';
import type { Word } from './words.js';

interface Index {
  /** "NSW" → the countries (alpha-2) with a subdivision coded so. */
  byAbbreviation: Map<string, Set<string>>;
  /** Lower-cased subdivision name ("new south wales") → its country (alpha-2). */
  byName: Map<string, string>;
}

/** Per lexicon: every run of whole words a country name, demonym or subdivision name starts with ("new", "new south"). */
const namePrefixes = new WeakMap<Lexicon, Set<string>>();

function prefixesOf(names: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const name of names) {
    for (let j = name.indexOf(' '); j >= 0; j = name.indexOf(' ', j + 1)) out.add(name.slice(0, j));
  }
  return out;
}

let index: Index | undefined;

function load(): Index {
  const byAbbreviation = new Map<string, Set<string>>();
  const byName = new Map<string, string>();
  for (const s of iso31662) {
    const suffix = s.code.slice(s.code.indexOf('-') + 1);
    if (/^\p{Lu}{2,4}$/u.test(suffix)) byAbbreviation.set(suffix, (byAbbreviation.get(suffix) ?? new Set()).add(s.parent));
    byName.set(s.name.toLowerCase(), s.parent);
  }
  return { byAbbreviation, byName };
}

/** The countries (alpha-2) an article names: country names, demonyms and subdivision names of up to three words. */
export function countriesNamed(words: readonly Word[], lex: Lexicon): Set<string> {
  index ??= load();
  let prefixes = namePrefixes.get(lex);
  if (!prefixes) namePrefixes.set(lex, (prefixes = prefixesOf([...lex.countryOf.keys(), ...index.byName.keys()])));
  const found = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    if (!/^\p{Lu}/u.test(words[i]!.text)) continue;
    let phrase = '';
    for (let k = i; k < Math.min(words.length, i + 3); k++) {
      // A longer phrase can only be a name when this one opens a name of more words.
      if (k > i && !prefixes.has(phrase)) break;
      phrase = k === i ? words[k]!.lower : `${phrase} ${words[k]!.lower}`;
      const alpha3 = lex.countryOf.get(phrase);
      const alpha2 = alpha3 !== undefined ? iso31661Alpha3ToAlpha2[alpha3] : index.byName.get(phrase);
      if (alpha2 !== undefined) found.add(alpha2);
    }
  }
  return found;
}

/** Whether a word written in capitals is the state abbreviation of any country. */
export function isAnySubdivisionAbbreviation(text: string): boolean {
  index ??= load();
  return index.byAbbreviation.has(text);
}

/** Whether a word written in capitals is a state abbreviation of one of the countries. */
export function isSubdivisionAbbreviation(text: string, countries: ReadonlySet<string>): boolean {
  index ??= load();
  const parents = index.byAbbreviation.get(text);
  return parents !== undefined && [...parents].some((p) => countries.has(p));
}
