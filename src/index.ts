export * from './document/span.js';
export * from './document/layers.js';
export * from './document/document.js';
export * from './document/normalize.js';
export * from './pipeline/stage.js';
export * from './pipeline/pipeline.js';
export { defaultPipeline } from './pipeline/default.js';
export { analyze } from './analyze.js';
export {
  evaluateGoldDir, scoreDocument, loadGold, formatReport, GoldFormatError, GoldDirectoryError,
  type EvalReport, type DocumentScore, type GoldDocument,
} from './eval/index.js';
export * from './ingest/index.js';
export * from './store/index.js';
