import type { Db } from '../store/sql/db.js';
import { databaseExists, openStore, type SqliteStore, type StoreOpenOptions } from '../store/sqlite/sqlite-store.js';
import { StoreError } from '../store/store.js';
import { RecordError, ensureRecord, evidenceQuoter, recordNewest } from './record-store.js';
import type { Quoter } from './queries.js';

/** An open record: the store it lives in, its database (for the query functions) and a quoter for its evidence. */
export interface OpenRecord {
  store: SqliteStore;
  db: Db;
  quote: Quoter;
  /** The newest publication date in the record (the default "as of" day). */
  newest(): string | undefined;
  /** Drops cached article texts (the record itself is always read fresh from the database). */
  refresh(): void;
  close(): void;
}

/**
 * Opens the record in the database at `path` for queries. Articles stored without the record (not through
 * `polity ingest`) are taken in first, once, here — never while answering. A missing file is an error rather
 * than a new empty database, since it almost always means a mistyped --db.
 */
export function openRecord(path: string, opts: { catchUp?: boolean } & Pick<StoreOpenOptions, 'migrate' | 'migrateHint'> = {}): OpenRecord {
  if (!databaseExists(path)) throw new RecordError(`no database ${path} (run polity ingest first, or give --db)`);
  let store: SqliteStore;
  try {
    store = openStore(path, { ...(opts.migrate !== undefined && { migrate: opts.migrate }), ...(opts.migrateHint && { migrateHint: opts.migrateHint }) });
  } catch (err) {
    // A database that cannot be opened as asked (needs a migration, is not a database) is a record error: a message, exit 3.
    if (err instanceof StoreError) throw new RecordError(err.message);
    throw err;
  }
  // Taking in articles writes: while another process holds the write lock it waits and retries, as writes do.
  if (opts.catchUp ?? true) store.whenNotBusy(() => ensureRecord(store));
  const open: OpenRecord = {
    store,
    db: store.db,
    quote: evidenceQuoter(store.db),
    newest: () => recordNewest(store.db),
    refresh() {
      open.quote = evidenceQuoter(store.db);
    },
    close: () => store.close(),
  };
  return open;
}
