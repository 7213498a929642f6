/**
 * One run of the workers bench (scripts/bench/workers.ts), in a process of its own so every run starts alike
 * (no code compiled, no heap grown by an earlier run) and can be confined to some cores (`taskset`):
 * `node --import tsx scripts/bench/lib/workers-run.ts WORKERS DB STEP` reads one in STEP articles of the speed
 * corpus, analyses them on WORKERS threads and stores them, with the record attached, into the SQLite file DB,
 * as `polity ingest` does, and prints one JSON line of figures (WorkersRun).
 *
 * CPU is split by thread from /proc/self/task: the writer (this, the main thread), the analysis threads (the
 * threads the pool started, found as the ones that were not there before it), the WAL checkpointer (started with
 * the store, after the pool) and the helper threads that were there before (V8's platform threads, which do
 * garbage collection and optimising compilation for every thread's heap, and libuv's).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SourceRef } from '../../../src/ingest/types.js';
import { ANALYSES_PER_WORKER, AnalysisPool } from '../../../src/pipeline/pool.js';
import { threadCpuMs } from '../../../src/queue/thread-cpu.js';
import { timeArticleHook } from '../../../src/queue/worker.js';
import { attachRecord } from '../../../src/record/index.js';
import { openStore, storeArticles } from '../../../src/store/index.js';
import { SHARED_DATA } from './corpus.js';

export interface WorkersRun {
  workers: number;
  stored: number;
  /** Seconds from the first article read to the last stored (start-up apart). */
  wall: number;
  /** Seconds from the middle article stored to the last (the second half, after each thread's code is compiled), and the articles stored in it. */
  secondHalfWall: number;
  secondHalfStored: number;
  /** CPU milliseconds of the whole process in the run, and of the second half. */
  cpuMs: number;
  secondHalfCpuMs: number;
  /** CPU milliseconds by thread: the writer, the analysis threads and the helper threads. */
  writerMs: number;
  analysisMs: number;
  helpersMs: number;
  /** CPU milliseconds of the WAL checkpointer's thread (started with the store, after the pool). */
  checkpointerMs: number;
  /** The writer's CPU inside putDocument, and inside the record update within it. */
  putMs: number;
  recordMs: number;
  /** Milliseconds the writer's thread was off CPU not waiting for a CPU (blocked: the disk's fsyncs, idle waits for an analysis), from /proc/thread-self/schedstat. */
  writerBlockedMs?: number;
  startupS: number;
  startupPerWorkerS: number[];
  /** CPUs this process may run on. */
  cpus: number;
}

/** The speed corpus's files, read as `polity ingest` reads text files. */
export function corpusFiles(): string[] {
  const dirs = ['en-worldwide-newswire/original_articles', 'polnear/data/train/text', 'polnear/data/dev/text'].map((d) => join(SHARED_DATA, d));
  return dirs.flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.txt')).sort().map((f) => join(d, f)));
}

/** This thread's nanoseconds on a CPU and waiting for one (/proc/thread-self/schedstat); undefined off Linux. */
function schedstat(): [number, number] | undefined {
  try {
    const [run, wait] = readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ').map(Number);
    return [run!, wait!];
  } catch {
    return undefined;
  }
}

/** CPU milliseconds of every thread of this process, by thread id (/proc ticks are 10 ms). */
function threadCpus(): Map<string, number> {
  const out = new Map<string, number>();
  for (const tid of readdirSync('/proc/self/task')) {
    try {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(tid, (Number(f[11]) + Number(f[12])) * 10);
    } catch {
      // The thread ended between the listing and the read.
    }
  }
  return out;
}

async function run(workers: number, db: string, step: number): Promise<WorkersRun> {
  const refs: SourceRef[] = corpusFiles()
    .filter((_, i) => i % step === 0)
    .map((location) => ({ location, kind: 'text' }));
  const before = new Set(threadCpus().keys());
  const pool = new AnalysisPool({ workers });
  const s0 = performance.now();
  await pool.ready();
  const startupS = (performance.now() - s0) / 1000;
  const poolThreads = new Set(threadCpus().keys());
  const store = openStore(db);
  const record = timeArticleHook(store);
  attachRecord(store);
  // As `polity ingest` does.
  store.checkpointInBackground();
  let putMs = 0;
  const put = store.putDocument.bind(store);
  store.putDocument = (doc, o) => {
    const c = threadCpuMs() ?? 0;
    try {
      return put(doc, o);
    } finally {
      putMs += (threadCpuMs() ?? 0) - c;
    }
  };
  let stored = 0;
  let half: { t: number; cpu: NodeJS.CpuUsage; stored: number } | undefined;
  const t0Threads = threadCpus();
  const sched0 = schedstat();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  let end: { t: number; cpu: NodeJS.CpuUsage; threads: Map<string, number>; sched: [number, number] | undefined };
  try {
    for await (const o of storeArticles(store, refs, { analyze: (d) => pool.analyze(d), concurrency: ANALYSES_PER_WORKER * workers })) {
      if (o.status === 'added') stored++;
      if (!half && stored >= refs.length / 2) half = { t: performance.now(), cpu: process.cpuUsage(), stored };
    }
    end = { t: performance.now(), cpu: process.cpuUsage(), threads: threadCpus(), sched: schedstat() };
  } finally {
    store.close();
    await Promise.all([store.closed(), pool.close()]);
  }
  const wall = (end.t - t0) / 1000;
  const cpuBetween = (a: NodeJS.CpuUsage, b: NodeJS.CpuUsage) => (b.user - a.user + b.system - a.system) / 1000;
  const t1Threads = end.threads;
  let writerMs = 0;
  let analysisMs = 0;
  let helpersMs = 0;
  let checkpointerMs = 0;
  for (const [tid, ms] of t1Threads) {
    const used = ms - (t0Threads.get(tid) ?? 0);
    if (tid === String(process.pid)) writerMs += used;
    else if (before.has(tid)) helpersMs += used;
    else if (poolThreads.has(tid)) analysisMs += used;
    else checkpointerMs += used;
  }
  return {
    workers, stored, wall, secondHalfWall: half ? (end.t - half.t) / 1000 : wall, secondHalfStored: half ? stored - half.stored : stored,
    cpuMs: cpuBetween(c0, end.cpu), secondHalfCpuMs: half ? cpuBetween(half.cpu, end.cpu) : cpuBetween(c0, end.cpu),
    writerMs, analysisMs, helpersMs, checkpointerMs, putMs, recordMs: record.cpuMs ?? 0,
    ...(sched0 && end.sched && { writerBlockedMs: end.t - t0 - (end.sched[0] - sched0[0] + end.sched[1] - sched0[1]) / 1e6 }),
    startupS, startupPerWorkerS: pool.startupMs.map((ms) => ms / 1000),
    cpus: availableParallelism(),
  };
}

// Run as a script (the bench's child), not when the bench imports corpusFiles from here.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [workers, db, step] = process.argv.slice(2);
  process.stdout.write(`${JSON.stringify(await run(Number(workers), db!, Number(step)))}\n`);
}
