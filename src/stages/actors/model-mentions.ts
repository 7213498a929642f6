/**
 * Names found by the statistical tagger (src/models/ner), merged with the rule mentions: the tagger adds
 * names the rules cannot see (a lone surname, an unfamiliar organisation), and overrules an unsupported rule
 * guess ("Capital Hill" is a place, not a person).
 */
import type { Document } from '../../document/document.js';
import type { ActorType } from '../../document/layers.js';
import { entitiesOf, type NerModel } from '../../models/ner/model.js';
import { cityPopulation } from './cities.js';
import { isGivenName } from './given-names.js';
import { countriesNamed, isAnySubdivisionAbbreviation, isSubdivisionAbbreviation } from './subdivisions.js';
import { squeeze, type Lexicon } from './lexicon.js';
import { spanOf, typeOfChunk, type Candidate } from './mentions.js';
import type { Word } from './words.js';

export interface ModelEntity {
  /** Word index range [from, to). */
  from: number;
  to: number;
  label: string;
}

/** The tagger's entities over the segmenter's tokens, sentence by sentence, as word ranges. */
export function modelEntities(doc: Document, words: readonly Word[], model: NerModel, lex: Lexicon): ModelEntity[] {
  const wordAt = new Map<number, number>();
  words.forEach((w, i) => wordAt.set(w.span.start, i));
  const wordEndingAt = new Map<number, number>();
  words.forEach((w, i) => wordEndingAt.set(w.span.end, i));
  const out: ModelEntity[] = [];
  let first = 0;
  while (first < doc.tokens.length) {
    const sentence = doc.tokens[first]!.sentence;
    let last = first;
    while (last < doc.tokens.length && doc.tokens[last]!.sentence === sentence) last++;
    const tokens = doc.tokens.slice(first, last);
    const tags = model.predict(tokens.map((t) => doc.text.slice(t.span.start, t.span.end)), lex, true);
    for (const e of entitiesOf(tags)) {
      // Only entities that start and end on word boundaries: "MQM" of "MQM-P" is not a name of its own.
      const from = wordAt.get(tokens[e.start]!.span.start);
      const lastWord = wordEndingAt.get(tokens[e.end - 1]!.span.end);
      if (from !== undefined && lastWord !== undefined && lastWord >= from) out.push({ from, to: lastWord + 1, label: e.label });
    }
    first = last;
  }
  return out;
}

const ACTOR_LABELS: Record<string, ActorType> = { Person: 'PERSON', Location: 'PLACE', Organization: 'ORG' };

/** The actor type of a word the tagger put in a Person, Location or Organization entity. */
export function modelTypeAt(entities: readonly ModelEntity[]): (word: number) => ActorType | undefined {
  const byWord = new Map<number, ActorType>();
  for (const e of entities) {
    const type = ACTOR_LABELS[e.label];
    if (type) for (let k = e.from; k < e.to; k++) byWord.set(k, type);
  }
  return (word) => byWord.get(word);
}

function overlaps(c: Candidate, e: ModelEntity): boolean {
  return c.from < e.to && e.from < c.to;
}

const NOT_ACTORS = new Set(['Date', 'Money', 'NORP', 'Misc', 'Product', 'Facility']);

/**
 * Adds tagger entities no rule mention overlaps, and retypes or drops a rule-only person guess the tagger reads
 * otherwise ("Capital Hill" is a place). A person written with an honorific, right after an office, or whose
 * name recurs in another person mention keeps the rules' reading.
 */
export function mergeModelMentions(candidates: readonly Candidate[], entities: readonly ModelEntity[], words: readonly Word[], lex: Lexicon): Candidate[] {
  // A name word is supported when it recurs in another writing of a name ("Khalid Maqbool Siddiqui", then
  // "Siddiqui"); the same words repeated ("Corcovado National Park" three times) support nothing.
  const personWordForms = new Map<string, Set<string>>();
  for (const c of candidates) {
    if (c.type !== 'PERSON') continue;
    const form = words.slice(c.nameFrom ?? c.from, c.nameTo ?? c.to).map((w) => w.lower).join(' ');
    for (let k = c.nameFrom ?? c.from; k < (c.nameTo ?? c.to); k++) {
      const forms = personWordForms.get(words[k]!.lower) ?? new Set<string>();
      forms.add(form);
      personWordForms.set(words[k]!.lower, forms);
    }
  }
  const personWordUses = new Map([...personWordForms].map(([w, forms]) => [w, forms.size]));
  // One reading per document: a name the tagger reads as a person at one of its mentions ("such as Mitt Romney in
  // 2012" read as an organisation, "Mitt Romney said" as a person) is a person at the others too.
  const surfaceOf = (c: Candidate) => words.slice(c.from, c.to).map((w) => w.lower).join(' ');
  const taggedPersons = new Set(candidates.filter((c) => c.type === 'PERSON' && entities.some((e) => e.label === 'Person' && e.from === c.from && e.to === c.to)).map(surfaceOf));
  // Surnames the article uses alone for a person ("Romney said", "Mr. Trump"): a full name ending in one is a
  // person's, where the tagger reads those words as a place ("a new leader in Mitt Romney", "in Ivanka Trump's den").
  const loneSurnames = new Set(candidates.filter((c) => c.type === 'PERSON' && (c.nameTo ?? c.to) - (c.nameFrom ?? c.from) === 1).map((c) => words[c.nameFrom ?? c.from]!.lower));
  const out: Candidate[] = [];
  candidates.forEach((c, n) => {
    const before = candidates[n - 1];
    // A lone word that is also part of another writing of a person's name ("Siddiqui") stays a person.
    const surname = c.to - c.from === 1 && (personWordUses.get(words[c.from]!.lower) ?? 0) > 1;
    // "Hillary Clinton", "Chelsea Clinton": two or three words starting with a given name (the English first-name
    // lists) keep the rules' person reading, even where the tagger reads that one sentence's span as an organisation.
    const givenNamed = c.to - c.from >= 2 && c.to - c.from <= 3 && isGivenName(words[c.from]!.lower);
    const plain = c.type === 'PERSON' && c.source === 'rule' && c.nameFrom === c.from && c.nameTo === c.to && !surname && !givenNamed && !(before?.type === 'TITLE' && before.to === c.from) &&
      !taggedPersons.has(surfaceOf(c)) && !(c.to - c.from >= 2 && loneSurnames.has(words[c.to - 1]!.lower));
    if (plain) {
      // A person guess with no honorific or office before it that the tagger reads, with the same span, as a
      // place or organisation ("Stabroek Block", "ExxonMobil") takes the tagger's reading, however often it recurs.
      const same = entities.find((e) => e.from === c.from && e.to === c.to);
      if (same?.label === 'Location') {
        out.push({ ...c, type: 'PLACE', source: 'model' });
        return;
      }
      if (same?.label === 'Organization') {
        out.push({ ...c, type: typeOfOrganisation(words, c.from, c.to, lex), source: 'model' });
        return;
      }
      // "In Japan", "If Rumsfeld": capitalised common words glued before a name the tagger reads without them.
      const tail = entities.find((e) => e.to === c.to && e.from > c.from && ACTOR_LABELS[e.label] !== undefined && words.slice(c.from, e.from).every((w) => lex.commonWords.has(w.lower)));
      if (tail) {
        const type = tail.label === 'Person' ? 'PERSON' : tail.label === 'Location' ? 'PLACE' : typeOfOrganisation(words, tail.from, tail.to, lex);
        const span = spanOf(words, tail.from, tail.to);
        out.push({ ...c, type, from: tail.from, to: tail.to, span, source: 'model', ...(type === 'PERSON' ? { nameFrom: tail.from, nameTo: tail.to } : { nameFrom: undefined, nameTo: undefined }) });
        return;
      }
    }
    const supported =
      c.type !== 'PERSON' ||
      c.source !== 'rule' ||
      c.to - c.from === 1 ||
      c.nameFrom !== c.from ||
      c.nameTo !== c.to ||
      taggedPersons.has(surfaceOf(c)) ||
      (before?.type === 'TITLE' && before.to === c.from) ||
      words.slice(c.from, c.to).some((w) => (personWordUses.get(w.lower) ?? 0) > 1);
    if (supported) {
      out.push(c);
      return;
    }
    const same = entities.find((e) => e.from === c.from && e.to === c.to);
    // A given-named guess the tagger reads, with the same span, as a place or organisation stays a person (see givenNamed).
    if (givenNamed && (same?.label === 'Location' || same?.label === 'Organization')) {
      out.push(c);
      return;
    }
    const inside = entities.filter((e) => c.from <= e.from && e.to <= c.to);
    // A place or organisation the tagger reads around the guess ("Amnesty International" of "Amnesty"
    // "International"; "Centre for Insect Research and Development" of "Insect Research") takes its place, once.
    const around = entities.find((e) => e.from <= c.from && c.to <= e.to && (e.label === 'Location' || e.label === 'Organization') && /^\p{Lu}/u.test(words[e.from]!.text));
    if (same?.label === 'Location') out.push({ ...c, type: 'PLACE', source: 'model' });
    else if (same?.label === 'Organization') out.push({ ...c, type: typeOfOrganisation(words, c.from, c.to, lex), source: 'model' });
    else if (around) {
      if (!out.some((o) => o.from === around.from && o.to === around.to)) {
        const type = around.label === 'Location' ? 'PLACE' : typeOfOrganisation(words, around.from, around.to, lex);
        out.push({ type, from: around.from, to: around.to, span: spanOf(words, around.from, around.to), source: 'model' });
      }
    } else if (inside.length > 0 && inside.every((e) => NOT_ACTORS.has(e.label))) {
      // The tagger reads the words as a date, law, facility…: no actor.
    } else if (entities.some((e) => overlaps(c, e))) out.push(c);
    // A guess no rule supports and the tagger sees no name in ("U.N. High", "Teacher Education") is dropped.
  });
  joinFragments(out, entities, words);
  for (const e of entities) {
    const type = ACTOR_LABELS[e.label];
    if (!type || out.some((c) => overlaps(c, e))) continue;
    let from = e.from;
    while (from < e.to && !/^\p{Lu}/u.test(words[from]!.text)) from++;
    if (from >= e.to) continue;
    // A lone common word is no name, whatever the tagger says: "the coalition government in Centre",
    // "the portfolio of Ports and Shipping".
    const only = words[from]!;
    if (e.to - from === 1 && lex.nonActorAcronyms.has(only.text)) continue;
    if (e.to - from === 1 && (lex.commonWords.has(only.lower) || lex.notNames.has(only.lower) || lex.titleModifiers.has(only.lower) || lex.portfolioWords.has(only.lower))) continue;
    // "Community Sentencing Bill", "World Cup": a chunk whose last word names a law, event or facility is no actor.
    if (e.to - from >= 2 && lex.chunkHeads.get(words[e.to - 1]!.lower) === 'NONE') continue;
    const typed = type === 'PERSON' ? typeOfChunk(words, from, e.to, lex) : null;
    if (type === 'PERSON' && !typed) continue;
    out.push({
      type: type === 'ORG' ? typeOfOrganisation(words, from, e.to, lex) : type,
      from,
      to: e.to,
      span: typed?.nameFrom !== undefined ? spanOf(words, typed.nameFrom, typed.nameTo!) : spanOf(words, from, e.to),
      source: 'model',
      ...(typed?.nameFrom !== undefined ? { nameFrom: typed.nameFrom, nameTo: typed.nameTo! } : {}),
    });
  }
  retypeCities(out, words, personWordUses);
  retypeSubdivisions(out, words, lex);
  // Stable: rule mentions keep their order where two start on the same word ("PTI" before "PTI government").
  return out.sort((a, b) => a.from - b.from);
}

/** "flooding in NSW and WA", "KZN police": a state abbreviation of a country the article names is a place. */
function retypeSubdivisions(out: Candidate[], words: readonly Word[], lex: Lexicon): void {
  const abbreviated = out.filter((c) => c.type !== 'PLACE' && c.type !== 'TITLE' && c.to - c.from === 1 && /^\p{Lu}{2,4}$/u.test(words[c.from]!.text) && isAnySubdivisionAbbreviation(words[c.from]!.text));
  // The countries named are read only for a word that is some country's state code.
  if (abbreviated.length === 0) return;
  const countries = countriesNamed(words, lex);
  for (const c of abbreviated) if (isSubdivisionAbbreviation(words[c.from]!.text, countries)) out[out.indexOf(c)] = { ...c, type: 'PLACE' };
}

/** Words before a place: "in Dushanbe", "near Ballarat". */
const LOCATIVES = new Set(['in', 'near', 'outside', 'across', 'around', 'via', 'into', 'throughout']);
/** A city this large is a place whatever word comes before it. */
const LARGE_CITY = 100_000;

/**
 * "talks in Dushanbe", "Limón province": a person guess whose whole name is a city's is the city, when it comes
 * after a locative preposition or the city is large, unless the text supports a person: an honorific, an
 * office right before it, or its words in another person's name ("Michael Jackson", then "Jackson").
 */
function retypeCities(out: Candidate[], words: readonly Word[], personWordUses: ReadonlyMap<string, number>): void {
  out.forEach((c, n) => {
    if (c.type !== 'PERSON' || (c.nameFrom ?? c.from) !== c.from || (c.nameTo ?? c.to) !== c.to) return;
    const before = out[n - 1];
    if (before?.type === 'TITLE' && before.to === c.from) return;
    if (words.slice(c.from, c.to).some((w) => (personWordUses.get(w.lower) ?? 0) > 1)) return;
    const population = cityPopulation(words.slice(c.from, c.to).map((w) => w.text).join(' '));
    if (population === undefined) return;
    if (population >= LARGE_CITY || LOCATIVES.has(words[c.from - 1]?.lower ?? '')) out[n] = { ...c, type: 'PLACE' };
  });
}

const JOINERS = new Set(['of', 'for', 'the', 'and', '&', 'on', "'s"]);

/**
 * "UN Office for the Coordination of Humanitarian Affairs", "Voice of America": where the rules found only
 * pieces of a longer organisation or place name that the tagger reads whole, the tagger's span replaces the
 * pieces. Only when every piece lies inside the entity, none is a person or an office (roles are read from
 * those), the entity is capitalised at both ends and the pieces leave out a joining word ("of", "for the"),
 * or, for an organisation, only capitalised words ("IRGC Navy" of "IRGC" and "Navy").
 */
function joinFragments(out: Candidate[], entities: readonly ModelEntity[], words: readonly Word[]): void {
  for (const e of entities) {
    if (e.label !== 'Organization' && e.label !== 'Location') continue;
    if (!/^\p{Lu}/u.test(words[e.from]!.text) || !/^[\p{Lu}\d]/u.test(words[e.to - 1]!.text)) continue;
    const pieces = out.filter((c) => overlaps(c, e));
    if (pieces.length === 0 || pieces.some((c) => c.from < e.from || c.to > e.to || c.type === 'PERSON' || c.type === 'TITLE')) continue;
    if (pieces.length === 1 && pieces[0]!.from === e.from && pieces[0]!.to === e.to) continue;
    const covered = new Set(pieces.flatMap((c) => Array.from({ length: c.to - c.from }, (_, k) => c.from + k)));
    const left = words.slice(e.from, e.to).filter((_, k) => !covered.has(e.from + k));
    // The pieces leave out a joining word ("of", "for the"), or the tagger reads two or more pieces as one
    // organisation ("IRGC" "Navy"), or one piece with capitalised words the rules left out ("Tomorrow" "Group").
    const joined = left.some((w) => JOINERS.has(w.lower));
    const whole = e.label === 'Organization' && left.every((w) => /^[\p{Lu}\d]/u.test(w.text) || JOINERS.has(w.lower));
    if (!joined && !whole) continue;
    const type: ActorType = e.label === 'Location' ? 'PLACE' : pieces.every((c) => c.type === pieces[0]!.type) && pieces[0]!.type !== 'PLACE' ? pieces[0]!.type as ActorType : 'ORG';
    const at = out.indexOf(pieces[0]!);
    out.splice(at, 0, { type, from: e.from, to: e.to, span: spanOf(words, e.from, e.to), source: 'model' });
    for (const c of pieces) out.splice(out.indexOf(c), 1);
  }
}

function typeOfOrganisation(words: readonly Word[], from: number, to: number, lex: Lexicon): ActorType {
  const surface = words.slice(from, to).map((w) => w.text).join(' ');
  if (lex.partyKeys.has(squeeze(surface))) return 'PARTY';
  const typed = typeOfChunk(words, from, to, lex);
  return typed && (typed.type === 'PARTY' || typed.type === 'GOVBODY' || typed.type === 'ORG') ? typed.type : 'ORG';
}
