export * from './types.js';
export { buildRecord, inRecordOrder } from './build.js';
export { resolveActors, memberKey, MERGE_THRESHOLD, type Resolution } from './resolve.js';
export { comparePersonNames, transliterationKey } from './names.js';
export { holdsOn, officeKey } from './state.js';
export {
  RecordError, addDecision, ensureRecord, evidenceQuoter, loadRecord, readDecisions, rebuildRecord, recordIsStale,
  searchRecord, updateRecord, type SearchHit,
} from './record-store.js';
export {
  UnknownActorError, actorNamed, actorProfile, commitmentStatusOn, describeCommitment, explainHits, findActors, quotesBy, stateAsOf,
  timeline, type Quoter, type TimelineEntry,
} from './queries.js';
export { mergeActors, splitActor } from './decisions.js';
export { openRecord, type OpenRecord } from './open.js';
export { scoreResolution, type GoldClusters, type ResolutionScore } from './score.js';
