import { openRecord, recordIsStale, type OpenRecord } from '../record/index.js';

/**
 * Opens the record at `path` for serving: never catching up or rebuilding (that is ingest's job), and with the
 * connection switched to read-only (SQLite query_only, PostgreSQL default_transaction_read_only), so no request can write whatever route it reaches. `stale` tells whether
 * articles were stored that the record has not taken in.
 */
export function openForServing(path: string): { open: OpenRecord; stale: boolean } {
  const open = openRecord(path, { catchUp: false });
  const stale = recordIsStale(open.db);
  open.db.readOnly();
  return { open, stale };
}
