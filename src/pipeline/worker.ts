/**
 * Entry of one analysis worker thread (see pool.ts): builds its pipeline once and runs it over a short text so
 * every lexicon and the model are loaded (per worker) before it says it is ready — the pool's time budget then
 * counts analysis only — then analyses one document per message and posts it back whole.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createDocument, documentToJSON, type Document } from '../document/document.js';
import type { Pipeline } from './pipeline.js';
import type { WorkerData, WorkerReply, WorkerRequest } from './pool.js';

/** Loads what the stages load lazily: names, a title, a quote, a date, an event, a promise. */
const WARM_UP =
  'ISLAMABAD: Prime Minister Sara Khan of the Unity Party said on Monday that her government would hold talks ' +
  'with the opposition next week. "We will not leave the coalition," she told reporters.';

async function loadPipeline(data: WorkerData): Promise<Pipeline> {
  if (data.pipelineModule === undefined) return (await import('./default.js')).defaultPipeline();
  const mod = (await import(data.pipelineModule)) as { createPipeline?: () => Pipeline | Promise<Pipeline> };
  if (typeof mod.createPipeline !== 'function') throw new Error(`${data.pipelineModule} exports no createPipeline()`);
  return mod.createPipeline();
}

const port = parentPort;
if (!port) throw new Error('polity: pipeline/worker runs as a worker thread (see AnalysisPool)');
const pipeline = await loadPipeline(workerData as WorkerData);
await pipeline.run(createDocument(WARM_UP, { published: '2024-03-04' }));

port.on('message', async ({ job, doc }: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    const run = await pipeline.run(doc as Document);
    // The store's JSON of the document is made here too, off the one writer thread (a string is cheap to post).
    reply = { job, ok: true, doc: run.doc, json: JSON.stringify(documentToJSON(run.doc)), warnings: run.warnings, timings: run.timings };
  } catch (err) {
    reply = { job, ok: false, reason: err instanceof Error ? err.message : String(err) };
  }
  port.postMessage(reply);
});
port.postMessage({ ready: true } satisfies WorkerReply);
