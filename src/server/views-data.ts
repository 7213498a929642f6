/**
 * The data behind the web page's views (article, actor, graph, commitment board, events over time, search),
 * read from the record tables with bounded, indexed queries: no view loads the whole record or the corpus.
 * Every read the views make goes through this one module, so following a change of the record's storage
 * means changing this file only.
 */
import type { Db, Statement } from '../store/sql/db.js';
import { stemmer } from 'stemmer';
import type { Span } from '../document/span.js';
import type { CommitmentStatus, Modality } from '../document/layers.js';
import { commitmentAsOf, findActors, listCommitments, recordNewest, searchTermsSql, type ActorSummary } from '../record/index.js';
import type { Store } from '../store/store.js';
import type { Evidence, Office, PartyMembership, QuotedEvidence, RecordCommitment, RecordEvent, RecordStatement, RelationState } from '../record/types.js';

/** A window on a list: at most `limit` items from `offset`. */
export interface Page {
  limit: number;
  offset: number;
}

/** One page of a list and how many items the whole list has. */
export interface Paged<T> extends Page {
  total: number;
  items: T[];
}

export interface ActorRef {
  id: string;
  name: string;
  type?: string;
}

/** A highlighted span of an article's text, as the article view draws it. */
export interface TextMark extends Span {
  kind: 'mention' | 'quote' | 'trigger' | 'time';
  /** The box's label: the actor type, the PLOVER type, the time value, or "quote". */
  label: string;
  actor?: ActorRef;
  /** Longer explanation shown on hover. */
  title?: string;
}

/** How an event's modality reads before its type: a negated REJECT is "not REJECT", never a bare REJECT. */
export function modalityLabel(m: Modality): string {
  switch (m) {
    case 'asserted': return '';
    case 'reported': return 'reported';
    case 'negated': return 'not';
    case 'denied': return 'denied';
    case 'future': return 'will';
    case 'conditional': return 'if';
    case 'hypothetical': return 'might';
  }
}

/** An event's one-line label: "not REJECT", "will AGREE", "CONSULT/meet". */
export function eventLabel(type: string, mode: string | undefined, modality: Modality): string {
  const word = modalityLabel(modality);
  return `${word && word !== 'reported' ? `${word} ` : ''}${type}${mode ? `/${mode}` : ''}`;
}

interface EventRow {
  id: string;
  type: string;
  date: string | null;
  json: string;
}

/**
 * An FTS5 query for what a person typed: each word stemmed (Porter) and matched as a prefix, so "resign",
 * "resigns" and "resigned" all find "resigned" and "resignation"; quotes are dropped so user punctuation cannot
 * break the FTS syntax. Returns undefined when no word is left.
 */
export function ftsQuery(text: string): string | undefined {
  const terms = ftsTerms(text).map((t) => `"${t}"*`);
  return terms.length ? terms.join(' ') : undefined;
}

/** The stemmed terms of ftsQuery (at most 12), each to match as a prefix. */
export function ftsTerms(text: string): string[] {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.slice(0, 12).map((w) => (/^\p{N}+$/u.test(w) ? w : stemmer(w)));
}

/** Happened events of one PLOVER type in one week (the Monday that starts it; null for a date naming no day). */
export interface WeeklyRow {
  week: string | null;
  type: string;
  n: number;
}

/**
 * Weekly rows as the events chart draws them: the weeks that have events (ascending), the types (sorted), and
 * counts[t][w], how many events of types[t] happened in weeks[w]; `withoutWeek` counts the events dated only to
 * a month or a year, which fall in no week.
 */
export function weeklyColumns(rows: WeeklyRow[]): { weeks: string[]; types: string[]; counts: number[][]; withoutWeek: number } {
  const weeks = [...new Set(rows.flatMap((r) => (r.week === null ? [] : [r.week])))].sort();
  const types = [...new Set(rows.map((r) => r.type))].sort();
  const w = new Map(weeks.map((x, i) => [x, i]));
  const t = new Map(types.map((x, i) => [x, i]));
  const counts = types.map(() => weeks.map(() => 0));
  let withoutWeek = 0;
  for (const r of rows) {
    if (r.week === null) withoutWeek += r.n;
    else counts[t.get(r.type)!]![w.get(r.week)!]! += r.n;
  }
  // A type seen only without a week has a row of zeros: dropped, so every type listed has events in the chart.
  const kept = types.map((_, i) => counts[i]!.some((n) => n > 0));
  return { weeks, types: types.filter((_, i) => kept[i]), counts: counts.filter((_, i) => kept[i]), withoutWeek };
}

/** Most follow-ups a commitment card quotes (the earliest; the card's status evidence is the decisive one). */
const CARD_FOLLOW_UPS = 3;

/** Statements prepared once per connection: the views run the same few queries on every request. */
const PREPARED = new WeakMap<Db, Map<string, Statement>>();

export class ViewsData {
  private readonly texts = new Map<string, string>();

  constructor(
    private readonly db: Db,
    private readonly store: Pick<Store, 'getDocument'>,
    /** A quoter that outlives the request (the server's, keeping recent article texts); else texts are read per request. */
    private readonly shared?: (e: Evidence) => QuotedEvidence,
  ) {}

  private prepared(sql: string): Statement {
    let byText = PREPARED.get(this.db);
    if (!byText) PREPARED.set(this.db, (byText = new Map()));
    let statement = byText.get(sql);
    if (!statement) byText.set(sql, (statement = this.db.prepare(sql)));
    return statement;
  }

  private all<T>(sql: string, ...params: unknown[]): T[] {
    return this.prepared(sql).all(...params) as T[];
  }

  private get<T>(sql: string, ...params: unknown[]): T | undefined {
    return this.prepared(sql).get(...params) as T | undefined;
  }

  /** The text evidence points at; article texts are cached for the life of one request's ViewsData. */
  quote(e: Evidence): QuotedEvidence {
    if (this.shared) return this.shared(e);
    let text = this.texts.get(e.article);
    if (text === undefined) {
      text = this.get<{ text: string }>('SELECT text FROM articles WHERE id = ?', e.article)?.text ?? '';
      this.texts.set(e.article, text);
    }
    return { ...e, text: text.slice(e.start, e.end) };
  }

  private names(ids: Iterable<string>): Map<string, ActorRef> {
    const unique = [...new Set(ids)].slice(0, 500);
    if (unique.length === 0) return new Map();
    const rows = this.all<ActorRef>(`SELECT id, name, type FROM record_actors WHERE ${this.db.sql.inJsonArray('id', '?')}`, JSON.stringify(unique));
    return new Map(rows.map((r) => [r.id, r]));
  }

  private ref(names: Map<string, ActorRef>, id: string | undefined): ActorRef | undefined {
    if (id === undefined) return undefined;
    return names.get(id) ?? { id, name: id };
  }

  /** The actor an id, a name, an alias or a spelling variant names (the record's findActors, best match). */
  findActor(query: string): ActorSummary | undefined {
    return findActors(this.db, query, { limit: 1 })[0];
  }

  /** Actors whose name or an alias starts with `prefix` (for the actor pickers), most reported first. */
  suggestActors(prefix: string, limit: number): ActorRef[] {
    const like = `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    return this.all<ActorRef>(`SELECT a.id, a.name, a.type FROM record_actors a
      WHERE lower(a.name) LIKE lower(?) ESCAPE '\\' OR EXISTS (SELECT 1 FROM ${this.db.sql.jsonArray('a.aliases')} WHERE lower(value) LIKE lower(?) ESCAPE '\\')
      ORDER BY a.articles DESC, a.name LIMIT ?`, like, like, limit);
  }

  /** Stored articles, newest first. */
  articles(page: Page): Paged<{ id: string; title?: string; published?: string; place?: string }> {
    const total = this.get<{ n: number }>('SELECT count(*) AS n FROM articles')!.n;
    const rows = this.all<{ id: string; title: string | null; published: string | null; place: string | null }>(
      'SELECT id, title, published, dateline_place AS place FROM articles ORDER BY published DESC NULLS LAST, id LIMIT ? OFFSET ?', page.limit, page.offset);
    return { total, ...page, items: rows.map((r) => ({ id: r.id, ...(r.title !== null && { title: r.title }), ...(r.published !== null && { published: r.published }), ...(r.place !== null && { place: r.place }) })) };
  }

  /**
   * One article for the article view: its text, the spans to highlight (mentions, quotes, event triggers,
   * times) with the record actor each mention resolved to, and the facts extracted from it, each with its
   * evidence sentence.
   */
  article(id: string) {
    const doc = this.store.getDocument(id);
    if (!doc) return undefined;
    const locals = new Map(this.all<{ local_id: string; actor_id: string }>('SELECT local_id, actor_id FROM record_actor_members WHERE article_id = ?', doc.meta.id)
      .map((r) => [r.local_id, r.actor_id]));
    const names = this.names(locals.values());
    const actor = (local: string | undefined): ActorRef | undefined => {
      if (local === undefined) return undefined;
      const global = locals.get(local);
      if (global) return this.ref(names, global);
      const own = doc.actors.find((a) => a.id === local);
      return own && { id: '', name: own.name, type: own.type };
    };
    const actors = (locals: string[]): ActorRef[] => locals.map(actor).filter((a): a is ActorRef => a !== undefined);
    const text = (s: Span): string => doc.text.slice(s.start, s.end);
    const sentence = (s: Span): QuotedEvidence => {
      const hit = doc.sentences.find((x) => x.span.start <= s.start && s.start < x.span.end);
      const span = hit?.span ?? s;
      return { article: doc.meta.id, ...(doc.meta.published && { published: doc.meta.published }), start: span.start, end: span.end, text: text(span) };
    };
    const marks: TextMark[] = [];
    for (const m of doc.mentions) {
      const a = actor(m.actor);
      marks.push({ start: m.span.start, end: m.span.end, kind: 'mention', label: m.type, ...(a && { actor: a }), ...(a && { title: `${a.name}${m.type === 'PRONOUN' ? ' (pronoun)' : ''}` }) });
    }
    for (const s of doc.statements) {
      const a = actor(s.speaker);
      marks.push({ start: s.content.start, end: s.content.end, kind: 'quote', label: s.kind === 'direct' ? 'QUOTE' : 'SAID', ...(a && { actor: a, title: `${s.kind} quote by ${a.name}` }) });
    }
    for (const e of doc.events) {
      marks.push({ start: e.trigger.start, end: e.trigger.end, kind: 'trigger', label: eventLabel(e.type, e.mode, e.modality), title: `PLOVER ${e.type}${e.mode ? `/${e.mode}` : ''}, ${e.modality}` });
    }
    for (const t of doc.times) marks.push({ start: t.span.start, end: t.span.end, kind: 'time', label: t.value.value, title: `${t.value.kind}, ${t.value.granularity}` });
    marks.sort((a, b) => a.start - b.start || b.end - a.end);
    return {
      id: doc.meta.id,
      title: doc.meta.title,
      published: doc.meta.published,
      url: doc.meta.url,
      place: doc.meta.dateline?.place,
      text: doc.text,
      marks,
      actors: [...new Map(doc.actors.map((a) => actor(a.id)).filter((a): a is ActorRef => !!a && a.id !== '').map((a) => [a.id, a])).values()],
      statements: doc.statements.map((s) => ({ id: s.id, kind: s.kind, ...(s.speaker && { speaker: actor(s.speaker) }), text: text(s.content), span: s.content, evidence: sentence(s.evidence) })),
      events: doc.events.map((e) => ({
        id: e.id, type: e.type, ...(e.mode && { mode: e.mode }), modality: e.modality, label: eventLabel(e.type, e.mode, e.modality),
        ...(e.date && { date: e.date.value }), actors: actors(e.actor), recipients: actors(e.recipient), trigger: text(e.trigger), span: e.trigger, evidence: sentence(e.evidence),
      })),
      commitments: doc.commitments.map((c) => ({
        id: c.id, kind: c.kind, status: c.status, by: actor(c.by), ...(c.to && { to: actor(c.to) }), what: text(c.what), span: c.what,
        ...(c.due && { due: c.due.value }), evidence: sentence(c.evidence),
      })),
      roles: doc.roles.map((r) => ({ id: r.id, person: actor(r.person), title: r.title, ...(r.org && { org: actor(r.org) }), evidence: sentence(r.evidence) })),
      relations: doc.relations.map((r) => ({ id: r.id, kind: r.kind, polarity: r.polarity, a: actor(r.a), b: actor(r.b), evidence: sentence(r.evidence) })),
    };
  }

  /** The head of an actor's page: who it is, how it was resolved, its offices and memberships (for the timeline chart), relations and commitments. */
  actorOverview(actor: ActorSummary, maxItems: number, maxResolution = maxItems) {
    const offices = this.all<{ json: string }>('SELECT json FROM record_offices WHERE person_id = ? ORDER BY from_date NULLS FIRST LIMIT ?', actor.id, maxItems)
      .map((r) => JSON.parse(r.json) as Office);
    const memberships = this.all<{ json: string }>('SELECT json FROM record_memberships WHERE person_id = ? OR org_id = ? ORDER BY from_date NULLS FIRST LIMIT ?', actor.id, actor.id, maxItems)
      .map((r) => JSON.parse(r.json) as PartyMembership);
    const relations = this.all<{ json: string }>('SELECT json FROM record_relations WHERE a_id = ? OR b_id = ? ORDER BY from_date NULLS FIRST LIMIT ?', actor.id, actor.id, maxItems)
      .map((r) => JSON.parse(r.json) as RelationState);
    const newest = recordNewest(this.db);
    const commitments = this.all<{ json: string }>(`SELECT json FROM record_commitments WHERE by_id = @a
        UNION ALL SELECT json FROM record_commitments WHERE to_id = @a AND by_id != @a LIMIT @max`, { a: actor.id, max: maxItems })
      .map((r) => commitmentAsOf(JSON.parse(r.json) as RecordCommitment, newest));
    const resolution = this.all<{ article: string; name: string; via: 'first' | 'auto' | 'manual'; score: number; reasons: string }>(`SELECT m.article_id AS article, x.name, m.via, m.score, m.reasons
      FROM record_actor_members m JOIN actors x ON x.article_id = m.article_id AND x.id = m.local_id LEFT JOIN record_articles r ON r.article_id = m.article_id
      WHERE m.actor_id = ? ORDER BY r.published NULLS FIRST, m.article_id LIMIT ?`, actor.id, maxResolution);
    const names = this.names([
      ...offices.flatMap((o) => (o.org ? [o.org] : [])), ...memberships.flatMap((m) => [m.person, m.org]), ...relations.flatMap((r) => [r.a, r.b]),
      ...commitments.flatMap((c) => [c.by, ...(c.to ? [c.to] : [])]),
    ]);
    const interval = (x: { from?: string; to?: string; fromExact: boolean; opened?: Evidence; closed?: Evidence; reports: Evidence[] }) => ({
      ...(x.from && { from: x.from }), ...(x.to && { to: x.to }), fromExact: x.fromExact,
      ...(x.opened && { opened: this.quote(x.opened) }), ...(x.closed && { closed: this.quote(x.closed) }), reports: x.reports.length,
    });
    return {
      actor: { id: actor.id, type: actor.type, name: actor.name, aliases: actor.aliases },
      /** The newest article's date: where a state that still holds is drawn up to. */
      ...(newest && { newest }),
      articles: actor.articles,
      resolution: resolution.map((m) => ({ ...m, reasons: JSON.parse(m.reasons) as string[] })),
      offices: offices.map((o) => ({ id: o.id, title: o.title, ...(o.org && { org: this.ref(names, o.org) }), ...interval(o) })),
      memberships: memberships.map((m) => ({ id: m.id, person: this.ref(names, m.person)!, org: this.ref(names, m.org)!, ...interval(m) })),
      relations: relations.map((r) => ({ id: r.id, kind: r.kind, a: this.ref(names, r.a)!, b: this.ref(names, r.b)!, ...interval(r) })),
      commitments: commitments.map((c) => this.commitmentCard(c, names)),
    };
  }

  /** An actor's quotes, newest first, each once: the same words reported by several articles are one quote with several sources. */
  actorQuotes(actorId: string, page: Page): Paged<{ date?: string; kind: string; text: string; sources: QuotedEvidence[] }> {
    // Bounded: an actor's statements are read through the speaker index, at most 5,000 of them.
    const rows = this.all<{ json: string; published: string | null }>(`SELECT json, published FROM record_statements
      WHERE speaker_id = ? ORDER BY published DESC NULLS LAST, article_id, statement_id LIMIT 5000`, actorId);
    const byText = new Map<string, { date?: string; kind: string; text: string; sources: QuotedEvidence[] }>();
    for (const r of rows) {
      const s = JSON.parse(r.json) as RecordStatement;
      const content = this.quote(s.content);
      const key = content.text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
      const seen = byText.get(key);
      if (seen) seen.sources.push(content);
      else byText.set(key, { ...(r.published !== null && { date: r.published }), kind: s.kind, text: content.text, sources: [content] });
    }
    const all = [...byText.values()];
    return { total: all.length, ...page, items: all.slice(page.offset, page.offset + page.limit) };
  }

  private eventItem(e: RecordEvent, names: Map<string, ActorRef>) {
    return {
      id: e.id, type: e.type, ...(e.mode && { mode: e.mode }), ...(e.date && { date: e.date }), modality: e.modality,
      label: eventLabel(e.type, e.mode, e.modality),
      actors: e.actors.map((a) => this.ref(names, a)!), recipients: e.recipients.map((a) => this.ref(names, a)!),
      sources: e.sources.slice(0, 20).map((s) => ({ ...this.quote(s), trigger: this.quote({ ...s, start: s.trigger.start, end: s.trigger.end }).text })),
      reports: e.sourceCount ?? e.sources.length,
    };
  }

  /** Events an actor took part in (as actor or recipient), newest first. */
  actorEvents(actorId: string, page: Page) {
    const total = this.get<{ n: number }>('SELECT count(DISTINCT event_id) AS n FROM record_event_actors WHERE actor_id = ?', actorId)!.n;
    const rows = this.all<EventRow>(`SELECT id, type, date, json FROM record_events WHERE id IN (SELECT event_id FROM record_event_actors WHERE actor_id = @actor)
      ORDER BY date DESC NULLS LAST, id LIMIT @limit OFFSET @offset`, { actor: actorId, ...page });
    const events = rows.map((r) => JSON.parse(r.json) as RecordEvent);
    const names = this.names(events.flatMap((e) => [...e.actors, ...e.recipients]));
    return { total, ...page, items: events.map((e) => this.eventItem(e, names)) };
  }

  /** Articles an actor appears in, newest first, with the name it had there. */
  actorArticles(actorId: string, page: Page): Paged<{ id: string; title?: string; published?: string; names: string[] }> {
    const total = this.get<{ n: number }>('SELECT count(DISTINCT article_id) AS n FROM record_actor_members WHERE actor_id = ?', actorId)!.n;
    const rows = this.all<{ id: string; title: string | null; published: string | null }>(`SELECT a.id, a.title, a.published FROM articles a
      WHERE a.id IN (SELECT article_id FROM record_actor_members WHERE actor_id = ?) ORDER BY a.published DESC NULLS LAST, a.id LIMIT ? OFFSET ?`, actorId, page.limit, page.offset);
    const byArticle = new Map<string, string[]>();
    for (const m of this.all<{ article: string; name: string }>(`SELECT m.article_id AS article, x.name FROM record_actor_members m
        JOIN actors x ON x.article_id = m.article_id AND x.id = m.local_id WHERE m.actor_id = ? AND ${this.db.sql.inJsonArray('m.article_id', '?')}`, actorId, JSON.stringify(rows.map((r) => r.id)))) {
      byArticle.set(m.article, [...(byArticle.get(m.article) ?? []), m.name]);
    }
    return {
      total, ...page,
      items: rows.map((r) => ({ id: r.id, ...(r.title !== null && { title: r.title }), ...(r.published !== null && { published: r.published }), names: [...new Set(byArticle.get(r.id) ?? [])] })),
    };
  }

  private commitmentCard(c: RecordCommitment, names: Map<string, ActorRef>) {
    return {
      id: c.id, kind: c.kind, status: c.status, by: this.ref(names, c.by)!, ...(c.to && { to: this.ref(names, c.to) }),
      what: this.quote(c.what), ...(c.due && { due: c.due }), ...(c.made && { made: c.made }),
      ...(c.statusEvidence && { statusEvidence: this.quote(c.statusEvidence) }),
      followUps: c.followUps.slice(0, CARD_FOLLOW_UPS).map((f) => ({ kind: f.kind, cue: f.cue, evidence: this.quote(f.evidence) })),
      reports: c.sourceCount ?? c.sources.length,
    };
  }

  /**
   * One column of the commitment board: the commitments with a status as of the newest article (the record's
   * listCommitments, oldest made first), and how many there are. The count uses the same conditions as
   * listCommitments' query (the stored status is the decisive follow-up's; open and overdue depend on the day).
   */
  commitmentsWithStatus(status: CommitmentStatus, page: Page) {
    const day = recordNewest(this.db) ?? '9999-12-31';
    const where: Record<CommitmentStatus, string> = {
      kept: "status = 'kept' AND resolved_on <= @day",
      broken: "status = 'broken' AND resolved_on <= @day",
      overdue: "(status = 'open' OR (status IN ('kept', 'broken') AND resolved_on > @day)) AND due_end < @day",
      open: "(status = 'open' OR (status IN ('kept', 'broken') AND resolved_on > @day)) AND (due_end IS NULL OR due_end >= @day)",
      disputed: "status = 'disputed'",
      // Counted like open (in_progress is open with a report that the act is under way); the list filters exactly.
      in_progress: "(status = 'open' OR (status IN ('kept', 'broken') AND resolved_on > @day)) AND (due_end IS NULL OR due_end >= @day)",
    };
    const total = this.get<{ n: number }>(`SELECT count(*) AS n FROM record_commitments WHERE (made IS NULL OR made <= @day) AND ${where[status]}`, { day })!.n;
    const quote = (e: Evidence) => this.quote(e);
    const items = listCommitments(this.db, quote, { status, asOf: day, ...page, evidence: CARD_FOLLOW_UPS }).map((c) => ({
      id: c.id, kind: c.kind, status: c.status, by: { id: c.by, name: c.byName ?? c.by }, ...(c.to !== undefined && { to: { id: c.to, name: c.toName ?? c.to } }),
      what: c.what, ...(c.due && { due: c.due }), ...(c.made && { made: c.made }), ...(c.statusEvidence && { statusEvidence: c.statusEvidence }),
      followUps: c.followUps.slice(0, CARD_FOLLOW_UPS), reports: c.sourceCount ?? c.sources.length,
    }));
    return { total, ...page, items };
  }

  /** The days on which an alliance, coalition, opposition or party membership began or ended: the graph's slider stops. */
  graphDays(limit: number): string[] {
    return this.all<{ d: string }>(`SELECT d FROM (
        SELECT from_date AS d FROM record_relations UNION SELECT to_date FROM record_relations
        UNION SELECT from_date FROM record_memberships UNION SELECT to_date FROM record_memberships) AS days
      WHERE d IS NOT NULL ORDER BY d LIMIT ?`, limit).map((r) => r.d);
  }

  /**
   * The alliance and coalition graph on `day`: the relations (ally, coalition, opposition, negotiating, member)
   * and party memberships that held then, as nodes and edges, read from the tables' columns (no JSON): the
   * evidence that opened an edge is read when it is asked for (edgeEvidence), since the graph is fetched at
   * every slider stop and an edge's evidence is looked at one at a time.
   */
  graph(day: string, maxEdges: number) {
    const held = 'WHERE (from_date IS NULL OR from_date <= @day) AND (to_date IS NULL OR @day < to_date) LIMIT @max';
    type Row = { id: string; kind: string; source: string; target: string; since: string | null };
    const edges = [
      ...this.all<Row>(`SELECT id, kind, a_id AS source, b_id AS target, from_date AS since FROM record_relations ${held}`, { day, max: maxEdges }),
      ...this.all<Row>(`SELECT id, 'party-member' AS kind, person_id AS source, org_id AS target, from_date AS since FROM record_memberships ${held}`, { day, max: maxEdges }),
    ].slice(0, maxEdges);
    const names = this.names(edges.flatMap((e) => [e.source, e.target]));
    const nodes = [...new Set(edges.flatMap((e) => [e.source, e.target]))].map((id) => this.ref(names, id)!);
    return { asOf: day, nodes, edges: edges.map(({ since, ...e }) => ({ ...e, ...(since !== null && { from: since }) })) };
  }

  /** The evidence that opened a graph edge (a relation or a party membership, by id); undefined when there is no such edge. */
  edgeEvidence(id: string): { id: string; evidence?: QuotedEvidence } | undefined {
    const json = this.get<{ json: string }>('SELECT json FROM record_relations WHERE id = ?', id)?.json
      ?? this.get<{ json: string }>('SELECT json FROM record_memberships WHERE id = ?', id)?.json;
    if (json === undefined) return undefined;
    const opened = (JSON.parse(json) as RelationState | PartyMembership).opened;
    return { id, ...(opened && { evidence: this.quote(opened) }) };
  }

  /**
   * Events that happened, counted per week (the Monday that starts it) and PLOVER type, optionally only those
   * an actor took part in, or those at a place (a PLACE actor taking part, or the dateline of a reporting article).
   * Answered as columns (the weeks with events, the types, a count per type and week) rather than one object per
   * week and type: the chart's own shape, a fifth of the bytes.
   */
  eventsPerWeek(opts: { actor?: string; place?: string; from?: string; to?: string }) {
    return weeklyColumns(this.weeklyRows(opts));
  }

  /** eventsPerWeek as rows, one per week and type (week null for a date that names no day). */
  weeklyRows(opts: { actor?: string; place?: string; from?: string; to?: string }): WeeklyRow[] {
    // Unfiltered (the chart as it opens): the counts record_event_weeks keeps (migration 007), '' for no week.
    if (!opts.actor && !opts.place && !opts.from && !opts.to) {
      // Read in primary-key order ('' first, as NULL sorts first below): no sort.
      return this.all<WeeklyRow>('SELECT week, type, n FROM record_event_weeks ORDER BY week, type LIMIT 20000')
        .map((r) => (r.week === '' ? { ...r, week: null } : r));
    }
    // happened: asserted or reported (not promised, denied or negated), and dated.
    const where: string[] = ['e.happened = 1', 'e.date IS NOT NULL'];
    const params: Record<string, string> = {};
    if (opts.from) { where.push('e.date >= @from'); params.from = opts.from; }
    if (opts.to) { where.push('e.date <= @to'); params.to = opts.to; }
    if (opts.actor) {
      where.push('e.id IN (SELECT event_id FROM record_event_actors WHERE actor_id = @actor)');
      params.actor = opts.actor;
    }
    if (opts.place) {
      const sources = this.db.dialect === 'postgres'
        ? "jsonb_array_elements(e.json::jsonb -> 'sources') s JOIN articles a ON a.id = s.value ->> 'article'"
        : "json_each(e.json, '$.sources') s JOIN articles a ON a.id = json_extract(s.value, '$.article')";
      where.push(`(e.id IN (SELECT ea.event_id FROM record_event_actors ea JOIN record_actors p ON p.id = ea.actor_id WHERE p.type = 'PLACE' AND lower(p.name) = lower(@place))
        OR EXISTS (SELECT 1 FROM ${sources} WHERE lower(a.dateline_place) = lower(@place)))`);
      params.place = opts.place;
    }
    // The Monday on or before the day (SQLite's date modifiers; PostgreSQL's ISO week, migration 010), none for a month, a year or a day the calendar does not have.
    const week = this.db.dialect === 'postgres'
      ? "NULLIF(record_event_week(e.date), '')"
      : "date(e.date, '-6 days', 'weekday 1')";
    return this.all<WeeklyRow>(`SELECT ${week} AS week, e.type AS type, count(*) AS n
      FROM record_events e WHERE ${where.join(' AND ')} GROUP BY week, e.type ORDER BY week NULLS FIRST, e.type LIMIT 20000`, params);
  }

  /** The places one can filter the events chart by: PLACE actors and dateline places, most frequent first. */
  places(limit: number): string[] {
    return this.all<{ name: string }>(`SELECT min(name) AS name FROM (
        SELECT name, articles AS n FROM record_actors a WHERE a.type = 'PLACE'
        UNION ALL SELECT dateline_place, count(*) FROM articles WHERE dateline_place IS NOT NULL GROUP BY dateline_place) AS places
      GROUP BY lower(name) ORDER BY sum(n) DESC, min(name) LIMIT ?`, limit).map((r) => r.name);
  }

  /**
   * Full-text search over articles and quotes with stemming and prefixes (see ftsQuery): each hit with the
   * article's title and date, a snippet with the matched words in [brackets], and the speaker for a quote.
   */
  search(text: string, page: Page) {
    const q = searchTermsSql(this.db, ftsTerms(text), 20, true);
    if (!q) return { total: 0, ...page, items: [] };
    // Counting stops at 10,000 so a common word cannot make the count itself slow.
    const total = this.get<{ n: number }>(`SELECT count(*) AS n FROM (SELECT 1 FROM record_search s WHERE ${q.where} LIMIT 10000) AS hits`, q.params)!.n;
    const rows = this.all<{ kind: 'article' | 'statement'; article: string; ref: string | null; snippet: string; rank: number; title: string | null; published: string | null }>(
      `SELECT s.kind, s.article_id AS article, s.ref, ${q.snippet} AS snippet, ${q.rank} AS rank, a.title, a.published
       FROM record_search s JOIN articles a ON a.id = s.article_id WHERE ${q.where} ORDER BY rank, s.rowid LIMIT @limit OFFSET @offset`, { ...q.params, limit: page.limit, offset: page.offset });
    const statements = new Map<string, RecordStatement>();
    for (const r of rows) {
      if (r.kind !== 'statement' || r.ref === null) continue;
      const s = this.get<{ json: string }>('SELECT json FROM record_statements WHERE article_id = ? AND statement_id = ?', r.article, r.ref);
      if (s) statements.set(`${r.article}:${r.ref}`, JSON.parse(s.json) as RecordStatement);
    }
    const names = this.names([...statements.values()].flatMap((s) => (s.speaker ? [s.speaker] : [])));
    return {
      total, ...page,
      items: rows.map((r) => {
        const s = r.ref !== null ? statements.get(`${r.article}:${r.ref}`) : undefined;
        return {
          kind: r.kind, article: r.article, ...(r.kind === 'statement' && r.ref !== null && { statement: r.ref }),
          ...(r.title !== null && { title: r.title }), ...(r.published !== null && { published: r.published }),
          snippet: r.snippet, rank: r.rank,
          ...(s?.speaker && { speaker: this.ref(names, s.speaker) }), ...(s && { evidence: this.quote(s.content) }),
        };
      }),
    };
  }
}

export type ArticleView = NonNullable<ReturnType<ViewsData['article']>>;
export type ArticlesPage = ReturnType<ViewsData['articles']>;
export type ActorOverview = ReturnType<ViewsData['actorOverview']>;
export type ActorQuotesPage = ReturnType<ViewsData['actorQuotes']>;
export type EventsPage = ReturnType<ViewsData['actorEvents']>;
export type ActorArticlesPage = ReturnType<ViewsData['actorArticles']>;
export type BoardColumn = ReturnType<ViewsData['commitmentsWithStatus']>;
export type CommitmentCard = BoardColumn['items'][number];
export type EventItem = EventsPage['items'][number];
export type GraphView = ReturnType<ViewsData['graph']> & { days: string[] };
export type EdgeEvidence = NonNullable<ReturnType<ViewsData['edgeEvidence']>>;
export type WeeklyEvents = ReturnType<ViewsData['eventsPerWeek']>;
export type SearchPage = ReturnType<ViewsData['search']>;
