import { strict as assert } from 'node:assert';
import Database from 'better-sqlite3';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { loadMigrations, migrate, openStore, SqliteDb, StoreError } from '../../src/store/index.js';

const dir = mkdtempSync(join(tmpdir(), 'polity-migrate-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function migrationsDir(name: string, files: Record<string, string>): string {
  const d = join(dir, name);
  mkdirSync(d);
  for (const [file, sql] of Object.entries(files)) writeFileSync(join(d, file), sql);
  return d;
}

const tables = (db: Database.Database) =>
  db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all() as string[];

describe('migrations', () => {
  it('applies the shipped migrations once, in order, and records each', () => {
    const path = join(dir, 'shipped.db');
    const shipped = loadMigrations();
    assert.ok(shipped.length >= 1);
    assert.deepEqual(shipped.map((m) => m.version), shipped.map((_, i) => i + 1));
    const store = openStore(path);
    const rows = store.db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all();
    assert.deepEqual(rows, shipped.map((m) => ({ version: m.version, name: m.name })));
    assert.equal(store.db.pragma('user_version', { simple: true }), shipped.length);
    const raw = (store.db as SqliteDb).raw;
    assert.ok(tables(raw).includes('articles'));
    assert.deepEqual(migrate(raw), [], 'nothing left to apply');
    store.close();
  });

  it('applies only the files added since the database was last opened', () => {
    const db = new Database(join(dir, 'grow.db'));
    const first = { '001_people.sql': 'CREATE TABLE people (id TEXT PRIMARY KEY);' };
    assert.deepEqual(migrate(db, loadMigrations(migrationsDir('grow1', first))), [1]);
    db.prepare("INSERT INTO people VALUES ('p1')").run();
    const more = { ...first, '002_places.sql': 'CREATE TABLE places (id TEXT PRIMARY KEY);\nALTER TABLE people ADD COLUMN place TEXT;' };
    assert.deepEqual(migrate(db, loadMigrations(migrationsDir('grow2', more))), [2]);
    assert.deepEqual(db.prepare('SELECT * FROM people').all(), [{ id: 'p1', place: null }]);
    db.close();
  });

  it('rolls a failing migration back whole and leaves the version where it was', () => {
    const db = new Database(join(dir, 'fail.db'));
    const files = {
      '001_people.sql': 'CREATE TABLE people (id TEXT PRIMARY KEY);',
      '002_broken.sql': 'CREATE TABLE half_done (id TEXT);\nINSERT INTO no_such_table VALUES (1);',
    };
    assert.throws(() => migrate(db, loadMigrations(migrationsDir('fail', files))), (err: unknown) => err instanceof StoreError && /002_broken failed/.test(err.message));
    assert.ok(!tables(db).includes('half_done'));
    assert.deepEqual(db.prepare('SELECT version FROM schema_migrations').pluck().all(), [1]);
    assert.equal(db.pragma('user_version', { simple: true }), 1);
    db.close();
  });

  it('refuses migration files with gaps, repeats or other names', () => {
    assert.throws(() => loadMigrations(migrationsDir('gap', { '001_a.sql': '', '003_c.sql': '' })), /without gaps/);
    assert.throws(() => loadMigrations(migrationsDir('repeat', { '001_a.sql': '', '001_b.sql': '' })), /without gaps or repeats/);
    assert.throws(() => loadMigrations(migrationsDir('name', { '1_a.sql': '' })), /not named NNN_name.sql/);
  });

  it('refuses a database written by a newer polity', () => {
    const path = join(dir, 'newer.db');
    const db = new Database(path);
    migrate(db, loadMigrations(migrationsDir('newer', { '001_a.sql': 'SELECT 1;', '002_b.sql': 'SELECT 1;', '003_c.sql': 'SELECT 1;' })));
    db.prepare('INSERT INTO schema_migrations VALUES (99, ?, ?)').run('future', new Date().toISOString());
    db.close();
    assert.throws(() => openStore(path), /version 99, newer than this polity knows/);
  });
});
