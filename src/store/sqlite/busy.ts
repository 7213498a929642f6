/**
 * Waiting for another writer instead of failing with "database is locked". SQLite's busy timeout already waits
 * up to BUSY_TIMEOUT_MS for the write lock; a writer that holds it longer (a record rebuild over many articles,
 * another ingest) makes the statement fail with SQLITE_BUSY, and the whole operation — a transaction that rolled
 * back as a unit — is tried again after a growing, jittered pause, until `maxWaitMs` has passed.
 */
import { StoreError } from '../store.js';

/** How long SQLite itself waits for a lock before a statement fails with SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 10_000;
/** How long an operation keeps retrying in all before giving up (default). */
export const DEFAULT_MAX_BUSY_WAIT_MS = 10 * 60_000;

export interface BusyRetryOptions {
  maxWaitMs?: number;
  /** Told before each pause, with the attempt number (1 = first retry) and the pause. */
  onRetry?: (attempt: number, pauseMs: number) => void;
}

/**
 * A lock held by another connection: SQLITE_BUSY and its extended codes (SQLITE_BUSY_SNAPSHOT …); on PostgreSQL
 * a serialization failure (40001) or a deadlock (40P01), after which the transaction can be run again.
 */
export function isBusyError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code === 'SQLITE_LOCKED' || code === '40001' || code === '40P01');
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));

/** better-sqlite3 is synchronous, so the pause is too (Atomics.wait blocks without spinning the CPU). */
function pause(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
}

/** Runs `operation`, retrying it while the database is busy; it must be safe to repeat (one transaction). */
export function withBusyRetry<T>(operation: () => T, opts: BusyRetryOptions = {}): T {
  const deadline = Date.now() + (opts.maxWaitMs ?? DEFAULT_MAX_BUSY_WAIT_MS);
  let delay = 50;
  for (let attempt = 1; ; attempt++) {
    try {
      return operation();
    } catch (err) {
      if (!isBusyError(err)) throw err;
      const left = deadline - Date.now();
      if (left <= 0) throw new StoreError(`database is busy: another process held its write lock for over ${Math.round((opts.maxWaitMs ?? DEFAULT_MAX_BUSY_WAIT_MS) / 1000)} s`);
      const ms = Math.min(left, delay / 2 + Math.random() * delay);
      opts.onRetry?.(attempt, ms);
      pause(ms);
      delay = Math.min(delay * 2, 2_000);
    }
  }
}
