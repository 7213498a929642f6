/**
 * Analysis on every core: a pool of worker threads (node:worker_threads), each running its own pipeline over one
 * document at a time. A document goes to a worker by structured clone and comes back as its JSON only (one
 * string: the store keeps it as it is, and the layers are parsed from it here); the caller stays the one writer.
 *
 * Each worker holds JOBS_PER_WORKER articles (the one it analyses and the next), so it starts the next the moment
 * it finishes one, even while this thread is busy writing (a synchronous store write keeps this event loop from
 * handing it work). The per-article time budget is counted from when the worker starts the article (it says
 * when, with its clock's time, so a late reading of that message here does not stretch it): a worker still busy
 * when it runs out is terminated and replaced, and that article is refused with AnalysisTimeoutError; a worker
 * that crashes refuses the article it was analysing with AnalysisWorkerError and is replaced too. Articles it
 * held and had not started go to the next free worker, so a batch always goes on.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { documentFromJSON, type Document } from '../document/document.js';
import { LAYER_NAMES } from '../document/layers.js';
import type { StageTiming } from './pipeline.js';
import { AnalysisRefusedError } from './refusal.js';

/** Default budget of one article's analysis, in seconds (`polity ingest --article-timeout`). */
export const DEFAULT_ARTICLE_TIMEOUT_S = 30;

/** Articles a worker holds at once: the one it analyses and the next one, ready when it finishes. */
export const JOBS_PER_WORKER = 2;

/**
 * Analyses a caller should keep asked for per worker (storeArticles' `concurrency` is this times the pool size):
 * the JOBS_PER_WORKER a worker holds, and as many again finished and waiting for an earlier article to be written
 * in input order, so no worker runs dry while the writer waits for a slow article.
 */
export const ANALYSES_PER_WORKER = 2 * JOBS_PER_WORKER;

export interface AnalysisPoolOptions {
  /** Worker threads (default: os.availableParallelism()). */
  workers?: number;
  /** Budget of one article's analysis in seconds, counted from when its worker starts it (default 30). */
  articleTimeoutS?: number;
  /**
   * Module each worker builds its pipeline from (a file URL or path, exporting `createPipeline()`), instead of
   * the default pipeline: for tests and for other stage lists.
   */
  pipelineModule?: string | URL;
}

export interface PoolAnalysis {
  warnings: string[];
  timings: StageTiming[];
  /** The analysed document's JSON (JSON.stringify(documentToJSON(doc))), made in the worker for the store. */
  json: string;
}

/** The article's analysis ran out of its time budget; its worker was terminated. */
export class AnalysisTimeoutError extends Error {
  constructor(readonly seconds: number) {
    super(`analysis took longer than ${seconds} s`);
    this.name = 'AnalysisTimeoutError';
  }
}

/** The worker analysing the article crashed (an uncaught error, or it exited); it was replaced. */
export class AnalysisWorkerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AnalysisWorkerError';
  }
}

/** @internal What the pool passes to a worker at start. */
export interface WorkerData {
  pipelineModule?: string;
}

/** @internal One request to a worker. */
export interface WorkerRequest {
  job: number;
  doc: Document;
}

/**
 * @internal A worker's message: ready after loading its pipeline, then per request, in the order sent, one
 * `started` (performance.timeOrigin + performance.now() in the worker: milliseconds since the epoch, comparable
 * across threads) and one reply. The reply carries the document as its JSON only.
 */
export type WorkerReply =
  | { ready: true }
  | { job: number; started: number }
  | { job: number; ok: true; json: string; warnings: string[]; timings: StageTiming[] }
  | { job: number; ok: false; reason: string; refused: boolean };

/**
 * The worker's entry file beside the module at `from`: worker.js in the built package (dist/), worker.ts when the
 * sources run under tsx (`node --import tsx`, `npx tsx`).
 */
export function workerEntry(from: string | URL = import.meta.url): URL {
  const js = new URL('./worker.js', from);
  return existsSync(fileURLToPath(js)) ? js : new URL('./worker.ts', from);
}

/**
 * A Worker on `entry`. A .ts entry is started through a one-line bootstrap that registers tsx's loader in the
 * worker first: on Node 20 a worker's entry is not loaded through the loader hooks the parent's `--import tsx`
 * registers, so `new Worker('worker.ts')` fails with "Unknown file extension".
 */
export function startWorker(entry: URL, workerData: unknown): Worker {
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, { workerData });
  const tsx = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(bootstrap, { eval: true, workerData });
}

interface Job {
  id: number;
  doc: Document;
  resolve(result: PoolAnalysis): void;
  reject(err: Error): void;
  timer?: NodeJS.Timeout;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  /** Set when the pool ended this worker itself (timeout, crash, close): its exit is then expected. */
  retired: boolean;
  /** The uncaught error the worker died of, between its 'error' and its 'exit': it is given no more work. */
  crash?: Error;
  /** The jobs sent to this worker and not answered, in the order sent: the first is the one it is analysing (or starts next). */
  jobs: Job[];
}

/** Milliseconds since the epoch on a clock every thread of the process shares (see WorkerReply). */
const now = (): number => performance.timeOrigin + performance.now();

export class AnalysisPool {
  readonly size: number;
  readonly articleTimeoutS: number;
  /** Milliseconds from start to ready (pipeline built) of every worker started so far, replacements included. */
  readonly startupMs: number[] = [];
  private readonly entry = workerEntry();
  private readonly data: WorkerData;
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private readonly exits: Promise<number>[] = [];
  private nextJob = 0;
  private broken?: Error;
  private closed = false;
  private readyWaiters: (() => void)[] = [];

  constructor(opts: AnalysisPoolOptions = {}) {
    this.size = Math.max(1, Math.floor(opts.workers ?? availableParallelism()));
    this.articleTimeoutS = opts.articleTimeoutS ?? DEFAULT_ARTICLE_TIMEOUT_S;
    const module = opts.pipelineModule;
    this.data = module === undefined ? {} : { pipelineModule: module instanceof URL ? module.href : module };
  }

  /**
   * Analyses `doc` in a worker and fills its layers in place (as `analyze(doc)` does in this thread). Rejects with
   * AnalysisTimeoutError, AnalysisWorkerError, or the pipeline's own error message. Workers start on first use.
   */
  analyze(doc: Document): Promise<PoolAnalysis> {
    if (this.closed) return Promise.reject(new Error('analysis pool is closed'));
    if (this.broken) return Promise.reject(this.broken);
    this.start();
    return new Promise<PoolAnalysis>((resolve, reject) => {
      this.queue.push({ id: this.nextJob++, doc, resolve, reject });
      this.dispatch();
    });
  }

  /** Resolves when every worker has built its pipeline (starting them if needed): to time startup apart. */
  async ready(): Promise<void> {
    this.start();
    while (!this.broken && this.slots.some((s) => !s.ready)) await new Promise<void>((r) => this.readyWaiters.push(r));
    if (this.broken) throw this.broken;
  }

  /** Ends every worker; analyses still queued or running are rejected. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const err = new Error('analysis pool closed');
    for (const job of this.queue.splice(0)) job.reject(err);
    for (const slot of this.slots) {
      for (const job of this.detachAll(slot)) job.reject(err);
      slot.retired = true;
      this.exits.push(slot.worker.terminate());
    }
    await Promise.allSettled(this.exits);
  }

  private start(): void {
    while (this.slots.length < this.size) this.slots.push(this.spawn());
  }

  private spawn(): Slot {
    const started = performance.now();
    const worker = startWorker(this.entry, this.data);
    const slot: Slot = { worker, ready: false, retired: false, jobs: [] };
    worker.on('message', (msg: WorkerReply) => {
      if ('ready' in msg) {
        slot.ready = true;
        this.startupMs.push(performance.now() - started);
        this.wakeReadyWaiters();
        this.dispatch();
        return;
      }
      const job = slot.jobs.find((j) => j.id === msg.job);
      if (!job || slot.retired) return;
      if ('started' in msg) {
        // What is left of the budget since the worker started: this message may be read late (a store write).
        const left = this.articleTimeoutS * 1000 - (now() - msg.started);
        job.timer = setTimeout(() => this.timedOut(slot, job), Math.max(0, left));
        return;
      }
      this.detach(slot, job);
      if (msg.ok) {
        let result: Document;
        try {
          result = documentFromJSON(JSON.parse(msg.json));
        } catch (err) {
          job.reject(err instanceof Error ? err : new Error(String(err)));
          this.dispatch();
          return;
        }
        // In place, as the in-thread pipeline does: the caller keeps its own document object (and its text).
        const target = job.doc as unknown as Record<string, unknown>;
        for (const name of LAYER_NAMES) target[name] = result[name];
        job.doc.meta = result.meta;
        job.resolve({ warnings: msg.warnings, timings: msg.timings, json: msg.json });
      } else {
        job.reject(msg.refused ? new AnalysisRefusedError(msg.reason) : new Error(msg.reason));
      }
      this.dispatch();
    });
    // A worker's uncaught error comes on Node's internal port, and may be read before the replies it posted just
    // before it on the public one (nodejs/node#59617): acted on at once, it would refuse an article that was
    // analysed. So it is noted here and acted on at 'exit', which Node emits only after draining both ports.
    worker.on('error', (err) => {
      slot.crash ??= err;
    });
    worker.on('exit', (code) => {
      if (slot.retired) return;
      if (slot.crash) this.lost(slot, `analysis worker crashed: ${slot.crash.message}`, slot.crash);
      else this.lost(slot, `analysis worker exited with code ${code}`);
    });
    return slot;
  }

  /**
   * A worker died on its own: the article it was analysing (the first it held: it takes them in order) is
   * refused, those it held behind it go back to the front of the queue, and it is replaced; dying before it was
   * ready breaks the pool.
   */
  private lost(slot: Slot, reason: string, cause?: Error): void {
    if (slot.retired) return;
    this.retire(slot);
    if (!slot.ready) {
      this.broken = new AnalysisWorkerError(`analysis worker could not start: ${cause?.message ?? reason}`);
      for (const job of this.queue.splice(0)) job.reject(this.broken);
      this.wakeReadyWaiters();
      return;
    }
    const [running, ...waiting] = this.detachAll(slot);
    running?.reject(new AnalysisWorkerError(reason));
    this.queue.unshift(...waiting);
    this.replace(slot);
    this.dispatch();
  }

  private timedOut(slot: Slot, job: Job): void {
    if (slot.retired) return;
    this.retire(slot);
    const held = this.detachAll(slot);
    job.reject(new AnalysisTimeoutError(this.articleTimeoutS));
    this.queue.unshift(...held.filter((j) => j !== job));
    this.replace(slot);
    this.dispatch();
  }

  private retire(slot: Slot): void {
    slot.retired = true;
    this.exits.push(slot.worker.terminate());
  }

  private replace(slot: Slot): void {
    if (this.closed) return;
    const at = this.slots.indexOf(slot);
    if (at >= 0) this.slots[at] = this.spawn();
  }

  /** Takes `job` from the slot, its timer cleared. */
  private detach(slot: Slot, job: Job): void {
    slot.jobs = slot.jobs.filter((j) => j !== job);
    clearTimeout(job.timer);
    job.timer = undefined;
  }

  /** Takes every job from the slot, timers cleared, in the order they were sent. */
  private detachAll(slot: Slot): Job[] {
    const jobs = slot.jobs;
    slot.jobs = [];
    for (const job of jobs) {
      clearTimeout(job.timer);
      job.timer = undefined;
    }
    return jobs;
  }

  /** Sends queued jobs to ready workers: first one to each idle worker, then each worker its next one. */
  private dispatch(): void {
    for (let held = 0; held < JOBS_PER_WORKER; held++) {
      for (const slot of this.slots) {
        if (this.queue.length === 0) return;
        if (!slot.ready || slot.retired || slot.crash || slot.jobs.length > held) continue;
        const job = this.queue.shift()!;
        slot.jobs.push(job);
        slot.worker.postMessage({ job: job.id, doc: job.doc } satisfies WorkerRequest);
      }
    }
  }

  private wakeReadyWaiters(): void {
    for (const wake of this.readyWaiters.splice(0)) wake();
  }
}
