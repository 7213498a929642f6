/**
 * What the exports read, in one place: the cross-article record (actors with their ids, offices, memberships,
 * relations, de-duplicated events, commitments, statements) and the analysed articles behind it. Every export
 * goes through this interface, so a change in how the record is stored or queried is adapted here only.
 */
import type { Document } from '../document/document.js';
import { buildRecord, ensureRecord, loadRecord, memberKey } from '../record/index.js';
import type {
  CrossRecord, Evidence, Interval, Office, PartyMembership, QuotedEvidence, RecordActor, RecordAgreement, RecordCommitment,
  RecordEvent, RecordStatement, RelationState,
} from '../record/index.js';
import type { SqliteStore } from '../store/index.js';

export type {
  Evidence, Interval, Office, PartyMembership, QuotedEvidence, RecordActor, RecordAgreement, RecordCommitment, RecordEvent,
  RecordStatement, RelationState,
};

export interface ExportSource {
  actors(): Iterable<RecordActor>;
  actor(id: string): RecordActor | undefined;
  /** The record actor a per-article actor belongs to. */
  recordActorOf(article: string, local: string): string | undefined;
  offices(): Iterable<Office>;
  memberships(): Iterable<PartyMembership>;
  relations(): Iterable<RelationState>;
  /** De-duplicated events, each with every article that reported it. */
  events(): Iterable<RecordEvent>;
  commitments(): Iterable<RecordCommitment>;
  agreements(): Iterable<RecordAgreement>;
  statements(): Iterable<RecordStatement>;
  /** An analysed article by id. */
  document(article: string): Document | undefined;
  /** Evidence with the text it points at. */
  quote(e: Evidence): QuotedEvidence;
}

/** How many analysed articles are kept in memory at once while exporting from a store. */
const DOCUMENT_CACHE_SIZE = 64;

function fromRecord(record: CrossRecord, readDocument: (id: string) => Document | undefined): ExportSource {
  const byId = new Map(record.actors.map((a) => [a.id, a]));
  const byMember = new Map(record.actors.flatMap((a) => a.members.map((m) => [memberKey(m.article, m.local), a.id] as const)));
  const cache = new Map<string, Document | undefined>();
  const document = (id: string): Document | undefined => {
    if (cache.has(id)) {
      const doc = cache.get(id);
      cache.delete(id);
      cache.set(id, doc);
      return doc;
    }
    const doc = readDocument(id);
    cache.set(id, doc);
    if (cache.size > DOCUMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
    return doc;
  };
  return {
    actors: () => record.actors,
    actor: (id) => byId.get(id),
    recordActorOf: (article, local) => byMember.get(memberKey(article, local)),
    offices: () => record.offices,
    memberships: () => record.memberships,
    relations: () => record.relations,
    events: () => record.events,
    commitments: () => record.commitments,
    agreements: () => record.agreements,
    statements: () => record.statements,
    document,
    quote: (e) => ({ ...e, text: document(e.article)?.text.slice(e.start, e.end) ?? '' }),
  };
}

/** The record stored in a database (brought up to date first) and its articles. */
export function exportSourceFromStore(store: SqliteStore): ExportSource {
  ensureRecord(store);
  return fromRecord(loadRecord(store.db), (id) => store.getDocument(id));
}

/** A record built in memory from analysed articles that are not stored (`polity export FILE…`). */
export function exportSourceFromDocuments(docs: Document[]): ExportSource {
  const byId = new Map(docs.map((d) => [d.meta.id, d]));
  return fromRecord(buildRecord(docs), (id) => byId.get(id));
}
