import type { Document } from '../document/document.js';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';
import { addDecision, attachRecord, loadRecord } from './record-store.js';
import type { CrossRecord, ResolutionDecision } from './types.js';

/** Articles in the order the record reads them: by publication date, undated last, then by id. */
export function inRecordOrder(docs: Document[]): Document[] {
  return [...docs].sort((a, b) =>
    (a.meta.published ?? '9999').localeCompare(b.meta.published ?? '9999') || a.meta.id.localeCompare(b.meta.id));
}

/**
 * The cross-document record of some analysed articles, computed by the same incremental code as the store
 * (in a private in-memory database), the articles taken in record order: a pure function of the articles and
 * the decisions. With `asOf`, only articles published by then count, and statuses are as of that day.
 */
export function buildRecord(documents: Document[], decisions: ResolutionDecision[] = [], asOf?: string): CrossRecord {
  const store = attachRecord(new SqliteStore(':memory:'));
  try {
    for (const d of decisions) addDecision(store.db, d);
    for (const doc of inRecordOrder(documents)) {
      if (asOf && doc.meta.published && doc.meta.published > asOf) continue;
      store.putDocument(doc);
    }
    return loadRecord(store.db, asOf);
  } finally {
    store.close();
  }
}
