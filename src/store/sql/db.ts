/**
 * The one database interface the store, the record, the server, the exports and the evals run on, for both
 * dialects: SQLite (better-sqlite3, the embedded default) and PostgreSQL (pg-native, for a shared server).
 *
 * Both drivers are synchronous. The whole store and record are written as synchronous code over one
 * transaction model (an article and its record rows commit together); a synchronous PostgreSQL driver — pg-native,
 * libpq bindings from node-postgres, ~15-22 µs a local query — keeps that one code path for both dialects.
 * Query builders (Kysely, knex) are async-only: they would fork or rewrite every caller, so there is none; the
 * SQL is written once in the subset both dialects run, with the few differences behind `db.sql` fragments.
 *
 * The shape is better-sqlite3's own (prepare → get/all/run/iterate/pluck, transaction(fn) with .immediate),
 * so SQLite needs no wrapper per statement and call sites read the same on both.
 */

export type Dialect = 'sqlite' | 'postgres';

export interface RunResult {
  /** Rows inserted, updated or deleted. */
  changes: number;
}

/** A prepared statement. Positional parameters are `?`; named ones `@name`, given as one object. */
export interface Statement {
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
  run(...params: unknown[]): RunResult;
  iterate(...params: unknown[]): IterableIterator<unknown>;
  /** From now on get/all/iterate return the first column's value instead of row objects. */
  pluck(on?: boolean): this;
}

/** A function run in a transaction (nested calls use savepoints); `immediate` takes SQLite's write lock first. */
export interface Transaction<F extends (...args: never[]) => unknown> {
  (...args: Parameters<F>): ReturnType<F>;
  immediate(...args: Parameters<F>): ReturnType<F>;
}

/** SQL that differs between the dialects, as fragments to put in a statement. */
export interface SqlFragments {
  /** A table of the strings in a JSON array parameter, with one column `value`: `SELECT value FROM ${jsonArray('?')}`. */
  jsonArray(param: string): string;
  /**
   * `column` is one of the strings in a JSON array parameter: a condition. On PostgreSQL an `= ANY` of an array
   * (estimated at 10 elements) rather than `IN` a set-returning function (estimated at 100 rows), so the planner
   * probes the column's index instead of reading the whole table into a hash join.
   */
  inJsonArray(column: string, param: string): string;
  /**
   * A table of the rows in a JSON array-of-arrays parameter, its text columns named `columns` in order:
   * `SELECT id, name FROM ${jsonRows('?', ['id', 'name'])} AS v` for `[["a", "Ann"], ["b", "Bo"]]`. Many rows
   * in one statement (one round trip on PostgreSQL) where a statement per row would be.
   */
  jsonRows(param: string, columns: string[]): string;
  /** The larger / smaller of two values (SQLite's scalar max/min; PostgreSQL's greatest/least). */
  greatest(a: string, b: string): string;
  least(a: string, b: string): string;
}

export interface Db {
  readonly dialect: Dialect;
  /** False once closed. */
  readonly open: boolean;
  readonly sql: SqlFragments;
  prepare(sql: string): Statement;
  /** Runs one or more statements without parameters. */
  exec(sql: string): void;
  transaction<F extends (...args: never[]) => unknown>(fn: F): Transaction<F>;
  /**
   * Inside a transaction: waits until no other process is writing the record (PostgreSQL: a transaction-level
   * advisory lock, so several writers analyse in parallel and update the record one at a time). SQLite's write
   * lock already serializes whole transactions, so there it does nothing.
   */
  lockRecord(): void;
  /** Makes this connection refuse every write (the server). */
  readOnly(): void;
  /**
   * A number that changes when another connection has committed since it was last read, for caches that must
   * drop their answers then: SQLite's data_version; on PostgreSQL a counter row that every write transaction
   * through PgDb adds one to as it commits (migration 007). Undefined where there is none (a PostgreSQL schema
   * not yet migrated), and then nothing may be cached.
   */
  changeCounter(): number | undefined;
  /** A SQLite pragma (better-sqlite3's pragma()); PostgreSQL has none and throws. */
  pragma(source: string, opts?: { simple?: boolean }): unknown;
  close(): void;
}

/** True when `location` names a PostgreSQL database (postgres:// or postgresql:// URL) rather than a SQLite file. */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

const PREPARED = new WeakMap<Db, Map<string, Statement>>();

/**
 * The statement for `sql` on this connection, prepared once and reused (SQLite compiles a statement on every
 * prepare, which costs more than many of the read queries themselves), with pluck off as from prepare. Only for
 * statements run with get/all/run: a shared statement cannot be iterated while it is used again.
 */
export function preparedOnce(db: Db, sql: string): Statement {
  let bySql = PREPARED.get(db);
  if (!bySql) PREPARED.set(db, (bySql = new Map()));
  let statement = bySql.get(sql);
  if (!statement) bySql.set(sql, (statement = db.prepare(sql)));
  return statement.pluck(false);
}
