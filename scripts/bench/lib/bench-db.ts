/**
 * Where a bench keeps its store, on either dialect: POLITY_BENCH_DB=postgres://… puts each bench store in a
 * fresh schema of that database (dropped by dropBenchStore); without it, a SQLite file in the bench's directory.
 * The SQLite-only steps (flushing the WAL before measuring the file) are no-ops on PostgreSQL.
 */
import { randomBytes } from 'node:crypto';
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PgDb, isPostgresUrl, type SqlStore } from '../../../src/store/index.js';

/** `url` with polity's `schema` parameter set (the store's tables live in that schema). */
export function withSchema(url: string, schema: string): string {
  const u = new URL(url);
  u.searchParams.set('schema', schema);
  return u.toString();
}

/** A new store location named `name`: a schema of POLITY_BENCH_DB (unique per run), else `dir/name.db`. */
export function benchStorePath(dir: string, name: string): string {
  const base = process.env.POLITY_BENCH_DB;
  if (!base) return join(dir, `${name}.db`);
  if (!isPostgresUrl(base)) throw new Error(`POLITY_BENCH_DB must be a postgres:// URL (SQLite is the default): ${base}`);
  return withSchema(base, `polity_bench_${name.replace(/[^a-z0-9_]/g, '_')}_${randomBytes(3).toString('hex')}`);
}

/** What the bench's database is, for its report lines. */
export function benchDialect(): string {
  const base = process.env.POLITY_BENCH_DB;
  return base ? `PostgreSQL ${base.replace(/\?.*/u, '').replace(/\/\/[^@]*@/u, '//')}` : 'SQLite';
}

/** SQLite: moves the WAL into the database file, so the file's size is the database's. PostgreSQL: nothing. */
export function checkpoint(store: SqlStore): void {
  if (store.db.dialect === 'sqlite') store.db.pragma('wal_checkpoint(TRUNCATE)');
}

/** Bytes the store takes: the SQLite file (after checkpoint), or its schema's tables with indexes and TOAST. */
export function databaseBytes(store: SqlStore): number {
  if (store.db.dialect === 'sqlite') return statSync(store.path).size;
  return store.db.prepare(`SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'm')`).pluck().get() as number;
}

/** Removes a bench store: its schema (PostgreSQL; `store` must be open) or its files (SQLite, closed or not). */
export function dropBenchStore(store: SqlStore): void {
  // Only a schema of its own (benchStorePath's), never the database's default one.
  if (store.db instanceof PgDb && store.db.open && store.db.schema !== undefined) store.db.exec(`DROP SCHEMA ${store.db.schema} CASCADE`);
  store.close();
  if (!isPostgresUrl(store.path)) for (const f of [store.path, `${store.path}-wal`, `${store.path}-shm`]) rmSync(f, { force: true });
}
