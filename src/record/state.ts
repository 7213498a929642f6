import { readFileSync } from 'node:fs';
import type { Document } from '../document/document.js';
import type { RelationKind, Role, StateChange } from '../document/layers.js';
import { packagePath } from '../package-path.js';
import { daysBetween, evidenceOf, firstDay } from './evidence.js';
import { foldName, isNamePrefix, personNameTokens } from './names.js';
import type { Evidence, Interval, Office } from './types.js';

const OFFICE_WORDS = JSON.parse(readFileSync(packagePath('src/record/lexicon/offices.json'), 'utf8')) as { ignore: string[]; cabinet: string[]; officeWords: string[]; multiHolder: string[]; synonyms: Record<string, string> };
const SYNONYMS = new Map(Object.entries(OFFICE_WORDS.synonyms));
const TITLE_WORDS = new Set(OFFICE_WORDS.officeWords);
const IGNORED = new Set(OFFICE_WORDS.ignore);

/** "Federal Minister for Ports and Shipping" and "Minister for Ports & Shipping" are the same office, and so are "Chairwoman" and "Chair". */
export function officeKey(title: string): string {
  return foldName(title).split(' ').filter((w) => w && !IGNORED.has(w)).map((w) => SYNONYMS.get(w) ?? w).join(' ');
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
  /** opened: the act that starts the state; holds: a report that it holds; closed: the act that ends it; former: a report that it is a past one. */
  kind: 'opened' | 'holds' | 'closed' | 'former';
  evidence: Evidence;
  /** A title before a bare surname ("Secretary Clinton") is also a courtesy kept after leaving office: it counts half against past reports. */
  courtesy?: boolean;
}

const KIND_ORDER = { opened: 0, holds: 1, closed: 2, former: 3 } as const;

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

/** One dated report about a state, from one article: what `intervalsOf` turns into intervals. */
export interface StateObservation {
  family: 'office' | 'membership' | 'relation';
  /** Groups the observations of one state: `person|office key`, `person|org`, `kind|a|b`. */
  key: string;
  date: string;
  kind: 'opened' | 'holds' | 'closed' | 'former';
  evidence: Evidence;
  /** office: person, title, org; membership: person, org; relation: kind, a, b. */
  info: { person?: string; title?: string; org?: string; relation?: RelationKind; a?: string; b?: string; country?: string; courtesy?: boolean };
}

/** The key under which a person's "resigned from the cabinet" (no office named) is kept. */
export const CABINET_EXIT = '*cabinet*';

/**
 * Words right before an office title that make it a past (or not current) office: "former Secretary of State",
 * "ex-minister", "then-Governor", "the late Justice". Hand-written: a closed set of English modifiers.
 */
const PAST_BEFORE = /(?:\b(?:former|formerly|ex|then|late|onetime|one-time|erstwhile|retired|outgoing|would-be|future|aspiring)\b[\s-]*(?:[A-Z][\w.'-]*\s+){0,2}|\bex-)$/i;

const DEATH = /\b(?:died|dies|death|passed away|funeral|the late|obituary|memorial service)\b/i;

/** True when the text says the role is a past one ("former President Bill Clinton", "Clinton, a former Secretary of State"). */
/** A title for an office not yet held: "next president", "future Secretary of State", "would-be governor". */
const NOT_YET = /^(?:next|future|would-be|presumptive|incoming|prospective)\b/i;

export function isPastRole(doc: Document, r: Role): boolean {
  if (/^(?:former|ex-|then|the late|late)\b/i.test(r.title)) return true;
  // A holder reported dead in the same sentence ("the death of Justice Antonin Scalia") no longer holds the office.
  const sentence = doc.sentences.find((x) => x.span.start <= r.evidence.start && r.evidence.start < x.span.end);
  if (sentence && DEATH.test(doc.text.slice(sentence.span.start, sentence.span.end))) return true;
  const before = doc.text.slice(Math.max(0, r.evidence.start - 30), r.evidence.start);
  return PAST_BEFORE.test(before.replace(/\s+$/, ' ').trimEnd() + ' ') || PAST_BEFORE.test(before);
}

/**
 * One article's observations of offices. Roles are reports that an office is held on the article's date (not
 * past roles: "former", "ex-", "then", "the late"); took_office / joined_cabinet open an office at the act's
 * date, left_office / left_cabinet close it. A role in an article that also reports the person leaving that
 * office describes the past ("Qureshi, who stepped down as Minister for Ports") and is not a report that it still
 * holds. A departure naming no office ("resigned from the cabinet") is kept under CABINET_EXIT and closes the
 * cabinet offices the person was reported holding.
 */
export function officeObservations(doc: Document, lookup: ActorLookup): StateObservation[] {
  const out: StateObservation[] = [];
  const add = (person: string, title: string, org: string | undefined, date: string, kind: StateObservation['kind'], evidence: Evidence, asHeld = false, courtesy = false): void => {
    out.push({ family: 'office', key: `${person}|${officeKey(title)}${org && (kind === 'holds' || kind === 'former' || asHeld) ? `|${org}` : ''}`, date, kind, evidence, info: { person, title, ...(org !== undefined && { org }), ...(courtesy && { courtesy }) } });
  };
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
    if (title && NOT_YET.test(title.trim())) continue;
    if (sc.kind === 'took_office' || sc.kind === 'joined_cabinet') add(person, title ?? 'Cabinet member', lookup(doc, sc.body), date, 'opened', evidence);
    else if (sc.kind === 'left_office' || sc.kind === 'left_cabinet') {
      if (title) add(person, title, lookup(doc, sc.body), date, 'closed', evidence);
      else out.push({ family: 'office', key: `${person}|${CABINET_EXIT}`, date, kind: 'closed', evidence, info: { person } });
    }
  }
  if (!doc.meta.published) return out;
  const placeIds = new Set(doc.actors.filter((a) => a.type === 'PLACE').map((a) => a.id));
  for (const r of doc.roles) {
    const person = lookup(doc, r.person);
    if (!person || NOT_YET.test(r.title.trim())) continue;
    const former = isPastRole(doc, r);
    // The office's jurisdiction: a place named right before the title or the holder ("New Jersey Gov. Chris
    // Christie", "Russian President Vladimir Putin"), when the role gives no organisation.
    const holderAt = doc.mentions.find((m) => m.actor === r.person && m.span.start >= r.evidence.start && m.span.start < r.evidence.end)?.span.start ?? r.evidence.end;
    const place = r.org ? undefined : doc.mentions.find((m) => m.actor !== undefined && placeIds.has(m.actor) && m.span.start >= r.evidence.start - 2 && m.span.end <= holderAt);
    const past = leaving.some((sc) => {
      const left = leftTitle.get(sc);
      return sc.subject === r.person && (left ? officeKey(left) === officeKey(r.title) : isCabinetOffice(r.title));
    });
    if (past) continue;
    // A departure that names no office, reported together with a role of the same person ("chairwoman Debbie
    // Wasserman Schultz resigned in July"), is a departure from that role: it closes it (under the role's key).
    const left = leaving.find((sc) => sc.subject === r.person && !leftTitle.get(sc) && sc.evidence.start <= r.evidence.start && r.evidence.end <= sc.evidence.end);
    const leftOn = left && dateOf(doc, left);
    if (left && leftOn && !isPastRole(doc, r)) {
      add(person, r.title, lookup(doc, r.org) ?? (place ? lookup(doc, place.actor) : undefined), leftOn, 'closed', evidenceOf(doc, left.evidence), true);
      continue;
    }
    // A past role ("former Secretary of State") is kept as a report that the office is a past one (see intervalsFrom).
    const title = former ? r.title.replace(/^(?:former|ex-|then-?|the late|late)\s*/i, '') || r.title : r.title;
    // "Secretary Clinton": the title before the surname alone.
    const holderMention = doc.mentions.find((m) => m.actor === r.person && m.span.start >= r.evidence.start && m.span.end <= r.evidence.end);
    const courtesy = holderMention !== undefined && foldName(doc.text.slice(holderMention.span.start, holderMention.span.end)).split(' ').length === 1;
    add(person, title, lookup(doc, r.org) ?? (place ? lookup(doc, place.actor) : undefined), doc.meta.published, former ? 'former' : 'holds', evidenceOf(doc, r.evidence), false, courtesy && !former);
  }
  const roleSpans = doc.roles.map((r) => r.evidence);
  titledMentions(doc, lookup, roleSpans, placeIds, leaving, (person, title, place, evidence, left) => {
    const on = left ? dateOf(doc, left) : doc.meta.published;
    if (on) add(person, title, place, on, left ? 'closed' : 'holds', left ? evidenceOf(doc, left.evidence) : evidence, left !== undefined);
  });
  // Past offices the roles layer does not give: "former Secretary of State Hillary Clinton", "former congressman
  // Anthony Weiner", "the late Justice Antonin Scalia" before a mention of the person.
  for (const m of doc.mentions) {
    if (m.actor === undefined || types.get(m.actor) !== 'PERSON' || roleSpans.some((e) => e.start <= m.span.start && m.span.end <= e.end)) continue;
    const person = lookup(doc, m.actor);
    if (!person) continue;
    const before = doc.text.slice(Math.max(0, m.span.start - 80), m.span.start);
    const hit = FORMER_TITLE.exec(before);
    if (!hit) continue;
    let words = hit[2]!.trim();
    // A place at the front is the office's jurisdiction ("former Arkansas Gov.").
    const start = m.span.start - before.length + hit.index + hit[0].length - hit[2]!.length;
    const placeAt = doc.mentions.find((x) => x.actor !== undefined && placeIds.has(x.actor) && x.span.start === start);
    const place = placeAt ? lookup(doc, placeAt.actor) : undefined;
    if (placeAt) words = doc.text.slice(placeAt.span.end, m.span.start).trim();
    const title = words.replace(/[\s,]+$/, '');
    if (!foldName(title).split(' ').some((w) => TITLE_WORDS.has(SYNONYMS.get(w) ?? w) || SYNONYMS.has(w))) continue;
    add(person, title, place, doc.meta.published, 'former', evidenceOf(doc, { start: m.span.start - before.length + hit.index, end: m.span.end }));
  }
  return out;
}

/**
 * Words before a title that make it no current office: "former", "ex-", "then-", "the late", "next", and verbs of
 * removal or succession ("decision to fire campaign manager X", "ousted campaign manager X", "replaced chairman X").
 */
const PAST_WORD = /^(?:former|formerly|ex-?|then-?|late|next|future|would-be|onetime|one-time|erstwhile|retired|outgoing|previous|(?:fire|oust|sack|dismiss|replace|succeed|remove|depose|demote)(?:s|d|ed|ing)?|fired|firing)$/i;

/** Words that make a title phrase an office of a campaign or a party ("campaign manager", "campaign chairman"). */
const STAFF_WORDS = new Set(['manager', 'chair', 'chairman', 'chairwoman', 'secretary', 'director', 'leader', 'speaker']);

/** Whether a title phrase names an office: one of its words is an office word ("Gov.", "Secretary", "manager"). */
function namesOffice(title: string): boolean {
  return foldName(title).split(' ').some((w) => TITLE_WORDS.has(SYNONYMS.get(w) ?? w) || SYNONYMS.has(w) || STAFF_WORDS.has(w));
}

/**
 * Offices the roles layer does not give, read from a title written with the name: inside the mention ("New Jersey
 * Gov. Chris Christie", "Wisconsin Gov. Scott Walker" read as one name) or in title words right before it
 * ("campaign manager Robby Mook", "Secretary of State John Kerry"). A place the mention opens with is the office's
 * jurisdiction, kept in the title ("New Jersey Gov."). Titles after "former", "ex-", "then", "late", "next", and
 * mentions a role already covers, are left to the other readings.
 */
function titledMentions(doc: Document, lookup: ActorLookup, roleSpans: { start: number; end: number }[], placeIds: Set<string>, leaving: StateChange[],
  add: (person: string, title: string, place: string | undefined, evidence: Evidence, left?: StateChange) => void): void {
  const types = new Map(doc.actors.map((a) => [a.id, a.type]));
  const seen = new Set<string>();
  for (const m of doc.mentions) {
    // A titled name tagged as a place or an organisation ("New Jersey Gov. Chris Christie") is a person's (see link.ts).
    const type = m.actor === undefined ? undefined : types.get(m.actor);
    if (m.actor === undefined || type === undefined || type === 'PARTY') continue;
    const covered = type !== 'PERSON' || roleSpans.some((e) => e.start <= m.span.end && m.span.start <= e.end);
    // A departure naming no office reported with the mention ("Trump fired campaign manager Corey Lewandowski")
    // closes the title written with the name; elsewhere in an article reporting one, the title may describe the past.
    const departures = leaving.filter((sc) => sc.subject === m.actor && !sc.title);
    const left = departures.find((sc) => sc.evidence.start <= m.span.start && m.span.end <= sc.evidence.end);
    if (departures.length > 0 && !left) continue;
    const person = lookup(doc, m.actor);
    if (!person) continue;
    const text = doc.text.slice(m.span.start, m.span.end);
    const name = personNameTokens(text);
    if (name.length < 2) continue;
    // The words of the mention before the name ("New Jersey Gov."), then title words right before the mention.
    const words = text.split(/\s+/);
    const nameAt = words.findIndex((w, i) => foldName(words.slice(i).join(' ')) === name.join(' ') || foldName(w) === name[0]);
    const inside = nameAt > 0 ? words.slice(0, nameAt).join(' ') : '';
    const before = covered ? '' : doc.text.slice(Math.max(0, m.span.start - 60), m.span.start);
    const run = /((?:(?:[a-z]+|[A-Z][\w.]*)[ \t]+){1,4})$/.exec(before)?.[1] ?? '';
    const runWords = run.trim().split(/\s+/).filter(Boolean);
    // Where each word of the run starts in the text, for the organisations named in it.
    const runStart = m.span.start - before.length + before.length - run.length;
    const wordStarts = [...run.matchAll(/\S+/g)].map((x) => runStart + x.index);
    const inOrg = (k: number): boolean => doc.mentions.some((x) => x.actor !== undefined && x.actor !== m.actor && ORG_TYPES.has(types.get(x.actor)!) &&
      x.span.start <= wordStarts[k]! && wordStarts[k]! < x.span.end && x.span.end <= m.span.start);
    let from = runWords.length;
    while (from > 0 && !PAST_WORD.test(runWords[from - 1]!) && (isNamePrefix(foldName(runWords[from - 1]!)) || STAFF_WORDS.has(foldName(runWords[from - 1]!)) || foldName(runWords[from - 1]!) === 'campaign' ||
      (from < runWords.length && inOrg(from - 1)))) from--;
    const lead = runWords.slice(from);
    // …also across a possessor's name: "Former Trump campaign manager X".
    if (runWords.slice(Math.max(0, from - 2), from).some((w) => PAST_WORD.test(w)) || PAST_WORD.test(inside.split(/\s+/)[0] ?? '')) continue;
    if (covered && !inside) continue;
    let title = [...lead, inside].join(' ').trim();
    let place: string | undefined;
    // A place the mention opens with ("New Jersey Gov. Chris Christie") stays in the title as its jurisdiction.
    const placeMention = doc.mentions.find((x) => x.actor !== undefined && x.actor !== m.actor && placeIds.has(x.actor) && x.span.start === m.span.start);
    if (placeMention) place = lookup(doc, placeMention.actor);
    title = title.replace(/^(?:Mr|Mrs|Ms|Dr)\.?\s+/, '').replace(/[,;:]+$/, '').trim();
    const leadAt = lead.length > 0 ? before.lastIndexOf(lead.join(' ')) : -1;
    // "DNC Chair Debbie Wasserman Schultz": an organisation named in the title words is the office's organisation,
    // so the office is the one "chairwoman of the Democratic National Committee" names.
    if (leadAt >= 0 && !place) {
      const leadStart = m.span.start - before.length + leadAt;
      const orgMention = doc.mentions.find((x) => x.actor !== undefined && x.actor !== m.actor && x.span.start >= leadStart && x.span.end <= m.span.start && ORG_TYPES.has(types.get(x.actor)!));
      const rest = orgMention && title.replace(doc.text.slice(orgMention.span.start, orgMention.span.end), '').replace(/\s+/g, ' ').trim();
      if (orgMention && rest && namesOffice(rest)) {
        title = rest;
        place = lookup(doc, orgMention.actor);
      }
    }
    if (!title || !namesOffice(title) || NOT_YET.test(title) || /^(?:former|ex-)/i.test(title)) continue;
    const key = `${person}|${officeKey(title)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    add(person, title, place, evidenceOf(doc, { start: leadAt >= 0 ? m.span.start - before.length + leadAt : m.span.start, end: m.span.end }), left);
  }
}

const ORG_TYPES = new Set(['ORG', 'PARTY', 'GOVBODY']);

/** "former Secretary of State ", "ex-Gov. ", "the late Justice " right before a name: group 2 is the title (up to six words). */
const FORMER_TITLE = /\b([Ff]ormer|[Ee]x-|[Tt]he late)[\s-]+((?:(?:[A-Z][\w.'’-]*|[a-z]+)[\s,]+){1,6})$/;

/** Whether the past-office observations under `pastKey` speak of the office under `key` (same person; its title words include the other's; same organisation when it names one). */
export function pastCovers(pastKey: string, key: string): boolean {
  if (pastKey === key) return false;
  const [p1, t1, o1] = pastKey.split('|');
  const [p2, t2, o2] = key.split('|');
  if (p1 !== p2 || !t1 || !t2 || t2 === CABINET_EXIT || (o1 !== undefined && o1 !== o2)) return false;
  const words = new Set(t1.split(' '));
  return t2.split(' ').every((w) => words.has(w));
}

/** One article's observations of party membership: membership reports and joined_party / left_party changes. */
export function membershipObservations(doc: Document, lookup: ActorLookup): StateObservation[] {
  const out: StateObservation[] = [];
  for (const m of doc.memberships) {
    const person = lookup(doc, m.person);
    const org = lookup(doc, m.org);
    if (person && org && doc.meta.published) out.push({ family: 'membership', key: `${person}|${org}`, date: doc.meta.published, kind: 'holds', evidence: evidenceOf(doc, m.evidence), info: { person, org } });
  }
  for (const sc of doc.stateChanges) {
    if (sc.kind !== 'joined_party' && sc.kind !== 'left_party') continue;
    const person = lookup(doc, sc.subject);
    const org = lookup(doc, sc.body ?? sc.with);
    const date = dateOf(doc, sc);
    if (person && org && date) out.push({ family: 'membership', key: `${person}|${org}`, date, kind: OPENS.has(sc.kind) ? 'opened' : 'closed', evidence: evidenceOf(doc, sc.evidence), info: { person, org } });
  }
  return out;
}

const SYMMETRIC = new Set<RelationKind>(['ally', 'coalition', 'opposition', 'negotiating']);

/**
 * One article's observations of relations between parties (and a party's membership of a body such as the
 * cabinet): the relations layer (a positive report holds on its date, a negative one ends it) and coalition and
 * cabinet state changes of parties ("The RPL-S on Friday agreed to rejoin the federal cabinet" → member, opened).
 */
export function relationObservations(doc: Document, lookup: ActorLookup): StateObservation[] {
  const out: StateObservation[] = [];
  const add = (relation: RelationKind, x: string, y: string, date: string, kind: StateObservation['kind'], evidence: Evidence): void => {
    if (x === y) return;
    const [a, b] = SYMMETRIC.has(relation) && y < x ? [y, x] : [x, y];
    out.push({ family: 'relation', key: `${relation}|${a}|${b}`, date, kind, evidence, info: { relation, a, b } });
  };
  const types = new Map(doc.actors.map((a) => [a.id, a.type]));
  for (const r of doc.relations) {
    const a = lookup(doc, r.a);
    const b = lookup(doc, r.b);
    if (a && b) add(r.kind, a, b, r.asOf, r.polarity === 'positive' ? 'holds' : 'closed', evidenceOf(doc, r.evidence));
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
      if (partner) add('coalition', subject, partner, date, kind, evidence);
    } else if (['joined_cabinet', 'left_cabinet', 'took_office', 'left_office'].includes(sc.kind)) {
      // A party "quitting the federal cabinet" may come as left_office of the party with the cabinet as body.
      const body = lookup(doc, sc.body);
      if (body) add('member', subject, body, date, sc.kind === 'joined_cabinet' || sc.kind === 'took_office' ? 'opened' : 'closed', evidence);
    }
  }
  return out;
}

/**
 * The intervals of one state from its observations (any order). For an office, `cabinetExits` are the person's
 * departures that name no office (they close a cabinet office reported before them), and `successors` the days
 * (with evidence) on which someone else took the same single-holder office: a holder's open interval ends there.
 */
export function intervalsFrom(observations: StateObservation[], opts: { cabinetExits?: StateObservation[]; successors?: { date: string; evidence: Evidence }[] } = {}): Interval[] {
  const obs: Observation[] = pastFromReports(observations.map((o) => ({ key: o.key, date: o.date, kind: o.kind, evidence: o.evidence, ...(o.info.courtesy && { courtesy: true }) })));
  for (const t of opts.cabinetExits ?? []) if (obs.some((o) => o.date <= t.date)) obs.push({ key: '', date: t.date, kind: 'closed', evidence: t.evidence });
  const intervals = intervalsOf(obs);
  for (const s of opts.successors ?? []) {
    for (const i of intervals) {
      if (i.to !== undefined || i.from === undefined || !(i.from < s.date)) continue;
      // Reports of the holder after the successor took over speak of them as still in office: keep them.
      if (i.reports.some((r) => (r.published ?? '') > s.date)) continue;
      i.to = s.date;
      i.closed = s.evidence;
    }
  }
  return intervals;
}

/**
 * Reports of an office as a past one ("former President Bill Clinton") against reports of it as held. From the
 * first "former" report after which the past reports are at least as many as the present ones, the office is
 * taken as left there (a closing at that date, the report as evidence), and later reports of it as held are
 * historical mentions ("the administrations of President Bill Clinton"), dropped, unless an act opens it again.
 */
function pastFromReports(obs: Observation[]): Observation[] {
  const sorted = [...obs].sort((x, y) => x.date.localeCompare(y.date) || KIND_ORDER[x.kind] - KIND_ORDER[y.kind]);
  let balance = 0;
  const after: number[] = new Array(sorted.length);
  for (let i = sorted.length - 1; i >= 0; i--) {
    const k = sorted[i]!.kind;
    balance += k === 'former' ? 1 : k === 'holds' ? (sorted[i]!.courtesy ? -0.5 : -1) : 0;
    after[i] = balance;
  }
  const cut = sorted.findIndex((o, i) => o.kind === 'former' && after[i]! >= 0);
  const out: Observation[] = [];
  let reopened = false;
  sorted.forEach((o, i) => {
    // Only an office reported held before is closed; one only ever called former leaves no interval.
    if (o.kind === 'former') { if (i === cut && out.length > 0) out.push({ ...o, kind: 'closed' }); return; }
    if (cut >= 0 && i > cut) {
      if (o.kind === 'opened') reopened = true;
      if (o.kind === 'holds' && !reopened) return;
    }
    out.push(o);
  });
  return out;
}

/** Offices one person holds at a time (the others, like senator or adviser, are held by many at once). */
export function isSingleHolderOffice(title: string): boolean {
  const words = officeKey(title).split(' ');
  return !words.some((w) => MULTI_HOLDER.has(w)) && words.some((w) => TITLE_WORDS.has(w));
}
const MULTI_HOLDER = new Set(OFFICE_WORDS.multiHolder);

/** Offices held over time, from analysed articles (in memory; the store keeps the same per key, incrementally). */
export function buildOffices(docs: Document[], lookup: ActorLookup): Office[] {
  const groups = groupByKey(docs.flatMap((d) => officeObservations(d, lookup)));
  const exits = new Map<string, StateObservation[]>();
  for (const [key, g] of groups) if (key.endsWith(`|${CABINET_EXIT}`)) exits.set(g[0]!.info.person!, g);
  const offices: Office[] = [];
  for (const [key, g] of groups) {
    if (key.endsWith(`|${CABINET_EXIT}`)) continue;
    const first = g[0]!;
    const title = first.info.title!;
    const person = first.info.person!;
    const org = g.find((o) => o.info.org)?.info.org;
    intervalsFrom(g, { cabinetExits: isCabinetOffice(title) ? exits.get(person) ?? [] : [] }).forEach((interval, i) => {
      offices.push({ id: `office:${person}:${officeKey(title).replace(/ /g, '-')}:${i + 1}`, person, title, ...(org !== undefined && { org }), ...interval });
    });
  }
  return offices;
}

function groupByKey(obs: StateObservation[]): Map<string, StateObservation[]> {
  const groups = new Map<string, StateObservation[]>();
  for (const o of obs) groups.set(o.key, [...(groups.get(o.key) ?? []), o]);
  return groups;
}

/** True when the interval's state holds on `day` (YYYY-MM-DD): from ≤ day < to. */
export function holdsOn(interval: Interval, day: string): boolean {
  return (interval.from === undefined || interval.from <= day) && (interval.to === undefined || day < interval.to);
}
