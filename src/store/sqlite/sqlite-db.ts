import Database from 'better-sqlite3';
import type { Db, SqlFragments, Statement, Transaction } from '../sql/db.js';

const FRAGMENTS: SqlFragments = {
  jsonArray: (param) => `json_each(${param})`,
  inJsonArray: (column, param) => `${column} IN (SELECT value FROM json_each(${param}))`,
  jsonRows: (param, columns) => `(SELECT ${columns.map((c, i) => `json_extract(value, '$[${i}]') AS ${c}`).join(', ')} FROM json_each(${param}))`,
  greatest: (a, b) => `max(${a}, ${b})`,
  least: (a, b) => `min(${a}, ${b})`,
};

/** The Db interface over better-sqlite3, which already has its shape: statements are better-sqlite3's own. */
export class SqliteDb implements Db {
  readonly dialect = 'sqlite' as const;
  readonly sql = FRAGMENTS;
  /** The better-sqlite3 connection, for what only SQLite has (pragmas, integrity checks). */
  readonly raw: Database.Database;

  constructor(path: string, opts?: Database.Options) {
    this.raw = new Database(path, opts);
  }

  get open(): boolean {
    return this.raw.open;
  }

  prepare(sql: string): Statement {
    return this.raw.prepare(sql) as unknown as Statement;
  }

  exec(sql: string): void {
    this.raw.exec(sql);
  }

  transaction<F extends (...args: never[]) => unknown>(fn: F): Transaction<F> {
    return this.raw.transaction(fn as unknown as (...args: unknown[]) => unknown) as unknown as Transaction<F>;
  }

  lockRecord(): void {}

  changeCounter(): number {
    return this.raw.pragma('data_version', { simple: true }) as number;
  }

  readOnly(): void {
    this.raw.pragma('query_only = ON');
  }

  pragma(source: string, opts?: { simple?: boolean }): unknown {
    return this.raw.pragma(source, opts);
  }

  close(): void {
    if (this.raw.open) this.raw.close();
  }
}
