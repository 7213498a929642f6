import { existsSync } from 'node:fs';
import { documentFromJSON, documentToJSON, type Document } from '../../document/document.js';
import { AmbiguousIdError, StoreError, type ArticleSummary, type PutOptions, type PutStatus, type Store } from '../store.js';
import { isWellFormed } from '../../document/text-checks.js';
import { BUSY_TIMEOUT_MS, withBusyRetry, type BusyRetryOptions } from './busy.js';
import { migrate, pendingMigrations, type Migration } from './migrate.js';
import { SqliteDb } from './sqlite-db.js';
import { WalCheckpointer } from './checkpointer.js';
import { isPostgresUrl, type Db, type Transaction } from '../sql/db.js';
import { PgDb } from '../postgres/pg-db.js';
import { migratePg, pendingPgMigrations } from '../postgres/migrate.js';
import { PlannerStats } from '../postgres/planner-stats.js';

/** The database file used when neither `--db` nor POLITY_DB names one. */
export const DEFAULT_DB_PATH = './polity.db';

/** The database to use (a SQLite file path or a postgres:// URL): the one given, else $POLITY_DB, else ./polity.db. */
export function resolveDbPath(given?: string): string {
  return given ?? (process.env.POLITY_DB || DEFAULT_DB_PATH);
}

interface ArticleRow {
  id: string;
  content_hash: string;
  url: string | null;
  title: string | null;
  origin: string | null;
  published: string | null;
  dateline_place: string | null;
  ingested_at: string;
  chars: number;
}

/**
 * Work done inside the transaction that stores an article (the cross-document record links the article there,
 * so the article and its record rows commit together or not at all).
 */
export interface ArticleHook {
  /** The article (and its layer rows) was just inserted. */
  stored(doc: Document, db: Db): void;
  /** The article with this id is about to be deleted to be replaced by a new analysis. */
  replacing?(articleId: string, db: Db): void;
}

/** A table of one document layer (keyed on the article, deleted with it): its columns after article_id and its rows. */
interface LayerTable {
  name: string;
  /** Column names after article_id, and which of them are integers (the rest are text). */
  columns: readonly string[];
  ints: ReadonlySet<string>;
  rows(doc: Document): (string | number | null)[][];
}

const layer = (name: string, columns: string, ints: string, rows: LayerTable['rows']): LayerTable => ({
  name, columns: columns.split(' '), ints: new Set(ints.split(' ')), rows,
});

/** The layer tables an article's analysis fills, one row per layer item. */
const LAYER_TABLES: readonly LayerTable[] = [
  layer('actors', 'id type name aliases', '', (d) => d.actors.map((x) => [x.id, x.type, x.name, JSON.stringify(x.aliases)])),
  layer('mentions', 'id type actor_id start end source', 'start end', (d) => d.mentions.map((x) => [x.id, x.type, x.actor ?? null, x.span.start, x.span.end, x.source])),
  layer('roles', 'id person_id title org_id start end', 'start end', (d) => d.roles.map((x) => [x.id, x.person, x.title, x.org ?? null, x.evidence.start, x.evidence.end])),
  layer('memberships', 'id person_id org_id inferred start end', 'inferred start end',
    (d) => d.memberships.map((x) => [x.id, x.person, x.org, x.inferred ? 1 : 0, x.evidence.start, x.evidence.end])),
  layer('statements', 'id kind speaker_id cue_lemma content_start content_end start end', 'content_start content_end start end',
    (d) => d.statements.map((x) => [x.id, x.kind, x.speaker ?? null, x.cueLemma ?? null, x.content.start, x.content.end, x.evidence.start, x.evidence.end])),
  layer('events', 'id type mode cameo modality actor_ids recipient_ids date trigger_start trigger_end start end', 'trigger_start trigger_end start end',
    (d) => d.events.map((x) => [x.id, x.type, x.mode ?? null, x.cameo ?? null, x.modality, JSON.stringify(x.actor), JSON.stringify(x.recipient),
      x.date?.value ?? null, x.trigger.start, x.trigger.end, x.evidence.start, x.evidence.end])),
  layer('commitments', 'id kind by_id to_id status due what_start what_end start end', 'what_start what_end start end',
    (d) => d.commitments.map((x) => [x.id, x.kind, x.by, x.to ?? null, x.status, x.due?.value ?? null, x.what.start, x.what.end, x.evidence.start, x.evidence.end])),
];

/**
 * The insert of a layer table's rows: one row from positional parameters (SQLite), or every row of the article
 * from one JSON array of row arrays (PostgreSQL: `INSERT … SELECT … FROM jsonb_array_elements`).
 */
function layerInsert(t: LayerTable, dialect: Db['dialect']): string {
  const quoted = t.columns.map((c) => (c === 'end' ? '"end"' : c));
  const head = `INSERT INTO ${t.name} (article_id, ${quoted.join(', ')})`;
  if (dialect === 'sqlite') return `${head} VALUES (?, ${t.columns.map(() => '?').join(', ')})`;
  const values = t.columns.map((c, i) => (t.ints.has(c) ? `(e ->> ${i})::int` : `e ->> ${i}`));
  return `${head} SELECT ?, ${values.join(', ')} FROM jsonb_array_elements(?::jsonb) AS e`;
}

/**
 * A Store in one SQL database: a SQLite file (better-sqlite3) or a PostgreSQL database (pg-native), both
 * synchronous, so one article is one plain transaction in either and every caller has one code path (see
 * src/store/sql/db.ts).
 */
export class SqlStore implements Store {
  /** The open database, for modules that keep their own tables in the same database (the record). */
  readonly db: Db;
  /** The SQLite file path or the postgres:// URL. */
  readonly path: string;
  private readonly writeArticle: Transaction<(doc: Document, replace: boolean, json: string | undefined) => PutStatus>;
  private readonly statements;
  private hook: ArticleHook | undefined;
  private checkpointer: WalCheckpointer | undefined;
  /** PostgreSQL: refreshes the planner's statistics as the tables grow (planner-stats.ts). */
  readonly plannerStats: PlannerStats | undefined;

  /** How long a write keeps retrying while another process holds the write lock. */
  private readonly busy: BusyRetryOptions;

  constructor(path: string, opts: StoreOpenOptions = {}) {
    this.path = path;
    this.busy = opts.busy ?? {};
    try {
      if (isPostgresUrl(path)) {
        const pg = new PgDb(path);
        this.db = pg;
        this.plannerStats = new PlannerStats(pg);
        if (opts.migrate === false) refuseIfPending(pendingPgMigrations(pg), opts.migrateHint);
        else migratePg(pg);
      } else {
        const db = new SqliteDb(path);
        this.db = db;
        // The busy timeout first: switching to WAL and migrating both need the write lock another process may hold.
        db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
        // WAL lets readers (show, the server) work while an ingest writes; synchronous=NORMAL in WAL mode keeps
        // every committed article across a process crash and only risks the last commits on power loss.
        // With migrate: false the database is only read: one that needs a migration is refused, never changed.
        if (opts.migrate === false) refuseIfPending(withBusyRetry(() => pendingMigrations(db.raw), this.busy), opts.migrateHint);
        else withBusyRetry(() => db.pragma('journal_mode = WAL'), this.busy);
        db.pragma('synchronous = NORMAL');
        // 64 MiB of page cache (the default is 2 MiB): each article's record update touches index pages all over a
        // large database, and re-reading them from the OS on every article costs CPU that grows with its size.
        db.pragma('cache_size = -65536');
        db.pragma('foreign_keys = ON');
        if (opts.migrate !== false) withBusyRetry(() => migrate(db.raw), this.busy);
      }
    } catch (err) {
      const where = isPostgresUrl(path) ? redactUrl(path) : path;
      if (err instanceof StoreError) throw new StoreError(`${where}: ${err.message}`);
      throw new StoreError(`${where}: cannot open database: ${err instanceof Error ? err.message : String(err)}`);
    }
    const db = this.db;
    this.statements = {
      hasContent: db.prepare('SELECT 1 FROM articles WHERE content_hash = ?').pluck(),
      idByContent: db.prepare('SELECT id FROM articles WHERE content_hash = ?').pluck(),
      deleteByContent: db.prepare('DELETE FROM articles WHERE content_hash = ?'),
      byId: db.prepare('SELECT document_json FROM articles WHERE id = ?').pluck(),
      // A range on the primary key, so a prefix lookup is an index seek, not a scan (LIKE would scan).
      byPrefix: db.prepare('SELECT id FROM articles WHERE id >= ? AND id < ? ORDER BY id LIMIT 50').pluck(),
      list: db.prepare(`SELECT id, content_hash, url, title, origin, published, dateline_place, ingested_at, length(text) AS chars
        FROM articles ORDER BY published IS NULL, published, id`),
      // Idempotent on the content hash (and id): a second writer of the same article at once stores nothing.
      article: db.prepare(`INSERT INTO articles (id, content_hash, url, title, origin, published, dateline_place, text, document_json, ingested_at)
        VALUES (@id, @contentHash, @url, @title, @origin, @published, @datelinePlace, @text, @json, @ingestedAt) ON CONFLICT DO NOTHING`),
      layers: LAYER_TABLES.map((t) => ({ table: t, insert: db.prepare(layerInsert(t, db.dialect)) })),
      // The article text is kept twice (the text column, for search and listing, and inside document_json, the
      // source of truth); this reads both back as the database stored them, so they can never disagree.
      textMatchesJson: db.prepare(db.dialect === 'postgres'
        ? "SELECT (text = (document_json::jsonb ->> 'text'))::int FROM articles WHERE id = ?"
        : "SELECT text = json_extract(document_json, '$.text') FROM articles WHERE id = ?").pluck(),
    };
    // One transaction per article: either the article row and all its layer rows are stored, or none are.
    this.writeArticle = db.transaction((doc: Document, replace: boolean, json: string | undefined): PutStatus => {
      const stored = this.statements.hasContent.get(doc.meta.contentHash) !== undefined;
      if (stored && !replace) return 'unchanged';
      // Layer rows (and any other table keyed on the article with ON DELETE CASCADE) go with the article.
      if (stored) {
        if (this.hook?.replacing) for (const id of this.statements.idByContent.all(doc.meta.contentHash) as string[]) this.hook.replacing(id, db);
        this.statements.deleteByContent.run(doc.meta.contentHash);
      }
      // Another writer stored the same text since the check above (PostgreSQL, several writers): nothing to do.
      if (!this.insertArticle(doc, json)) return 'unchanged';
      if (this.hook) {
        // Record writes one at a time across processes (PostgreSQL); analysis already ran, outside the transaction.
        db.lockRecord();
        this.hook.stored(doc, db);
      }
      return stored ? 'replaced' : 'added';
    });
  }

  /**
   * Problems that did not fail any write but that whoever ran the work should hear of when it ends: an ANALYZE
   * of PostgreSQL's planner statistics that failed after a commit (later queries may be slow until one succeeds).
   */
  warnings(): string[] {
    const e = this.plannerStats?.lastError;
    return e === undefined ? [] : [`the PostgreSQL planner statistics could not be refreshed (queries may be slow until the next ANALYZE): ${e}`];
  }

  /** Sets the work to do inside each article's transaction (replacing any set before); undefined removes it. */
  setArticleHook(hook: ArticleHook | undefined): void {
    this.hook = hook;
  }

  /**
   * From now on WAL checkpoints run on a thread of their own (see checkpointer.ts), so this connection's writes
   * never wait for the disk's fsyncs: for a long run of writes (`polity ingest`). SQLite only; close() stops it.
   */
  checkpointInBackground(): void {
    if (this.checkpointer || !(this.db instanceof SqliteDb) || !this.db.open) return;
    this.checkpointer = new WalCheckpointer(this.db, this.path);
  }

  /** Stores one article in one transaction; while another process writes, it waits and retries (see busy.ts). */
  putDocument(doc: Document, opts: PutOptions = {}): PutStatus {
    for (const [field, value] of [['text', doc.text], ['title', doc.meta.title], ['url', doc.meta.url], ['origin', doc.meta.origin]] as const) {
      // createDocument makes every string well-formed; a document built otherwise must not store a string
      // SQLite would change (an unpaired surrogate), or spans would point past the characters they name.
      if (value !== undefined && !isWellFormed(value)) throw new StoreError(`article ${doc.meta.id}: ${field} holds an unpaired UTF-16 surrogate`);
    }
    const status = withBusyRetry(() => this.writeArticle.immediate(doc, opts.replace ?? false, opts.json), this.busy);
    if (status !== 'unchanged') {
      this.checkpointer?.committed();
      this.plannerStats?.committed();
    }
    return status;
  }

  /** Runs a write of another module (the record) with the same waiting and retrying as putDocument. */
  whenNotBusy<T>(operation: () => T): T {
    return withBusyRetry(operation, this.busy);
  }

  hasContent(contentHash: string): boolean {
    return this.statements.hasContent.get(contentHash) !== undefined;
  }

  getDocument(given: string): Document | undefined {
    // Ids are lower-case hex; people copy them in any case.
    const idOrPrefix = given.toLowerCase();
    const exact = this.statements.byId.get(idOrPrefix) as string | undefined;
    if (exact !== undefined) return documentFromJSON(JSON.parse(exact));
    if (idOrPrefix === '') return undefined;
    const ids = this.statements.byPrefix.all(idOrPrefix, `${idOrPrefix}\uffff`) as string[];
    if (ids.length > 1) throw new AmbiguousIdError(idOrPrefix, ids);
    if (ids.length === 0) return undefined;
    return documentFromJSON(JSON.parse(this.statements.byId.get(ids[0]) as string));
  }

  listArticles(): ArticleSummary[] {
    return (this.statements.list.all() as ArticleRow[]).map((r) => ({
      id: r.id,
      contentHash: r.content_hash,
      ...(r.title !== null && { title: r.title }),
      ...(r.url !== null && { url: r.url }),
      ...(r.origin !== null && { origin: r.origin }),
      ...(r.published !== null && { published: r.published }),
      ...(r.dateline_place !== null && { datelinePlace: r.dateline_place }),
      ingestedAt: r.ingested_at,
      chars: r.chars,
    }));
  }

  /** Closes the connection; a background checkpointer finishes its checkpoint and closes its own after it. */
  close(): void {
    if (this.db.open) this.db.close();
    void this.checkpointer?.stop();
  }

  /** Resolves when the background checkpointer (if any) has closed its connection, after close(). */
  async closed(): Promise<void> {
    await this.checkpointer?.stop();
  }

  /** Inserts the article and its layer rows; false when an article with the same text or id is already there. */
  private insertArticle(doc: Document, json: string | undefined): boolean {
    const s = this.statements;
    const a = doc.meta.id;
    const inserted = s.article.run({
      id: a,
      contentHash: doc.meta.contentHash,
      url: doc.meta.url ?? null,
      title: doc.meta.title ?? null,
      origin: doc.meta.origin ?? null,
      published: doc.meta.published ?? null,
      datelinePlace: doc.meta.dateline?.place ?? null,
      text: doc.text,
      json: json ?? JSON.stringify(documentToJSON(doc)),
      ingestedAt: new Date().toISOString(),
    });
    if (inserted.changes === 0) return false;
    if (s.textMatchesJson.get(a) !== 1) throw new StoreError(`article ${a}: the stored text differs from the text in its document JSON`);
    // SQLite: a prepared insert per row (in-process, microseconds each). PostgreSQL: one statement per table with
    // the rows as one JSON parameter, so an article's ~100 layer rows cost a few round trips instead of one each.
    for (const { table, insert } of s.layers) {
      const rows = table.rows(doc);
      if (rows.length === 0) continue;
      if (this.db.dialect === 'postgres') insert.run(a, JSON.stringify(rows));
      else for (const row of rows) insert.run(a, ...row);
    }
    return true;
  }
}

/** The former name of SqlStore (it was SQLite only). */
export const SqliteStore = SqlStore;
export type SqliteStore = SqlStore;

/** A postgres:// URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url;
  }
}

/**
 * Whether a database is there to read: a SQLite file that exists, or any postgres:// URL (its schema is created on
 * first open; a database that is not there fails to connect, with libpq's message).
 */
export function databaseExists(location: string): boolean {
  return isPostgresUrl(location) || existsSync(location);
}

export interface StoreOpenOptions {
  busy?: BusyRetryOptions;
  /**
   * false: open only a database whose schema is current, without writing (no migration, no switch to WAL), and
   * refuse one that needs a migration; `migrateHint` is added to that refusal (how to migrate).
   */
  migrate?: boolean;
  migrateHint?: string;
}

function refuseIfPending(pending: Migration[], hint: string | undefined): void {
  if (pending.length === 0) return;
  throw new StoreError(`the database needs migration ${pending.map((m) => `${String(m.version).padStart(3, '0')}_${m.name}`).join(', ')}${hint ? ` (${hint})` : ''}`);
}

/** Opens (creating and migrating if needed, unless `migrate: false`) the store at `path`: a SQLite file, or a postgres:// URL. */
export function openStore(path: string = resolveDbPath(), opts: StoreOpenOptions = {}): SqlStore {
  return new SqlStore(path, opts);
}
