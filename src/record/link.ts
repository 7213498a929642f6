import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { packagePath } from '../package-path.js';
import { actorLexicon } from '../stages/actors/lexicon.js';
import type { Db, Statement } from '../store/sql/db.js';
import type { Document } from '../document/document.js';
import type { Actor, ActorType } from '../document/layers.js';
import { compareNameTokens, comparePersonNames, foldName, givenNameGender, parsePersonName, slugOf, transliterationKey, type PersonName } from './names.js';
import type { ResolutionDecision } from './types.js';

/**
 * Incremental cross-document resolution: one article's actors are linked to the record's persistent actors
 * (record_actors) through indexed blocking keys (record_actor_keys) and scored against each candidate's kept
 * context (record_actor_context: given names, suffixes, gender, titles, parties, co-occurring actors), or become
 * new record actors. Work per article is bounded by the candidates its names block on, never by corpus size.
 */

/** The key of a per-article actor, stable across rebuilds: `articleId:localActorId`. */
export function memberKey(article: string, local: string): string {
  return `${article}:${local}`;
}

/** Score at or above which a per-article actor joins a record actor. */
export const LINK_THRESHOLD = 0.75;
/** How many record actors one blocking lookup considers (the most-named first). */
const MAX_CANDIDATES = 40;
/** Known actors (names, context) kept in memory between articles, the most recently used. */
const KNOWN_CACHED = 20_000;
/** How many of an article's most-mentioned actors each of its actors is filed as co-occurring with. */
const WITH_PROMINENT = 10;
/** The context bonus of being named before with an article's actors: WITH_BONUS_PER_DOUBLING × log2(1 + n), at most WITH_BONUS_MAX. */
const WITH_BONUS_PER_DOUBLING = 0.05;
const WITH_BONUS_MAX = 0.2;
/**
 * A pair's co-occurrence count stops at WITH_COUNT_CAP, the count from which the bonus is full (16 for 0.05 and
 * 0.2), so a higher count changes no score. Counting on made every article rewrite a page per pair of a famous
 * actor's thousands of co-occurrence rows (162 of the 498 database pages an article wrote at 25,000 articles); a
 * capped pair is left as it is.
 */
export const WITH_COUNT_CAP = 2 ** (WITH_BONUS_MAX / WITH_BONUS_PER_DOUBLING);

interface Candidate {
  key: string;
  actor: Actor;
  /** The name it is linked by (see linkName). */
  name: string;
  person?: PersonName;
  names: string[];
  titles: string[];
  /** Folded names of the parties and organisations the article gives the actor, then their record ids once linked. */
  orgs: string[];
  /** The article's local ids of those organisations. */
  orgLocals: string[];
  /**
   * A person reading of a name typed otherwise, tried before the name itself: a camel-cased handle ("JohnKasich")
   * or a one-word place the gazetteer does not know ("Kasich" tagged PLACE in an article naming John Kasich).
   */
  alt?: Candidate & { person: PersonName; handle: boolean };
}

interface Known {
  id: string;
  type: ActorType;
  articles: number;
  givens: Map<string, number>;
  suffixes: Map<string, number>;
  genders: Map<string, number>;
  surnames: Set<string>;
  names: Set<string>;
  titles: Set<string>;
  orgs: Set<string>;
}

export interface Link {
  actorId: string;
  via: 'first' | 'auto' | 'manual';
  score: number;
  reasons: string[];
}

const ACRONYM = /^(?:[A-Z]\.?){2,6}(?:-[A-Z0-9]+)?$/;
const STOP = new Set(['of', 'the', 'and', 'for', 'on', 'in']);

/** Folded organisation name without a leading article: "The New York Times" → new york times. */
function orgKey(name: string): string {
  return foldName(name).replace(/^the /, '');
}

/**
 * A national body's name without the country before it: "U.S. Senate" → senate, "United States Supreme Court" →
 * supreme court, "U.S. Department of Justice" → department of justice. News names the country only sometimes.
 */
function bodyKey(name: string): string | undefined {
  const rest = /^(?:u s a|usa|u s|us|united states) (.+)$/.exec(orgKey(name))?.[1];
  return rest !== undefined && (rest.includes(' ') || rest.length >= 4) ? rest : undefined;
}

function acronymOf(name: string): string | undefined {
  const t = name.trim();
  return ACRONYM.test(t) ? t.replace(/[.-]/g, '').toLowerCase() : undefined;
}

/** An acronym and, for one with a suffix, its base: "RPL-S" → rpls, rpl. */
function acronymsOf(name: string): string[] {
  const full = acronymOf(name);
  if (!full) return [];
  const base = name.trim().split('-')[0]!.replace(/\./g, '').toLowerCase();
  return base !== full ? [full, base] : [full];
}

function initialsOf(name: string): string | undefined {
  const words = orgKey(name).split(' ').filter((w) => w && !STOP.has(w));
  return words.length >= 2 && /^[A-Z]/.test(name.trim()) ? words.map((w) => w[0]).join('') : undefined;
}

/** "Republicans", "Republican Party" → republican; "Democrats", "Democratic Party" → democrat. */
function partyStem(name: string): string | undefined {
  const m = /^([a-z]+?)(?:ic)?(?: party|s)$/.exec(orgKey(name));
  return m && m[1]!.length >= 4 ? m[1] : undefined;
}

/** Known equivalent names (lexicon/equivalent-names.json): folded name → group key. */
const EQUIVALENT = new Map<string, string>();
for (const group of (JSON.parse(readFileSync(packagePath('src/record/lexicon/equivalent-names.json'), 'utf8')) as { groups: string[][] }).groups) {
  const key = orgKey(group[0]!);
  for (const n of group) EQUIVALENT.set(orgKey(n), key);
}

/**
 * Whether an alias of an organisation may stand for it across articles: its acronym or initials, a shorter or
 * longer form with the same words ("U.S. State Department"), the same party stem ("Democrats"), or a known
 * equivalent. A one-word modifier or head ("Islamic", "House" of "White House") and a person's name are not.
 */
function aliasFits(name: string, alias: string): boolean {
  const a = orgKey(alias);
  const n = orgKey(name);
  if (!a || a === n) return !!a;
  const acr = [...acronymsOf(alias), ...acronymsOf(name)];
  if (acr.some((x) => x === initialsOf(name) || x === initialsOf(alias))) return true;
  const ps = partyStem(alias);
  if (ps && ps === partyStem(name)) return true;
  const eq = EQUIVALENT.get(a);
  if (eq && eq === EQUIVALENT.get(n)) return true;
  const at = a.split(' ');
  const nt = n.split(' ');
  if (at.length < 2 || (parsePersonName(alias)?.tokens.length ?? 0) > 1) return false;
  const [short, long] = at.length <= nt.length ? [at, new Set(nt)] : [nt, new Set(at)];
  return short.every((t) => long.has(t));
}

/** Small words a headline puts around a name ("So Donald Trump", "Is Obama"). */
const FUNCTION_WORDS = new Set(['a', 'an', 'the', 'and', 'or', 'but', 'so', 'is', 'are', 'was', 'by', 'when', 'while', 'does', 'did', 'do', 'during', 'as',
  'with', 'for', 'of', 'to', 'in', 'on', 'at', 'if', 'how', 'why', 'what', 'who', 'against', 'after', 'before', 'vote', 'defeat', 'says', 'said']);

function tokensOf(n: string): string[] {
  return foldName(n).split(' ').filter(Boolean);
}

/**
 * The most name-like form of a per-article actor. A headline swallowed into a name ("Donald Trump Just Revealed
 * Who …", "So Donald Trump", "Obama Sees") gives way to the alias it contains when the words around it are
 * common words (the actors stage's list of words news rarely capitalises as names) or small function words.
 */
function linkName(actor: Actor, doc?: Document, names: RecordNames = NO_NAMES): string {
  // A name joined to a lower-case word is a compound adjective ("Kasich-endorsed", "Obama-era"): the name is its first part.
  const compound = /^(\p{Lu}[\p{L}'’.]+)-\p{Ll}+$/u.exec(actor.name.trim());
  if (compound && actor.type !== 'PLACE') return compound[1]!;
  // A person's name with a possessive inside runs into the noun it owns ("Trump's Republican", "Clinton's N.Y.U."): the owner.
  const owner = actor.type === 'PERSON' ? /^(\p{Lu}[\p{L}.’' -]*?)['’]s\s+\S/u.exec(actor.name.trim()) : null;
  if (owner) return owner[1]!;
  // A one-word body name that is the end of a longer form the article uses ("Department's" of "Justice Department's").
  // Only for a word the record knows as no one's name, and a form that joins no other name to it ("House and Senate", "Tim Kaine's Senate").
  if (actor.type !== 'PERSON' && actor.type !== 'PLACE' && tokensOf(actor.name).length === 1 && names.known(tokensOf(actor.name)[0]!) === 0) {
    const own = tokensOf(actor.name)[0]!;
    const longer = actor.aliases.filter((a) => { const t = tokensOf(a); return t.length > 1 && t.length <= 3 && t.at(-1) === own && !/['’]s\s|\b(?:and|or|&)\b/.test(a.trim()); })
      .sort((x, y) => y.length - x.length)[0];
    if (longer) return longer;
  }
  const quoted = doc && quotedName(actor, doc, names);
  if (quoted) return quoted;
  const stripped = (): string => {
    if (actor.type !== 'PERSON') return actor.name;
    // "During Barack Obama", "Floridians Jeb Bush": the words before the name are not part of it.
    const words = actor.name.trim().split(/\s+/);
    let i = 0;
    while (i < words.length - 2 && leadingNoise(foldName(words[i]!))) i++;
    return i > 0 ? words.slice(i).join(' ') : actor.name;
  };
  if (actor.type === 'PLACE' || actor.aliases.length === 0) return stripped();
  const fromBody = doc && bodyForm(actor, doc, names);
  if (fromBody) return fromBody;
  const own = tokensOf(actor.name);
  const common = actorLexicon().commonWords;
  const len = (n: string): number => parsePersonName(n)?.tokens.length ?? 0;
  // A full name the record knows is a name, even when a word of it is a common word too ("Jeb Bush": "bush").
  const candidates = names.known(own.join(' ')) > 0 && actor.type === 'PERSON' ? [] : actor.aliases.filter((a) => tokensOf(a).length < own.length).sort((x, y) => tokensOf(y).length - tokensOf(x).length || y.length - x.length);
  for (const alias of candidates) {
    const at = tokensOf(alias);
    const from = own.findIndex((_, i) => at.every((t, j) => own[i + j] === t));
    if (from < 0) continue;
    const rest = [...own.slice(0, from), ...own.slice(from + at.length)];
    if (rest.some((t) => ['jr', 'sr', 'ii', 'iii'].includes(t))) continue;
    if (rest.every((t) => FUNCTION_WORDS.has(t) || common.has(t)) || (own.length > 4 && len(alias) >= 2)) return alias;
  }
  if (actor.type === 'PERSON' && len(actor.name) > 4) {
    const plausible = actor.aliases.filter((a) => len(a) >= 2 && len(a) <= 4).sort((x, y) => len(y) - len(x) || y.length - x.length);
    if (plausible[0]) return plausible[0];
  }
  return stripped();
}

const QUOTES = new Set(['"', "'", '“', '”', '‘', '’', '«', '»']);

/**
 * A person's "name" that is a whole quoted phrase — a slogan, a nickname, a headline quoted in the text
 * ("''Fascist Trump''", "''Crooked Hillary''", "''Francesco Excommunicates Trump''") — names the person by the one
 * word in it the record knows as a name (the last such word), when the record does not know the phrase as a name
 * and its other words are no one's name.
 */
function quotedName(actor: Actor, doc: Document, names: RecordNames): string | undefined {
  if (actor.type !== 'PERSON') return undefined;
  const own = tokensOf(actor.name);
  if (own.length < 2 || names.known(own.join(' ')) > 0) return undefined;
  const whole = doc.mentions.some((m) => {
    if (m.actor !== actor.id || tokensOf(doc.text.slice(m.span.start, m.span.end)).join(' ') !== own.join(' ')) return false;
    const before = doc.text.slice(Math.max(0, m.span.start - 3), m.span.start).trimEnd();
    const after = doc.text.slice(m.span.end, m.span.end + 4).replace(/^[,.;:!?]/, '').trimStart();
    return QUOTES.has(before.at(-1) ?? '') && QUOTES.has(after[0] ?? '');
  });
  if (!whole) return undefined;
  const words = actor.name.trim().split(/\s+/);
  const at = words.map((w) => foldName(w)).findLastIndex((t) => names.nameWord(t));
  if (at < 0) return undefined;
  const others = words.filter((_, i) => i !== at).map((w) => foldName(w));
  return others.every((t) => !names.nameWord(t) && givenNameGender(t) === undefined) ? words[at] : undefined;
}

/** Where the article's headline ends in its text (0 when the text does not open with the title). */
function headlineEnd(doc: Document): number {
  const title = doc.meta.title?.trim();
  if (!title) return 0;
  const at = doc.text.indexOf(title);
  return at >= 0 && doc.text.slice(0, at).trim() === '' ? at + title.length : 0;
}

/**
 * The form the body uses for an actor whose name comes from the headline alone. A headline capitalises every word,
 * so a name read there runs into the words around it ("Trump World", "Donald Trump Rampages", "Fascist Trump");
 * when no body mention uses that name and some of its words are never used for the actor in the body, the actor
 * is linked by the body's own form: the full name it uses most (counting its bare surname too), else its most
 * used single name. A headline name whose words the body all uses ("Melania Trump": "Melania", "Trump") stays.
 */
function bodyForm(actor: Actor, doc: Document, names: RecordNames): string | undefined {
  const known = names.known;
  const end = headlineEnd(doc);
  const own = tokensOf(actor.name);
  const ownKey = own.join(' ');
  let inHeadline = false;
  let inBody = 0;
  const forms = new Map<string, { text: string; n: number }>();
  for (const m of doc.mentions) {
    if (m.actor !== actor.id) continue;
    const text = doc.text.slice(m.span.start, m.span.end);
    const key = tokensOf(text).join(' ');
    if (m.span.start < end) { if (key === ownKey) inHeadline = true; continue; }
    if (key === ownKey) { inBody++; continue; }
    if (!/^\p{Lu}/u.test(text) || !key) continue;
    const f = forms.get(key) ?? { text, n: 0 };
    f.n++;
    forms.set(key, f);
  }
  // A name the record already knows is a name, wherever the article gives it.
  if (names.known(ownKey) > 0) return undefined;
  const words = new Set(own);
  const inName = [...forms].filter(([k]) => k.split(' ').every((t) => words.has(t)));
  const used = new Set(inName.flatMap(([k]) => k.split(' ')));
  if (inName.length === 0 || own.every((t) => used.has(t))) return undefined;
  if (inBody > 0) {
    // Used once in the body, with words around a form the body uses that it never uses for the actor and that
    // the record knows as no one's given name or surname ("Trump World", "Ted Cruz South Carolina"): the name
    // runs into other words. A name the record already knows, or whose other words are known
    // name words ("Jeb Bush" beside "Jeb", "Rafael Cruz" beside "Cruz"), stays whole.
    if (inBody > 1) return undefined;
    const sub = inName.map(([k, f]) => {
      const kt = k.split(' ');
      const from = own.findIndex((_, i) => kt.every((t, j) => own[i + j] === t));
      return { k, f, kt, from, rest: from < 0 ? [] : [...own.slice(0, from), ...own.slice(from + kt.length)] };
    }).filter(({ k, f, kt, from, rest }) => from >= 0 && rest.length > 0 && (f.n >= 2 || kt.length >= 2)
      && parsePersonName(f.text)?.tokens.length === kt.length
      && rest.every((t) => !used.has(t) && !names.nameWord(t))
      // Words before the form only when the form is a full name the record knows ("QIf Donald Trump"): before a
      // bare surname they may be a given name the record has not seen yet ("Chelsea Clinton", "Hilary Clinton").
      && (from === 0 || (kt.length > 1 && names.known(k) > 0)))
      .sort((x, y) => y.kt.length - x.kt.length || y.f.n - x.f.n)[0];
    return sub?.f.text;
  }
  if (!inHeadline) return undefined;
  // A headline naming several people ("X Slams Y") is one actor here: the best-known of them in the record, then
  // the one the body names most (counting its bare surname).
  const surnameCount = (k: string): number => forms.get(k.split(' ').at(-1)!)?.n ?? 0;
  const full = inName.filter(([, f]) => (parsePersonName(f.text)?.tokens.length ?? 0) >= 2)
    .map(([k, f]) => ({ k, f, known: known(k), n: f.n + surnameCount(k) }))
    .sort((x, y) => y.known - x.known || y.n - x.n || y.k.length - x.k.length);
  if (full[0]) return full[0].f.text;
  return inName.sort((x, y) => y[1].n - x[1].n || y[0].length - x[0].length)[0]![1].text;
}

/** What linkName may ask of the record: how many articles name someone by a folded full name, and whether a word is a known given name or surname. */
export interface RecordNames {
  known: (name: string) => number;
  nameWord: (word: string) => boolean;
}
const NO_NAMES: RecordNames = { known: () => 0, nameWord: () => false };

/** Words that run into a person's name from before it: small words, common words, demonyms ("Kenyans Jeb Bush"). */
function leadingNoise(word: string): boolean {
  const lex = actorLexicon();
  // A capitalised plural of residents ("Floridians", "Iowans", "Texans") is a demonym the lexicon may not list.
  return FUNCTION_WORDS.has(word) || lex.commonWords.has(word) || lex.groups.has(word) || lex.countryOf.has(word) || /^[a-z]{3,}(?:ians|ans|ites)$/.test(word);
}

/** A handle or hashtag written as one camel-cased word ("BernieSanders", "GovChristie") as words; undefined otherwise. */
export function splitCamel(name: string): string | undefined {
  const t = name.trim().replace(/^[@#]/, '');
  if (!/^[A-Z][a-z]{2,}(?:[A-Z][a-z]{2,})+$/.test(t)) return undefined;
  const parts = t.split(/(?=[A-Z])/);
  // Surname particles written joined are one name ("MacArthur", "DeSantis"), not two words.
  return /^(?:mac|mc|de|del|della|di|da|du|la|le|van|von|fitz)$/i.test(parts[0]!) ? undefined : parts.join(' ');
}

const isPersonType = (t: ActorType): boolean => t === 'PERSON';
const orgLike = new Set<ActorType>(['PARTY', 'ORG', 'GOVBODY']);

function compatibleTypes(a: ActorType, b: ActorType): boolean {
  return a === b || (orgLike.has(a) && orgLike.has(b));
}

/** The blocking keys a per-article actor is filed under. */
function keysOf(c: Candidate): string[] {
  const keys = new Set<string>();
  if (c.person) {
    const p = c.person;
    keys.add(`pf:${[...p.tokens, p.suffix].filter(Boolean).join(' ')}`);
    keys.add(`ps:${p.surname}`);
    keys.add(`pk:${transliterationKey(p.surname)}`);
    if (p.given[0] && p.given[0].length > 1) keys.add(`pg:${p.given[0]}`);
    if (p.tokens.length > 1) keys.add(`o:${orgKey(c.name)}`);
    return [...keys];
  }
  for (const n of c.names) {
    const k = orgKey(n);
    if (!k) continue;
    keys.add(`o:${k}`);
    const body = orgLike.has(c.actor.type) ? bodyKey(n) : undefined;
    if (body) { keys.add(`o:${body}`); const beq = EQUIVALENT.get(body); if (beq) keys.add(`eq:${beq}`); }
    const acr = acronymsOf(n);
    for (const a of acr) keys.add(`oa:${a}`);
    if (acr.length === 0) { const ini = initialsOf(n); if (ini) keys.add(`oi:${ini}`); }
    if (orgLike.has(c.actor.type)) { const s = partyStem(n); if (s) keys.add(`pp:${s}`); }
    const eq = EQUIVALENT.get(k);
    if (eq) keys.add(`eq:${eq}`);
  }
  return [...keys];
}

/** The keys to look candidates up under (a person's single name also under given names). */
function lookupKeys(c: Candidate): string[] {
  if (c.person) {
    const p = c.person;
    const keys = [`pf:${[...p.tokens, p.suffix].filter(Boolean).join(' ')}`, `ps:${p.surname}`, `pk:${transliterationKey(p.surname)}`];
    if (p.tokens.length === 1) keys.push(`pg:${p.surname}`);
    else keys.push(`o:${orgKey(c.name)}`);
    return keys;
  }
  const keys = new Set<string>();
  for (const n of c.names) {
    const k = orgKey(n);
    if (!k) continue;
    keys.add(`o:${k}`);
    const body = orgLike.has(c.actor.type) ? bodyKey(n) : undefined;
    if (body) { keys.add(`o:${body}`); const beq = EQUIVALENT.get(body); if (beq) keys.add(`eq:${beq}`); }
    const acr = acronymsOf(n);
    for (const a of acr) { keys.add(`oi:${a}`); keys.add(`oa:${a}`); }
    if (acr.length === 0) { const ini = initialsOf(n); if (ini) keys.add(`oa:${ini}`); }
    if (orgLike.has(c.actor.type)) { const s = partyStem(n); if (s) keys.add(`pp:${s}`); }
    const eq = EQUIVALENT.get(k);
    if (eq) keys.add(`eq:${eq}`);
  }
  return [...keys];
}

/**
 * The keys under which every record actor a name can match exactly with the top score is filed: a person's full
 * name (and the same words as an organisation's name), an organisation's own name and its known-equivalents
 * group. Looked up first: when they give an exact match, the wider keys (surname, consonant key, acronyms) could
 * only add candidates ranked below it, and those keys are the ones a growing record fills with namesakes.
 */
function exactKeys(c: Candidate): string[] {
  if (c.person) {
    const p = c.person;
    return p.tokens.length > 1 ? [`pf:${[...p.tokens, p.suffix].filter(Boolean).join(' ')}`, `o:${orgKey(c.name)}`] : [];
  }
  const own = orgKey(c.name);
  if (!own) return [];
  const eq = EQUIVALENT.get(own);
  return eq ? [`o:${own}`, `eq:${eq}`] : [`o:${own}`];
}

function candidatesOf(doc: Document, names: RecordNames = NO_NAMES): Candidate[] {
  const byId = new Map(doc.actors.map((a) => [a.id, a]));
  const orgNames = (id: string | undefined): string[] => {
    const o = id ? byId.get(id) : undefined;
    return o && o.type !== 'PERSON' && o.type !== 'PLACE' ? [orgKey(o.name)] : [];
  };
  const isOrg = (id: string | undefined): id is string => { const o = id ? byId.get(id) : undefined; return !!o && o.type !== 'PERSON' && o.type !== 'PLACE'; };
  return doc.actors.map((actor) => {
    const name = linkName(actor, doc, names);
    // A titled person name tagged as an organisation or a place ("New Jersey Gov. Chris Christie") is a person's name.
    const titled = actor.type !== 'PERSON' ? parsePersonName(name) : undefined;
    const asPerson = titled && titled.tokens.length >= 2 && titled.tokens.length < foldName(name).split(' ').length ? titled : undefined;
    const parsed = actor.type === 'PERSON' ? parsePersonName(name) : asPerson;
    // The honorifics of every form the article uses ("Hillary Clinton" … "Mrs. Clinton") give the gender.
    const genders = new Set([name, ...actor.aliases].map((n) => parsePersonName(n)?.gender).filter(Boolean));
    const person = parsed && (genders.size === 1 ? { ...parsed, gender: [...genders][0]! } : (({ gender: _g, ...rest }) => rest)(parsed));
    const titles = new Set<string>();
    const orgs = new Set<string>();
    const orgLocals = new Set<string>();
    for (const r of doc.roles) if (r.person === actor.id) { titles.add(foldName(r.title)); for (const o of orgNames(r.org)) orgs.add(o); if (isOrg(r.org)) orgLocals.add(r.org); }
    for (const m of doc.memberships) if (m.person === actor.id) { for (const o of orgNames(m.org)) orgs.add(o); if (isOrg(m.org)) orgLocals.add(m.org); }
    const c: Candidate = {
      key: memberKey(doc.meta.id, actor.id), actor, name, ...(person && { person }),
      names: [name, ...[actor.name, ...actor.aliases].filter((n) => n !== name && (person !== undefined || aliasFits(name, n)))],
      titles: [...titles], orgs: [...orgs], orgLocals: [...orgLocals],
    };
    const handle = splitCamel(actor.name);
    if (!person || handle) {
      const single = actor.type === 'PLACE' && !handle && /^[A-Z][a-z]+$/.test(actor.name.trim()) && !actorLexicon().places.has(actor.name.trim().toLowerCase()) ? actor.name.trim() : undefined;
      const altName = handle ?? single;
      const altPerson = altName ? parsePersonName(altName) : undefined;
      if (altName && altPerson) c.alt = { ...c, name: altName, person: altPerson, names: [altName], handle: handle !== undefined };
    }
    return c;
  });
}

/** Given names agree: the first ones match (same, variant or initial), and middle names or initials, when both give them, are the same. */
function givenCompatible(a: string[], b: string[]): boolean {
  if (a.length === 0 || b.length === 0) return true;
  if (compareNameTokens(a[0]!, b[0]!) === 'none') return false;
  const middle = (g: string[]): string => g.slice(1).map((t) => (g.slice(1).every((x) => x.length === 1) ? t : t[0])).join('');
  const ma = middle(a);
  const mb = middle(b);
  return ma === '' || mb === '' || ma === mb;
}

const top = (m: Map<string, number>): string | undefined => [...m].sort((x, y) => y[1] - x[1])[0]?.[0];

/** How well a person name fits a record actor: ≥ 1 the same full name, < 0 a clash (different given names, suffix or gender). */
function personScore(p: PersonName, k: Known): { score: number; reasons: string[]; exact: boolean } {
  const surnameOk = [...k.surnames].some((s) => compareNameTokens(s, p.surname) !== 'none' && compareNameTokens(s, p.surname) !== 'initial');
  const fullKey = [...p.tokens, p.suffix].filter(Boolean).join(' ');
  if (k.names.has(fullKey) && p.tokens.length > 1) return { score: 1, reasons: [`same name "${fullKey}"`], exact: true };
  // Given names that are a real share of the actor's reports ("Rafael Edward Cruz" once among Ted Cruz's does not make every Rafael Cruz him).
  const givenTotal = [...k.givens.values()].reduce((a, b) => a + b, 0);
  const givens = [...k.givens].filter(([, n]) => n >= 0.2 * givenTotal).map(([g]) => g.split(' '));
  const kTop = top(k.suffixes);
  const kSuffix = kTop === undefined || kTop === '-' ? '' : kTop;
  if (p.tokens.length > 1) {
    if (!surnameOk) return { score: 0, reasons: [], exact: false };
    if (givens.length > 0 && !givens.some((g) => givenCompatible(p.given, g))) {
      // A full name giving the name the person goes by as a middle name or as initials ("Willard Mitt Romney",
      // "Rafael Edward Cruz" for Ted, "John Ellis Bush" for Jeb) is that person, unless the suffix differs.
      const goesBy = givens.find((g) => g.length === 1 && p.given.length > 1 && p.suffix === kSuffix &&
        (p.given.slice(1).some((m) => m.length > 1 && compareNameTokens(m, g[0]!) !== 'none' && compareNameTokens(m, g[0]!) !== 'initial') ||
          (g[0]!.length === p.tokens.length && p.tokens.map((t) => t[0]).join('') === g[0])));
      if (goesBy) return { score: 0.8, reasons: [`"${fullKey}" gives the name "${goesBy[0]}" the person goes by`], exact: false };
      return { score: -1, reasons: [`different given names (${p.given.join(' ')} / ${givens[0]!.join(' ')})`], exact: false };
    }
    if (givens.length > 0 && p.suffix !== kSuffix) return { score: -1, reasons: [`different suffix (${p.suffix || 'none'} / ${kSuffix || 'none'})`], exact: false };
    if (givens.length === 0) return { score: 0.78, reasons: [`full name "${fullKey}" for a person known by surname only`], exact: false };
    // Explain with the closest name the actor is known by ("spelling variant mehmud~mehmood").
    const closest = [...k.names].map((n) => comparePersonNames(fullKey, n)).sort((x, y) => y.score - x.score)[0];
    const why = closest && closest.score > 0 ? closest.reasons : [`name variant "${fullKey}"`];
    const same = givens.some((g) => g[0] === p.given[0]);
    const surnameSame = k.surnames.has(p.surname);
    if (same && surnameSame) return { score: 0.9, reasons: why, exact: false };
    return { score: 0.85, reasons: why, exact: false };
  }
  // One name: a surname, or a distinctive given name ("Hillary", "Jeb").
  const t = p.surname;
  const asGiven = givens.some((g) => g[0] === t);
  if (!surnameOk && !asGiven) return { score: 0, reasons: [], exact: false };
  const kGender = top(k.genders);
  if (p.gender && kGender && p.gender !== kGender && (k.genders.get(kGender) ?? 0) >= 2 * (k.genders.get(p.gender) ?? 0)) {
    return { score: -1, reasons: [`different gender (${p.gender} / ${kGender})`], exact: false };
  }
  // "Mr. Obama" is not a person known by a woman's given name ("Michelle"), whatever the honorifics attached to her.
  const kGiven = givens[0]?.[0];
  const givenGender = kGiven ? givenNameGender(kGiven) : undefined;
  if (p.gender && givenGender && p.gender !== givenGender) return { score: -1, reasons: [`different gender (${p.gender} / given name "${kGiven}")`], exact: false };
  if (p.suffix !== kSuffix && (p.suffix !== '' || givens.length > 0)) return { score: -1, reasons: [`different suffix (${p.suffix || 'none'} / ${kSuffix || 'none'})`], exact: false };
  return { score: 0.6, reasons: [asGiven && !surnameOk ? `given name only "${t}"` : `surname only "${t}"`], exact: k.names.has(fullKey) };
}

function orgScore(c: Candidate, k: Known): { score: number; reasons: string[]; exact: boolean } {
  if (!compatibleTypes(c.actor.type, k.type)) {
    // A multi-word name typed PERSON in one article and ORG in another ("Washington Post") is still one name.
    const own = orgKey(c.name);
    if (own.includes(' ') && k.names.has(own) && (isPersonType(c.actor.type) || isPersonType(k.type)) && c.actor.type !== 'PLACE' && k.type !== 'PLACE') {
      return { score: 0.8, reasons: [`same name "${own}" (typed ${c.actor.type} here, ${k.type} there)`], exact: true };
    }
    // Names the lexicon gives as one actor stay one across a place/organisation tagging ("Republicans" read as a
    // place, "U.S.A." as an organisation).
    const eq = EQUIVALENT.get(own);
    if (eq && !isPersonType(c.actor.type) && !isPersonType(k.type) && [...k.names].some((n) => EQUIVALENT.get(n) === eq)) {
      return { score: 0.9, reasons: [`known equivalent names ("${own}" / group "${eq}", typed ${c.actor.type} here, ${k.type} there)`], exact: true };
    }
    return { score: 0, reasons: [], exact: false };
  }
  const own = orgKey(c.name);
  if (k.names.has(own)) return { score: 1, reasons: [`same name "${own}"`], exact: true };
  const body = orgLike.has(c.actor.type) ? bodyKey(c.name) : undefined;
  if (body && k.names.has(body)) return { score: 0.9, reasons: [`the same body with its country named ("${orgKey(c.name)}" / "${body}")`], exact: false };
  const bodyEq = body && EQUIVALENT.get(body);
  if (bodyEq && [...k.names].some((n) => EQUIVALENT.get(n) === bodyEq)) return { score: 0.9, reasons: [`the same body with its country named ("${orgKey(c.name)}" / group "${bodyEq}")`], exact: false };
  for (const n of c.names.slice(1)) if (k.names.has(orgKey(n))) return { score: 0.9, reasons: [`shared name "${orgKey(n)}"`], exact: false };
  // Two long names with the same initials are two bodies ("Democratic National Committee" / "… Convention").
  const ini = initialsOf(c.name);
  if (ini && [...k.names].some((n) => n.includes(' ') && initialsOf(n) === ini && !aliasFits(c.name, n))) return { score: 0, reasons: [], exact: false };
  const eq = EQUIVALENT.get(own);
  if (eq && [...k.names].some((n) => EQUIVALENT.get(n) === eq)) return { score: 1, reasons: [`known equivalent names ("${own}" / group "${eq}")`], exact: true };
  return { score: 0.85, reasons: ['name and acronym'], exact: false };
}

interface Scored { k: Known; score: number; reasons: string[]; exact: boolean }

/** The best match of several words' name at or above the threshold: exact names first, then the score, then the most named. */
function bestOf(scored: Scored[]): Scored | undefined {
  return scored.filter((s) => s.score >= LINK_THRESHOLD).sort((x, y) => Number(y.exact) - Number(x.exact) || y.score - x.score || y.k.articles - x.k.articles)[0];
}

/** Counts of what linking read, for the benchmark (see applyStats). */
export const linkStats = { candidatesRead: 0, keyRowsRead: 0, knownRead: 0, lookups: 0, fallbacks: 0 };

/** Reads and writes the persistent actor index. */
export class ActorIndex {
  private readonly q;
  /** Multi-row upserts of keys and context, by row count (one statement per member instead of one per row). */
  private readonly keyUpserts = new Map<number, Statement>();
  private readonly ctxUpserts = new Map<number, Statement>();

  constructor(private readonly db: Db) {
    this.q = {
      // Per key the most-filed actors only (index record_actor_keys_n): a common surname does not make a lookup read
      // every person who bears it.
      byKey: db.prepare(`SELECT actor_id FROM record_actor_keys WHERE key = ? ORDER BY n DESC, actor_id LIMIT ${MAX_CANDIDATES}`).pluck(),
      // The most-named of the filed actors (insertion order among equals), in one statement.
      topActors: db.prepare(`SELECT id, type, articles FROM record_actors WHERE ${db.sql.inJsonArray('id', '?')}
        ORDER BY articles DESC, rowid LIMIT ${MAX_CANDIDATES}`),
      context: db.prepare("SELECT kind, value, n FROM record_actor_context WHERE actor_id = ? AND kind IN ('given', 'suffix', 'gender', 'title', 'org') ORDER BY n DESC LIMIT 200"),
      // What linking knows of an actor in one statement: its context (as `context`), its folded full names
      // (kind 'fname') and its surnames (kind 'surname', from its keys), each part bounded as it was alone.
      knownRows: db.prepare(`SELECT kind, value, n FROM (SELECT kind, value, n FROM record_actor_context WHERE actor_id = @id
          AND kind IN ('given', 'suffix', 'gender', 'title', 'org') ORDER BY n DESC LIMIT 200) AS c
        UNION ALL SELECT kind, value, n FROM (SELECT kind, value, n FROM record_actor_context WHERE actor_id = @id AND kind = 'fname' ORDER BY n DESC LIMIT 200) AS f
        UNION ALL SELECT 'surname', value, n FROM (SELECT substr(key, 4) AS value, n FROM record_actor_keys WHERE actor_id = @id AND key LIKE 'ps:%' ORDER BY n DESC LIMIT 20) AS s`),
      hasName: db.prepare("SELECT 1 FROM record_actor_context WHERE actor_id = ? AND kind = 'fname' AND value = ?").pluck(),
      withCounts: db.prepare(`SELECT actor_id, sum(n) AS n FROM record_actor_context WHERE ${db.sql.inJsonArray('actor_id', '?')} AND kind = 'with'
        AND ${db.sql.inJsonArray('value', '?')} GROUP BY actor_id`),
      exists: db.prepare('SELECT 1 FROM record_actors WHERE id = ?').pluck(),
      // Whether anyone filed under a key is named in `n` articles at least: stops at the first (a common surname's
      // key holds a number of people that grows with the record; max() over them read them all).
      keyNamed: db.prepare('SELECT 1 FROM record_actor_keys k JOIN record_actors a ON a.id = k.actor_id WHERE k.key = ? AND a.articles >= ? LIMIT 1').pluck(),
      byName: db.prepare("SELECT a.id, a.type, a.articles FROM record_actor_context c JOIN record_actors a ON a.id = c.actor_id WHERE c.kind = 'fname' AND c.value = ? ORDER BY a.articles DESC LIMIT 5"),
      insertActor: db.prepare('INSERT INTO record_actors (id, type, name, aliases, json, articles, first_seen, last_seen) VALUES (?, ?, ?, ?, ?, 0, ?, ?)'),
      // One statement for all of an actor's co-occurring actors in an article (distinct ids), instead of one each.
      withMany: db.prepare(`INSERT INTO record_actor_context (actor_id, kind, value) SELECT ?, 'with', value FROM ${db.sql.jsonArray('?')} WHERE 1 = 1
        ON CONFLICT (actor_id, kind, value) DO UPDATE SET n = record_actor_context.n + 1 WHERE record_actor_context.n < ${WITH_COUNT_CAP}`),
      member: db.prepare('INSERT INTO record_actor_members (article_id, local_id, actor_id, via, score, reasons) VALUES (?, ?, ?, ?, ?, ?)'),
      memberOf: db.prepare('SELECT actor_id FROM record_actor_members WHERE article_id = ? AND local_id = ?').pluck(),
      // The most used names and aliases (12 each) and types of several actors in one statement: the most counted
      // first, then the longer, then by value (COLLATE "C" on PostgreSQL, so the same order in both dialects).
      topContext: db.prepare(`SELECT actor_id, kind, value FROM (SELECT actor_id, kind, value, row_number() OVER (PARTITION BY actor_id, kind
        ORDER BY n DESC, CASE WHEN kind = 'type' THEN 0 ELSE length(value) END DESC, value) AS r FROM record_actor_context
        WHERE ${db.sql.inJsonArray('actor_id', '?')} AND kind IN ('name', 'alias', 'type')) AS t WHERE r <= 12 ORDER BY actor_id, kind, r`),
      // Counts the article, moves the seen dates, and sets the name, aliases and type of several actors in one
      // statement (the id list again as an array condition, so PostgreSQL probes the primary key).
      seenAndRename: db.prepare(`UPDATE record_actors SET articles = articles + 1,
        first_seen = CASE WHEN first_seen IS NULL OR (CAST(@p AS TEXT) IS NOT NULL AND @p < first_seen) THEN @p ELSE first_seen END,
        last_seen = CASE WHEN last_seen IS NULL OR (CAST(@p AS TEXT) IS NOT NULL AND @p > last_seen) THEN @p ELSE last_seen END,
        name = v.name, aliases = v.aliases, type = v.type
        FROM ${db.sql.jsonRows('@rows', ['id', 'name', 'aliases', 'type'])} AS v
        WHERE record_actors.id = v.id AND ${db.sql.inJsonArray('record_actors.id', '@ids')}`),
    };
  }

  /**
   * Known actors as last read, by id, the most recently used last (at most KNOWN_CACHED). An actor's context and
   * keys change only when an article files a member under it (record), which also counts the article (refresh):
   * an entry is used only while its article count and type are the row's, is dropped when a member is filed, and
   * the actors an article touched are dropped at its end (so a rolled-back article leaves nothing behind). All are
   * dropped when another connection has written (SQLite's data_version), on a rebuild (forget), and after every
   * article where the database cannot tell (PostgreSQL).
   */
  private readonly knownCache = new Map<string, Known>();
  private readonly touched = new Set<string>();
  private cacheVersion: number | undefined;

  private known(id: string, type: ActorType, articles: number): Known {
    const cached = this.knownCache.get(id);
    if (cached && cached.type === type && cached.articles === articles) {
      this.knownCache.delete(id);
      this.knownCache.set(id, cached);
      return cached;
    }
    const k = this.readKnown(id, type, articles);
    this.knownCache.delete(id);
    if (this.knownCache.size >= KNOWN_CACHED) this.knownCache.delete(this.knownCache.keys().next().value!);
    this.knownCache.set(id, k);
    return k;
  }

  /** Drops every known actor read before (the record tables were rewritten). */
  forget(): void {
    this.knownCache.clear();
  }

  private readKnown(id: string, type: ActorType, articles: number): Known {
    linkStats.knownRead++;
    const k: Known = { id, type, articles, givens: new Map(), suffixes: new Map(), genders: new Map(), surnames: new Set(), names: new Set(), titles: new Set(), orgs: new Set() };
    for (const r of this.q.knownRows.all({ id }) as { kind: string; value: string; n: number }[]) {
      if (r.kind === 'given') k.givens.set(r.value, r.n);
      else if (r.kind === 'suffix') k.suffixes.set(r.value, r.n);
      else if (r.kind === 'gender') k.genders.set(r.value, r.n);
      else if (r.kind === 'title') k.titles.add(r.value);
      else if (r.kind === 'org') k.orgs.add(r.value);
      else if (r.kind === 'fname') k.names.add(r.value);
      else if (r.kind === 'surname') k.surnames.add(r.value);
    }
    return k;
  }

  /** A new record actor id: a slug of the name and a hash of the first member, never reused. */
  private newId(c: Candidate): string {
    const slug = slugOf(c.name).slice(0, 40).replace(/-+$/, '') || 'actor';
    for (let salt = 0; ; salt++) {
      const id = `${slug}-${createHash('sha256').update(`${c.key}#${salt}`).digest('hex').slice(0, 10)}`;
      if (this.q.exists.get(id) === undefined) return id;
    }
  }

  /**
   * Links every actor of `doc` and records the members, keys and context. `decisions` are the manual merges and
   * splits (member keys), which win over the scores. Returns local actor id → link.
   */
  linkArticle(doc: Document, decisions: Decisions): Map<string, Link> {
    const version = this.db.changeCounter();
    if (version === undefined || version !== this.cacheVersion) this.knownCache.clear();
    this.cacheVersion = version;
    try {
      return this.linkAll(doc, decisions);
    } finally {
      for (const id of this.touched) this.knownCache.delete(id);
      this.touched.clear();
    }
  }

  private linkAll(doc: Document, decisions: Decisions): Map<string, Link> {
    const cands = candidatesOf(doc, {
      known: (name) => (name ? (this.q.byName.all(name) as { articles: number }[])[0]?.articles ?? 0 : 0),
      // A name word of someone named in a few articles at least (junk names named once leave keys too).
      nameWord: (word) => this.q.keyNamed.get(`pg:${word}`, 3) !== undefined || this.q.keyNamed.get(`ps:${word}`, 3) !== undefined,
    });
    const links = new Map<string, Link>();
    // Fuller names first, so a bare "Clinton" can follow the article's own "Hillary Clinton".
    // Person readings of names typed otherwise last, so the article's own people are linked before them.
    const order = [...cands].sort((a, b) => (b.alt ? -1 : b.person?.tokens.length ?? 9) - (a.alt ? -1 : a.person?.tokens.length ?? 9));
    const linked = (): string[] => [...new Set([...links.values()].map((l) => l.actorId))];
    for (const c of order) {
      // Organisations are linked before people: compare a person's by record identity too ("FBI" = "Federal Bureau of Investigation").
      for (const local of c.orgLocals) { const id = links.get(local)?.actorId; if (id && !c.orgs.includes(id)) c.orgs.push(id); }
      const forced = decisions.mustJoin(c.key, (k) => { const [art, local] = splitKey(k); return this.q.memberOf.get(art, local) as string | undefined; });
      if (forced) { const link = { actorId: forced, via: 'manual' as const, score: 1, reasons: ['merged by hand'] }; links.set(c.actor.id, link); this.record(c, doc, link); continue; }
      const forbidden = decisions.forbidden(c.key, (k) => { const [art, local] = splitKey(k); return this.q.memberOf.get(art, local) as string | undefined; });
      if (c.alt) {
        const alt = c.alt;
        // A one-word "place" the gazetteer does not know may be a name the record knows well ("Hillary" tagged PLACE).
        const viaAlt = (alt.person.tokens.length === 1 ? this.withinArticle(alt, cands, links) : undefined) ?? this.bestMatch(alt, linked(), forbidden);
        if (viaAlt && !forbidden.has(viaAlt.actorId)) { links.set(c.actor.id, viaAlt); this.record(alt, doc, viaAlt); continue; }
      }
      const within = c.person && c.person.tokens.length === 1 ? this.withinArticle(c, cands, links) : undefined;
      if (within && !forbidden.has(within.actorId)) { links.set(c.actor.id, within); this.record(c, doc, within); continue; }
      const best = this.bestMatch(c, linked(), forbidden) ?? this.sameNameAnyType(c, forbidden);
      const link = best ?? { actorId: this.create(c, doc), via: 'first' as const, score: 1, reasons: [] };
      links.set(c.actor.id, link);
      // Filed at once, so the article's next actors ("U.S." after "United States") can find it.
      this.record(c, doc, link);
    }
    // Co-occurrence: each actor is filed with the article's WITH_PROMINENT most-mentioned others, the ones a
    // later article's single name is told apart by ("Smith" named beside the same senator again). Every pair
    // of a long article's actors (up to 30 × 30) made the table the record's largest, each upsert a page of it.
    const mentions = new Map<string, number>();
    for (const a of doc.actors) {
      const id = links.get(a.id)?.actorId;
      if (id) mentions.set(id, (mentions.get(id) ?? 0) + a.mentions.length);
    }
    const prominent = [...mentions].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).map(([id]) => id).slice(0, WITH_PROMINENT + 1);
    for (const id of mentions.keys()) {
      const others = prominent.filter((x) => x !== id).slice(0, WITH_PROMINENT);
      if (others.length > 0) this.q.withMany.run(id, JSON.stringify(others));
    }
    return links;
  }

  /** A single name in an article that also gives one person's full name with it: "Clinton" after "Hillary Clinton". */
  private withinArticle(c: Candidate, cands: Candidate[], links: Map<string, Link>): Link | undefined {
    const t = c.person!.surname;
    // A double-barrelled word ("Obama-Xi") is not a given name and a surname.
    const fuller = cands.filter((o) => o !== c && o.person && o.person.tokens.length > 1 && /\s/.test(o.name.trim()) &&
      (compareNameTokens(o.person.surname, t) === 'same' || o.person.given[0] === t) && o.person.suffix === c.person!.suffix);
    if (fuller.length === 0) return undefined;
    const targets = new Set(fuller.map((o) => links.get(o.actor.id)?.actorId).filter((x): x is string => !!x));
    if (targets.size !== 1) return undefined;
    const other = fuller[0]!;
    if (c.person!.gender && fuller.some((o) => o.person!.gender && o.person!.gender !== c.person!.gender)) return undefined;
    // …nor to one whose given name is of the other gender ("Mr. Obama" in an article naming Michelle Obama).
    if (c.person!.gender && fuller.some((o) => { const g = o.person!.given[0] && givenNameGender(o.person!.given[0]); return g && g !== c.person!.gender; })) return undefined;
    // …nor one the record knows as of the other gender ("Mr. Obama" in an article naming Michelle Obama without
    // "Mrs."), or only under other titles ("President Obama" there, "First Lady" for her).
    const target = [...targets][0]!;
    const context = this.q.context.all(target) as { kind: string; value: string; n: number }[];
    const titles = new Set(context.filter((r) => r.kind === 'title').map((r) => r.value));
    if (c.titles.length > 0 && titles.size > 0 && !c.titles.some((t) => titles.has(t))) return undefined;
    if (c.person!.gender) {
      const genders = new Map(context.filter((r) => r.kind === 'gender').map((r) => [r.value, r.n]));
      const known = top(genders);
      if (known && known !== c.person!.gender && (genders.get(known) ?? 0) >= 2 * (genders.get(c.person!.gender) ?? 0)) return undefined;
    }
    return { actorId: target, via: 'auto', score: 0.8, reasons: [`"${c.actor.name}" is the article's "${other.actor.name}"`] };
  }

  /**
   * The record actors filed under any of `keys`: the MAX_CANDIDATES most-named, bounded work per key. `filed`
   * keeps each key's rows for the rest of one lookup (the exact keys are read again with the wider ones).
   */
  private candidates(keys: string[], filed: Map<string, string[]>): { id: string; type: ActorType; articles: number }[] {
    const ids = new Set<string>();
    for (const key of new Set(keys)) {
      let rows = filed.get(key);
      if (!rows) {
        rows = this.q.byKey.all(key) as string[];
        linkStats.keyRowsRead += rows.length;
        filed.set(key, rows);
      }
      for (const id of rows) ids.add(id);
    }
    if (ids.size === 0) return [];
    return this.q.topActors.all(JSON.stringify([...ids])) as { id: string; type: ActorType; articles: number }[];
  }

  /** The candidates under `keys`, scored against the name (with the context bonuses a full name or a bare one gets). */
  private scoreUnder(c: Candidate, keys: string[], filed: Map<string, string[]>, linkedHere: string[], forbidden: Set<string>): Scored[] {
    const rows = this.candidates(keys, filed);
    linkStats.candidatesRead += rows.length;
    const scored: Scored[] = [];
    for (const r of rows) {
      if (forbidden.has(r.id)) continue;
      const k = this.known(r.id, r.type, r.articles);
      let s;
      // A record actor filed with given names is a person, whatever most of its articles typed it ("Mitt Romney" read as an organisation).
      if (c.person && (isPersonType(r.type) || k.givens.size > 0)) s = personScore(c.person, k);
      else if (c.person || isPersonType(r.type)) s = orgScore(c, k);
      else s = orgScore(c, k);
      if (s.score <= 0) continue;
      let score = s.score;
      const reasons = [...s.reasons];
      if (c.person && !s.exact) {
        const sharedOrg = c.orgs.find((o) => k.orgs.has(o));
        if (sharedOrg) { score += 0.15; reasons.push(`same party or organisation "${sharedOrg}"`); }
        else if (c.orgs.length > 0 && k.orgs.size > 0 && c.person.tokens.length > 1) { score -= 0.3; reasons.push('different parties or organisations'); }
        const sharedTitle = c.titles.find((t) => k.titles.has(t));
        if (sharedTitle) { score += 0.1; reasons.push(`same title "${sharedTitle}"`); }
      }
      scored.push({ k, score, reasons, exact: s.exact });
    }
    if (linkedHere.length > 0 && c.person && c.person.tokens.length === 1 && scored.length > 0) {
      // How often each fitting candidate was named with this article's actors: one statement for all of them.
      const together = new Map((this.q.withCounts.all(JSON.stringify(scored.map((x) => x.k.id)), JSON.stringify(linkedHere)) as { actor_id: string; n: number }[])
        .map((r) => [r.actor_id, Number(r.n)]));
      for (const x of scored) {
        const n = together.get(x.k.id) ?? 0;
        // Each pair's count stops at WITH_COUNT_CAP (the bonus is full well before it): at the cap, "at least".
        if (n > 0) { x.score += Math.min(WITH_BONUS_MAX, WITH_BONUS_PER_DOUBLING * Math.log2(1 + n)); x.reasons.push(`named before with this article's actors (${n >= WITH_COUNT_CAP ? 'at least ' : ''}${n}×)`); }
      }
    }
    return scored;
  }

  private bestMatch(c: Candidate, linkedHere: string[], forbidden: Set<string>): Link | undefined {
    const keys = lookupKeys(c);
    if (keys.length === 0) return undefined;
    linkStats.lookups++;
    const filed = new Map<string, string[]>();
    const single = c.person !== undefined && c.person.tokens.length === 1;
    // Full names first: an exact match with the top score is the best any key could give (see exactKeys), so the
    // surname-wide keys are read only for a name the record does not know yet.
    const exact = single ? [] : exactKeys(c);
    if (exact.length > 0) {
      const best = bestOf(this.scoreUnder(c, exact, filed, linkedHere, forbidden));
      if (best && best.exact && best.score >= 1) return { actorId: best.k.id, via: 'auto', score: round(best.score), reasons: best.reasons };
      linkStats.fallbacks++;
    }
    const scored = this.scoreUnder(c, keys, filed, linkedHere, forbidden);
    if (scored.length === 0) return undefined;
    if (single) {
      // One name fits several people: the one news names far more often, else the one the context favours.
      const fits = scored.filter((s) => s.score >= 0.6).sort((x, y) => y.score - x.score || y.k.articles - x.k.articles);
      if (fits.length === 0) return undefined;
      const [first, second] = fits;
      if (!second) return { actorId: first!.k.id, via: 'auto', score: round(Math.max(first!.score, 0.75)), reasons: [...first!.reasons, first!.reasons[0]?.startsWith('surname') ? 'the only known person with this surname' : 'the only known person with this name'] };
      const byCount = [...fits].sort((x, y) => y.k.articles - x.k.articles);
      const dominant = byCount[0]!.k.articles >= 3 * Math.max(1, byCount[1]!.k.articles) && byCount[0]!.score >= byCount[1]!.score - 0.1;
      if (dominant) return { actorId: byCount[0]!.k.id, via: 'auto', score: round(byCount[0]!.score), reasons: [...byCount[0]!.reasons, `named in ${byCount[0]!.k.articles} articles, the next in ${byCount[1]!.k.articles}`] };
      if (first!.score - second.score >= 0.1) return { actorId: first!.k.id, via: 'auto', score: round(first!.score), reasons: first!.reasons };
      // Still ambiguous: a record actor known by exactly this one name collects such mentions.
      const bare = fits.find((s) => s.exact && s.k.givens.size === 0);
      return bare ? { actorId: bare.k.id, via: 'auto', score: round(bare.score), reasons: [...bare.reasons, 'ambiguous; kept with the same bare name'] } : undefined;
    }
    const best = bestOf(scored);
    return best ? { actorId: best.k.id, via: 'auto', score: round(best.score), reasons: best.reasons } : undefined;
  }

  /**
   * Last resort before a new actor: a record actor of another type known by exactly this name, the most named
   * first ("Republicans" tagged PERSON here joins the party known by that name). Places only join places.
   */
  private sameNameAnyType(c: Candidate, forbidden: Set<string>): Link | undefined {
    // A name tagged as an organisation that reads as a person's full name ("Republican Donald Trump") is tried as one too.
    const asPerson = c.person ?? (c.actor.type !== 'PLACE' ? parsePersonName(c.name) : undefined);
    const personKey = asPerson && (c.person || asPerson.tokens.length > 1) ? [...asPerson.tokens, asPerson.suffix].filter(Boolean).join(' ') : undefined;
    const key = personKey ?? orgKey(c.name);
    if (!key) return undefined;
    const rows = [...(personKey && !c.person ? this.q.byName.all(personKey) : []), ...this.q.byName.all(c.person ? key : orgKey(c.name))] as { id: string; type: ActorType; articles: number }[];
    const hit = rows.find((r) => !forbidden.has(r.id) && (r.type === 'PLACE') === (c.actor.type === 'PLACE') && r.articles >= 2);
    // A place the gazetteer does not know, named exactly as a person the record knows well ("Hillary Clinton" tagged PLACE), is that person.
    if (!hit && c.actor.type === 'PLACE' && !actorLexicon().places.has(c.name.trim().toLowerCase())) {
      const p = parsePersonName(c.name);
      const full = p && p.tokens.length > 1 ? [...p.tokens, p.suffix].filter(Boolean).join(' ') : undefined;
      const person = full ? (this.q.byName.all(full) as { id: string; type: ActorType; articles: number }[]).find((r) => !forbidden.has(r.id) && r.type === 'PERSON' && r.articles >= 3) : undefined;
      if (person) return { actorId: person.id, via: 'auto', score: 0.75, reasons: [`same full name "${full}" as a person (typed PLACE here)`] };
    }
    return hit ? { actorId: hit.id, via: 'auto', score: 0.75, reasons: [`same name "${key}" (typed ${c.actor.type} here, ${hit.type} there)`] } : undefined;
  }

  private create(c: Candidate, doc: Document): string {
    const id = this.newId(c);
    this.q.insertActor.run(id, c.actor.type, c.name, '[]', '{}', doc.meta.published ?? null, doc.meta.published ?? null);
    return id;
  }

  /** Files the member, its keys and its context under the record actor it joined. */
  private record(c: Candidate, doc: Document, link: Link): void {
    const id = link.actorId;
    this.knownCache.delete(id);
    this.touched.add(id);
    this.q.member.run(doc.meta.id, c.actor.id, id, link.via, link.score, JSON.stringify(link.reasons));
    const keys = keysOf(c);
    if (keys.length > 0) this.upsert(this.keyUpserts, keys.length, () => `INSERT INTO record_actor_keys (key, actor_id) VALUES ${keys.map(() => '(?, ?)').join(', ')}
      ON CONFLICT (key, actor_id) DO UPDATE SET n = record_actor_keys.n + 1`).run(...keys.flatMap((k) => [k, id]));
    // Each (kind, value) once, with how many times the member gives it (the count it adds).
    const rows = new Map<string, { kind: string; value: string; n: number }>();
    const ctx = (kind: string, value: string): void => {
      if (!value) return;
      const k = `${kind}\u0000${value}`;
      const row = rows.get(k);
      if (row) row.n++; else rows.set(k, { kind, value, n: 1 });
    };
    ctx('name', c.name);
    for (const n of new Set([c.actor.name, ...c.actor.aliases])) if (n !== c.name) ctx('alias', n);
    ctx('type', c.actor.type);
    if (c.person) {
      const p = c.person;
      ctx('fname', [...p.tokens, p.suffix].filter(Boolean).join(' '));
      if (p.given.length > 0) { ctx('given', p.given.join(' ')); ctx('suffix', p.suffix || '-'); }
      if (p.gender) ctx('gender', p.gender);
    } else {
      for (const n of c.names) ctx('fname', orgKey(n));
      const body = orgLike.has(c.actor.type) ? bodyKey(c.name) : undefined;
      if (body) ctx('fname', body);
    }
    for (const t of c.titles) ctx('title', t);
    for (const o of c.orgs) ctx('org', o);
    const list = [...rows.values()];
    this.upsert(this.ctxUpserts, list.length, () => `INSERT INTO record_actor_context (actor_id, kind, value, n) VALUES ${list.map(() => '(?, ?, ?, ?)').join(', ')}
      ON CONFLICT (actor_id, kind, value) DO UPDATE SET n = record_actor_context.n + excluded.n`).run(...list.flatMap((r) => [id, r.kind, r.value, r.n]));
  }

  private upsert(cache: Map<number, Statement>, rows: number, sql: () => string): Statement {
    let stmt = cache.get(rows);
    if (!stmt) { stmt = this.db.prepare(sql()); cache.set(rows, stmt); }
    return stmt;
  }

  /** Updates the seen dates, article count, canonical name and aliases of the actors an article touched. */
  refresh(ids: Iterable<string>, published: string | undefined): void {
    const list = [...new Set(ids)];
    if (list.length === 0) return;
    const ctx = new Map<string, { name: string[]; alias: string[]; type: string[] }>(list.map((id) => [id, { name: [], alias: [], type: [] }]));
    for (const r of this.q.topContext.all(JSON.stringify(list)) as { actor_id: string; kind: 'name' | 'alias' | 'type'; value: string }[]) ctx.get(r.actor_id)?.[r.kind].push(r.value);
    const rows = list.map((id) => {
      const c = ctx.get(id)!;
      const type = (c.type[0] as ActorType | undefined) ?? 'ORG';
      const canonical = canonicalOf(c.name, type);
      const aliases = [...new Set([...c.name, ...c.alias])].filter((n) => n !== canonical).slice(0, 20);
      return [id, canonical, JSON.stringify(aliases), type];
    });
    this.q.seenAndRename.run({ p: published ?? null, rows: JSON.stringify(rows), ids: JSON.stringify(list) });
  }

  /** Whether the actor is known by a folded full name (used by tests and queries). */
  knownAs(id: string, name: string): boolean {
    return this.q.hasName.get(id, foldName(name)) !== undefined;
  }
}

/** The canonical name: the most used; for people, a full name over a bare one; for organisations, spelled out over an acronym. */
function canonicalOf(names: string[], type: ActorType): string {
  if (type === 'PERSON') return names.find((n) => (parsePersonName(n)?.tokens.length ?? 0) > 1) ?? names[0] ?? '?';
  return names.find((n) => !ACRONYM.test(n) && /^[A-Z]/.test(n) && n.includes(' ')) ?? names[0] ?? '?';
}

const round = (x: number): number => Math.round(Math.min(x, 1) * 100) / 100;

function splitKey(k: string): [string, string] {
  const i = k.lastIndexOf(':');
  return [k.slice(0, i), k.slice(i + 1)];
}

/** Manual decisions as constraints on member keys: split pairs never join; merged pairs always do. */
export class Decisions {
  private readonly cannot = new Map<string, Set<string>>();
  private readonly must = new Map<string, Set<string>>();

  constructor(decisions: ResolutionDecision[]) {
    const verdict = new Map<string, { a: string; b: string; together: boolean }>();
    const pair = (a: string, b: string): string => (a < b ? `${a}|${b}` : `${b}|${a}`);
    for (const d of decisions) {
      if (d.kind === 'merge') verdict.set(pair(d.a, d.b), { a: d.a, b: d.b, together: true });
      else for (const other of d.from) verdict.set(pair(d.member, other), { a: d.member, b: other, together: false });
    }
    const add = (map: Map<string, Set<string>>, a: string, b: string): void => {
      map.set(a, (map.get(a) ?? new Set()).add(b));
      map.set(b, (map.get(b) ?? new Set()).add(a));
    };
    for (const v of verdict.values()) add(v.together ? this.must : this.cannot, v.a, v.b);
  }

  /** The record actor a merge decision ties this member to, when its partner is already linked. */
  mustJoin(key: string, actorOf: (member: string) => string | undefined): string | undefined {
    for (const other of this.must.get(key) ?? []) { const a = actorOf(other); if (a) return a; }
    return undefined;
  }

  forbidden(key: string, actorOf: (member: string) => string | undefined): Set<string> {
    const out = new Set<string>();
    for (const other of this.cannot.get(key) ?? []) { const a = actorOf(other); if (a) out.add(a); }
    return out;
  }
}
