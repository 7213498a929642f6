/**
 * A queue worker: takes article jobs, analyses each on the worker threads of an AnalysisPool and stores it
 * through storeItems — the path `polity ingest` takes, so storing is idempotent on the content hash and each
 * article joins the record in its own transaction. Delivery is at least once (a job whose worker died is
 * expired and taken again); the content hash makes the second delivery an 'unchanged' no-op, so every article
 * is in the store exactly once.
 */
import type PgBoss from 'pg-boss';
import { documentFromJSON } from '../document/document.js';
import { oneLine } from '../document/printable.js';
import { readSource } from '../ingest/index.js';
import type { IngestItem } from '../ingest/types.js';
import type { AnalysisPool } from '../pipeline/pool.js';
import { storeItems, type ReadArticle, type SqliteStore, type Store, type StoreOutcome } from '../store/index.js';
import { REFUSED_JOB, type ArticleJob, type ArticleQueue } from './article-queue.js';
import { threadCpuMs } from './thread-cpu.js';

/**
 * Jobs held per analysis thread by default, each taken by a pg-boss work loop of its own. pg-boss 10 waits out its
 * polling interval after every job a loop finishes, even when more jobs are waiting, so a loop takes at most one
 * job per interval: with 2 loops a thread and a 1 s interval a worker took about 2 articles a second however fast
 * it was. 16 loops a thread polling every 0.5 s keep the thread's queue full (an article takes tens of ms).
 */
export const DEFAULT_JOBS_PER_THREAD = 16;

export interface WorkerOptions {
  /** Exit once no job has been waiting or running anywhere for this many seconds (default: run until stopped). */
  idleExitS?: number;
  /** How often an idle worker asks for jobs (seconds, at least 0.5; default 0.5). */
  pollSeconds?: number;
  /** Jobs taken and held per analysis thread (default DEFAULT_JOBS_PER_THREAD). */
  jobsPerThread?: number;
  /** Told once the analysis threads are built and jobs are being taken. */
  onReady?: () => void;
  /** Told of each finished job (its outcomes) and of each job that failed (the reason). */
  onJob?: (job: { id: string; source: string }, outcomes: StoreOutcome[], failure?: string) => void;
}

export interface WorkerTotals {
  jobs: number;
  added: number;
  unchanged: number;
  replaced: number;
  failed: number;
  /** Jobs failed without a retry: every article in them that was not stored was refused (JobRefusedError). */
  refused: number;
  /** Milliseconds the pipeline ran on the analysis threads (the sum of its stage timings). */
  analysisMs: number;
  /** Milliseconds in the store's putDocument: writing the article and its record update, waiting for the write lock. */
  storeMs: number;
  /** CPU milliseconds of this (the writing) thread inside putDocument; undefined off Linux (see threadCpuMs). */
  storeCpuMs?: number;
  /** CPU milliseconds of the process (every thread) from when the analysis threads were ready to the end. */
  workCpuMs: number;
  /** CPU milliseconds of this thread over the same time (the rest is the analysis threads'); undefined off Linux. */
  mainCpuMs?: number;
  /** When the first job was taken and the last one finished (epoch ms; 0 before any job). */
  firstJobAt: number;
  lastJobAt: number;
}

/** Counts the milliseconds spent in putDocument, delegating every call to `store`. */
function timedStore(store: Store, totals: WorkerTotals): Store {
  return {
    putDocument(doc, o) {
      const t0 = performance.now();
      const c0 = threadCpuMs();
      try {
        return store.putDocument(doc, o);
      } finally {
        totals.storeMs += performance.now() - t0;
        const c1 = threadCpuMs();
        if (c0 !== undefined && c1 !== undefined) totals.storeCpuMs = (totals.storeCpuMs ?? 0) + c1 - c0;
      }
    },
    hasContent: (hash) => store.hasContent(hash),
    getDocument: (id) => store.getDocument(id),
    listArticles: () => store.listArticles(),
    close: () => store.close(),
  };
}

/** The articles a job holds, read as `ingest` reads them: the article itself, or what its URL serves. */
async function* articlesOf(data: ArticleJob): AsyncGenerator<ReadArticle> {
  if (data.kind === 'article') {
    const item: IngestItem = { ok: true, source: data.source, doc: documentFromJSON(data.doc) };
    yield { ref: 0, item };
    return;
  }
  for await (const item of readSource({ location: data.url, kind: 'url' }, data.published ? { published: data.published } : {})) yield { ref: 0, item };
}

const sourceOf = (data: ArticleJob): string => (data.kind === 'article' ? data.source : data.url);

/** A job's articles were not all stored: the job fails (and is retried) with this one-line reason. */
export class JobFailedError extends Error {
  constructor(reason: string) {
    super(oneLine(reason));
    this.name = 'JobFailedError';
  }
}

/** Every article of the job that was not stored was refused for what it is: the job fails without a retry. */
export class JobRefusedError extends Error {
  constructor(reason: string) {
    super(oneLine(reason));
    this.name = REFUSED_JOB;
  }
}

/**
 * Works the queue until `stop()` is called on the returned handle (SIGTERM) or, with `idleExitS`, until it has
 * been empty that long. `done` resolves with the totals once the jobs in hand are finished and the queue closed.
 */
export function runWorker(queue: ArticleQueue, store: Store, pool: AnalysisPool, opts: WorkerOptions = {}): { done: Promise<WorkerTotals>; stop(drainSeconds?: number): void } {
  const totals: WorkerTotals = { jobs: 0, added: 0, unchanged: 0, replaced: 0, failed: 0, refused: 0, analysisMs: 0, storeMs: 0, workCpuMs: 0, firstJobAt: 0, lastJobAt: 0 };
  let cpuAtReady: NodeJS.CpuUsage | undefined;
  let mainAtReady: number | undefined;
  const timed = timedStore(store, totals);
  const analyze = async (doc: Parameters<AnalysisPool['analyze']>[0]) => {
    const result = await pool.analyze(doc);
    for (const t of result.timings) totals.analysisMs += t.ms;
    return result;
  };
  let inHand = 0;
  let stopping: Promise<void> | undefined;
  let finish!: (totals: WorkerTotals) => void;
  let fail!: (err: unknown) => void;
  const done = new Promise<WorkerTotals>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  let idleTimer: NodeJS.Timeout | undefined;

  const stop = (drainSeconds = 60): void => {
    if (stopping) return;
    clearInterval(idleTimer);
    stopping = queue.stop(drainSeconds).then(() => {
      if (cpuAtReady) {
        const cpu = process.cpuUsage(cpuAtReady);
        totals.workCpuMs = (cpu.user + cpu.system) / 1000;
        const main = threadCpuMs();
        if (main !== undefined && mainAtReady !== undefined) totals.mainCpuMs = main - mainAtReady;
      }
      finish(totals);
    }, fail);
  };

  const handle = async (job: PgBoss.Job<ArticleJob>): Promise<object> => {
    inHand++;
    totals.firstJobAt ||= Date.now();
    try {
      const outcomes: StoreOutcome[] = [];
      for await (const o of storeItems(timed, articlesOf(job.data), { analyze })) outcomes.push(o);
      const failures = outcomes.filter((o): o is Extract<StoreOutcome, { status: 'failed' }> => o.status === 'failed');
      totals.jobs++;
      for (const o of outcomes) totals[o.status]++;
      const ref = { id: job.id, source: sourceOf(job.data) };
      if (failures.length > 0) {
        const reason = failures.map((f) => `${f.source}: ${f.reason}`).join('; ');
        opts.onJob?.(ref, outcomes, reason);
        // Refused for what it is (too long a sentence, a stage that throws on it): another try fails the same way.
        if (failures.every((f) => f.refused)) {
          totals.refused++;
          await queue.noRetry(job.id);
          throw new JobRefusedError(reason);
        }
        throw new JobFailedError(reason);
      }
      if (outcomes.length === 0) {
        opts.onJob?.(ref, outcomes, 'no article in it');
        throw new JobFailedError(`${ref.source}: no article in it`);
      }
      opts.onJob?.(ref, outcomes);
      return { stored: outcomes.map((o) => ({ status: o.status, ...(o.status !== 'failed' && { id: o.id }) })) };
    } finally {
      inHand--;
      totals.lastJobAt = Date.now();
    }
  };

  void (async () => {
    try {
      // Threads built (pipeline, lexicons, model) before the first job is taken, so a job's expiry counts its
      // analysis, not start-up.
      await pool.ready();
      cpuAtReady = process.cpuUsage();
      mainAtReady = threadCpuMs();
      await queue.work((opts.jobsPerThread ?? DEFAULT_JOBS_PER_THREAD) * pool.size, opts.pollSeconds ?? 0.5, handle);
      opts.onReady?.();
      if (opts.idleExitS !== undefined) {
        const idleMs = opts.idleExitS * 1000;
        let idleSince = Date.now();
        let checking = false;
        idleTimer = setInterval(() => {
          if (checking || stopping) return;
          checking = true;
          // Jobs other workers hold count as not idle: a job whose worker died comes back when it expires.
          queue.unfinished().then((n) => {
            if (n > 0 || inHand > 0) idleSince = Date.now();
            else if (Date.now() - idleSince >= idleMs) stop();
          }, (err: unknown) => process.stderr.write(`polity: queue: ${err instanceof Error ? err.message : String(err)}\n`)).finally(() => (checking = false));
        }, Math.min(1000, idleMs));
      }
    } catch (err) {
      clearInterval(idleTimer);
      await queue.stop(0).catch(() => undefined);
      fail(err);
    }
  })();
  return { done, stop };
}

/**
 * Times the work the store does in each article's transaction for others (the record update): wraps whatever
 * hook is set on `store` from now on. The hook is the record's own (attachRecord), set through the store's
 * public setArticleHook, so this wraps that method rather than reaching into the record.
 */
export function timeArticleHook(store: Pick<SqliteStore, 'setArticleHook'>): { ms: number; cpuMs?: number } {
  const timing: { ms: number; cpuMs?: number } = { ms: 0 };
  const set = store.setArticleHook.bind(store);
  store.setArticleHook = (hook) => set(hook && {
    ...hook,
    stored: (doc, db) => {
      const t0 = performance.now();
      const c0 = threadCpuMs();
      try {
        hook.stored(doc, db);
      } finally {
        timing.ms += performance.now() - t0;
        const c1 = threadCpuMs();
        if (c0 !== undefined && c1 !== undefined) timing.cpuMs = (timing.cpuMs ?? 0) + c1 - c0;
      }
    },
  });
  return timing;
}
