/**
 * Groups name mentions into the document's actors: a person's shorter forms join the fullest name
 * ("Siddiqui", "Khalid Bhai" → Khalid Maqbool Siddiqui), an acronym joins its long form
 * ("MQM-P" ↔ "Muttahida Qaumi Movement - Pakistan"), a bare "cabinet" joins "the federal cabinet".
 */
import type { ActorType } from '../../document/layers.js';
import { squeeze, type Lexicon } from './lexicon.js';
import { withoutPossessive, type Candidate } from './mentions.js';
import type { Word } from './words.js';
import { distance } from 'fastest-levenshtein';
import { givenNameLists } from './given-names.js';

export interface ActorDraft {
  type: ActorType;
  /** Indices into the candidate list of the name mentions that refer to this actor. */
  members: number[];
  name: string;
  /** PERSON: the lower-cased words of the canonical name. */
  nameWords: string[];
  /** Organisations: the acronym their names share, lower case. */
  acronym?: string;
  /**
   * Organisations: an acronym is among the members. Two long names join by their initials only through it (or
   * when they are one name): "Host Committee" and "Hillary Clinton" share initials and nothing else.
   */
  shortForm?: boolean;
  /** GOVBODY: head noun and jurisdiction ("cabinet", "federal"). */
  head?: string;
  jurisdiction?: string;
  /** GOVBODY: the name has no descriptive modifiers ("federal government", not "PTI-led federal government"). */
  plainName?: boolean;
}


/** "Pakistan Tehreek-e-Insaf" → "pti": initials of the capitalised parts, lower-case connectors skipped. */
export function initialsOf(name: string): string {
  return name
    .split(/[\s-]+/u)
    .filter((part) => /^\p{Lu}/u.test(part))
    .map((part) => part[0]!.toLowerCase())
    .join('');
}

/** True when every word of `part` occurs in `whole` in the same order. */
function isSubsequence(part: readonly string[], whole: readonly string[]): boolean {
  let k = 0;
  for (const w of whole) if (k < part.length && part[k] === w) k++;
  return k === part.length;
}

/**
 * A name word for comparison: lower case, diacritics, hyphens and a possessive dropped ("Fernández" = "fernandez",
 * "Bum-gye" = "bumgye", "Rubio's" = "rubio": not "rubios", which is one letter from "Rubio" and from a typo alike).
 */
function nameFold(word: string): string {
  // ASCII has no decomposition and no marks: most name words skip NFKD.
  const letters = /^[\x00-\x7F]*$/.test(word) ? word : word.normalize('NFKD').replace(/\p{M}/gu, '');
  return withoutPossessive(letters.toLowerCase()).replace(/[-'’.]/gu, '');
}

/**
 * Two spellings of one name word: a typo ("Mkhewebane", "Mkhwebane": one edit in a long word) or a
 * romanisation variant of a given name once the family name agrees ("Bum-gye", "Beom-kye": same first
 * letter, at most 45% of the letters differ).
 */
function sameSpelling(a: string, b: string, familyAgrees: boolean): boolean {
  if (a === b) return true;
  if (a[0] !== b[0] || Math.min(a.length, b.length) < 5) return false;
  const d = distance(a, b);
  return d <= 1 || (familyAgrees && d <= 0.45 * Math.max(a.length, b.length));
}

/** The short form's words, in order, within the full name's, allowing spelling variants. */
function isVariantOf(part: readonly string[], whole: readonly string[]): boolean {
  if (isSubsequence(part, whole)) return true;
  // A one-word short form misspells the family name, not a given name: "Obama" is no typo of "Osama" (bin Laden).
  if (part.length !== whole.length) return part.length === 1 && sameSpelling(part[0]!, whole[whole.length - 1]!, false);
  const familyAgrees = part[0] === whole[0] || part[part.length - 1] === whole[whole.length - 1];
  return part.every((w, k) => sameSpelling(w, whole[k]!, familyAgrees));
}

/** A given name only on the other gender's list ("maryanne" for a man). */
function givenOfOtherGender(given: string, gender: 'f' | 'm'): boolean {
  const { female, male } = givenNameLists();
  return gender === 'm' ? female.has(given) && !male.has(given) : male.has(given) && !female.has(given);
}

function personDrafts(candidates: readonly Candidate[], words: readonly Word[], drafts: ActorDraft[]): void {
  const persons = candidates
    .map((c, n) => ({ c, n }))
    .filter(({ c }) => c.type === 'PERSON')
    .map(({ c, n }) => ({ n, pos: c.from, words: words.slice(c.nameFrom ?? c.from, c.nameTo ?? c.to).map((w) => w.text) }))
    .sort((a, b) => b.words.length - a.words.length || a.pos - b.pos);
  const lastSeen = new Map<ActorDraft, number>();
  const fullName = new Set(persons.filter((p) => p.words.length > 1).map((p) => p.n));
  for (const p of persons) {
    const lower = p.words.map(nameFold);
    let matches = drafts.filter((d) => d.type === 'PERSON' && isSubsequence(lower, d.nameWords));
    if (matches.length === 0) matches = drafts.filter((d) => d.type === 'PERSON' && isVariantOf(lower, d.nameWords));
    if (lower.length === 1 && matches.length > 1) {
      // "Trump" beside "Donald J. Trump" and "Trump World": a lone word is the surname of a name ending in it
      // rather than the first word of another.
      const asSurname = matches.filter((d) => d.nameWords[d.nameWords.length - 1] === lower[0]);
      if (asSurname.length > 0) matches = asSurname;
    }
    const gender = honorificGender(p.n);
    if (gender !== undefined && lower.length === 1 && matches.length > 1) {
      // "Mr. Trump" is none of the Trumps with a woman's given name.
      const fit = matches.filter((d) => !givenOfOtherGender(d.nameWords[0]!, gender));
      if (fit.length > 0) matches = fit;
    }
    // An ambiguous short form ("Khan" with Imran Khan and Amir Khan about) goes to the one written with the
    // same office ("Prime Minister Han" → "Prime Minister Han Duck-soo"). "Mr. Trump", "Ms. Park" go to the
    // article's principal bearer of the name, the one it names first in full: news calls a relative named later by
    // the given name ("his brother Freddy") and keeps the honorific for its subject. Else the short form goes to
    // the one named most recently before it.
    const office = officeBefore(p.n);
    const sameOffice = office === undefined ? [] : matches.filter((d) => d.members.some((m) => officeBefore(m) === office));
    const best = sameOffice.length > 0 || gender === undefined || lower.length > 1
      ? (sameOffice.length > 0 ? sameOffice : matches).sort((a, b) => recency(b, p.pos) - recency(a, p.pos))[0]
      : matches.sort((a, b) => firstInFull(a) - firstInFull(b))[0];
    if (best) {
      best.members.push(p.n);
      lastSeen.set(best, Math.max(lastSeen.get(best) ?? -1, p.pos));
    } else {
      drafts.push({ type: 'PERSON', members: [p.n], name: p.words.join(' '), nameWords: lower });
    }
  }
  /** The office written right before a name mention, lower case ("prime minister"), if any. */
  function officeBefore(n: number): string | undefined {
    const t = candidates[n - 1];
    if (t?.type !== 'TITLE' || t.to !== candidates[n]!.from) return undefined;
    return t.title?.expansion?.toLowerCase() ?? words.slice(t.from, t.to).map((w) => w.lower).join(' ');
  }
  /** Mr → m, Mrs / Ms / Miss → f, for a name mention written with one of them. */
  function honorificGender(n: number): 'f' | 'm' | undefined {
    const c = candidates[n]!;
    if ((c.nameFrom ?? c.from) === c.from) return undefined;
    const h = words[c.from]!.text.replace(/\.$/u, '');
    return h === 'Mr' ? 'm' : h === 'Mrs' || h === 'Ms' || h === 'Miss' ? 'f' : undefined;
  }
  /** Where the draft's first mention of two or more name words is. */
  function firstInFull(d: ActorDraft): number {
    const full = d.members.filter((m) => fullName.has(m)).map((m) => candidates[m]!.from);
    return full.length > 0 ? Math.min(...full) : Number.MAX_SAFE_INTEGER;
  }
  function recency(d: ActorDraft, pos: number): number {
    const before = d.members.map((m) => candidates[m]!.from).filter((f) => f < pos);
    return before.length > 0 ? Math.max(...before) : -1 - Math.min(...d.members.map((m) => candidates[m]!.from));
  }
}

/** The same words, ignoring case, a leading "the", hyphens and a possessive: "Tehreek-e-Insaf" = "Tehreek e Insaf". */
function sameWords(a: string, b: string): boolean {
  const words = (x: string) => squeeze(x.replace(/^the\s+/iu, '').replace(/['’]s\b/gu, ''));
  return words(a) === words(b);
}

function organisationKey(c: Candidate, surface: string): string {
  if (c.partyKey) return squeeze(c.partyKey);
  return /^[\p{Lu}\p{N}-]+$/u.test(surface) ? squeeze(surface) : initialsOf(surface);
}

/**
 * Acronyms the text defines: "Rural People's League (RPL-S)" — long-form candidate index → acronym key, even
 * when the initials do not spell it.
 */
function definedAcronyms(candidates: readonly Candidate[], words: readonly Word[], surfaceOf: (c: Candidate) => string): Map<number, string> {
  const defined = new Map<number, string>();
  candidates.forEach((c, n) => {
    const next = candidates[n + 1];
    if (!next || (c.type !== 'PARTY' && c.type !== 'ORG') || c.to - c.from < 2) return;
    if (words[c.to]?.text !== '(' || next.from !== c.to + 1 || words[next.to]?.text.startsWith(')') !== true) return;
    const acronym = surfaceOf(next);
    if (/^[\p{Lu}\p{N}-]+$/u.test(acronym)) defined.set(n, organisationKey(next, acronym));
  });
  return defined;
}

function organisationDrafts(
  candidates: readonly Candidate[],
  words: readonly Word[],
  lex: Lexicon,
  surfaceOf: (c: Candidate) => string,
  drafts: ActorDraft[],
): void {
  const defined = definedAcronyms(candidates, words, surfaceOf);
  candidates.forEach((c, n) => {
    if (c.type !== 'PARTY' && c.type !== 'ORG') return;
    const surface = surfaceOf(c);
    const acronym = defined.get(n) ?? organisationKey(c, surface);
    const isLong = !/^[\p{Lu}\p{N}-]+$/u.test(surface);
    const found = drafts.find((d) => (d.type === 'PARTY' || d.type === 'ORG') && d.acronym === acronym && acronym.length >= 2 &&
      (!isLong || d.shortForm === true || c.partyKey !== undefined || defined.has(n) || sameWords(d.name, surface)));
    if (found) {
      found.members.push(n);
      if (!isLong) found.shortForm = true;
      if (isLong && /^[\p{Lu}\p{N}-]+$/u.test(found.name)) found.name = surface;
      if (c.type === 'PARTY') found.type = 'PARTY';
      return;
    }
    drafts.push({ type: c.type, members: [n], name: surface, nameWords: [], acronym: acronym.length >= 2 ? acronym : squeeze(surface), ...(!isLong && { shortForm: true }) });
  });
  // "Pheu Thai" and "Pheu Thai Party", "Democratic Party" and "Democratic Party of Korea": a name that is
  // another's without its head word or its "of" complement is the same organisation.
  const organisations = drafts.filter((d) => d.type === 'PARTY' || d.type === 'ORG');
  for (const short of organisations) {
    const long = organisations.find((d) => {
      if (d === short || !d.name.toLowerCase().startsWith(`${short.name.toLowerCase()} `)) return false;
      const rest = d.name.slice(short.name.length + 1).toLowerCase().split(' ');
      return (rest.length === 1 && (lex.partyHeads.has(rest[0]!) || lex.orgHeads.has(rest[0]!))) || (rest[0] === 'of' && rest.length <= 3);
    });
    if (!long || short.members.length === 0) continue;
    long.members.push(...short.members);
    if (short.type === 'PARTY') long.type = 'PARTY';
    short.members = [];
  }
  for (let k = drafts.length - 1; k >= 0; k--) if (drafts[k]!.members.length === 0) drafts.splice(k, 1);
}

function govbodyDrafts(
  candidates: readonly Candidate[],
  words: readonly Word[],
  lex: Lexicon,
  surfaceOf: (c: Candidate) => string,
  drafts: ActorDraft[],
): void {
  const bodies = candidates.map((c, n) => ({ c, n })).filter(({ c }) => c.type === 'GOVBODY');
  const described = bodies.map(({ c, n }) => {
    const ws = words.slice(c.from, c.to);
    const head = ws[ws.length - 1]!.lower;
    // "federal", "Sindh" say which body; "coalition", "PTI-led" only describe it.
    const jurisdictional = ws.slice(0, -1).filter(
      (w) => lex.jurisdictionModifiers.has(w.lower) || (/^\p{Lu}/u.test(w.text) && !lex.partyKeys.has(squeeze(w.text)) && !w.text.includes('-')),
    );
    const jurisdiction = jurisdictional.map((w) => w.lower).join(' ');
    const plain = jurisdictional.length === ws.length - 1;
    return { n, c, head, jurisdiction, plain, surface: surfaceOf(c) };
  });
  // Bodies with a jurisdiction first, so that a bare "government" finds "federal government" to join.
  described.sort((a, b) => Number(b.jurisdiction !== '') - Number(a.jurisdiction !== '') || a.c.from - b.c.from);
  for (const b of described) {
    const matches = drafts.filter((d) => d.type === 'GOVBODY' && d.head === b.head && (b.jurisdiction === '' || d.jurisdiction === b.jurisdiction));
    const best = matches.sort((x, y) => nearestBefore(y, b.c.from) - nearestBefore(x, b.c.from))[0];
    if (best) {
      best.members.push(b.n);
      if (b.plain && !best.plainName) {
        best.name = b.surface;
        best.plainName = true;
      }
      continue;
    }
    drafts.push({ type: 'GOVBODY', members: [b.n], name: b.surface, nameWords: [], head: b.head, jurisdiction: b.jurisdiction, plainName: b.plain });
  }
  function nearestBefore(d: ActorDraft, pos: number): number {
    const before = d.members.map((m) => candidates[m]!.from).filter((f) => f < pos);
    return before.length > 0 ? Math.max(...before) : -1;
  }
}

/** "KARACHI" in a dateline is "Karachi" ("US" stays); the text's own spelling replaces this when it gives one. */
function titleCase(name: string): string {
  return name.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase());
}

function placeDrafts(candidates: readonly Candidate[], surfaceOf: (c: Candidate) => string, drafts: ActorDraft[]): void {
  candidates.forEach((c, n) => {
    if (c.type !== 'PLACE') return;
    const surface = surfaceOf(c);
    const found = drafts.find((d) => d.type === 'PLACE' && d.name.toLowerCase() === surface.toLowerCase());
    if (!found) {
      drafts.push({ type: 'PLACE', members: [n], name: surface === surface.toUpperCase() && surface.length > 3 ? titleCase(surface) : surface, nameWords: [] });
      return;
    }
    found.members.push(n);
    if (surface !== surface.toUpperCase() && found.name.toLowerCase() === surface.toLowerCase()) found.name = surface;
  });
}

/** Actors of a document from its name mentions; TITLE and PRONOUN candidates are left to coreference. */
export function resolveAliases(
  candidates: readonly Candidate[],
  words: readonly Word[],
  lex: Lexicon,
  surface: (c: Candidate) => string,
): ActorDraft[] {
  const drafts: ActorDraft[] = [];
  personDrafts(candidates, words, drafts);
  organisationDrafts(candidates, words, lex, surface, drafts);
  govbodyDrafts(candidates, words, lex, surface, drafts);
  placeDrafts(candidates, surface, drafts);
  // "National Security Council (NSC)": an acronym defined for a body joins the body.
  candidates.forEach((c, n) => {
    const next = candidates[n + 1];
    if (c.type !== 'GOVBODY' || !next || (next.type !== 'ORG' && next.type !== 'PARTY') || words[c.to]?.text !== '(' || next.from !== c.to + 1) return;
    if (words[next.to]?.text.startsWith(')') !== true) return;
    const body = drafts.find((d) => d.members.includes(n));
    const acronym = drafts.find((d) => d.members.includes(n + 1));
    if (!body || !acronym || body === acronym || !/^[\p{Lu}\p{N}-]+$/u.test(acronym.name)) return;
    body.members.push(...acronym.members);
    acronym.members = [];
  });
  for (let k = drafts.length - 1; k >= 0; k--) if (drafts[k]!.members.length === 0) drafts.splice(k, 1);
  for (const d of drafts) d.members.sort((a, b) => a - b);
  return drafts.sort((a, b) => a.members[0]! - b.members[0]!);
}
