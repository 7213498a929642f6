/**
 * Builds src/stages/actors/gazetteer/gazetteer.json from public data read by path:
 * - places and organisations from the Phoenix / PETRARCH2 actor dictionaries (MIT, Open Event Data Alliance);
 * - common words (lower-cased words that are almost never part of a name) from the training split of the
 *   English Worldwide Newswire, so a capitalised sentence opener ("Hours after…") is not taken for a name.
 * Run: node --import tsx src/train/build-gazetteer.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { packagePath } from '../package-path.js';
import { readNewswire } from './newswire.js';

const PHOENIX = packagePath('../shared/data/phoenix');
const NEWSWIRE = packagePath('../shared/data/en-worldwide-newswire/processed_annotated');
const OUT = packagePath('src/stages/actors/gazetteer/gazetteer.json');

/** "NORTH_WAZIRISTAN_" → "north waziristan"; null for pattern entries the stage cannot use. */
function phraseOf(entry: string): string | null {
  const name = entry.replace(/#.*/u, '').replace(/\[.*/u, '').trim().replace(/^\+/u, '').replace(/_+$/u, '');
  if (!name || /[{}()<>!&]/u.test(name)) return null;
  return name.replace(/_/gu, ' ').toLowerCase().trim() || null;
}

/** Country blocks in Phoenix.Countries: "PAKISTAN_ [PAK]" then "+" synonyms, which include its cities and provinces. */
function phoenixPlaces(): Set<string> {
  const places = new Set<string>();
  let inCountry = false;
  for (const line of readFileSync(join(PHOENIX, 'Phoenix.Countries.actors.txt'), 'latin1').split('\n')) {
    if (line.startsWith('#') || line.trim() === '') continue;
    if (/^\S.*\[[A-Z]{3}\]\s*$/u.test(line) && !line.startsWith('+')) {
      inCountry = true;
      const p = phraseOf(line);
      if (p) places.add(p);
      continue;
    }
    if (line.startsWith('+') && inCountry) {
      const p = phraseOf(line);
      if (p) places.add(p);
      continue;
    }
    inCountry = false;
  }
  return places;
}

const ORG_WORDS = /\b(organi[sz]ation|union|council|committee|front|army|movement|party|league|brigades?|agency|bank|fund|association|federation|court|commission|alliance|group|network|taliban|forces?)\b/u;

/** International and militant organisations: entries whose name carries an organisation word, or a short acronym. */
function phoenixOrganizations(): Set<string> {
  const orgs = new Set<string>();
  for (const file of ['Phoenix.International.actors.txt', 'Phoenix.MilNonState.actors.txt']) {
    for (const line of readFileSync(join(PHOENIX, file), 'latin1').split('\n')) {
      if (line.startsWith('#') || /^\s/u.test(line) || line.trim() === '') continue;
      const p = phraseOf(line);
      if (!p) continue;
      const raw = line.replace(/^\+/u, '').replace(/[\s[#].*/u, '').replace(/_+$/u, '');
      if (ORG_WORDS.test(p) || /^[A-Z]{2,6}$/u.test(raw)) orgs.add(p);
    }
  }
  return orgs;
}

function commonWords(): string[] {
  const outside = new Map<string, number>();
  const total = new Map<string, number>();
  for (const file of readNewswire(NEWSWIRE, ['train'])) {
    for (const s of file.sentences) {
      s.tokens.forEach((tok, i) => {
        if (!/^\p{L}[\p{L}'-]*$/u.test(tok)) return;
        const w = tok.toLowerCase();
        total.set(w, (total.get(w) ?? 0) + 1);
        if (s.tags[i] === 'O') outside.set(w, (outside.get(w) ?? 0) + 1);
      });
    }
  }
  return [...total]
    .filter(([w, n]) => n >= 2 && (outside.get(w) ?? 0) / n >= 0.9 && w.length > 1)
    .map(([w]) => w)
    .sort();
}

/**
 * Phoenix lists nationality words among a country's names ("PAKISTANI", "MALAWIAN"); they name people's origin,
 * not a place. Dropped when the newswire train split tags the word NORP more often than Location, or when it
 * has a nationality ending and the data never tags it Location.
 */
function nationalityWords(): Set<string> {
  const norp = new Map<string, number>();
  const location = new Map<string, number>();
  for (const file of readNewswire(NEWSWIRE, ['train'])) {
    for (const s of file.sentences) {
      s.tokens.forEach((tok, i) => {
        const w = tok.toLowerCase();
        const tag = s.tags[i]!;
        if (tag.endsWith('-NORP')) norp.set(w, (norp.get(w) ?? 0) + 1);
        if (tag.endsWith('-Location')) location.set(w, (location.get(w) ?? 0) + 1);
      });
    }
  }
  const out = new Set<string>();
  for (const [w, n] of norp) if (n > (location.get(w) ?? 0)) out.add(w);
  return out;
}

const NATIONALITY_ENDING = /(ian|ean|ese|ish|ans|ians)$/u;

const nationalities = nationalityWords();
const gazetteer = {
  source: {
    places: 'Phoenix.Countries.actors.txt (PETRARCH2 dictionaries, MIT, Open Event Data Alliance)',
    organizations: 'Phoenix.International.actors.txt, Phoenix.MilNonState.actors.txt (MIT)',
    commonWords: 'English Worldwide Newswire, train split (sha1 mod 10 ≥ 2): words tagged O in ≥ 90% of ≥ 2 uses',
  },
  places: [...phoenixPlaces()].filter((p) => !nationalities.has(p) && !(NATIONALITY_ENDING.test(p) && !p.includes(' '))).sort(),
  organizations: [...phoenixOrganizations()].sort(),
  commonWords: commonWords(),
};
writeFileSync(OUT, `${JSON.stringify(gazetteer)}\n`);
console.log(`places ${gazetteer.places.length}, organizations ${gazetteer.organizations.length}, common words ${gazetteer.commonWords.length} → ${OUT}`);
