export * from './document/span.js';
export * from './document/layers.js';
export * from './document/document.js';
export * from './document/normalize.js';
export * from './pipeline/stage.js';
export * from './pipeline/pipeline.js';
export { defaultPipeline } from './pipeline/default.js';
export { analyze } from './analyze.js';
