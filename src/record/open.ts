import { existsSync } from 'node:fs';
import { openStore, type SqliteStore } from '../store/sqlite/sqlite-store.js';
import { RecordError, ensureRecord, evidenceQuoter, loadRecord } from './record-store.js';
import type { Quoter } from './queries.js';
import type { CrossRecord } from './types.js';

/** An open record: the store it lives in, the record read from it, and a quoter for its evidence. */
export interface OpenRecord {
  store: SqliteStore;
  record: CrossRecord;
  quote: Quoter;
  /** Re-reads the record, rebuilding it first if articles or decisions changed (used by the long-running server). */
  refresh(): CrossRecord;
  close(): void;
}

/**
 * Opens the record in the database at `path` for queries, bringing it up to date first. A missing file is an
 * error rather than a new empty database, since it almost always means a mistyped --db.
 */
export function openRecord(path: string): OpenRecord {
  if (!existsSync(path)) throw new RecordError(`no database ${path} (run polity ingest first, or give --db)`);
  const store = openStore(path);
  ensureRecord(store);
  const open: OpenRecord = {
    store,
    record: loadRecord(store.db),
    quote: evidenceQuoter(store.db),
    refresh() {
      ensureRecord(store);
      open.record = loadRecord(store.db);
      open.quote = evidenceQuoter(store.db);
      return open.record;
    },
    close: () => store.close(),
  };
  return open;
}
