import type Database from 'better-sqlite3';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packagePath } from '../../package-path.js';
import { StoreError } from '../store.js';

/**
 * The schema lives in numbered SQL files, src/store/sqlite/migrations/NNN_name.sql, applied in order. To add
 * tables (cross-document record tables, FTS5 indexes, …) add the next file, e.g. 002_record.sql; never edit a
 * file that has shipped, since databases that already applied it will not run it again.
 */
export const MIGRATIONS_DIR = packagePath('src/store/sqlite/migrations');

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const FILE_NAME = /^(\d{3})_([a-z0-9_]+)\.sql$/;

/** The migration files in `dir`, in version order; versions must run 1, 2, 3 … without gaps. */
export function loadMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  const migrations = readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .map((file) => {
      const m = FILE_NAME.exec(file);
      if (!m) throw new StoreError(`migration file ${file} in ${dir} is not named NNN_name.sql`);
      return { version: Number(m[1]), name: m[2]!, sql: readFileSync(join(dir, file), 'utf8') };
    })
    .sort((a, b) => a.version - b.version);
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new StoreError(`migrations in ${dir} must be numbered 001, 002, … without gaps or repeats; found ${String(m.version).padStart(3, '0')}_${m.name} at position ${i + 1}`);
  });
  return migrations;
}

/**
 * The migrations not yet applied to `db`, read without writing or taking the write lock (all of them for a
 * database polity never opened). Throws when the database is newer than this polity.
 */
export function pendingMigrations(db: Database.Database, migrations: Migration[] = loadMigrations()): Migration[] {
  const hasTable = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").pluck().get() !== undefined;
  const applied = new Set(hasTable ? db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[] : []);
  const newest = Math.max(0, ...applied);
  if (newest > migrations.length) {
    throw new StoreError(`database schema is at version ${newest}, newer than this polity knows (${migrations.length}); upgrade polity`);
  }
  return migrations.filter((m) => !applied.has(m.version));
}

/**
 * Applies every migration not yet recorded in schema_migrations, each in its own transaction together with
 * its record, so a failed migration leaves the database at the previous version. Returns the versions applied.
 * A database that is current is only read: no write lock is taken.
 */
export function migrate(given: Database.Database | { raw: Database.Database }, migrations: Migration[] = loadMigrations()): number[] {
  const db = 'raw' in given ? given.raw : given;
  if (pendingMigrations(db, migrations).length === 0) return [];
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`);
  const versions = db.prepare('SELECT version FROM schema_migrations').pluck();
  const newest = Math.max(0, ...(versions.all() as number[]));
  const known = migrations.length;
  if (newest > known) {
    throw new StoreError(`database schema is at version ${newest}, newer than this polity knows (${known}); upgrade polity`);
  }
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  const isApplied = db.prepare('SELECT 1 FROM schema_migrations WHERE version = ?').pluck();
  const done: number[] = [];
  for (const m of migrations) {
    // IMMEDIATE takes the write lock before checking, so two processes opening a new database at once do not
    // both apply the same file.
    const applied = db.transaction(() => {
      if (isApplied.get(m.version) !== undefined) return false;
      try {
        db.exec(m.sql);
      } catch (err) {
        throw new StoreError(`migration ${String(m.version).padStart(3, '0')}_${m.name} failed: ${err instanceof Error ? err.message : String(err)}`);
      }
      record.run(m.version, m.name, new Date().toISOString());
      db.pragma(`user_version = ${m.version}`);
      return true;
    }).immediate();
    if (applied) done.push(m.version);
  }
  return done;
}
