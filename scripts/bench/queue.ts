/**
 * The queue at scale (`npm run bench -- queue`): N real articles put on the queue with `polity enqueue`, then
 * taken by 1, 2 and 4 `polity worker` processes (one analysis thread each) into a fresh store per run, in one
 * bench run. Reports articles/s over the window from the first job taken to the last finished (worker start-up
 * and the idle wait before exiting are outside it), the speed-up against one process and against the cores,
 * and where each article's time went, from the workers' own totals (`polity worker --json`), in CPU time (the
 * machine is shared): the analysis threads, and the writer thread's store write (putDocument: the article's
 * rows and its record update) apart from its queue work. Waiting for another process's write is estimated as
 * the off-CPU time in the store write (wall minus CPU) above the one-process run, where nothing else writes.
 * The load average says how much of the machine other processes were using.
 *
 * Environment: POLITY_BENCH_QUEUE_ARTICLES (default 10000), POLITY_BENCH_QUEUE_WORKERS (default "1,2,4"),
 * POLITY_BENCH_QUEUE_DB (the store: a postgres:// URL, each run in its own `schema`; default a fresh SQLite
 * file per run), POLITY_BENCH_QUEUE (the queue, default postgres://root@127.0.0.1:5432/test; each run gets a
 * schema of its own, dropped after).
 *
 * Articles: the speed corpus's 1,915 distinct real articles (en-worldwide-newswire and PolNeAR), published on
 * days spread over two years; past 1,915 they repeat with a numbered closing line, so every text is distinct.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { packagePath } from '../../src/package-path.js';
import { ArticleQueue } from '../../src/queue/index.js';
import { openStore } from '../../src/store/index.js';
import { speedCorpus } from './lib/corpus.js';
import type { BenchSection } from './lib/section.js';

interface WorkerJson {
  jobs: number;
  added: number;
  unchanged: number;
  failed: number;
  analysisMs: number;
  storeMs: number;
  recordMs: number;
  storeCpuMs?: number;
  recordCpuMs?: number;
  workCpuMs: number;
  mainCpuMs?: number;
  firstJobAt: number;
  lastJobAt: number;
  seconds: number;
  cpuSeconds: number;
}

const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');

function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** `count` distinct articles as one JSON Lines file. */
function writeArticles(file: string, count: number): void {
  const corpus = speedCorpus();
  const rows: string[] = [];
  for (let k = 0; k < count; k++) {
    const base = corpus[k % corpus.length]!;
    const round = Math.floor(k / corpus.length);
    const text = round === 0 ? base.text : `${base.text}\n\n(Report ${k}.)`;
    rows.push(JSON.stringify({ title: base.name, published: addDays('2022-01-01', (k * 7) % 730), text }));
  }
  writeFileSync(file, `${rows.join('\n')}\n`);
}

function polity(args: string[]): { done: Promise<{ code: number | null; stdout: string; stderr: string }> } {
  const proc = spawn(process.execPath, ['--import', 'tsx', packagePath('src/cli/main.ts'), ...args], {
    cwd: packagePath('.'),
    env: { ...process.env, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  proc.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  // Workers write a line per job on stderr: keep only the tail, for error messages.
  proc.stderr.on('data', (c: Buffer) => (stderr = (stderr + c.toString()).slice(-4000)));
  return { done: new Promise((resolve, reject) => { proc.on('error', reject); proc.on('close', (code) => resolve({ code, stdout, stderr })); }) };
}

function withSchema(url: string, schema: string): string {
  const u = new URL(url);
  u.searchParams.set('schema', schema);
  return u.toString();
}

export const section: BenchSection = {
  name: 'queue',
  async run() {
    const count = Number(process.env.POLITY_BENCH_QUEUE_ARTICLES ?? 10_000);
    const counts = (process.env.POLITY_BENCH_QUEUE_WORKERS ?? '1,2,4').split(',').map(Number);
    const queueBase = process.env.POLITY_BENCH_QUEUE ?? 'postgres://root@127.0.0.1:5432/test';
    const storeBase = process.env.POLITY_BENCH_QUEUE_DB;
    const cores = availableParallelism();
    const run = randomBytes(3).toString('hex');
    const dir = mkdtempSync(join(tmpdir(), 'polity-bench-queue-'));
    const file = join(dir, 'articles.jsonl');
    writeArticles(file, count);
    const lines = [`queue: ${count} articles (speed corpus${count > 1915 ? ', repeated with numbered lines' : ''}), worker processes ${counts.join(', ')} (one analysis thread each), ${cores} cores; store ${storeBase ? storeBase.replace(/\?.*/u, '') : 'SQLite (a file per run)'}; load average at start ${load()}`];
    const results: { workers: number; rate: number; storeOffCpu: number }[] = [];
    try {
      for (const workers of counts) {
        const queueUrl = withSchema(queueBase, `pgboss_bench_${run}_w${workers}`);
        const store = storeBase ? withSchema(storeBase, `polity_bench_${run}_w${workers}`) : join(dir, `w${workers}.db`);
        const e0 = performance.now();
        const enq = await polity(['enqueue', file, '--queue', queueUrl, '--job-expiry', '300']).done;
        if (enq.code !== 0) throw new Error(`enqueue failed: ${enq.stderr}`);
        const enqueueS = (performance.now() - e0) / 1000;
        const l0 = load();
        const procs = Array.from({ length: workers }, () => polity(['worker', '--db', store, '--queue', queueUrl, '--workers', '1', '--idle-exit', '3', '--check-interval', '5', '--json']));
        const outs = await Promise.all(procs.map((p) => p.done));
        const stats: WorkerJson[] = outs.map((o) => {
          const last = o.stdout.trim().split('\n').at(-1) ?? '';
          if (!last.startsWith('{')) throw new Error(`worker printed no totals (exit ${o.code}): ${o.stderr}`);
          return JSON.parse(last) as WorkerJson;
        });
        const sum = (f: (s: WorkerJson) => number) => stats.reduce((n, s) => n + f(s), 0);
        const added = sum((s) => s.added);
        const active = stats.filter((s) => s.firstJobAt > 0);
        const window = (Math.max(...active.map((s) => s.lastJobAt)) - Math.min(...active.map((s) => s.firstJobAt))) / 1000;
        const rate = added / window;
        const s = openStore(store);
        const stored = s.listArticles().length;
        s.close();
        const per = (ms: number) => (ms / Math.max(1, added)).toFixed(1);
        // Off-CPU time in the store write: waiting for the write lock, disk, or for a core (the machine is shared).
        const storeOffCpu = (sum((x) => x.storeMs) - sum((x) => x.storeCpuMs ?? 0)) / Math.max(1, added);
        const workCpu = sum((x) => x.workCpuMs);
        const mainCpu = sum((x) => x.mainCpuMs ?? 0);
        results.push({ workers, rate, storeOffCpu });
        lines.push(
          `queue: ${workers} process${workers > 1 ? 'es' : ''}: ${added} added (${stored} in the store, ${sum((x) => x.unchanged)} unchanged, ${sum((x) => x.failed)} failed) in ${window.toFixed(1)} s = ${rate.toFixed(2)} articles/s; jobs per process ${stats.map((x) => x.jobs).join('/')}`,
          `queue:   CPU per article ${per(workCpu)} ms (start-up not counted; CPU/window ${(workCpu / 1000 / window).toFixed(2)} of ${cores} cores): analysis threads ${per(workCpu - mainCpu)} ms, ` +
            `writer thread ${per(mainCpu)} ms = store write ${per(sum((x) => x.storeCpuMs ?? 0))} ms (of which record update ${per(sum((x) => x.recordCpuMs ?? 0))} ms) + queue and hand-over ${per(mainCpu - sum((x) => x.storeCpuMs ?? 0))} ms`,
          `queue:   wall per article in the store write ${per(sum((x) => x.storeMs))} ms (record update ${per(sum((x) => x.recordMs))} ms), ${storeOffCpu.toFixed(1)} ms of it off-CPU (lock wait, disk, no free core); ` +
            `pipeline wall ${per(sum((x) => x.analysisMs))} ms; enqueue ${(count / enqueueS).toFixed(0)} articles/s; load ${l0} -> ${load()}`,
        );
        const q = await ArticleQueue.open(queueUrl);
        await q.dropSchema();
        await q.stop();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const one = results.find((r) => r.workers === 1);
    for (const r of results) {
      if (!one || r.workers === 1) continue;
      const ideal = Math.min(r.workers, cores);
      lines.push(
        `queue: ${r.workers} processes / 1 = ${(r.rate / one.rate).toFixed(2)}x (ideal on ${cores} cores: ${ideal}x, ${((100 * r.rate) / one.rate / ideal).toFixed(0)}% of it); ` +
          `off-CPU in the store write ${r.storeOffCpu.toFixed(1)} ms per article vs ${one.storeOffCpu.toFixed(1)} ms alone: ~${Math.max(0, r.storeOffCpu - one.storeOffCpu).toFixed(1)} ms waiting for another process's write`,
      );
    }
    if (storeBase) lines.push(`queue: the stores are left in schemas polity_bench_${run}_w* of ${storeBase.replace(/\?.*/u, '')}`);
    return lines;
  },
};
