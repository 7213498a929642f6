import type { Document } from '../document/document.js';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';
import { addDecision, attachRecord, loadRecord } from './record-store.js';
import { comparePersonNames, foldName } from './names.js';
import type { CrossRecord, RecordActor, ResolutionDecision } from './types.js';

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

/**
 * The actor a name or id names in an in-memory record (see buildRecord): the id, then the canonical name or an
 * alias (folded), then the best-comparing person name. For tests and small records; the store's own lookup is
 * queries.ts findActors.
 */
export function actorIn(record: CrossRecord, query: string): RecordActor | undefined {
  const byId = record.actors.find((a) => a.id === query);
  if (byId) return byId;
  const folded = foldName(query);
  const exact = record.actors.filter((a) => [a.name, ...a.aliases].some((n) => foldName(n) === folded)).sort((x, y) => y.members.length - x.members.length);
  if (exact.length > 0) return exact[0];
  return record.actors
    .filter((a) => a.type === 'PERSON')
    .map((a) => ({ a, score: Math.max(...[a.name, ...a.aliases].map((n) => comparePersonNames(query, n).score)) }))
    .filter((x) => x.score >= 0.6)
    .sort((x, y) => y.score - x.score)[0]?.a;
}
