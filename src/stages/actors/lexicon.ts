/** The actors stage's lexicons and gazetteer, read once from the JSON data files beside this module. */
import { readFileSync } from 'node:fs';
import { packagePath } from '../../package-path.js';
import type { ActorType } from '../../document/layers.js';
import { countries } from './countries.js';
import { loadWordClasses, type WordClass } from '../../models/ner/word-classes.js';

function readJSON<T>(relative: string): T {
  return JSON.parse(readFileSync(packagePath(`src/stages/actors/${relative}`), 'utf8')) as T;
}

interface HonorificsFile { prefixes: string[]; suffixes: string[] }
interface TitlesFile {
  heads: string[];
  multiwordHeads: string[];
  genericHeads: string[];
  partyOffices: string[];
  abbreviations: Record<string, string>;
  modifiers: string[];
  rankModifiers: string[];
  portfolioWords: string[];
  formerMarkers: string[];
  presentMarkers: string[];
  memberModifiers: string[];
  predicativeLinks: string[];
  formerLinks: string[];
  coordinationOpeners: string[];
  topOffices: Record<string, string[]>;
}
interface OrganizationsFile {
  parties: { acronym: string; names: string[] }[];
  partyHeads: string[];
  govbodyHeads: string[];
  orgHeads: string[];
  govbodyNouns: string[];
  jurisdictionModifiers: string[];
  neutralModifiers: string[];
  nameConnectors: string[];
  ofConnectorHeads: string[];
  memberOrgHeads: string[];
}
interface WordsFile {
  temporal: string[];
  notNames: string[];
  nonActorAcronyms: string[];
  placePrepositions: string[];
  pronouns: Record<string, ActorType>;
  placeSuffixes: string[];
  placeFirstWords: string[];
  placeLastWords: string[];
  groups: string[];
  chunkHeads: { PLACE: string[]; ORG: string[]; NONE: string[] };
}
interface GazetteerFile { places: string[]; organizations: string[]; commonWords: string[] }
interface PlacesFile { places: string[] }

export interface Lexicon {
  honorificPrefixes: ReadonlySet<string>;
  honorificSuffixes: ReadonlySet<string>;
  titleHeads: ReadonlySet<string>;
  /** Multiword heads as lower-cased word arrays, longest first. */
  multiwordHeads: readonly string[][];
  genericHeads: ReadonlySet<string>;
  partyOffices: ReadonlySet<string>;
  titleAbbreviations: ReadonlyMap<string, string>;
  titleModifiers: ReadonlySet<string>;
  rankModifiers: ReadonlySet<string>;
  /** "chief" after an organisation → the heads of the offices it stands for ("chairman", "president", …). */
  topOffices: ReadonlyMap<string, ReadonlySet<string>>;
  portfolioWords: ReadonlySet<string>;
  formerMarkers: ReadonlySet<string>;
  presentMarkers: ReadonlySet<string>;
  memberModifiers: ReadonlySet<string>;
  /** Lower-cased word sequences joining a name to the office after it ("took office as"). */
  predicativeLinks: ReadonlySet<string>;
  formerLinks: ReadonlySet<string>;
  coordinationOpeners: ReadonlySet<string>;
  /** Lower-cased party name or acronym (hyphens and spaces squeezed out) → the party's acronym. */
  partyKeys: ReadonlyMap<string, string>;
  partyHeads: ReadonlySet<string>;
  govbodyHeads: ReadonlySet<string>;
  orgHeads: ReadonlySet<string>;
  govbodyNouns: ReadonlySet<string>;
  jurisdictionModifiers: ReadonlySet<string>;
  neutralModifiers: ReadonlySet<string>;
  nameConnectors: ReadonlySet<string>;
  ofConnectorHeads: ReadonlySet<string>;
  /** Head words of organisations people are members of ("union", "federation"). */
  memberOrgHeads: ReadonlySet<string>;
  temporal: ReadonlySet<string>;
  notNames: ReadonlySet<string>;
  nonActorAcronyms: ReadonlySet<string>;
  placePrepositions: ReadonlySet<string>;
  pronouns: ReadonlyMap<string, ActorType>;
  placeSuffixes: readonly string[];
  placeFirstWords: ReadonlySet<string>;
  placeLastWords: ReadonlySet<string>;
  /** Lower-cased words and phrases naming a group of people, not an actor: demonyms ("kenyans", "north korean"), "berbers". */
  groups: ReadonlySet<string>;
  /** Last word of a capitalised chunk → what it names: "Corcovado National Park" a place, "World Cup" nothing. */
  chunkHeads: ReadonlyMap<string, 'PLACE' | 'ORG' | 'NONE'>;
  /** Country abbreviations in capitals ("UK", "USA") → ISO alpha-3. */
  countryAbbreviations: ReadonlyMap<string, string>;
  /** Lower-cased country name or demonym → ISO alpha-3. */
  countryOf: ReadonlyMap<string, string>;
  places: ReadonlySet<string>;
  organizations: ReadonlySet<string>;
  commonWords: ReadonlySet<string>;
  /** Word classes from unannotated news (src/models/ner/word-classes.ts), features of the NER tagger. */
  wordClasses: ReadonlyMap<string, WordClass>;
}

/** "Muttahida Qaumi Movement - Pakistan" and "MQM-P" become comparable keys: lower case, no spaces, dashes or dots. */
export function squeeze(name: string): string {
  return name.toLowerCase().replace(/[\s\-.'’]+/gu, '');
}

function load(): Lexicon {
  const h = readJSON<HonorificsFile>('lexicon/honorifics.json');
  const t = readJSON<TitlesFile>('lexicon/titles.json');
  const o = readJSON<OrganizationsFile>('lexicon/organizations.json');
  const w = readJSON<WordsFile>('lexicon/words.json');
  const g = readJSON<GazetteerFile>('gazetteer/gazetteer.json');
  const extraPlaces = readJSON<PlacesFile>('lexicon/places.json');
  const lower = (xs: string[]) => new Set(xs.map((x) => x.toLowerCase()));
  const world = countries();
  const partyKeys = new Map<string, string>();
  for (const p of o.parties) {
    partyKeys.set(squeeze(p.acronym), p.acronym);
    for (const n of p.names) partyKeys.set(squeeze(n), p.acronym);
  }
  return {
    honorificPrefixes: new Set(h.prefixes),
    honorificSuffixes: new Set(h.suffixes),
    titleHeads: lower(t.heads),
    multiwordHeads: t.multiwordHeads.map((m) => m.toLowerCase().split(' ')).sort((a, b) => b.length - a.length),
    genericHeads: lower(t.genericHeads),
    partyOffices: lower(t.partyOffices),
    titleAbbreviations: new Map(Object.entries(t.abbreviations)),
    titleModifiers: lower(t.modifiers),
    rankModifiers: lower(t.rankModifiers),
    topOffices: new Map(Object.entries(t.topOffices).map(([k, v]) => [k.toLowerCase(), lower(v)])),
    portfolioWords: lower(t.portfolioWords),
    formerMarkers: lower(t.formerMarkers),
    presentMarkers: lower(t.presentMarkers),
    memberModifiers: lower(t.memberModifiers),
    predicativeLinks: lower(t.predicativeLinks),
    formerLinks: lower(t.formerLinks),
    coordinationOpeners: lower(t.coordinationOpeners),
    partyKeys,
    partyHeads: lower(o.partyHeads),
    govbodyHeads: lower(o.govbodyHeads),
    orgHeads: lower(o.orgHeads),
    govbodyNouns: lower(o.govbodyNouns),
    jurisdictionModifiers: lower(o.jurisdictionModifiers),
    neutralModifiers: lower(o.neutralModifiers),
    nameConnectors: lower(o.nameConnectors),
    ofConnectorHeads: lower(o.ofConnectorHeads),
    memberOrgHeads: lower(o.memberOrgHeads),
    temporal: lower(w.temporal),
    notNames: lower(w.notNames),
    nonActorAcronyms: new Set(w.nonActorAcronyms),
    placePrepositions: lower(w.placePrepositions),
    pronouns: new Map(Object.entries(w.pronouns)),
    placeSuffixes: w.placeSuffixes,
    placeFirstWords: lower(w.placeFirstWords),
    placeLastWords: lower(w.placeLastWords),
    groups: new Set([...lower(w.groups), ...world.demonyms.keys()]),
    countryAbbreviations: world.abbreviations,
    chunkHeads: new Map((['NONE', 'ORG', 'PLACE'] as const).flatMap((kind) => w.chunkHeads[kind].map((h) => [h.toLowerCase(), kind] as const))),
    countryOf: new Map([...world.names, ...world.demonyms]),
    places: new Set([...g.places, ...extraPlaces.places, ...world.names.keys(), ...world.regions]),
    organizations: new Set(g.organizations),
    commonWords: new Set(g.commonWords),
    wordClasses: loadWordClasses(),
  };
}

let cached: Lexicon | undefined;

export function actorLexicon(): Lexicon {
  cached ??= load();
  return cached;
}
