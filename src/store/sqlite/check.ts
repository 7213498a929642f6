/**
 * `polity check --db FILE|URL`: whether a database is sound and agrees with itself — SQLite's integrity and
 * foreign-key checks (PostgreSQL enforces its foreign keys itself), the schema version, every article complete (its document JSON readable, its text equal
 * to the stored text, its id the hash of that text, one row per record in each layer table), and the record
 * up to date with the articles. Opened read-only: checking never changes the database.
 */
import { isPostgresUrl, type Db } from '../sql/db.js';
import { PgDb } from '../postgres/pg-db.js';
import { PG_MIGRATIONS_DIR } from '../postgres/migrate.js';
import { SqliteDb } from './sqlite-db.js';
import { contentHash, documentFromJSON, type Document } from '../../document/document.js';
import { recordIsStale } from '../../record/record-store.js';
import { BUSY_TIMEOUT_MS } from './busy.js';
import { loadMigrations } from './migrate.js';

export interface DatabaseProblem {
  kind: 'open' | 'integrity' | 'foreign-key' | 'schema' | 'article' | 'record';
  message: string;
}

export interface DatabaseCheck {
  articles: number;
  problems: DatabaseProblem[];
}

/** The per-article layer tables and the document layer each one indexes. */
const LAYER_TABLES = ['actors', 'mentions', 'roles', 'memberships', 'statements', 'events', 'commitments'] as const satisfies readonly (keyof Document)[];

export function checkDatabase(path: string): DatabaseCheck {
  let db: Db;
  const pg = isPostgresUrl(path);
  try {
    if (pg) {
      db = new PgDb(path);
      db.readOnly();
    } else {
      db = new SqliteDb(path, { readonly: true, fileMustExist: true });
      db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    }
  } catch (err) {
    return { articles: 0, problems: [{ kind: 'open', message: `cannot open: ${(err as Error).message}` }] };
  }
  const problems: DatabaseProblem[] = [];
  let articles = 0;
  try {
    const add = (kind: DatabaseProblem['kind'], message: string) => problems.push({ kind, message });
    if (!pg) try {
      for (const row of db.pragma('integrity_check') as { integrity_check: string }[]) {
        if (row.integrity_check !== 'ok') add('integrity', row.integrity_check);
      }
      for (const row of db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[]) {
        add('foreign-key', `${row.table} row ${row.rowid} points to a missing ${row.parent} row`);
      }
    } catch (err) {
      add('integrity', (err as Error).message);
      return { articles, problems };
    }
    const version = pg
      ? db.prepare("SELECT to_regclass('schema_migrations') IS NOT NULL").pluck().get() === 1 ? db.prepare('SELECT coalesce(max(version), 0) FROM schema_migrations').pluck().get() as number : 0
      : db.pragma('user_version', { simple: true }) as number;
    const known = (pg ? loadMigrations(PG_MIGRATIONS_DIR) : loadMigrations()).length;
    if (version > known) add('schema', `schema version ${version} is newer than this polity knows (${known})`);
    else if (version < known) add('schema', `schema version ${version}, ${known - version} migration(s) behind (opening it with polity applies them)`);
    const tables = new Set(db.prepare(pg
      ? 'SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()'
      : "SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]);
    const missing = ['articles', ...LAYER_TABLES].filter((t) => !tables.has(t));
    if (missing.length > 0) {
      add('schema', `not a polity database: no table ${missing.join(', ')}`);
      return { articles, problems };
    }
    const layerCounts = new Map<string, Map<string, number>>(
      LAYER_TABLES.map((t) => [t, new Map((db.prepare(`SELECT article_id, count(*) AS n FROM ${t} GROUP BY article_id`).all() as { article_id: string; n: number }[]).map((r) => [r.article_id, r.n]))]),
    );
    const rows = db.prepare('SELECT id, content_hash, text, document_json FROM articles ORDER BY id').iterate() as IterableIterator<{ id: string; content_hash: string; text: string; document_json: string }>;
    for (const row of rows) {
      articles++;
      const problem = (message: string) => add('article', `article ${row.id}: ${message}`);
      let doc: Document;
      try {
        doc = documentFromJSON(JSON.parse(row.document_json));
      } catch (err) {
        problem(`document JSON unreadable: ${(err as Error).message}`);
        continue;
      }
      if (doc.text !== row.text) problem(`stored text (${row.text.length} characters) differs from its document JSON text (${doc.text.length}) ${firstDifference(row.text, doc.text)}`);
      if (doc.meta.id !== row.id) problem(`document JSON names id ${doc.meta.id}`);
      const hash = contentHash(row.text);
      if (hash !== row.content_hash || !hash.startsWith(row.id)) problem('id and content hash are not the SHA-256 of the stored text');
      for (const table of LAYER_TABLES) {
        const stored = layerCounts.get(table)!.get(row.id) ?? 0;
        const inJson = doc[table].length;
        if (stored !== inJson) problem(`${table}: ${stored} rows stored, ${inJson} in its document JSON`);
      }
    }
    if (tables.has('record_meta') && articles > 0 && recordIsStale(db)) add('record', 'the record is out of date with the stored articles (polity record rebuild brings it up to date)');
  } finally {
    db.close();
  }
  return { articles, problems };
}

function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return `from offset ${i}`;
}
