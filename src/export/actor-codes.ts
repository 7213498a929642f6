/**
 * Event-data codes for record actors: the country (ISO 3166 alpha-3, or one of PLOVER's non-state codes such
 * as UNO) and the PLOVER sector codes (GOV, LEG, PTY, OPP …), as the actor stood on a given day. The word
 * lists are data (lexicon/sectors.json, lexicon/international.json); what is written here is how the record's
 * offices, memberships and relations decide between them.
 */
import { readFileSync } from 'node:fs';
import { packagePath } from '../package-path.js';
import { countriesNamedIn, resolvePlace, type ResolvedPlace } from './places.js';
import type { ExportSource, Interval, Office, PartyMembership, RecordActor, RelationState } from './source.js';

interface SectorLexicon {
  rules: { sector: string; words: string[] }[];
  byType: Partial<Record<RecordActor['type'], string>>;
  formerOffice: string;
  party: string;
  inGovernment: string;
  inOpposition: string;
}

let sectorLexicon: { lexicon: SectorLexicon; rules: { sector: string; pattern: RegExp }[] } | undefined;
let internationalNames: Map<string, string> | undefined;

function fold(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[’']/gu, '').replace(/[^\p{L}\p{N}.]+/gu, ' ').trim();
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

function sectors() {
  if (sectorLexicon) return sectorLexicon;
  const lexicon = JSON.parse(readFileSync(packagePath('src/export/lexicon/sectors.json'), 'utf8')) as SectorLexicon;
  const rules = lexicon.rules.map((r) => ({
    sector: r.sector,
    pattern: new RegExp(`(?<![\\p{L}\\p{N}])(?:${r.words.map((w) => escape(fold(w))).join('|')})(?![\\p{L}\\p{N}])`, 'u'),
  }));
  sectorLexicon = { lexicon, rules };
  return sectorLexicon;
}

function international(): Map<string, string> {
  if (internationalNames) return internationalNames;
  const raw = JSON.parse(readFileSync(packagePath('src/export/lexicon/international.json'), 'utf8')) as { codes: Record<string, string[]> };
  internationalNames = new Map(Object.entries(raw.codes).flatMap(([code, names]) => names.map((n) => [fold(n), code] as const)));
  return internationalNames;
}

/** The sector the words of a title or name point at ("Federal Minister for Planning" → GOV, "Senate" → LEG). */
export function sectorOfWords(text: string): string | undefined {
  const folded = fold(text);
  return sectors().rules.find((r) => r.pattern.test(folded))?.sector;
}

/**
 * How many of an actor's articles vote on its country: enough for a majority, without reading every article a
 * much-reported actor ("the government") appears in.
 */
const VOTING_ARTICLES = 50;

export interface ActorCodes {
  /** ISO 3166 alpha-3 of the actor's country, or a PLOVER non-state code (UNO, EUR, IGO, NGO …). */
  country?: string;
  /** Sector codes, primary first (at most two, as PLOVER's 6-character sector holds). */
  sectors: string[];
  /** The office the actor held on the day (a person), when the record knows one. */
  office?: string;
}

/** Codes actors and places from the record; results that do not depend on the day are kept. */
export class ActorCoder {
  private readonly officesOf = new Map<string, Office[]>();
  private readonly membershipsOf = new Map<string, PartyMembership[]>();
  private readonly relationsOf = new Map<string, RelationState[]>();
  private readonly countries = new Map<string, string | undefined>();
  private readonly articleCountries = new Map<string, string | undefined>();
  private readonly places = new Map<string, ResolvedPlace | undefined>();
  /** Where a state first reported (not seen starting) is taken to begin, for coding (see heldOn). */
  private readonly startOf = new Map<Interval, string | undefined>();

  constructor(private readonly source: ExportSource) {
    const push = <T>(map: Map<string, T[]>, key: string, value: T): void => {
      const list = map.get(key) ?? [];
      list.push(value);
      map.set(key, list);
    };
    const same = new Map<string, Interval[]>();
    for (const o of source.offices()) {
      push(this.officesOf, o.person, o);
      push(same, `office|${o.person}|${o.title.toLowerCase()}`, o);
    }
    for (const m of source.memberships()) {
      push(this.membershipsOf, m.person, m);
      push(same, `membership|${m.person}|${m.org}`, m);
    }
    for (const r of source.relations()) {
      push(this.relationsOf, r.a, r);
      push(this.relationsOf, r.b, r);
      push(same, `relation|${r.a}|${r.b}`, r);
    }
    // A state whose start is only its first report ("Convener Qureshi", not "took office") may have held
    // before it: back to the last change known before that report (an earlier interval of the same office or
    // membership, or any relation between the same two actors, opening or closing), without bound if none.
    for (const intervals of same.values()) {
      for (const x of intervals) {
        if (x.fromExact || x.from === undefined) continue;
        const before = intervals.filter((y) => y !== x).flatMap((y) => [y.from, y.to]).filter((d): d is string => d !== undefined && d <= x.from!);
        this.startOf.set(x, before.sort().at(-1));
      }
    }
  }

  /** Whether a state is taken as held on `day` for coding an event then; its last day counts (the resignation that ended an office is coded with that office). */
  private heldOn(x: Interval, day: string): boolean {
    const from = this.startOf.has(x) ? this.startOf.get(x) : x.from;
    return (from === undefined || from <= day) && (x.to === undefined || day <= x.to);
  }

  /** Country, sectors and office of an actor on `day` (YYYY-MM-DD); without a day, whatever it ever held. */
  codes(actorId: string, day?: string): ActorCodes {
    const actor = this.source.actor(actorId);
    if (!actor) return { sectors: [] };
    const country = this.countryOf(actor);
    const office = this.officeOn(actor.id, day);
    return { ...(country && { country }), sectors: this.sectorsOf(actor, day).slice(0, 2), ...(office && { office: office.title }) };
  }

  /**
   * The country an article is set in: the dateline place, the places it names and the countries its text
   * names ("Pakistan", "Pakistani", outside people's names), by majority, the dateline counting twice.
   * Undefined when none resolves.
   */
  articleCountry(article: string): string | undefined {
    if (this.articleCountries.has(article)) return this.articleCountries.get(article);
    const doc = this.source.document(article);
    const votes = new Map<string, number>();
    const vote = (code: string | undefined, weight = 1): void => {
      if (code) votes.set(code, (votes.get(code) ?? 0) + weight);
    };
    if (doc) {
      if (doc.meta.dateline) vote(resolvePlace(doc.meta.dateline.place)?.country, 2);
      for (const a of doc.actors) if (a.type === 'PLACE') vote(resolvePlace(a.name)?.country);
      // People's names are blanked first: "Jordan Mehta" names no country.
      let text = doc.text;
      for (const m of doc.mentions) if (m.type === 'PERSON') text = text.slice(0, m.span.start) + ' '.repeat(m.span.end - m.span.start) + text.slice(m.span.end);
      for (const code of countriesNamedIn(text)) vote(code);
    }
    const best = [...votes].sort((a, b) => b[1] - a[1])[0]?.[0];
    this.articleCountries.set(article, best);
    return best;
  }

  /** A PLACE actor in the gazetteer, a town looked up in the country its articles are set in. */
  place(actorId: string): ResolvedPlace | undefined {
    if (this.places.has(actorId)) return this.places.get(actorId);
    const actor = this.source.actor(actorId);
    let found: ResolvedPlace | undefined;
    if (actor?.type === 'PLACE') {
      const prefer = this.majority(actor.members.slice(0, VOTING_ARTICLES).map((m) => this.articleCountry(m.article)));
      for (const name of [actor.name, ...actor.aliases]) {
        found = resolvePlace(name, prefer);
        if (found) break;
      }
    }
    this.places.set(actorId, found);
    return found;
  }

  private majority(codes: (string | undefined)[]): string | undefined {
    const counts = new Map<string, number>();
    for (const c of codes) if (c) counts.set(c, (counts.get(c) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  }

  /**
   * In order: a PLOVER non-state code for an international body named so; a place's own country; a country
   * its name (not a person's) or office titles name ("Pakistan Peoples Party", "Indian Army"); the country of the parties and
   * bodies a person belongs to; else the country of the articles it appears in.
   */
  private countryOf(actor: RecordActor, depth = 0): string | undefined {
    if (depth === 0 && this.countries.has(actor.id)) return this.countries.get(actor.id);
    const names = [actor.name, ...actor.aliases];
    let code = names.map((n) => international().get(fold(n))).find((c) => c !== undefined);
    if (!code && actor.type === 'PLACE') code = this.place(actor.id)?.country;
    if (!code) {
      const titles = (this.officesOf.get(actor.id) ?? []).map((o) => o.title);
      // A person's own name is no evidence ("Jordan Ahmed" is not Jordanian); their titles are ("Indian envoy").
      const named = [...new Set([...(actor.type === 'PERSON' ? [] : names), ...titles].flatMap(countriesNamedIn))];
      if (named.length === 1) code = named[0];
    }
    if (!code && depth === 0 && actor.type === 'PERSON') {
      const orgs = [...(this.officesOf.get(actor.id) ?? []).map((o) => o.org), ...(this.membershipsOf.get(actor.id) ?? []).map((m) => m.org)];
      code = this.majority(orgs.map((id) => (id ? this.source.actor(id) : undefined)).map((org) => (org ? this.countryOf(org, depth + 1) : undefined)));
    }
    if (!code) code = this.majority(actor.members.slice(0, VOTING_ARTICLES).map((m) => this.articleCountry(m.article)));
    if (depth === 0) this.countries.set(actor.id, code);
    return code;
  }

  private officeOn(person: string, day: string | undefined): Office | undefined {
    const offices = this.officesOf.get(person) ?? [];
    return day === undefined ? offices.at(-1) : offices.find((o) => this.heldOn(o, day));
  }

  private sectorsOf(actor: RecordActor, day: string | undefined): string[] {
    const { lexicon } = sectors();
    const out: string[] = [];
    const add = (s: string | undefined): void => {
      if (s && !out.includes(s)) out.push(s);
    };
    const held = (x: Interval): boolean => day === undefined || this.heldOn(x, day);
    if (actor.type === 'PERSON') {
      const offices = this.officesOf.get(actor.id) ?? [];
      for (const o of offices.filter(held)) {
        const org = o.org ? this.source.actor(o.org) : undefined;
        add(org?.type === 'PARTY' ? lexicon.party : sectorOfWords(o.title) ?? (org ? sectorOfWords(org.name) : undefined));
      }
      // Someone who held an office that has ended, and holds none now, is a former official.
      if (out.length === 0 && day !== undefined && offices.some((o) => o.to !== undefined && o.to < day)) add(lexicon.formerOffice);
      if ((this.membershipsOf.get(actor.id) ?? []).some(held)) add(lexicon.party);
      return out;
    }
    if (actor.type === 'PARTY') {
      add(lexicon.party);
      const relations = (this.relationsOf.get(actor.id) ?? []).filter(held);
      const other = (r: RelationState): RecordActor | undefined => this.source.actor(r.a === actor.id ? r.b : r.a);
      const inGovernment = relations.some((r) => r.kind === 'coalition' || (r.kind === 'member' && r.a === actor.id && other(r)?.type === 'GOVBODY'));
      if (inGovernment) add(lexicon.inGovernment);
      else if (relations.some((r) => r.kind === 'opposition')) add(lexicon.inOpposition);
      return out;
    }
    add([actor.name, ...actor.aliases].map(sectorOfWords).find((s) => s !== undefined) ?? lexicon.byType[actor.type]);
    return out;
  }
}
