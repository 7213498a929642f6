import { preparedOnce, type Db } from '../store/sql/db.js';
import type { ActorType, CommitmentStatus } from '../document/layers.js';
import { isDecisive, statusFrom } from './followup.js';
import { comparePersonNames, foldName, parsePersonName } from './names.js';
import { commitmentAsOf, recordNewest, type SearchHit } from './record-store.js';
import type { Evidence, Interval, Office, PartyMembership, QuotedEvidence, RecordCommitment, RecordEvent, RelationState } from './types.js';

/**
 * The record's query API: every function reads what it needs from the store with indexed SQL and returns at
 * most one page (`limit`, default 50, at most 500; `offset`), so answers cost the same at 100 or 1,000,000
 * articles. Nothing here writes. The CLI and the HTTP server both call these functions.
 */

/** Attaches text to evidence (see evidenceQuoter). */
export type Quoter = (e: Evidence) => QuotedEvidence;

/** Paging for every list a query returns. */
export interface Page {
  limit?: number;
  offset?: number;
}

/** How much evidence an item quotes: at most `evidence` sources and follow-ups each (default all kept). */
export interface EvidenceBound {
  evidence?: number;
}

export const DEFAULT_LIMIT = 50;
/** Sources and follow-ups an item quotes unless asked for more (the CLI's --evidence, the API always). */
export const DEFAULT_EVIDENCE = 3;
export const MAX_LIMIT = 500;

function paging(p: Page = {}): { limit: number; offset: number } {
  const limit = Math.min(MAX_LIMIT, Math.max(1, Math.floor(p.limit ?? DEFAULT_LIMIT)));
  return { limit, offset: Math.max(0, Math.floor(p.offset ?? 0)) };
}

/** No actor matches a name given on the command line or in a URL. */
export class UnknownActorError extends Error {
  constructor(readonly query: string) {
    super(`no actor matches "${query}"`);
    this.name = 'UnknownActorError';
  }
}

/**
 * A name fits several actors equally well ("Clinton" for Hillary and Bill); `candidates` are the actors it may
 * name, best first, so the user can give an id or a fuller name. A kind of UnknownActorError: no one actor matches.
 */
export class AmbiguousActorError extends UnknownActorError {
  constructor(
    query: string,
    readonly candidates: ActorSummary[],
  ) {
    super(query);
    this.name = 'AmbiguousActorError';
    const list = candidates.map((a) => `${a.name} (${a.id}, ${a.type}, ${a.articles} article${a.articles === 1 ? '' : 's'})`).join('; ');
    this.message = `"${query}" fits ${candidates.length} actors: ${list}; give an id or a fuller name`;
  }
}

/** A record actor as lists show it. */
export interface ActorSummary {
  id: string;
  type: ActorType;
  name: string;
  aliases: string[];
  /** Articles it is named in. */
  articles: number;
  firstSeen?: string;
  lastSeen?: string;
}

interface ActorRow { id: string; type: ActorType; name: string; aliases: string; articles: number; first_seen: string | null; last_seen: string | null }

const ACTOR_COLUMNS = 'a.id, a.type, a.name, a.aliases, a.articles, a.first_seen, a.last_seen';

function summary(r: ActorRow): ActorSummary {
  return { id: r.id, type: r.type, name: r.name, aliases: JSON.parse(r.aliases) as string[], articles: r.articles, ...(r.first_seen && { firstSeen: r.first_seen }), ...(r.last_seen && { lastSeen: r.last_seen }) };
}

/** The actor with this id, if any. */
export function getActor(db: Db, id: string): ActorSummary | undefined {
  const row = preparedOnce(db, `SELECT ${ACTOR_COLUMNS} FROM record_actors a WHERE a.id = ?`).get(id) as ActorRow | undefined;
  return row && summary(row);
}

/** Actors, the most-named first, optionally of one type. */
export function listActors(db: Db, opts: { type?: ActorType; q?: string } & Page = {}): ActorSummary[] {
  if (opts.q) return findActors(db, opts.q, opts);
  const { limit, offset } = paging(opts);
  const rows = opts.type
    ? preparedOnce(db, `SELECT ${ACTOR_COLUMNS} FROM record_actors a WHERE a.type = ? ORDER BY a.articles DESC, a.rowid LIMIT ? OFFSET ?`).all(opts.type, limit, offset)
    : preparedOnce(db, `SELECT ${ACTOR_COLUMNS} FROM record_actors a ORDER BY a.articles DESC, a.rowid LIMIT ? OFFSET ?`).all(limit, offset);
  return (rows as ActorRow[]).map(summary);
}

/**
 * Actors matching a name or id, best first: the id; then actors known by exactly this name (case-, punctuation-
 * and title-insensitive: "Sen. Ted Cruz" finds Ted Cruz); then people whose name compares well ("Qureshi",
 * "Tariq Mehmud Qureshi"), found through the surname index. Among equals, the most-named first.
 */
export function findActors(db: Db, query: string, opts: { type?: ActorType } & Page = {}): ActorSummary[] {
  const { limit, offset } = paging(opts);
  const typed = (list: ActorSummary[]): ActorSummary[] => (opts.type ? list.filter((a) => a.type === opts.type) : list);
  const byId = getActor(db, query);
  if (byId) return typed([byId]).slice(offset, offset + limit);
  const person = parsePersonName(query);
  const keys = new Set([foldName(query).replace(/^the /, '')]);
  if (person) keys.add([...person.tokens, person.suffix].filter(Boolean).join(' '));
  const exact = (preparedOnce(db, `SELECT DISTINCT ${ACTOR_COLUMNS} FROM record_actor_context c JOIN record_actors a ON a.id = c.actor_id
    WHERE c.kind = 'fname' AND ${db.sql.inJsonArray('c.value', '?')} ORDER BY a.articles DESC LIMIT 200`).all(JSON.stringify([...keys])) as ActorRow[]).map(summary);
  // A full name known exactly wins; a bare surname also lists the people it may name.
  if (exact.length > 0 && (!person || person.tokens.length > 1)) return typed(exact).slice(offset, offset + limit);
  if (!person) return typed(exact).slice(offset, offset + limit);
  // The type is checked after reading: with it in the WHERE clause SQLite walks every PERSON by the type index
  // (all people, for a surname few share) instead of reading the surname's keys.
  const near = (preparedOnce(db, `SELECT DISTINCT ${ACTOR_COLUMNS} FROM record_actor_keys k JOIN record_actors a ON a.id = k.actor_id
    WHERE k.key IN (?, ?) ORDER BY a.articles DESC LIMIT 200`).all(`ps:${person.surname}`, `pg:${person.surname}`) as ActorRow[]).filter((r) => r.type === 'PERSON').map(summary)
    .map((a) => ({ a, score: Math.max(...[a.name, ...a.aliases].map((n) => comparePersonNames(query, n).score)) }))
    .filter((x) => x.score >= 0.6)
    .sort((x, y) => y.score - x.score || y.a.articles - x.a.articles)
    .map((x) => x.a);
  const seen = new Set<string>();
  return typed([...exact, ...near].filter((a) => !seen.has(a.id) && seen.add(a.id))).slice(offset, offset + limit);
}

/**
 * The one actor a query names (the best match); throws UnknownActorError when none does. With `unique`, a query
 * that several actors fit — not an id, and not the canonical name of exactly one of them ("Baloch" for Imran and
 * Nadia Baloch) — throws AmbiguousActorError listing them instead of picking the most-named.
 */
export function actorNamed(db: Db, query: string, opts: { unique?: boolean } = {}): ActorSummary {
  const found = findActors(db, query, { limit: opts.unique ? 10 : 1 });
  if (!found[0]) throw new UnknownActorError(query);
  if (!opts.unique || found.length === 1 || found[0].id === query) return found[0];
  const key = foldName(query);
  const named = found.filter((a) => foldName(a.name) === key);
  if (named.length === 1) return named[0]!;
  throw new AmbiguousActorError(query, named.length > 1 ? named : found);
}

/** Actor names by id, read once per query. */
function namer(db: Db): (id: string | undefined) => string | undefined {
  const stmt = preparedOnce(db, 'SELECT name FROM record_actors WHERE id = ?').pluck();
  const cache = new Map<string, string | undefined>();
  return (id) => {
    if (id === undefined) return undefined;
    if (!cache.has(id)) cache.set(id, (stmt.get(id) as string | undefined) ?? id);
    return cache.get(id);
  };
}

function quoteInterval<T extends Interval>(x: T, quote: Quoter): Omit<T, 'opened' | 'closed' | 'reports' | 'reportCount'> & { opened?: QuotedEvidence; closed?: QuotedEvidence; reports: number } {
  const { opened, closed, reports, reportCount, ...rest } = x;
  return { ...rest, ...(opened && { opened: quote(opened) }), ...(closed && { closed: quote(closed) }), reports: reportCount ?? reports.length };
}

/** The latest follow-up (kept/broken) known on `day`, else overdue/open by the due date: a commitment's status then. */
export function commitmentStatusOn(c: RecordCommitment, day: string): { status: CommitmentStatus; evidence?: Evidence } {
  return statusFrom(c.followUps, c.due, c.status === 'disputed' ? 'disputed' : 'open', day);
}

/**
 * A commitment with names, quoted evidence and its status on `day` (default: as of the newest article). `most`
 * bounds the sources and follow-ups quoted (default all kept); sourceCount and followUpCount then give how many
 * there are in all.
 */
export function describeCommitment(db: Db, c: RecordCommitment, quote: Quoter, day?: string, names = namer(db), most = Infinity) {
  const on = commitmentAsOf(c, day ?? recordNewest(db));
  const followUps = c.followUpCount ?? c.followUps.length;
  const sources = c.sourceCount ?? c.sources.length;
  return {
    id: c.id,
    kind: c.kind,
    by: c.by,
    byName: names(c.by),
    ...(c.to !== undefined && { to: c.to, toName: names(c.to) }),
    what: quote(c.what),
    ...(c.due && { due: c.due }),
    ...(c.made && { made: c.made }),
    status: on.status,
    ...(on.statusEvidence && { statusEvidence: quote(on.statusEvidence) }),
    followUps: c.followUps.slice(0, most).map((f) => ({ kind: f.kind, cue: f.cue, evidence: quote(f.evidence) })),
    ...(followUps > Math.min(most, c.followUps.length) && { followUpCount: followUps }),
    sources: c.sources.slice(0, most).map((s) => quote(s)),
    ...(sources > Math.min(most, c.sources.length) && { sourceCount: sources }),
  };
}

function describeEvent(e: RecordEvent, quote: Quoter, names: (id: string) => string | undefined, most = Infinity) {
  const sources = e.sourceCount ?? e.sources.length;
  return {
    id: e.id,
    type: e.type,
    ...(e.mode && { mode: e.mode }),
    ...(e.date && { date: e.date }),
    modality: e.modality,
    actors: e.actors.map((id) => ({ id, name: names(id) })),
    recipients: e.recipients.map((id) => ({ id, name: names(id) })),
    sources: e.sources.slice(0, most).map((s) => ({ ...quote(s), trigger: quote({ ...s, start: s.trigger.start, end: s.trigger.end }).text })),
    ...(sources > Math.min(most, e.sources.length) && { sourceCount: sources }),
  };
}

const parse = <T>(rows: unknown[]): T[] => (rows as string[]).map((j) => JSON.parse(j) as T);

/** Events an actor takes part in (either role), by date, read in index order: at most `n`, each once. */
function eventsOf(db: Db, actor: string, from: string, to: string, n: number, order: 'ASC' | 'DESC'): RecordEvent[] {
  const rows = preparedOnce(db, `SELECT ea.event_id, e.json FROM record_event_actors ea JOIN record_events e ON e.id = ea.event_id
    WHERE ea.actor_id = ? AND ea.date BETWEEN ? AND ? ORDER BY ea.date ${order} LIMIT ?`).all(actor, from, to, 2 * n) as { event_id: string; json: string }[];
  const seen = new Set<string>();
  const out: RecordEvent[] = [];
  for (const r of rows) {
    if (seen.has(r.event_id)) continue;
    seen.add(r.event_id);
    out.push(JSON.parse(r.json) as RecordEvent);
    if (out.length >= n) break;
  }
  return out;
}

/**
 * Everything the record knows about one actor, each item with its evidence; every list is one page (the same
 * limit and offset for each): how it was resolved (per-article members, oldest first), offices, memberships,
 * relations, quotes, events and commitments (newest first).
 */
export function actorProfile(db: Db, actor: ActorSummary, quote: Quoter, page: Page & EvidenceBound = {}) {
  const { limit, offset } = paging(page);
  const most = page.evidence ?? Infinity;
  const names = namer(db);
  const id = actor.id;
  const resolution = (preparedOnce(db, `SELECT m.article_id AS article, m.local_id AS local, x.name, m.via, m.score, m.reasons FROM record_actor_members m
    JOIN actors x ON x.article_id = m.article_id AND x.id = m.local_id
    WHERE m.actor_id = ? ORDER BY m.rowid LIMIT ? OFFSET ?`).all(id, limit, offset) as { article: string; local: string; name: string; via: string; score: number; reasons: string }[])
    .map((m) => ({ ...m, reasons: JSON.parse(m.reasons) as string[] }));
  const offices = parse<Office>(preparedOnce(db, 'SELECT json FROM record_offices WHERE person_id = ? ORDER BY from_date IS NULL, from_date, id LIMIT ? OFFSET ?').pluck().all(id, limit, offset))
    .map((o) => ({ ...quoteInterval(o, quote), orgName: names(o.org) }));
  const memberships = parse<PartyMembership>(preparedOnce(db, `SELECT json FROM record_memberships WHERE person_id = @a UNION ALL SELECT json FROM record_memberships WHERE org_id = @a AND person_id != @a
    LIMIT @b OFFSET @c`).pluck().all({ a: id, b: limit, c: offset })).map((m) => ({ ...quoteInterval(m, quote), personName: names(m.person), orgName: names(m.org) }));
  const relations = parse<RelationState>(preparedOnce(db, `SELECT json FROM record_relations WHERE a_id = @a UNION ALL SELECT json FROM record_relations WHERE b_id = @a AND a_id != @a
    LIMIT @b OFFSET @c`).pluck().all({ a: id, b: limit, c: offset })).map((r) => ({ ...quoteInterval(r, quote), aName: names(r.a), bName: names(r.b) }));
  const quotes = (preparedOnce(db, 'SELECT json FROM record_statements WHERE speaker_id = ? ORDER BY published DESC NULLS LAST LIMIT ? OFFSET ?').pluck().all(id, limit, offset) as string[])
    .map((j) => JSON.parse(j) as { kind: 'direct' | 'indirect'; article: string; content: Evidence })
    .map((s) => ({ kind: s.kind, article: s.article, content: quote(s.content) }));
  const events = eventsOf(db, id, '0000', '9999', offset + limit, 'DESC').slice(offset, offset + limit).map((e) => describeEvent(e, quote, names, most));
  const commitments = parse<RecordCommitment>(preparedOnce(db, `SELECT json FROM record_commitments WHERE by_id = @a UNION ALL SELECT json FROM record_commitments WHERE to_id = @a AND by_id != @a
    LIMIT @b OFFSET @c`).pluck().all({ a: id, b: limit, c: offset })).map((c) => describeCommitment(db, c, quote, undefined, names, most));
  return {
    actor: { id: actor.id, type: actor.type, name: actor.name, aliases: actor.aliases, articles: actor.articles, ...(actor.firstSeen && { firstSeen: actor.firstSeen }), ...(actor.lastSeen && { lastSeen: actor.lastSeen }) },
    resolution, offices, memberships, relations, quotes, events, commitments,
  };
}

export interface TimelineEntry {
  date: string;
  kind: 'event' | 'office-start' | 'office-end' | 'relation-start' | 'relation-end' | 'commitment-made' | 'commitment-kept' | 'commitment-broken';
  summary: string;
  evidence: QuotedEvidence;
}

/**
 * Dated happenings in date order: events (not future or hypothetical ones), offices and relations opening and
 * closing, commitments made and resolved; about one actor when given, between `from` and `to` (inclusive). Each
 * source is read in date order up to offset + limit rows, so a page costs the same however large the record.
 */
export function timeline(db: Db, quote: Quoter, opts: { actor?: ActorSummary; from?: string; to?: string } & Page = {}): TimelineEntry[] {
  const { limit, offset } = paging(opts);
  const n = offset + limit;
  const from = opts.from ?? '0000';
  const to = opts.to ?? '9999';
  const names = namer(db);
  const name = (id: string | undefined): string => names(id) ?? '?';
  const id = opts.actor?.id;
  const out: TimelineEntry[] = [];
  const events = id ? eventsOf(db, id, from, to, n, 'ASC')
    : parse<RecordEvent>(preparedOnce(db, 'SELECT json FROM record_events WHERE date BETWEEN ? AND ? ORDER BY date LIMIT ?').pluck().all(from, to, n));
  for (const e of events) {
    if (!e.date || e.modality === 'future' || e.modality === 'hypothetical') continue;
    const reports = e.sourceCount ?? e.sources.length;
    const sources = reports > 1 ? ` (${reports} reports)` : '';
    out.push({ date: e.date, kind: 'event', summary: `${e.type}${e.mode ? `/${e.mode}` : ''}: ${e.actors.map(name).join(', ')}${e.recipients.length ? ` → ${e.recipients.map(name).join(', ')}` : ''}${e.modality !== 'asserted' ? ` [${e.modality}]` : ''}${sources}`, evidence: quote(e.sources[0]!) });
  }
  const args = id ? { a: from, b: to, c: n, d: id } : { a: from, b: to, c: n };
  /** Rows of `table` with `col` in the range, for the actor in any of `who` (each an indexed column), by `col`. */
  const dated = (table: string, col: string, who: string[]): string[] => {
    if (!id) return preparedOnce(db, `SELECT json FROM ${table} WHERE ${col} BETWEEN @a AND @b ORDER BY ${col} LIMIT @c`).pluck().all(args) as string[];
    return who.flatMap((w, i) => preparedOnce(db, `SELECT json FROM ${table} WHERE ${w} = @d ${who.slice(0, i).map((x) => `AND ${x} != @d`).join(' ')} AND ${col} BETWEEN @a AND @b ORDER BY ${col} LIMIT @c`).pluck().all(args) as string[]);
  };
  for (const o of parse<Office>(dated('record_offices', 'from_date', ['person_id', 'org_id']))) {
    if (o.from && o.opened) out.push({ date: o.from, kind: 'office-start', summary: `${name(o.person)} ${o.fromExact ? 'takes office as' : 'reported as'} ${o.title}`, evidence: quote(o.opened) });
  }
  for (const o of parse<Office>(dated('record_offices', 'to_date', ['person_id', 'org_id']))) {
    if (o.to && o.closed) out.push({ date: o.to, kind: 'office-end', summary: `${name(o.person)} leaves office as ${o.title}`, evidence: quote(o.closed) });
  }
  for (const r of parse<RelationState>(dated('record_relations', 'from_date', ['a_id', 'b_id']))) {
    if (r.from && r.opened) out.push({ date: r.from, kind: 'relation-start', summary: `${r.kind}: ${name(r.a)} – ${name(r.b)}`, evidence: quote(r.opened) });
  }
  for (const r of parse<RelationState>(dated('record_relations', 'to_date', ['a_id', 'b_id']))) {
    if (r.to && r.closed) out.push({ date: r.to, kind: 'relation-end', summary: `no longer ${r.kind}: ${name(r.a)} – ${name(r.b)}`, evidence: quote(r.closed) });
  }
  const made = parse<RecordCommitment>(dated('record_commitments', 'made', ['by_id', 'to_id']));
  const resolved = parse<RecordCommitment>(dated('record_commitments', 'resolved_on', ['by_id', 'to_id']));
  for (const c of made) {
    if (c.made) out.push({ date: c.made, kind: 'commitment-made', summary: `${name(c.by)} commits: ${quote(c.what).text}${c.due ? ` (due ${c.due.end})` : ''}`, evidence: quote(c.sources[0]!) });
  }
  for (const c of resolved) {
    for (const f of c.followUps) {
      if (!isDecisive(f) || !f.evidence.published || f.evidence.published < from || f.evidence.published > to) continue;
      out.push({ date: f.evidence.published, kind: f.kind === 'kept' ? 'commitment-kept' : 'commitment-broken', summary: `${name(c.by)} ${f.kind === 'kept' ? 'kept' : 'broke'}: ${quote(c.what).text}`, evidence: quote(f.evidence) });
    }
  }
  return out.sort((a, b) => a.date.localeCompare(b.date) || a.kind.localeCompare(b.kind)).slice(offset, offset + limit);
}

/** Statements (newest first) by a speaker, optionally only those that mention `about` (an actor's names, or a word). */
export function quotesBy(db: Db, quote: Quoter, opts: { speaker?: ActorSummary; about?: string; aboutActor?: ActorSummary } & Page = {}) {
  const { limit, offset } = paging(opts);
  const names = namer(db);
  const aboutNames = (opts.aboutActor ? [opts.aboutActor.name, ...opts.aboutActor.aliases] : opts.about ? [opts.about] : []).map((n) => n.toLowerCase());
  const mentions = (text: string): boolean => aboutNames.length === 0 || aboutNames.some((n) => text.toLowerCase().includes(n));
  const out = [];
  // Filtering by `about` happens on the quoted text, so rows are read in pages until this page is full.
  const stmt = opts.speaker
    ? preparedOnce(db, 'SELECT json FROM record_statements WHERE speaker_id = ? ORDER BY published DESC NULLS LAST, article_id, statement_id LIMIT ? OFFSET ?').pluck()
    : preparedOnce(db, 'SELECT json FROM record_statements ORDER BY published DESC NULLS LAST, article_id, statement_id LIMIT ? OFFSET ?').pluck();
  let skipped = 0;
  const chunk = aboutNames.length ? 500 : limit;
  for (let at = aboutNames.length ? 0 : offset; out.length < limit; at += chunk) {
    const rows = (opts.speaker ? stmt.all(opts.speaker.id, chunk, at) : stmt.all(chunk, at)) as string[];
    for (const j of rows) {
      const s = JSON.parse(j) as { article: string; statement: string; kind: 'direct' | 'indirect'; speaker?: string; content: Evidence; evidence: Evidence };
      const content = quote(s.content);
      if (!mentions(content.text)) continue;
      if (aboutNames.length && skipped < offset) { skipped++; continue; }
      out.push({ article: s.article, statement: s.statement, kind: s.kind, speaker: s.speaker, speakerName: names(s.speaker), content, evidence: quote(s.evidence) });
      if (out.length >= limit) break;
    }
    if (rows.length < chunk) break;
  }
  return out;
}

/** Commitments (by made date), optionally by or to one actor, with a status filter, as known on `asOf` (default: the newest article). */
export function listCommitments(db: Db, quote: Quoter, opts: { status?: CommitmentStatus; asOf?: string; actor?: ActorSummary } & Page & EvidenceBound = {}) {
  const { limit, offset } = paging(opts);
  const names = namer(db);
  const day = opts.asOf ?? recordNewest(db) ?? '9999-12-31';
  // Newest first, read in the order of the made index; undated commitments only when no day is asked about.
  const where: string[] = [opts.asOf ? 'made <= @day' : '1 = 1'];
  if (opts.actor) where.push('(by_id = @actor OR to_id = @actor)');
  // The stored status is the decisive follow-up's; overdue and open depend on the day asked about.
  if (opts.status === 'kept' || opts.status === 'broken') where.push('status = @status AND resolved_on <= @day');
  else if (opts.status === 'overdue') where.push("(status = 'open' OR (status IN ('kept', 'broken') AND resolved_on > @day)) AND due_end < @day");
  // Open ones are most commitments: read along the made index and stop at the page (status || '' keeps SQLite
  // from choosing the status index, which reads every open one and sorts them all by made).
  else if (opts.status === 'open' || opts.status === 'in_progress') where.push("((status || '') = 'open' OR (status IN ('kept', 'broken') AND resolved_on > @day)) AND (due_end IS NULL OR due_end >= @day)");
  else if (opts.status === 'disputed') where.push("status = 'disputed'");
  const rows = preparedOnce(db, `SELECT json FROM record_commitments WHERE ${where.join(' AND ')} ORDER BY made DESC NULLS LAST LIMIT @limit OFFSET @offset`).pluck()
    .all({ day, limit, offset, ...(opts.actor && { actor: opts.actor.id }), ...(opts.status && { status: opts.status }) });
  return parse<RecordCommitment>(rows).map((c) => describeCommitment(db, c, quote, day, names, opts.evidence)).filter((c) => !opts.status || c.status === opts.status);
}

/** Who held what, who belonged where, which relations held on `day` (YYYY-MM-DD), and the commitments made by then (each list one page). */
export function stateAsOf(db: Db, quote: Quoter, day: string, page: Page & EvidenceBound = {}) {
  const { limit, offset } = paging(page);
  const names = namer(db);
  // Holding on the day: started by then (newest first, read backwards along the from_date index until the page is
  // full) and not ended; then those known only to have ended after it.
  const holding = (table: string): string[] => {
    const n = offset + limit;
    const started = preparedOnce(db, `SELECT json FROM ${table} WHERE from_date <= @a AND (to_date IS NULL OR to_date > @a) ORDER BY from_date DESC LIMIT @n`).pluck().all({ a: day, n }) as string[];
    const ending = started.length >= n ? [] : preparedOnce(db, `SELECT json FROM ${table} WHERE to_date > @a AND from_date IS NULL ORDER BY to_date LIMIT @n`).pluck().all({ a: day, n: n - started.length }) as string[];
    return [...started, ...ending].slice(offset, offset + limit);
  };
  const offices = parse<Office>(holding('record_offices'))
    .map((o) => ({ ...quoteInterval(o, quote), personName: names(o.person), orgName: names(o.org) }));
  return {
    asOf: day,
    offices,
    memberships: parse<PartyMembership>(holding('record_memberships'))
      .map((m) => ({ ...quoteInterval(m, quote), personName: names(m.person), orgName: names(m.org) })),
    relations: parse<RelationState>(holding('record_relations'))
      .map((r) => ({ ...quoteInterval(r, quote), aName: names(r.a), bName: names(r.b) })),
    commitments: listCommitments(db, quote, { asOf: day, limit, offset, ...(page.evidence !== undefined && { evidence: page.evidence }) }),
  };
}

/** Search hits with the evidence behind each: the quoted statement and its speaker, or the article's title. */
export function explainHits(db: Db, quote: Quoter, hits: SearchHit[]) {
  const names = namer(db);
  const stmt = preparedOnce(db, 'SELECT json FROM record_statements WHERE article_id = ? AND statement_id = ?').pluck();
  return hits.map((h) => {
    const json = h.statement ? stmt.get(h.article, h.statement) as string | undefined : undefined;
    const statement = json ? JSON.parse(json) as { speaker?: string; content: Evidence } : undefined;
    return {
      ...h,
      ...(statement && { speaker: statement.speaker, speakerName: names(statement.speaker), evidence: quote(statement.content) }),
    };
  });
}
