export * from './types.js';
export { actorIn, buildRecord, inRecordOrder } from './build.js';
export { resolveActors, memberKey, MERGE_THRESHOLD, type Resolution } from './resolve.js';
export { comparePersonNames, parsePersonName, transliterationKey, type PersonName } from './names.js';
export { holdsOn, officeKey, isPastRole } from './state.js';
export { RecordWriter, applyCpu, applyStats } from './apply.js';
export {
  RecordError, addDecision, attachRecord, commitmentAsOf, documentReads, ensureRecord, evidenceQuoter, loadRecord, readDecisions, rebuildRecord,
  recordIsStale, recordNewest, searchRecord, searchSql, searchTermsSql, updateRecord, type SearchHit,
} from './record-store.js';
export {
  DEFAULT_EVIDENCE, DEFAULT_LIMIT, MAX_LIMIT, UnknownActorError, AmbiguousActorError, actorNamed, actorProfile, commitmentStatusOn, describeCommitment, explainHits, findActors, getActor,
  listActors, listCommitments, quotesBy, stateAsOf, timeline, type ActorSummary, type Page, type Quoter, type TimelineEntry,
} from './queries.js';
export { mergeActors, splitActor } from './decisions.js';
export { openRecord, type OpenRecord } from './open.js';
export { scoreResolution, type GoldClusters, type ResolutionScore } from './score.js';
