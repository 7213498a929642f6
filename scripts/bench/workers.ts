/**
 * `polity ingest --workers N` throughput: the same real articles read, analysed on N worker threads and stored
 * through one writer (with the record attached, as `polity ingest` does) into a fresh SQLite file, for N = 1 and
 * N = 2, in one run. Each run is a process of its own (scripts/bench/lib/workers-run.ts), so none starts with
 * code an earlier run compiled. Worker start-up (pipeline, lexicons and model loaded per worker) is timed apart.
 * CPU per article is split by thread: the writer, the analysis threads, and V8's helper threads (garbage
 * collection and optimising compilation for every thread's heap); the load average says how much of the machine
 * others were using.
 *
 * Two ratios, both on the same corpus in the same bench:
 * - threads: 2 workers / 1 worker, every run free to use every core. One analysis thread alone already keeps
 *   more than one core busy (V8's helper threads, and the writer beside it), so on 2 cores this is bounded by
 *   about 2 / (CPU/wall of the 1-worker run), whatever the pool does.
 * - cores: 2 workers on 2 cores / 1 worker confined to 1 core (`taskset -c 0`, everything of that process on
 *   that core): what the second core buys. `--workers 1` is the same in both; only the cores differ.
 *
 * The free runs go 1, 2, 2, 1 workers and the ratio compares the means, so a load that rises or falls steadily
 * over the bench (other processes on a shared machine) weighs on both sides alike; the confined pair goes 1, 2.
 * Each run also reports its second half apart (articles/s and CPU per article after half the articles are
 * stored): each analysis thread compiles its own code, so a run with 2 threads pays that warm-up twice over the
 * same articles, which weighs on a short run's first half.
 *
 * `npm run bench -- workers` (one in four articles of the speed corpus; POLITY_BENCH_WORKERS_STEP=N for one in N,
 * `POLITY_BENCH_FULL=1` for all 1,915).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { corpusFiles, type WorkersRun } from './lib/workers-run.js';
import type { BenchSection } from './lib/section.js';

const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');
const RUN = fileURLToPath(new URL('./lib/workers-run.ts', import.meta.url));
const hasTaskset = spawnSync('taskset', ['-c', '0', 'true']).status === 0;

/** One run in a child process, on the given cores (taskset -c) or on any. */
function runChild(workers: number, db: string, step: number, cores?: string): WorkersRun {
  const node = [process.execPath, '--import', 'tsx', RUN, String(workers), db, String(step)];
  const [cmd, ...args] = cores === undefined ? node : ['taskset', '-c', cores, ...node];
  const child = spawnSync(cmd!, args, { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (child.status !== 0) throw new Error(`workers bench run (${workers} workers${cores ? `, cores ${cores}` : ''}) failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').pop()!) as WorkersRun;
}

function describe(r: WorkersRun, label: string): string {
  const per = (ms: number) => (ms / r.stored).toFixed(1);
  const put = r.putMs - r.recordMs;
  const half = r.secondHalfStored > 0 ? `; second half ${(r.secondHalfStored / r.secondHalfWall).toFixed(1)} articles/s, ${(r.secondHalfCpuMs / r.secondHalfStored).toFixed(1)} CPU ms per article` : '';
  return `workers: ${label}: ${r.stored} stored in ${r.wall.toFixed(1)} s = ${(r.stored / r.wall).toFixed(1)} articles/s; ${per(r.cpuMs)} CPU ms per article: ` +
    `writer thread ${per(r.writerMs)} (store write ${per(put)}, record update ${per(r.recordMs)}, reading and hand-over ${per(r.writerMs - r.putMs)}), ` +
    `analysis threads ${per(r.analysisMs)}, V8 helper threads ${per(r.helpersMs)}, checkpointer ${per(r.checkpointerMs)}; writer blocked ${r.writerBlockedMs === undefined ? '?' : per(r.writerBlockedMs)} ms (off CPU, not waiting for one: the disk, or waiting for an analysis); CPU/wall ${(r.cpuMs / 1000 / r.wall).toFixed(2)}${half}; ` +
    `start-up ${r.startupS.toFixed(1)} s (${r.startupPerWorkerS.map((s) => s.toFixed(1)).join(', ')} s per worker, not in the rate)`;
}

export const section: BenchSection = {
  name: 'workers',
  async run() {
    const step = process.env.POLITY_BENCH_FULL ? 1 : Number(process.env.POLITY_BENCH_WORKERS_STEP ?? 4);
    const articles = corpusFiles().filter((_, i) => i % step === 0).length;
    const lines = [`workers: ${articles} articles (speed corpus${step > 1 ? `, one in ${step}` : ''}), ${availableParallelism()} cores; load average at start ${load()}`];
    const dir = mkdtempSync(join(tmpdir(), 'polity-bench-workers-'));
    const rate = (r: WorkersRun) => r.stored / r.wall;
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    try {
      const free: WorkersRun[] = [];
      for (const [round, workers] of [1, 2, 2, 1].entries()) {
        const r = runChild(workers, join(dir, `free-${round}.db`), step);
        free.push(r);
        lines.push(describe(r, `${workers} worker${workers > 1 ? 's' : ' '}, any core`));
      }
      const by = (n: number) => free.filter((r) => r.workers === n);
      const threads = mean(by(2).map(rate)) / mean(by(1).map(rate));
      const oneCpuWall = mean(by(1).map((r) => r.cpuMs / 1000 / r.wall));
      lines.push(`workers: threads: 2 workers / 1 worker, both free to use both cores = ${threads.toFixed(2)}x (means of the 1, 2, 2, 1 runs); ` +
        `the 1-worker runs kept ${oneCpuWall.toFixed(2)} cores busy (CPU/wall), so on a quiet ${availableParallelism()}-core machine this is at most about ${availableParallelism()} / ${oneCpuWall.toFixed(2)} = ${(availableParallelism() / oneCpuWall).toFixed(2)}x (under load, CPU/wall shows others' share instead); load average ${load()}`);
      const w = mean(by(1).map((r) => r.writerMs / r.stored));
      const a = mean(by(1).map((r) => (r.analysisMs + r.helpersMs) / r.stored));
      lines.push(`workers: the writer thread takes W = ${w.toFixed(1)} CPU ms per article against A = ${a.toFixed(1)} ms of analysis and helper threads (1-worker runs): ` +
        `${((100 * w) / (w + a)).toFixed(0)}% of the work; with the writer overlapping the analysis, 2 cores store at most ${(2000 / (a + w)).toFixed(1)} articles/s`);
      if (hasTaskset && availableParallelism() >= 2) {
        const one = runChild(1, join(dir, 'core-1.db'), step, '0');
        lines.push(describe(one, `1 worker , confined to 1 core (taskset -c 0)`));
        const two = runChild(2, join(dir, 'core-2.db'), step, '0,1');
        lines.push(describe(two, `2 workers, on 2 cores (taskset -c 0,1)`));
        lines.push(`workers: cores: 2 workers on 2 cores / 1 worker on 1 core = ${(rate(two) / rate(one)).toFixed(2)}x (second halves ${(two.secondHalfStored / two.secondHalfWall / (one.secondHalfStored / one.secondHalfWall)).toFixed(2)}x): what the second core buys; load average at end ${load()} (the machine is shared: a ratio under 2 with CPU/wall under 2 means other processes had a core)`);
      } else {
        lines.push('workers: cores: not measured (needs taskset, util-linux, and 2 cores)');
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    return lines;
  },
};
