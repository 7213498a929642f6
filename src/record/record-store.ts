import { preparedOnce, type Db } from '../store/sql/db.js';
import { documentFromJSON, type Document } from '../document/document.js';
import type { SqliteStore } from '../store/sqlite/sqlite-store.js';
import { Decisions, RecordWriter } from './apply.js';
import { agreementAsOf } from './agreements.js';
import { statusFrom } from './followup.js';
import type { CrossRecord, Evidence, QuotedEvidence, RecordAgreement, RecordCommitment, ResolutionDecision } from './types.js';

/** A record operation could not be done; the message says what to change. */
export class RecordError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RecordError';
  }
}

/** Manual merges and splits, oldest first. */
export function readDecisions(db: Db): ResolutionDecision[] {
  return (db.prepare('SELECT decision FROM record_decisions ORDER BY seq').pluck().all() as string[]).map((d) => JSON.parse(d) as ResolutionDecision);
}

export function addDecision(db: Db, decision: ResolutionDecision): void {
  db.prepare('INSERT INTO record_decisions (decision, made_at) VALUES (?, ?)').run(JSON.stringify(decision), new Date().toISOString());
}

/** Counts of stored documents the record read back from the store (rebuilds and catch-up only; an ingest reads none). */
export const documentReads = { count: 0 };

const writers = new WeakMap<Db, { writer: RecordWriter; decisions: Decisions; seq: number }>();

/** The writer for a database, with the manual decisions as of the newest one. */
function writerFor(db: Db): { writer: RecordWriter; decisions: Decisions } {
  const seq = db.prepare('SELECT coalesce(max(seq), 0) FROM record_decisions').pluck().get() as number;
  let w = writers.get(db);
  if (!w || w.seq !== seq) {
    w = { writer: w?.writer ?? new RecordWriter(db), decisions: new Decisions(readDecisions(db)), seq };
    writers.set(db, w);
  }
  return w;
}

/**
 * Makes every article the store writes from now on part of the record, in the article's own transaction:
 * a crash leaves either the article and its record rows, or neither. Returns the store.
 */
export function attachRecord(store: SqliteStore): SqliteStore {
  store.setArticleHook({
    stored: (doc, db) => {
      // After a re-analysis the record is rebuilt whole (ensureRecord); until then new articles wait for it.
      if (db.prepare("SELECT 1 FROM record_meta WHERE key = 'needs_rebuild'").pluck().get() !== undefined) return;
      const { writer, decisions } = writerFor(db);
      writer.apply(doc, decisions);
    },
    // A re-analysed article changes conclusions drawn from it everywhere: the record is rebuilt on the next ensureRecord.
    replacing: (_id, db) => {
      db.prepare("INSERT INTO record_meta (key, value) VALUES ('needs_rebuild', '1') ON CONFLICT (key) DO UPDATE SET value = excluded.value").run();
    },
  });
  return store;
}

const RECORD_TABLES = [
  'record_actor_members', 'record_actor_keys', 'record_actor_context', 'record_event_actors', 'record_actors', 'record_offices', 'record_memberships',
  'record_relations', 'record_events', 'record_commitments', 'record_agreements', 'record_statements', 'record_observations', 'record_state_folds', 'record_articles', 'record_taken', 'record_search',
];

/** Stored article ids in record order (publication date, undated last, then id): ids only, not documents. */
function articleIdsInOrder(db: Db, pendingOnly: boolean): string[] {
  const where = pendingOnly ? 'WHERE NOT EXISTS (SELECT 1 FROM record_articles r WHERE r.article_id = a.id)' : '';
  return db.prepare(`SELECT id FROM articles a ${where} ORDER BY published IS NULL, published, id`).pluck().all() as string[];
}

function readDocument(db: Db, id: string): Document {
  const json = db.prepare('SELECT document_json FROM articles WHERE id = ?').pluck().get(id) as string | undefined;
  if (json === undefined) throw new RecordError(`article ${id} is listed but cannot be read`);
  documentReads.count++;
  return documentFromJSON(JSON.parse(json));
}

/** Articles taken in per transaction by a rebuild: bounded memory, and a crash loses at most one batch's progress. */
const REBUILD_BATCH = 200;

/**
 * Re-clusters from scratch: clears the record tables and takes every stored article in again, in record order,
 * with the manual decisions. Streams the articles (one document in memory at a time). The wipe and the first
 * batch share a transaction, so a reader sees either the old record or a growing new one.
 */
export function rebuildRecord(store: SqliteStore): { articles: number; actors: number } {
  const db = store.db;
  const ids = articleIdsInOrder(db, false);
  db.transaction(() => {
    db.lockRecord();
    for (const t of RECORD_TABLES) db.prepare(`DELETE FROM ${t}`).run();
    writers.get(db)?.writer.index.forget();
    db.prepare("DELETE FROM record_meta WHERE key IN ('newest', 'needs_rebuild')").run();
  }).immediate();
  takeIn(store, ids);
  return { articles: ids.length, actors: db.prepare('SELECT count(*) FROM record_actors').pluck().get() as number };
}

/**
 * Takes the articles into the record, REBUILD_BATCH per transaction. On PostgreSQL each committed batch counts
 * toward the planner statistics' next ANALYZE, as stored articles do: a rebuild fills the record's tables from
 * empty, and plans made for empty tables would scan them whole.
 */
function takeIn(store: SqliteStore, ids: string[]): void {
  const db = store.db;
  for (let i = 0; i < ids.length; i += REBUILD_BATCH) {
    const batch = ids.slice(i, i + REBUILD_BATCH);
    db.transaction(() => {
      db.lockRecord();
      const { writer, decisions } = writerFor(db);
      for (const id of batch) writer.apply(readDocument(db, id), decisions);
    }).immediate();
    store.plannerStats?.committed(batch.length);
  }
}

/** True when stored articles are not yet in the record (stored without attachRecord), or a rebuild is due. */
export function recordIsStale(db: Db): boolean {
  if (db.prepare("SELECT 1 FROM record_meta WHERE key = 'needs_rebuild'").pluck().get() !== undefined) return true;
  const articles = db.prepare('SELECT count(*) FROM articles').pluck().get() as number;
  const taken = db.prepare('SELECT count(*) FROM record_articles').pluck().get() as number;
  return articles !== taken;
}

/**
 * Brings the record up to date: takes in the stored articles it has not seen (each one bounded work), or
 * rebuilds when an article was re-analysed. A no-op when the record is current.
 */
export function ensureRecord(store: SqliteStore): void {
  if (!recordIsStale(store.db)) return;
  if (store.db.prepare("SELECT 1 FROM record_meta WHERE key = 'needs_rebuild'").pluck().get() !== undefined) {
    rebuildRecord(store);
    return;
  }
  const pending = articleIdsInOrder(store.db, true);
  // An article taken in before and stored again (re-analysed) changes conclusions drawn from it: rebuild.
  const before = store.db.prepare('SELECT 1 FROM record_taken WHERE article_id = ?').pluck();
  if (pending.some((id) => before.get(id) !== undefined)) {
    rebuildRecord(store);
    return;
  }
  takeIn(store, pending);
}

/** The newest publication date among the articles in the record: the reference day for "overdue". */
export function recordNewest(db: Db): string | undefined {
  const v = preparedOnce(db, "SELECT value FROM record_meta WHERE key = 'newest'").pluck().get() as string | undefined;
  return v || undefined;
}

/** A commitment as stored, with its status as of `day` (default: the newest article). */
export function commitmentAsOf(c: RecordCommitment, day: string | undefined): RecordCommitment {
  const base = c.status === 'disputed' ? 'disputed' : 'open';
  const on = statusFrom(c.followUps, c.due, base, day);
  const { statusEvidence: _old, ...rest } = c;
  return { ...rest, status: on.status, ...(on.evidence && { statusEvidence: on.evidence }) };
}

function jsonColumn<T>(db: Db, table: string, order = 'rowid'): T[] {
  return (db.prepare(`SELECT json FROM ${table} ORDER BY ${order}`).pluck().all() as string[]).map((j) => JSON.parse(j) as T);
}

/**
 * Reads the whole stored record into memory: for tests, exports and small databases only (queries read
 * what they need with indexed SQL, see queries.ts).
 */
export function loadRecord(db: Db, asOf?: string): CrossRecord {
  const newest = asOf ?? recordNewest(db);
  const actorRows = db.prepare('SELECT id, type, name, aliases FROM record_actors ORDER BY rowid').all() as { id: string; type: CrossRecord['actors'][number]['type']; name: string; aliases: string }[];
  const members = db.prepare(`SELECT m.actor_id, m.article_id, m.local_id, x.name, x.aliases, m.via, m.score, m.reasons FROM record_actor_members m
    JOIN actors x ON x.article_id = m.article_id AND x.id = m.local_id JOIN record_articles r ON r.article_id = m.article_id
    ORDER BY r.published IS NULL, r.published, m.article_id, m.rowid`).all() as { actor_id: string; article_id: string; local_id: string; name: string; aliases: string; via: 'first' | 'auto' | 'manual'; score: number; reasons: string }[];
  const byActor = new Map<string, CrossRecord['actors'][number]['members']>();
  for (const m of members) {
    const list = byActor.get(m.actor_id) ?? [];
    list.push({ article: m.article_id, local: m.local_id, name: m.name, aliases: JSON.parse(m.aliases) as string[], via: m.via, score: m.score, reasons: JSON.parse(m.reasons) as string[] });
    byActor.set(m.actor_id, list);
  }
  const commitments = jsonColumn<RecordCommitment>(db, 'record_commitments').map((c) => commitmentAsOf(c, newest));
  const statusOf = new Map(commitments.map((c) => [c.id, { status: c.status, ...(c.statusEvidence && { evidence: c.statusEvidence }) }]));
  return {
    actors: actorRows.map((a) => ({ id: a.id, type: a.type, name: a.name, aliases: JSON.parse(a.aliases) as string[], members: byActor.get(a.id) ?? [] })),
    offices: jsonColumn(db, 'record_offices'),
    memberships: jsonColumn(db, 'record_memberships'),
    relations: jsonColumn(db, 'record_relations'),
    events: jsonColumn<CrossRecord['events'][number] & { point?: string }>(db, 'record_events').map(({ point: _p, ...e }) => e),
    commitments,
    agreements: jsonColumn<RecordAgreement>(db, 'record_agreements').map((a) => agreementAsOf(a, (id) => statusOf.get(id))),
    statements: jsonColumn(db, 'record_statements', 'published IS NULL, published, article_id, rowid'),
    ...(newest && { newest }),
  };
}

/** Brings the record up to date (see ensureRecord) and reads it whole: for tests and small databases. */
export function updateRecord(store: SqliteStore): CrossRecord {
  ensureRecord(store);
  return loadRecord(store.db);
}

/** Article texts an evidence quoter keeps, the most recently used (a page of commitments quotes a few hundred articles). */
const QUOTED_TEXTS_KEPT = 2048;

/** Attaches the text each piece of evidence points at, reading each article's text once (the most recently used kept). */
export function evidenceQuoter(db: Db): (e: Evidence) => QuotedEvidence {
  const texts = new Map<string, string>();
  const read = db.prepare('SELECT text FROM articles WHERE id = ?').pluck();
  return (e) => {
    let text = texts.get(e.article);
    if (text === undefined) {
      text = (read.get(e.article) as string | undefined) ?? '';
      if (texts.size >= QUOTED_TEXTS_KEPT) texts.delete(texts.keys().next().value!);
    } else texts.delete(e.article);
    // Re-inserted on every use: the Map's first key is the least recently used.
    texts.set(e.article, text);
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

/** The pieces of a full-text search over record_search (aliased `s`) for one dialect, with named parameters. */
export interface SearchSql {
  where: string;
  /** The matching passage with the hit terms in [brackets], about `words` words. */
  snippet: string;
  /** Lower is better. */
  rank: string;
  params: Record<string, string>;
}

/**
 * Full-text search over record_search, behind one function for both dialects: SQLite FTS5 (unicode61 tokens,
 * bm25 rank, snippet()) or PostgreSQL full-text search (a 'simple' tsvector with a GIN index, ts_rank,
 * ts_headline). Plain words are matched as terms (each must occur); each term is quoted (FTS5) or read as a
 * phrase (phraseto_tsquery) so user punctuation cannot break the query syntax. Undefined when no term is left.
 */
export function searchSql(db: Db, query: string, words: number): SearchSql | undefined {
  return searchTermsSql(db, query.split(/\s+/).map((t) => t.replace(/"/g, '')), words, false);
}

/** searchSql for given terms; with `prefix`, each term (letters and digits only) matches the words it starts. */
export function searchTermsSql(db: Db, given: string[], words: number, prefix: boolean): SearchSql | undefined {
  const terms = given.filter((t) => /[\p{L}\p{N}]/u.test(t));
  if (terms.length === 0) return undefined;
  if (db.dialect === 'sqlite') {
    return { where: 'record_search MATCH @match', snippet: `snippet(record_search, 3, '[', ']', '…', ${words})`, rank: 's.rank', params: { match: terms.map((t) => `"${t}"${prefix ? '*' : ''}`).join(' ') } };
  }
  const q = `(${terms.map((_, i) => (prefix ? `to_tsquery('simple', @t${i} || ':*')` : `phraseto_tsquery('simple', @t${i})`)).join(' && ')})`;
  return {
    where: `s.tsv @@ ${q}`,
    snippet: `ts_headline('simple', s.body, ${q}, 'StartSel=[, StopSel=], MaxWords=${words}, MinWords=${Math.ceil(words / 2)}')`,
    rank: `-ts_rank(s.tsv, ${q}, 1)`,
    params: Object.fromEntries(terms.map((t, i) => [`t${i}`, t])),
  };
}

/** Full-text search over articles and statements (see searchSql), best first. */
export function searchRecord(db: Db, query: string, limit = 20, offset = 0): SearchHit[] {
  const q = searchSql(db, query, 16);
  if (!q) return [];
  const rows = db.prepare(`SELECT s.kind, s.article_id, s.ref, ${q.snippet} AS snippet, ${q.rank} AS rank
    FROM record_search s WHERE ${q.where} ORDER BY rank, s.rowid LIMIT @limit OFFSET @offset`).all({ ...q.params, limit, offset }) as { kind: 'article' | 'statement'; article_id: string; ref: string | null; snippet: string; rank: number }[];
  return rows.map((r) => ({ kind: r.kind, article: r.article_id, ...(r.kind === 'statement' && r.ref !== null && { statement: r.ref }), snippet: r.snippet, rank: r.rank }));
}
