/**
 * Entry of one analysis worker thread (see pool.ts): builds its pipeline once and runs it over a short text so
 * every lexicon and the model are loaded (per worker) before it says it is ready — the pool's time budget then
 * counts analysis only — then analyses the documents it is sent one at a time, in the order sent (the pool sends
 * the next before this one is done, so it never waits for the writer's thread), saying when it starts each one
 * and posting each back as its JSON.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createDocument, documentToJSON, type Document } from '../document/document.js';
import type { Pipeline } from './pipeline.js';
import { refusesAgain } from './refusal.js';
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

/** Requests received and not started; a stage may await, so the next message can arrive while one is analysed. */
const waiting: WorkerRequest[] = [];
let running = false;

async function work(): Promise<void> {
  running = true;
  for (let request = waiting.shift(); request; request = waiting.shift()) {
    const { job, doc } = request;
    // The pool counts the budget from here (posted at once, even if the analysis then never yields).
    port!.postMessage({ job, started: performance.timeOrigin + performance.now() } satisfies WorkerReply);
    let reply: WorkerReply;
    try {
      const run = await pipeline.run(doc as Document);
      // The document goes back as the store's JSON only, made here, off the one writer thread: one string is cheap
      // to post, and parsing it there costs less than a structured clone of the document as well.
      reply = { job, ok: true, json: JSON.stringify(documentToJSON(run.doc)), warnings: run.warnings, timings: run.timings };
    } catch (err) {
      reply = { job, ok: false, reason: err instanceof Error ? err.message : String(err), refused: refusesAgain(err) };
    }
    port!.postMessage(reply);
  }
  running = false;
}

port.on('message', (request: WorkerRequest) => {
  waiting.push(request);
  if (!running) void work();
});
port.postMessage({ ready: true } satisfies WorkerReply);
