import { packagePath } from '../../package-path.js';
import { loadMigrations, type Migration } from '../sqlite/migrate.js';
import { StoreError } from '../store.js';
import { MIGRATION_LOCK, type PgDb } from './pg-db.js';

/**
 * The PostgreSQL schema: numbered SQL files mirroring src/store/sqlite/migrations one for one (same numbers,
 * same names), so both dialects are always at the same version. Add the next file to both folders.
 */
export const PG_MIGRATIONS_DIR = packagePath('src/store/postgres/migrations');

/**
 * Applies every migration not yet recorded in schema_migrations, each in its own transaction together with its
 * record; a session advisory lock keeps two processes opening a new schema at once from both applying a file.
 */
export function migratePg(db: PgDb, migrations: Migration[] = loadMigrations(PG_MIGRATIONS_DIR)): number[] {
  return db.withLock(MIGRATION_LOCK, () => {
    db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version    INTEGER PRIMARY KEY,
      name       TEXT NOT NULL,
      applied_at TEXT NOT NULL
    )`);
    const newest = Math.max(0, ...(db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[]));
    if (newest > migrations.length) {
      throw new StoreError(`database schema is at version ${newest}, newer than this polity knows (${migrations.length}); upgrade polity`);
    }
    const done: number[] = [];
    for (const m of migrations) {
      if (m.version <= newest) continue;
      db.transaction(() => {
        try {
          db.exec(m.sql);
        } catch (err) {
          throw new StoreError(`migration ${String(m.version).padStart(3, '0')}_${m.name} failed: ${err instanceof Error ? err.message : String(err)}`);
        }
        db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, new Date().toISOString());
      })();
      done.push(m.version);
    }
    return done;
  });
}

/**
 * The migrations not yet applied to the schema, read without writing (all of them for a schema polity never
 * opened). Throws when the schema is newer than this polity.
 */
export function pendingPgMigrations(db: PgDb, migrations: Migration[] = loadMigrations(PG_MIGRATIONS_DIR)): Migration[] {
  const hasTable = db.prepare("SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'schema_migrations'").pluck().get() !== undefined;
  const applied = new Set(hasTable ? (db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[]) : []);
  const newest = Math.max(0, ...applied);
  if (newest > migrations.length) {
    throw new StoreError(`database schema is at version ${newest}, newer than this polity knows (${migrations.length}); upgrade polity`);
  }
  return migrations.filter((m) => !applied.has(m.version));
}
