/**
 * World knowledge about countries from the maintained `world-countries` package (ISO 3166-1 codes, names,
 * alternative spellings, English demonyms), read once: country names and their abbreviations ("UK", "USA",
 * "DPRK") are places, demonyms ("Kenyans", "British", "North Korean") are no actors, and both say whose
 * office a title is ("Thai Prime Minister", "President of Kenya").
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

interface CountryRecord {
  region: string;
  subregion: string;
  cca2: string;
  cca3: string;
  name: { common: string; official: string };
  altSpellings: string[];
  demonyms?: { eng?: { m: string; f: string } };
}

export interface Countries {
  /** Lower-cased country name or alternative spelling → ISO alpha-3. */
  names: ReadonlyMap<string, string>;
  /** Abbreviations written in capitals ("UK", "USA", "UAE", "DPRK") → ISO alpha-3. */
  abbreviations: ReadonlyMap<string, string>;
  /** Lower-cased demonym, singular and plural ("kenyan", "kenyans", "british") → ISO alpha-3. */
  demonyms: ReadonlyMap<string, string>;
  /** Lower-cased world regions and subregions ("africa", "south america", "central asia"). */
  regions: ReadonlySet<string>;
}

const LATIN = /^[\p{Script=Latin}\s.'’()-]+$/u;

function plural(demonym: string): string[] {
  if (/(ese|ish|ch|sh|ss|i|s)$/u.test(demonym)) return [demonym];
  return [demonym, `${demonym}s`];
}

function load(): Countries {
  const require = createRequire(import.meta.url);
  const records = JSON.parse(readFileSync(require.resolve('world-countries/countries.json'), 'utf8')) as CountryRecord[];
  const names = new Map<string, string>();
  const abbreviations = new Map<string, string>();
  const demonyms = new Map<string, string>();
  for (const c of records) {
    for (const n of [c.name.common, c.name.official]) if (LATIN.test(n)) names.set(n.toLowerCase(), c.cca3);
    for (const alt of c.altSpellings) {
      if (/^[A-Z]{2,4}$/u.test(alt)) {
        // The bare alpha-2 code is kept only when a longer capital form extends it ("US" of "USA"); "IN",
        // "IT", "AM" are English words far more often than countries.
        if (alt !== c.cca2 || c.altSpellings.some((a) => a !== alt && /^[A-Z]{3,4}$/u.test(a) && a.startsWith(alt))) abbreviations.set(alt, c.cca3);
      } else if (alt.length >= 4 && LATIN.test(alt) && !alt.includes(',')) names.set(alt.toLowerCase(), c.cca3);
    }
    const eng = c.demonyms?.eng;
    if (eng) for (const d of new Set([eng.m, eng.f])) for (const form of plural(d.toLowerCase())) demonyms.set(form, c.cca3);
  }
  // "Thai" is among Thailand's alternative spellings, but in English news it is the adjective.
  const common = new Set(records.map((c) => c.name.common.toLowerCase()));
  for (const d of demonyms.keys()) if (!common.has(d)) names.delete(d);
  const regions = new Set(records.flatMap((c) => [c.region, c.subregion]).filter((r) => r).map((r) => r.toLowerCase()));
  return { names, abbreviations, demonyms, regions };
}

let cached: Countries | undefined;

export function countries(): Countries {
  cached ??= load();
  return cached;
}
