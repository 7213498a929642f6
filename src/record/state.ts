import { readFileSync } from 'node:fs';
import type { Document } from '../document/document.js';
import type { RelationKind, StateChange } from '../document/layers.js';
import { packagePath } from '../package-path.js';
import { daysBetween, evidenceOf, firstDay } from './evidence.js';
import { foldName } from './names.js';
import type { Evidence, Interval, Office, PartyMembership, RelationState } from './types.js';

const OFFICE_WORDS = JSON.parse(readFileSync(packagePath('src/record/lexicon/offices.json'), 'utf8')) as { ignore: string[]; cabinet: string[]; officeWords: string[] };
const TITLE_WORDS = new Set(OFFICE_WORDS.officeWords);
const IGNORED = new Set(OFFICE_WORDS.ignore);

/** "Federal Minister for Ports and Shipping" and "Minister for Ports & Shipping" are the same office. */
export function officeKey(title: string): string {
  return foldName(title).split(' ').filter((w) => w && !IGNORED.has(w)).join(' ');
}

/** True for offices that make their holder a member of the cabinet ("Federal Minister for …", "Prime Minister"). */
export function isCabinetOffice(title: string): boolean {
  const folded = foldName(title);
  return OFFICE_WORDS.cabinet.some((w) => folded.split(' ').includes(w) || folded.includes(w));
}

/** Maps a per-article actor id to its cross-document actor id. */
export type ActorLookup = (doc: Document, local: string | undefined) => string | undefined;

interface Observation {
  key: string;
  date: string;
  /** opened: the act that starts the state; holds: a report that it holds; closed: the act that ends it. */
  kind: 'opened' | 'holds' | 'closed';
  evidence: Evidence;
}

const KIND_ORDER = { opened: 0, holds: 1, closed: 2 } as const;

/** Reports of the same closing act (two articles on one resignation) within this many days count as one. */
const SAME_ACT_DAYS = 14;

/** Turns dated observations of one state into intervals: opened/holds start or extend one, closed ends it. */
function intervalsOf(observations: Observation[]): Interval[] {
  const sorted = [...observations].sort((x, y) => x.date.localeCompare(y.date) || KIND_ORDER[x.kind] - KIND_ORDER[y.kind]);
  const out: Interval[] = [];
  let open: Interval | undefined;
  for (const o of sorted) {
    if (o.kind !== 'closed') {
      if (!open) {
        open = { from: o.date, fromExact: o.kind === 'opened', opened: o.evidence, reports: [o.evidence] };
        out.push(open);
      } else open.reports.push(o.evidence);
      continue;
    }
    if (open) {
      open.to = o.date;
      open.closed = o.evidence;
      open.reports.push(o.evidence);
      open = undefined;
      continue;
    }
    const last = out.at(-1);
    if (last?.to !== undefined && daysBetween(last.to, o.date) <= SAME_ACT_DAYS) last.reports.push(o.evidence);
    else out.push({ fromExact: false, to: o.date, closed: o.evidence, reports: [o.evidence] });
  }
  return out;
}

function dateOf(doc: Document, sc: { date?: StateChange['date'] }): string | undefined {
  return firstDay(sc.date) ?? doc.meta.published;
}

const OPENS = new Set(['took_office', 'joined_cabinet', 'joined_party', 'joined_coalition']);

/**
 * A capitalized office title right after a verb of appointment or resignation: "resigned as Federal Minister for
 * Ports and Shipping, saying…", "has been appointed Federal Minister for Ports and Shipping, the portfolio…",
 * "took oath as Minister of State for Water Resources". Used when the state change itself carries no title.
 */
const TITLE_AFTER_VERB = /\b(?:as|appointed|named|made|became|becomes|elected)\s+(?:the\s+)?((?:[A-Z][\w'-]*)(?:\s+(?:[A-Z][\w'-]*|for|of|and|&))*)/g;

function titleInText(text: string): string | undefined {
  for (const m of text.matchAll(TITLE_AFTER_VERB)) {
    const title = m[1]!.replace(/\s+(?:for|of|and|&)$/, '');
    if (foldName(title).split(' ').some((w) => TITLE_WORDS.has(w))) return title;
  }
  return undefined;
}

/** The office a person's state change concerns ("Minister for Ports and Shipping"), when it or its evidence names one. */
function officeTitleOf(doc: Document, sc: StateChange): string | undefined {
  if (sc.title) return sc.title;
  if (sc.portfolios?.length) return `Minister for ${sc.portfolios.join(' and ')}`;
  // Look after the subject's name when the sentence names several people ("X has been appointed A, while Y …").
  // …and before the next person named: in "Chaudhry accepted the resignation of Qureshi, who stepped down as
  // Federal Minister for Ports", the office is Qureshi's.
  const subjectMentions = doc.mentions.filter((m) => m.actor === sc.subject && m.span.start >= sc.evidence.start && m.span.end <= sc.evidence.end);
  const from = subjectMentions[0]?.span.end ?? sc.evidence.start;
  const types = new Map(doc.actors.map((a) => [a.id, a.type]));
  const next = doc.mentions.find((m) => m.span.start >= from && m.span.end <= sc.evidence.end && m.actor !== sc.subject && m.actor !== undefined && types.get(m.actor) === 'PERSON');
  return titleInText(doc.text.slice(subjectMentions.length > 0 ? subjectMentions[0]!.span.start : sc.evidence.start, next?.span.start ?? sc.evidence.end));
}

/**
 * Offices held over time. Roles are reports that an office is held on the article's date; took_office /
 * joined_cabinet open an office at the act's date, left_office / left_cabinet close it. A role in an article that
 * also reports the person leaving that office describes the past ("Qureshi, who stepped down as Minister for
 * Ports") and is not a report that it still holds.
 */
export function buildOffices(docs: Document[], lookup: ActorLookup): Office[] {
  const observations = new Map<string, { person: string; title: string; org?: string; obs: Observation[] }>();
  const titleless: { person: string; date: string; evidence: Evidence }[] = [];
  const add = (person: string, title: string, org: string | undefined, o: Omit<Observation, 'key'>): void => {
    const key = `${person}|${officeKey(title)}`;
    const entry = observations.get(key) ?? { person, title, ...(org !== undefined && { org }), obs: [] };
    if (!entry.org && org) entry.org = org;
    entry.obs.push({ key, ...o });
    observations.set(key, entry);
  };
  for (const doc of docs) {
    const types = new Map(doc.actors.map((a) => [a.id, a.type]));
    const leaving = doc.stateChanges.filter((sc) => (sc.kind === 'left_office' || sc.kind === 'left_cabinet') && types.get(sc.subject) === 'PERSON');
    const leftTitle = new Map(leaving.map((sc) => [sc, officeTitleOf(doc, sc)]));
    for (const sc of doc.stateChanges) {
      if (types.get(sc.subject) !== 'PERSON') continue;
      const person = lookup(doc, sc.subject);
      const date = dateOf(doc, sc);
      if (!person || !date) continue;
      const evidence = evidenceOf(doc, sc.evidence);
      const title = officeTitleOf(doc, sc);
      if (sc.kind === 'took_office' || sc.kind === 'joined_cabinet') add(person, title ?? 'Cabinet member', lookup(doc, sc.body), { date, kind: 'opened', evidence });
      else if (sc.kind === 'left_office' || sc.kind === 'left_cabinet') {
        if (title) add(person, title, lookup(doc, sc.body), { date, kind: 'closed', evidence });
        else titleless.push({ person, date, evidence });
      }
    }
    if (!doc.meta.published) continue;
    for (const r of doc.roles) {
      const person = lookup(doc, r.person);
      if (!person) continue;
      const past = leaving.some((sc) => {
        const left = leftTitle.get(sc);
        return sc.subject === r.person && (left ? officeKey(left) === officeKey(r.title) : isCabinetOffice(r.title));
      });
      if (past) continue;
      add(person, r.title, lookup(doc, r.org), { date: doc.meta.published, kind: 'holds', evidence: evidenceOf(doc, r.evidence) });
    }
  }
  // "Qureshi resigned from the cabinet" names no office: it closes the cabinet offices he was reported holding.
  for (const t of titleless) {
    for (const entry of observations.values()) {
      if (entry.person === t.person && isCabinetOffice(entry.title) && entry.obs.some((o) => o.date <= t.date)) {
        entry.obs.push({ key: '', date: t.date, kind: 'closed', evidence: t.evidence });
      }
    }
  }
  const offices: Office[] = [];
  for (const entry of observations.values()) {
    intervalsOf(entry.obs).forEach((interval, i) => {
      offices.push({ id: `office:${entry.person}:${officeKey(entry.title).replace(/ /g, '-')}:${i + 1}`, person: entry.person, title: entry.title, ...(entry.org !== undefined && { org: entry.org }), ...interval });
    });
  }
  return offices;
}

/** Party membership over time, from membership reports and joined_party / left_party changes. */
export function buildMemberships(docs: Document[], lookup: ActorLookup): PartyMembership[] {
  const groups = new Map<string, { person: string; org: string; obs: Observation[] }>();
  const add = (person: string, org: string, o: Omit<Observation, 'key'>): void => {
    const key = `${person}|${org}`;
    const g = groups.get(key) ?? { person, org, obs: [] };
    g.obs.push({ key, ...o });
    groups.set(key, g);
  };
  for (const doc of docs) {
    for (const m of doc.memberships) {
      const person = lookup(doc, m.person);
      const org = lookup(doc, m.org);
      if (person && org && doc.meta.published) add(person, org, { date: doc.meta.published, kind: 'holds', evidence: evidenceOf(doc, m.evidence) });
    }
    for (const sc of doc.stateChanges) {
      if (sc.kind !== 'joined_party' && sc.kind !== 'left_party') continue;
      const person = lookup(doc, sc.subject);
      const org = lookup(doc, sc.body ?? sc.with);
      const date = dateOf(doc, sc);
      if (person && org && date) add(person, org, { date, kind: OPENS.has(sc.kind) ? 'opened' : 'closed', evidence: evidenceOf(doc, sc.evidence) });
    }
  }
  return [...groups.values()].flatMap((g) =>
    intervalsOf(g.obs).map((interval, i) => ({ id: `membership:${g.person}:${g.org}:${i + 1}`, person: g.person, org: g.org, ...interval })),
  );
}

const SYMMETRIC = new Set<RelationKind>(['ally', 'coalition', 'opposition', 'negotiating']);

/**
 * Relations between parties (and a party's membership of a body such as the cabinet) over time, from the
 * relations layer (a positive report holds on its date, a negative one ends it) and from coalition and cabinet
 * state changes of parties ("The RPL-S on Friday agreed to rejoin the federal cabinet" → member, opened).
 */
export function buildRelations(docs: Document[], lookup: ActorLookup): RelationState[] {
  const groups = new Map<string, { kind: RelationKind; a: string; b: string; obs: Observation[] }>();
  const add = (kind: RelationKind, x: string, y: string, o: Omit<Observation, 'key'>): void => {
    if (x === y) return;
    const [a, b] = SYMMETRIC.has(kind) && y < x ? [y, x] : [x, y];
    const key = `${kind}|${a}|${b}`;
    const g = groups.get(key) ?? { kind, a, b, obs: [] };
    g.obs.push({ key, ...o });
    groups.set(key, g);
  };
  for (const doc of docs) {
    const types = new Map(doc.actors.map((a) => [a.id, a.type]));
    for (const r of doc.relations) {
      const a = lookup(doc, r.a);
      const b = lookup(doc, r.b);
      if (a && b) add(r.kind, a, b, { date: r.asOf, kind: r.polarity === 'positive' ? 'holds' : 'closed', evidence: evidenceOf(doc, r.evidence) });
    }
    for (const sc of doc.stateChanges) {
      if (types.get(sc.subject) === 'PERSON') continue;
      const subject = lookup(doc, sc.subject);
      const date = dateOf(doc, sc);
      if (!subject || !date) continue;
      const evidence = evidenceOf(doc, sc.evidence);
      const kind = OPENS.has(sc.kind) ? 'opened' : 'closed';
      if (sc.kind === 'joined_coalition' || sc.kind === 'left_coalition') {
        const partner = lookup(doc, sc.with ?? sc.body);
        if (partner) add('coalition', subject, partner, { date, kind, evidence });
      } else if (['joined_cabinet', 'left_cabinet', 'took_office', 'left_office'].includes(sc.kind)) {
        // A party "quitting the federal cabinet" may come as left_office of the party with the cabinet as body.
        const body = lookup(doc, sc.body);
        if (body) add('member', subject, body, { date, kind: sc.kind === 'joined_cabinet' || sc.kind === 'took_office' ? 'opened' : 'closed', evidence });
      }
    }
  }
  return [...groups.values()].flatMap((g) =>
    intervalsOf(g.obs).map((interval, i) => ({ id: `relation:${g.kind}:${g.a}:${g.b}:${i + 1}`, kind: g.kind, a: g.a, b: g.b, ...interval })),
  );
}

/** True when the interval's state holds on `day` (YYYY-MM-DD): from ≤ day < to. */
export function holdsOn(interval: Interval, day: string): boolean {
  return (interval.from === undefined || interval.from <= day) && (interval.to === undefined || day < interval.to);
}
