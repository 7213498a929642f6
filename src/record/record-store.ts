import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Document } from '../document/document.js';
import type { SqliteStore } from '../store/sqlite/sqlite-store.js';
import { buildRecord } from './build.js';
import type { CrossRecord, Evidence, QuotedEvidence, ResolutionDecision } from './types.js';

/** A record operation could not be done; the message says what to change. */
export class RecordError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RecordError';
  }
}

/** Manual merges and splits, oldest first. */
export function readDecisions(db: Database.Database): ResolutionDecision[] {
  return (db.prepare('SELECT decision FROM record_decisions ORDER BY seq').pluck().all() as string[]).map((d) => JSON.parse(d) as ResolutionDecision);
}

export function addDecision(db: Database.Database, decision: ResolutionDecision): void {
  db.prepare('INSERT INTO record_decisions (decision, made_at) VALUES (?, ?)').run(JSON.stringify(decision), new Date().toISOString());
}

/** What the record was built from: the stored articles and the manual decisions. A change means it is stale. */
function fingerprint(db: Database.Database): string {
  // The ingestion time changes when an article is stored again with a new analysis (putDocument with replace).
  const ids = db.prepare("SELECT id || '@' || ingested_at FROM articles ORDER BY id").pluck().all() as string[];
  const decisions = db.prepare('SELECT count(*) || \':\' || coalesce(max(seq), 0) FROM record_decisions').pluck().get() as string;
  return createHash('sha256').update(ids.join(',')).update(`|${decisions}`).digest('hex');
}

function storedDocuments(store: SqliteStore): { doc: Document; ingestedAt: string }[] {
  return store.listArticles().map((a) => {
    const doc = store.getDocument(a.id);
    if (!doc) throw new RecordError(`article ${a.id} is listed but cannot be read`);
    return { doc, ingestedAt: a.ingestedAt };
  });
}

/** Indexes articles (title + text, ref = ingestion time) and their statements; re-indexes re-analysed ones. */
function indexForSearch(db: Database.Database, docs: { doc: Document; ingestedAt: string }[]): void {
  db.prepare('DELETE FROM record_search WHERE article_id NOT IN (SELECT id FROM articles)').run();
  const indexed = new Map((db.prepare("SELECT article_id, ref FROM record_search WHERE kind = 'article'").all() as { article_id: string; ref: string }[])
    .map((r) => [r.article_id, r.ref]));
  const insert = db.prepare('INSERT INTO record_search (kind, article_id, ref, body) VALUES (?, ?, ?, ?)');
  const drop = db.prepare('DELETE FROM record_search WHERE article_id = ?');
  for (const { doc, ingestedAt } of docs) {
    if (indexed.get(doc.meta.id) === ingestedAt) continue;
    if (indexed.has(doc.meta.id)) drop.run(doc.meta.id);
    insert.run('article', doc.meta.id, ingestedAt, `${doc.meta.title ?? ''}\n${doc.text}`);
    for (const s of doc.statements) insert.run('statement', doc.meta.id, s.id, doc.text.slice(s.content.start, s.content.end));
  }
}

function writeRecord(db: Database.Database, record: CrossRecord): void {
  for (const table of ['record_actor_members', 'record_actors', 'record_offices', 'record_memberships', 'record_relations', 'record_events', 'record_commitments', 'record_agreements', 'record_statements']) {
    db.prepare(`DELETE FROM ${table}`).run();
  }
  const actor = db.prepare('INSERT INTO record_actors (id, type, name, aliases, json) VALUES (?, ?, ?, ?, ?)');
  const member = db.prepare('INSERT INTO record_actor_members (article_id, local_id, actor_id, via, score, reasons) VALUES (?, ?, ?, ?, ?, ?)');
  for (const a of record.actors) {
    actor.run(a.id, a.type, a.name, JSON.stringify(a.aliases), JSON.stringify(a));
    for (const m of a.members) member.run(m.article, m.local, a.id, m.via, m.score, JSON.stringify(m.reasons));
  }
  const office = db.prepare('INSERT INTO record_offices (id, person_id, title, from_date, to_date, json) VALUES (?, ?, ?, ?, ?, ?)');
  for (const o of record.offices) office.run(o.id, o.person, o.title, o.from ?? null, o.to ?? null, JSON.stringify(o));
  const membership = db.prepare('INSERT INTO record_memberships (id, person_id, org_id, from_date, to_date, json) VALUES (?, ?, ?, ?, ?, ?)');
  for (const m of record.memberships) membership.run(m.id, m.person, m.org, m.from ?? null, m.to ?? null, JSON.stringify(m));
  const relation = db.prepare('INSERT INTO record_relations (id, kind, a_id, b_id, from_date, to_date, json) VALUES (?, ?, ?, ?, ?, ?, ?)');
  for (const r of record.relations) relation.run(r.id, r.kind, r.a, r.b, r.from ?? null, r.to ?? null, JSON.stringify(r));
  const event = db.prepare('INSERT INTO record_events (id, type, date, actor_ids, recipient_ids, sources, json) VALUES (?, ?, ?, ?, ?, ?, ?)');
  for (const e of record.events) event.run(e.id, e.type, e.date ?? null, JSON.stringify(e.actors), JSON.stringify(e.recipients), e.sources.length, JSON.stringify(e));
  const commitment = db.prepare('INSERT INTO record_commitments (id, by_id, to_id, status, due_end, json) VALUES (?, ?, ?, ?, ?, ?)');
  for (const c of record.commitments) commitment.run(c.id, c.by, c.to ?? null, c.status, c.due?.end ?? null, JSON.stringify(c));
  const agreement = db.prepare('INSERT INTO record_agreements (id, json) VALUES (?, ?)');
  for (const a of record.agreements) agreement.run(a.id, JSON.stringify(a));
  const statement = db.prepare('INSERT INTO record_statements (article_id, statement_id, speaker_id, kind, json) VALUES (?, ?, ?, ?, ?)');
  for (const s of record.statements) statement.run(s.article, s.statement, s.speaker ?? null, s.kind, JSON.stringify(s));
  const meta = db.prepare('INSERT OR REPLACE INTO record_meta (key, value) VALUES (?, ?)');
  meta.run('fingerprint', fingerprint(db));
  meta.run('built_at', new Date().toISOString());
  meta.run('newest', record.newest ?? '');
}

/**
 * Recomputes the whole record from every stored article and the manual decisions, and replaces the record
 * tables in one transaction: a crash mid-way leaves the previous record whole. Articles not yet in the search
 * index are added to it in the same transaction.
 */
export function rebuildRecord(store: SqliteStore): CrossRecord {
  const db = store.db;
  return db.transaction(() => {
    const stored = storedDocuments(store);
    const record = buildRecord(stored.map((s) => s.doc), readDecisions(db));
    indexForSearch(db, stored);
    writeRecord(db, record);
    return record;
  }).immediate();
}

/**
 * Brings the record up to date after articles were stored (call it after `store.putDocument(doc)`, or once after
 * a batch). The record is recomputed whole rather than patched, because a new article can change earlier
 * conclusions (an actor's canonical name, a commitment's status, where an office interval ends).
 */
export function updateRecord(store: SqliteStore): CrossRecord {
  return rebuildRecord(store);
}

/** True when articles or decisions changed since the record was last built. */
export function recordIsStale(db: Database.Database): boolean {
  const stored = db.prepare("SELECT value FROM record_meta WHERE key = 'fingerprint'").pluck().get() as string | undefined;
  return stored !== fingerprint(db);
}

/** Rebuilds the record if it is stale, so queries never answer from an out-of-date record. */
export function ensureRecord(store: SqliteStore): void {
  if (recordIsStale(store.db)) rebuildRecord(store);
}

function jsonColumn<T>(db: Database.Database, table: string): T[] {
  return (db.prepare(`SELECT json FROM ${table} ORDER BY rowid`).pluck().all() as string[]).map((j) => JSON.parse(j) as T);
}

/** Reads the stored record back. */
export function loadRecord(db: Database.Database): CrossRecord {
  const newest = db.prepare("SELECT value FROM record_meta WHERE key = 'newest'").pluck().get() as string | undefined;
  return {
    actors: jsonColumn(db, 'record_actors'),
    offices: jsonColumn(db, 'record_offices'),
    memberships: jsonColumn(db, 'record_memberships'),
    relations: jsonColumn(db, 'record_relations'),
    events: jsonColumn(db, 'record_events'),
    commitments: jsonColumn(db, 'record_commitments'),
    agreements: jsonColumn(db, 'record_agreements'),
    statements: jsonColumn(db, 'record_statements'),
    ...(newest && { newest }),
  };
}

/** Attaches the text each piece of evidence points at, reading each article's text once. */
export function evidenceQuoter(db: Database.Database): (e: Evidence) => QuotedEvidence {
  const texts = new Map<string, string>();
  const read = db.prepare('SELECT text FROM articles WHERE id = ?').pluck();
  return (e) => {
    let text = texts.get(e.article);
    if (text === undefined) {
      text = (read.get(e.article) as string | undefined) ?? '';
      texts.set(e.article, text);
    }
    return { ...e, text: text.slice(e.start, e.end) };
  };
}

export interface SearchHit {
  kind: 'article' | 'statement';
  article: string;
  /** Statement id for statement hits. */
  statement?: string;
  /** The matching passage with the hit terms in [brackets]. */
  snippet: string;
  rank: number;
}

/**
 * Full-text search (SQLite FTS5) over articles and statements. Plain words are matched as terms (each must
 * occur); the query is quoted term by term so user punctuation cannot break the FTS syntax.
 */
export function searchRecord(db: Database.Database, query: string, limit = 20): SearchHit[] {
  const terms = query.split(/\s+/).map((t) => t.replace(/"/g, '')).filter(Boolean);
  if (terms.length === 0) return [];
  const match = terms.map((t) => `"${t}"`).join(' ');
  const rows = db.prepare(`SELECT kind, article_id, ref, snippet(record_search, 3, '[', ']', '…', 16) AS snippet, rank
    FROM record_search WHERE record_search MATCH ? ORDER BY rank LIMIT ?`).all(match, limit) as { kind: 'article' | 'statement'; article_id: string; ref: string | null; snippet: string; rank: number }[];
  return rows.map((r) => ({ kind: r.kind, article: r.article_id, ...(r.ref !== null && { statement: r.ref }), snippet: r.snippet, rank: r.rank }));
}
