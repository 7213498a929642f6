/// <reference path="./pg-native.d.ts" />
import { createRequire } from 'node:module';
import type PgClient from 'pg-native';
import type { Db, RunResult, SqlFragments, Statement, Transaction } from '../sql/db.js';
import { StoreError } from '../store.js';

// pg-native is CommonJS and loads libpq only when a PostgreSQL database is opened, so SQLite-only use never needs it.
const require = createRequire(import.meta.url);

const FRAGMENTS: SqlFragments = {
  jsonArray: (param) => `jsonb_array_elements_text(${param}::jsonb)`,
  inJsonArray: (column, param) => `${column} = ANY(ARRAY(SELECT jsonb_array_elements_text(${param}::jsonb)))`,
  jsonRows: (param, columns) => `(SELECT ${columns.map((c, i) => `value->>${i} AS ${c}`).join(', ')} FROM jsonb_array_elements(${param}::jsonb))`,
  greatest: (a, b) => `greatest(${a}, ${b})`,
  least: (a, b) => `least(${a}, ${b})`,
};

/** Numbers come back as numbers, as from SQLite: int2/int4/int8 (count(*) is int8), numeric (sum of ints), float4/8. */
const NUMERIC_OIDS = new Set([20, 21, 23, 26, 700, 701, 1700]);
const TYPES = {
  getTypeParser(oid: number): (value: string) => unknown {
    if (NUMERIC_OIDS.has(oid)) return Number;
    if (oid === 16) return (v: string) => (v === 't' ? 1 : 0); // bool, as SQLite's 1/0
    return (v: string) => v;
  },
};

/** Where a postgres:// URL points, with polity's own `schema` parameter taken out (libpq does not know it). */
export function parsePgUrl(url: string): { conninfo: string; schema: string | undefined } {
  const u = new URL(url);
  const schema = u.searchParams.get('schema') ?? undefined;
  u.searchParams.delete('schema');
  if (schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(schema)) throw new StoreError(`schema name "${schema}" must be lower-case letters, digits and _`);
  return { conninfo: u.toString(), schema };
}

/**
 * Rewrites `?` and `@name` placeholders (better-sqlite3's) to PostgreSQL's `$n`, outside string literals, quoted
 * identifiers and comments. Hand-written: no maintained library translates SQLite-style placeholders, and the
 * scan is small. Returns the SQL and, per `$n`, the positional index or the name it takes its value from.
 */
export function translatePlaceholders(sql: string): { text: string; params: (number | string)[] } {
  const params: (number | string)[] = [];
  const named = new Map<string, number>();
  let out = '';
  let positional = 0;
  for (let i = 0; i < sql.length; i++) {
    const c = sql[i]!;
    if (c === "'" || c === '"') {
      const end = sql.indexOf(c, i + 1);
      const stop = end < 0 ? sql.length : end;
      out += sql.slice(i, stop + 1);
      i = stop;
    } else if (c === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i);
      const stop = end < 0 ? sql.length : end;
      out += sql.slice(i, stop);
      i = stop - 1;
    } else if (c === '?') {
      params.push(positional++);
      out += `$${params.length}`;
    } else if (c === '@' && /[A-Za-z_]/.test(sql[i + 1] ?? '')) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(sql.slice(i + 1))!;
      let n = named.get(m[0]);
      if (n === undefined) {
        params.push(m[0]);
        n = params.length;
        named.set(m[0], n);
      }
      out += `$${n}`;
      i += m[0].length;
    } else {
      out += c;
    }
  }
  return { text: out, params };
}

function toParam(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  if (typeof v === 'boolean') return v ? '1' : '0';
  throw new StoreError(`cannot bind a ${typeof v} to a PostgreSQL parameter`);
}

/** A PostgreSQL error, with its SQLSTATE as `code` (40001 serialization failure, 40P01 deadlock, 23505 unique …). */
export class PgError extends Error {
  constructor(message: string, readonly code: string | undefined) {
    super(message);
    this.name = 'PgError';
  }
}

/** Rows a cursor fetches at a time in Statement.iterate (a round trip each). */
export const CURSOR_FETCH_ROWS = 100;

/** One statement prepared on the server, shared by every prepare() of the same SQL text. */
interface Prepared {
  name: string;
  text: string;
  params: (number | string)[];
  ready: boolean;
}

class PgStatement implements Statement {
  private plucking = false;

  constructor(private readonly db: PgDb, private readonly p: Prepared) {}

  pluck(on = true): this {
    this.plucking = on;
    return this;
  }

  private values(args: unknown[]): (string | null)[] {
    const named = args.length > 0 && args[0] !== null && typeof args[0] === 'object' ? (args[0] as Record<string, unknown>) : undefined;
    const positional = named ? args.slice(1) : args;
    return this.p.params.map((p) => toParam(typeof p === 'number' ? positional[p] : named?.[p]));
  }

  private execute(args: unknown[]): Record<string, unknown>[] {
    const client = this.db.client();
    const p = this.p;
    if (!p.ready) {
      this.db.call(() => client.prepareSync(p.name, p.text, p.params.length), p.text);
      p.ready = true;
    }
    return this.db.call(() => client.executeSync(p.name, this.values(args)), p.text);
  }

  private shape(row: Record<string, unknown>): unknown {
    if (!this.plucking) return row;
    for (const k in row) return row[k];
    return undefined;
  }

  get(...args: unknown[]): unknown {
    const rows = this.execute(args);
    return rows.length === 0 ? undefined : this.shape(rows[0]!);
  }

  all(...args: unknown[]): unknown[] {
    const rows = this.execute(args);
    return this.plucking ? rows.map((r) => this.shape(r)) : rows;
  }

  /**
   * Streams the rows through a server-side cursor, CURSOR_FETCH_ROWS at a time, so a large result (every
   * article's document JSON) never sits in this process whole. WITH HOLD lets the cursor outlive a commit: other
   * statements and transactions may run on the connection between rows, as with SQLite (outside a transaction
   * PostgreSQL keeps the result on the server for the cursor). Breaking out of the loop closes the cursor.
   */
  *iterate(...args: unknown[]): IterableIterator<unknown> {
    const db = this.db;
    const name = db.cursorName();
    const text = this.p.text;
    const values = this.values(args);
    db.call(() => db.client().querySync(`DECLARE ${name} NO SCROLL CURSOR WITH HOLD FOR ${text}`, values), text);
    try {
      for (;;) {
        const rows = db.call(() => db.client().querySync(`FETCH ${CURSOR_FETCH_ROWS} FROM ${name}`), text) as Record<string, unknown>[];
        for (const row of rows) yield this.shape(row);
        if (rows.length < CURSOR_FETCH_ROWS) return;
      }
    } finally {
      // Only a cursor still there is closed: one declared in a transaction that rolled back is gone, and a failing
      // CLOSE would abort the caller's transaction. In an aborted transaction nothing can run (the rollback follows).
      if (db.open) {
        try {
          const client = db.client();
          if (client.querySync('SELECT 1 FROM pg_cursors WHERE name = $1', [name]).length > 0) client.querySync(`CLOSE ${name}`);
        } catch {
          // The caller's error (the transaction's) is the one to see.
        }
      }
    }
  }

  run(...args: unknown[]): RunResult {
    this.execute(args);
    const changes = Number(this.db.client().pq.cmdTuples()) || 0;
    // A write outside a transaction has committed already: counted after it (see PgDb.changeCounter).
    if (changes > 0 && this.db.inTransaction === false) this.db.noteChange();
    return { changes };
  }
}

/** A fixed advisory-lock class for polity; the second key is the schema's hash, so schemas do not wait for each other. */
const LOCK_CLASS = 0x706f6c;
export const RECORD_LOCK = 1;
export const MIGRATION_LOCK = 2;

/** Connections just closed, kept from the garbage collector until libuv has finished closing their sockets. */
const closing = new Set<PgClient>();

/** The Db interface over one pg-native (libpq) connection, synchronous like better-sqlite3. */
export class PgDb implements Db {
  readonly dialect = 'postgres' as const;
  readonly sql = FRAGMENTS;
  readonly schema: string | undefined;
  private conn: PgClient | undefined;
  private readonly statements = new Map<string, Prepared>();
  private depth = 0;
  /** Set by readOnly(): this connection writes nothing, so counts nothing. */
  private readOnlyConn = false;
  /** Whether the schema has the change counter (migration 007); looked up until it has. */
  private hasCounter = false;
  /** The change counter's increments this connection has committed (see changeCounter). */
  private ownCommits = 0;
  private cursors = 0;

  constructor(url: string) {
    const { conninfo, schema } = parsePgUrl(url);
    this.schema = schema;
    const Client = require('pg-native') as typeof PgClient;
    const conn = new Client({ types: TYPES });
    try {
      conn.connectSync(conninfo);
    } catch (err) {
      throw new StoreError(`cannot connect to PostgreSQL: ${err instanceof Error ? err.message.trim() : String(err)}`);
    }
    this.conn = conn;
    this.exec("SET client_min_messages = warning; SET standard_conforming_strings = on");
    if (schema !== undefined) {
      // Two processes opening a new schema at once: the lock makes CREATE SCHEMA IF NOT EXISTS safe.
      this.withLock(MIGRATION_LOCK, () => this.exec(`CREATE SCHEMA IF NOT EXISTS ${schema}`), false);
      this.exec(`SET search_path TO ${schema}`);
    }
  }

  get open(): boolean {
    return this.conn !== undefined;
  }

  client(): PgClient {
    if (!this.conn) throw new StoreError('the PostgreSQL connection is closed');
    return this.conn;
  }

  /** Runs a libpq call, turning its errors into PgError with the SQLSTATE. */
  call<T>(fn: () => T, text: string): T {
    try {
      return fn();
    } catch (err) {
      const fields = this.conn?.pq.resultErrorFields();
      const message = err instanceof Error ? err.message.trim() : String(err);
      throw new PgError(`${message} (in: ${text.replace(/\s+/g, ' ').slice(0, 200)})`, fields?.sqlState);
    }
  }

  /** @internal A new cursor name for this connection (Statement.iterate). */
  cursorName(): string {
    return `polity_cursor_${++this.cursors}`;
  }

  prepare(sql: string): Statement {
    // Prepared on the server once per SQL text and connection; pluck stays per caller.
    let p = this.statements.get(sql);
    if (!p) {
      p = { name: `p${this.statements.size + 1}`, ...translatePlaceholders(sql), ready: false };
      this.statements.set(sql, p);
    }
    return new PgStatement(this, p);
  }

  exec(sql: string): void {
    const client = this.client();
    this.call(() => client.querySync(sql), sql);
  }

  transaction<F extends (...args: never[]) => unknown>(fn: F): Transaction<F> {
    const run = (...args: Parameters<F>): ReturnType<F> => {
      const outer = this.depth === 0;
      const savepoint = `sp${this.depth}`;
      this.exec(outer ? 'BEGIN' : `SAVEPOINT ${savepoint}`);
      this.depth++;
      try {
        const result = fn(...args) as ReturnType<F>;
        // The last statement before COMMIT, so the row lock it takes is held for no longer than the commit and
        // never while waiting for another lock: concurrent writers queue on it briefly, and cannot deadlock on it.
        const counted = outer && this.noteChange();
        this.depth--;
        this.exec(outer ? 'COMMIT' : `RELEASE SAVEPOINT ${savepoint}`);
        if (counted) this.ownCommits++;
        return result;
      } catch (err) {
        this.depth--;
        if (this.conn) this.exec(outer ? 'ROLLBACK' : `ROLLBACK TO SAVEPOINT ${savepoint}; RELEASE SAVEPOINT ${savepoint}`);
        throw err;
      }
    };
    return Object.assign(run, { immediate: run }) as Transaction<F>;
  }

  /**
   * The advisory-lock key of lock `which`: bound to the schema (its hash), so that writers of different schemas
   * never wait for each other, or the same for every schema.
   */
  private lockKey(which: number, schemaBound = true): string {
    return schemaBound ? `${LOCK_CLASS}, hashtext(current_schema())::int4 # ${which}` : `${LOCK_CLASS}, ${which}`;
  }

  /** The process id of the server process serving this connection (pg_backend_pid). */
  backendPid(): number {
    return this.prepare('SELECT pg_backend_pid()').pluck().get() as number;
  }

  /** True inside transaction(). */
  get inTransaction(): boolean {
    return this.depth > 0;
  }

  /** Whether the schema has polity_changes (migration 007); once it has, it keeps it. */
  private counterExists(): boolean {
    this.hasCounter ||= this.prepare("SELECT to_regclass('polity_changes') IS NOT NULL").pluck().get() === 1;
    return this.hasCounter;
  }

  /**
   * Adds one to the schema's change counter (polity_changes, one row), in the transaction that writes: the new
   * value becomes visible to other connections in the same instant as what the transaction wrote (MVCC), never
   * before it. Every transaction of a connection that may write counts, whether or not it wrote (an extra count
   * only drops cached answers once more). Writes made without PgDb (psql) are not counted.
   */
  noteChange(): boolean {
    if (this.readOnlyConn || !this.counterExists()) return false;
    this.exec('UPDATE polity_changes SET n = n + 1 WHERE id = 1');
    // Outside a transaction the count has committed already; inside, transaction() counts it after COMMIT.
    if (this.depth === 0) this.ownCommits++;
    return true;
  }

  /**
   * PostgreSQL has no data_version: polity's own counter stands in, a row that every write transaction through
   * PgDb adds one to (see noteChange). It is read before the answer it guards, so an answer is never kept under
   * a count older than the data it was computed from: a commit between the two makes the next read differ. Undefined
   * in a schema without it (not yet migrated). As SQLite's data_version, it does not change for this connection's
   * own commits (their count is taken off): a writer's caches (the record's known actors) survive its own
   * articles, which drop what they touched themselves, and are dropped when another writer commits.
   */
  changeCounter(): number | undefined {
    if (!this.counterExists()) return undefined;
    return (this.prepare('SELECT n FROM polity_changes WHERE id = 1').pluck().get() as number) - this.ownCommits;
  }

  lockRecord(): void {
    if (this.depth === 0) throw new StoreError('lockRecord outside a transaction');
    this.prepare(`SELECT pg_advisory_xact_lock(${this.lockKey(RECORD_LOCK)})`).run();
  }

  /** Runs `fn` holding a session advisory lock `which` (e.g. while migrating). */
  withLock<T>(which: number, fn: () => T, schemaBound = true): T {
    const key = this.lockKey(which, schemaBound);
    this.exec(`SELECT pg_advisory_lock(${key})`);
    try {
      return fn();
    } finally {
      this.exec(`SELECT pg_advisory_unlock(${key})`);
    }
  }

  pragma(source: string): unknown {
    throw new StoreError(`PRAGMA ${source}: SQLite only, not on PostgreSQL`);
  }

  readOnly(): void {
    this.exec('SET default_transaction_read_only = on');
    this.readOnlyConn = true;
  }

  close(): void {
    if (!this.conn) return;
    const conn = this.conn;
    conn.end();
    this.conn = undefined;
    // libpq's finish() closes its libuv poll handle asynchronously (uv_close) and drops the native object's last
    // reference; were the object collected before the loop finishes the close, libuv would read freed memory and
    // abort (uv__finish_close assertion). Holding the connection for a moment keeps it alive until then.
    closing.add(conn);
    setTimeout(() => closing.delete(conn), 1000).unref();
  }
}
