import type { Document } from './document/document.js';
import { defaultPipeline } from './pipeline/default.js';
import type { Pipeline, PipelineRun } from './pipeline/pipeline.js';

let shared: Pipeline | undefined;

/** Runs the default pipeline (or the one given) over an ingested document, adding every layer in place. */
export async function analyze(doc: Document, pipeline: Pipeline = (shared ??= defaultPipeline())): Promise<PipelineRun> {
  return pipeline.run(doc);
}
