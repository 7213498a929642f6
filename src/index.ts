export * from './document/span.js';
export * from './document/layers.js';
export * from './document/document.js';
export * from './document/normalize.js';
export * from './pipeline/stage.js';
export * from './pipeline/pipeline.js';
export { AnalysisPool, AnalysisTimeoutError, AnalysisWorkerError, DEFAULT_ARTICLE_TIMEOUT_S, type AnalysisPoolOptions, type PoolAnalysis } from './pipeline/pool.js';
export { defaultPipeline } from './pipeline/default.js';
export { analyze } from './analyze.js';
export {
  evaluateGoldDir, scoreDocument, loadGold, formatReport, GoldFormatError, GoldDirectoryError,
  type EvalReport, type DocumentScore, type GoldDocument,
} from './eval/index.js';
export * from './ingest/index.js';
export * from './store/index.js';
export {
  EXPORT_FORMATS, EVENT_CSV_COLUMNS, allianceGraph, eventCsv, exportChunks, exportSourceFromDocuments, exportSourceFromStore, ploverJsonLines,
  recordJsonLines, writeGexf, writeGraphml, type ExportFormat, type ExportSource, type PloverRecord,
} from './export/index.js';
export { eventsStage, extractEvents } from './stages/events/events.js';
export { relationsStage, extractRelations } from './stages/relations/relations.js';
export {
  openRecord, buildRecord, updateRecord, rebuildRecord, ensureRecord, loadRecord, mergeActors, splitActor, searchRecord,
  actorNamed, findActors, actorProfile, stateAsOf, timeline, quotesBy, describeCommitment, commitmentStatusOn,
  resolveActors, comparePersonNames, scoreResolution, RecordError, UnknownActorError,
  type OpenRecord, type CrossRecord, type RecordActor, type RecordCommitment, type RecordEvent, type Office,
  type PartyMembership, type RelationState, type Evidence, type QuotedEvidence, type ResolutionDecision,
} from './record/index.js';
