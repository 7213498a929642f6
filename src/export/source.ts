/**
 * What the exports read, in one place: the cross-article record (actors with their ids, offices, memberships,
 * relations, de-duplicated events, commitments, statements) and the analysed articles behind it. Every export
 * goes through this interface, so a change in how the record is stored or queried is adapted here only.
 *
 * The record is read from its tables a page at a time (events, statements and commitments stream; actors are
 * looked up by id as needed), and articles are read one at a time with a small cache, so exporting a large
 * database does not load it whole. The SQL mirrors src/record/record-store.ts `loadRecord`, which reads the
 * same tables whole.
 */
import type { Db } from '../store/sql/db.js';
import type { Document } from '../document/document.js';
import { attachRecord, commitmentAsOf, ensureRecord, inRecordOrder, recordNewest } from '../record/index.js';
import type {
  Evidence, Interval, Office, PartyMembership, QuotedEvidence, RecordActor, RecordAgreement, RecordCommitment,
  RecordEvent, RecordStatement, RelationState,
} from '../record/index.js';
import { SqliteStore } from '../store/index.js';

export type {
  Evidence, Interval, Office, PartyMembership, QuotedEvidence, RecordActor, RecordAgreement, RecordCommitment, RecordEvent,
  RecordStatement, RelationState,
};

export interface ExportSource {
  actors(): Iterable<RecordActor>;
  actor(id: string): RecordActor | undefined;
  /** The record actor a per-article actor belongs to. */
  recordActorOf(article: string, local: string): string | undefined;
  offices(): Iterable<Office>;
  memberships(): Iterable<PartyMembership>;
  relations(): Iterable<RelationState>;
  /** De-duplicated events, each with every article that reported it. */
  events(): Iterable<RecordEvent>;
  /** Commitments with their status as of the newest article. */
  commitments(): Iterable<RecordCommitment>;
  agreements(): Iterable<RecordAgreement>;
  statements(): Iterable<RecordStatement>;
  /** An analysed article by id. */
  document(article: string): Document | undefined;
  /** Evidence with the text it points at. */
  quote(e: Evidence): QuotedEvidence;
}

/** How many analysed articles, and record actors, are kept in memory at once. */
const CACHE_SIZE = 256;
/** Rows read from a record table per query while streaming it. */
const PAGE_ROWS = 500;

/** A map that forgets its least recently used entry beyond `size`. */
class Recent<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly size: number) {}

  get(key: string, load: (key: string) => V): V {
    if (this.map.has(key)) {
      const v = this.map.get(key)!;
      this.map.delete(key);
      this.map.set(key, v);
      return v;
    }
    const v = load(key);
    this.map.set(key, v);
    if (this.map.size > this.size) this.map.delete(this.map.keys().next().value!);
    return v;
  }
}

interface ActorRow {
  id: string;
  type: RecordActor['type'];
  name: string;
  aliases: string;
}

interface MemberRow {
  article_id: string;
  local_id: string;
  name: string;
  aliases: string;
  via: 'first' | 'auto' | 'manual';
  score: number;
  reasons: string;
}

/**
 * Rows of a query a page at a time: better-sqlite3 keeps the connection busy while an iterator is open, and the
 * exports look documents and actors up while they go through the events.
 */
function* paged<T>(db: Db, sql: string): Generator<T> {
  const page = db.prepare(`${sql} LIMIT ? OFFSET ?`);
  for (let offset = 0; ; offset += PAGE_ROWS) {
    const rows = page.all(PAGE_ROWS, offset) as T[];
    yield* rows;
    if (rows.length < PAGE_ROWS) return;
  }
}

function* jsonRows<T>(db: Db, table: string, order = 'rowid'): Generator<T> {
  for (const row of paged<{ json: string }>(db, `SELECT json FROM ${table} ORDER BY ${order}`)) yield JSON.parse(row.json) as T;
}

/** The record stored in a database, brought up to date first, and its articles. The store stays open for the caller. */
export function exportSourceFromStore(store: SqliteStore): ExportSource {
  ensureRecord(store);
  const db = store.db;
  const newest = recordNewest(db);
  const members = db.prepare(`SELECT m.article_id, m.local_id, x.name, x.aliases, m.via, m.score, m.reasons FROM record_actor_members m
    JOIN actors x ON x.article_id = m.article_id AND x.id = m.local_id JOIN record_articles r ON r.article_id = m.article_id
    WHERE m.actor_id = ? ORDER BY r.published IS NULL, r.published, m.article_id, m.rowid`);
  const actorById = db.prepare('SELECT id, type, name, aliases FROM record_actors WHERE id = ?');
  const memberOf = db.prepare('SELECT actor_id FROM record_actor_members WHERE article_id = ? AND local_id = ?').pluck();
  const toActor = (a: ActorRow): RecordActor => ({
    id: a.id, type: a.type, name: a.name, aliases: JSON.parse(a.aliases) as string[],
    members: (members.all(a.id) as MemberRow[]).map((m) => ({
      article: m.article_id, local: m.local_id, name: m.name, aliases: JSON.parse(m.aliases) as string[], via: m.via, score: m.score,
      reasons: JSON.parse(m.reasons) as string[],
    })),
  });
  const actors = new Recent<RecordActor | undefined>(CACHE_SIZE);
  const documents = new Recent<Document | undefined>(CACHE_SIZE);
  const document = (id: string): Document | undefined => documents.get(id, (k) => store.getDocument(k));
  const commitments = (): Generator<RecordCommitment> => (function* () {
    for (const c of jsonRows<RecordCommitment>(db, 'record_commitments')) yield commitmentAsOf(c, newest);
  })();
  return {
    *actors() {
      for (const a of paged<ActorRow>(db, 'SELECT id, type, name, aliases FROM record_actors ORDER BY rowid')) yield toActor(a);
    },
    actor: (id) => actors.get(id, (k) => {
      const row = actorById.get(k) as ActorRow | undefined;
      return row ? toActor(row) : undefined;
    }),
    recordActorOf: (article, local) => memberOf.get(article, local) as string | undefined,
    offices: () => jsonRows<Office>(db, 'record_offices'),
    memberships: () => jsonRows<PartyMembership>(db, 'record_memberships'),
    relations: () => jsonRows<RelationState>(db, 'record_relations'),
    *events() {
      // `point` is the record's internal de-duplication key, not part of an event.
      for (const { point: _point, ...e } of jsonRows<RecordEvent & { point?: string }>(db, 'record_events')) yield e;
    },
    commitments,
    *agreements() {
      const statusOf = new Map<string, RecordCommitment['status']>();
      for (const c of commitments()) statusOf.set(c.id, c.status);
      for (const a of jsonRows<RecordAgreement>(db, 'record_agreements')) {
        yield { ...a, terms: a.terms.map((t) => ({ ...t, status: statusOf.get(t.commitment) ?? t.status })) };
      }
    },
    statements: () => jsonRows<RecordStatement>(db, 'record_statements', 'published IS NULL, published, article_id, rowid'),
    document,
    quote: (e) => ({ ...e, text: document(e.article)?.text.slice(e.start, e.end) ?? '' }),
  };
}

/**
 * The record of analysed articles that are not stored (`polity export FILE…`): built by the record's own code
 * in a private in-memory database, as `buildRecord` does, and read like a stored one.
 */
export function exportSourceFromDocuments(docs: Document[]): ExportSource {
  const store = attachRecord(new SqliteStore(':memory:'));
  for (const doc of inRecordOrder(docs)) store.putDocument(doc);
  return exportSourceFromStore(store);
}
