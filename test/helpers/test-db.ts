/**
 * Fresh database locations for the storage-level tests, for each dialect they run on: a temp SQLite file, or a
 * PostgreSQL schema of its own (in database `test` on 127.0.0.1:5432, or $POLITY_TEST_PG), dropped after the
 * test file. Which dialects run: $POLITY_TEST_DIALECTS (comma-separated; default "sqlite,postgres").
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import type { Dialect } from '../../src/store/sql/db.js';
import { PgDb } from '../../src/store/postgres/pg-db.js';

export const PG_TEST_URL = process.env.POLITY_TEST_PG || 'postgres://root@127.0.0.1:5432/test';

/** The dialects the storage tests run on. */
export function dialects(): Dialect[] {
  const given = (process.env.POLITY_TEST_DIALECTS ?? 'sqlite,postgres').split(',').map((d) => d.trim()).filter(Boolean);
  for (const d of given) if (d !== 'sqlite' && d !== 'postgres') throw new Error(`POLITY_TEST_DIALECTS: unknown dialect ${d}`);
  return given as Dialect[];
}

let serial = 0;

/** Database locations of one dialect for one test file; the same name gives the same database. Cleaned up after the file. */
export class TestDbs {
  private readonly dir: string;
  private readonly schemas = new Set<string>();
  private readonly tag: string;

  constructor(readonly dialect: Dialect, prefix = 'polity') {
    this.dir = mkdtempSync(join(tmpdir(), `${prefix}-`));
    this.tag = `t${process.pid}_${Date.now().toString(36)}_${serial++}`;
    after(() => this.cleanup());
  }

  /** A database location: `<tmp>/<name>` for SQLite, a postgres:// URL with a schema of its own for PostgreSQL. */
  at(name: string): string {
    if (this.dialect === 'sqlite') return join(this.dir, name);
    const schema = `${this.tag}_${name.toLowerCase().replace(/\.db$/, '').replace(/[^a-z0-9]+/g, '_')}`.slice(0, 63);
    this.schemas.add(schema);
    return `${PG_TEST_URL}?schema=${schema}`;
  }

  /** A folder for other files the test writes. */
  get tmp(): string {
    return this.dir;
  }

  cleanup(): void {
    rmSync(this.dir, { recursive: true, force: true });
    if (this.schemas.size === 0) return;
    const db = new PgDb(PG_TEST_URL);
    try {
      for (const s of this.schemas) db.exec(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
    } finally {
      db.close();
    }
    this.schemas.clear();
  }
}

/** True when the PostgreSQL test server answers (pg_isready). */
export function postgresReady(): boolean {
  try {
    execFileSync('pg_isready', ['-q', '-d', PG_TEST_URL], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
