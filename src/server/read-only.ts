import { openRecord, recordIsStale, type OpenRecord } from '../record/index.js';

/**
 * Opens the record at `path` for serving: never catching up or rebuilding (that is ingest's job), and with the
 * connection switched to read-only (SQLite query_only, PostgreSQL default_transaction_read_only), so no request
 * can write whatever route it reaches. `stale` tells whether articles were stored that the record has not taken in.
 * A database whose schema is current is only read, never written, at start; one that needs a migration is refused
 * (RecordError) unless `migrate` is set.
 */
export function openForServing(path: string, opts: { migrate?: boolean } = {}): { open: OpenRecord; stale: boolean } {
  const open = openRecord(path, { catchUp: false, migrate: opts.migrate ?? false, migrateHint: 'run polity serve --migrate, or any polity ingest, to apply it' });
  const stale = recordIsStale(open.db);
  open.db.readOnly();
  return { open, stale };
}
