/**
 * The queue at scale (`npm run bench -- queue`): N real articles put on the queue with `polity enqueue`, then
 * taken by 1, 2 and 4 `polity worker` processes (one analysis thread each) into a fresh store per run, in one
 * bench run. Reports articles/s over the window from the first job taken to the last finished (worker start-up
 * and the idle wait before exiting are outside it), the speed-up against one process and against the cores,
 * and where each article's time went, from the workers' own totals (`polity worker --json`), in CPU time (the
 * machine is shared): the analysis threads, and the writer thread's store write (putDocument: the article's
 * rows and its record update) apart from its queue work. Waiting for another process's write is estimated as
 * the off-CPU time in the store write (wall minus CPU) above the one-process run, where nothing else writes.
 * The load average says how much of the machine other processes were using. On PostgreSQL the CPU of the store
 * connections' server processes is counted too (the database's share of each write).
 *
 * Last, a run with POLITY_BENCH_QUEUE_KILL (default 2; 0 skips it) worker processes, one of them killed with
 * SIGKILL when the store holds half the articles: its jobs expire (30 s) and the other takes them again. Every
 * run checks the store ends with each article exactly once (rows, distinct texts, the record's articles) and
 * the queue with every job done.
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
import { openStore, redactUrl } from '../../src/store/index.js';
import { withSchema } from './lib/bench-db.js';
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
  storeServerCpuMs?: number;
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

function polity(args: string[]): { pid: number | undefined; done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> } {
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
  return { pid: proc.pid, done: new Promise((resolve, reject) => { proc.on('error', reject); proc.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })); }) };
}


interface RunOptions {
  /** kill -9 one worker process once the store holds this many articles. */
  killAt?: number;
  /** The jobs' expiry (seconds): a killed worker's jobs go back to the queue after it. */
  expiryS: number;
}

interface RunResult {
  workers: number;
  rate: number;
  storeOffCpu: number;
  lines: string[];
}

/** Articles in the store, and whether each is there once and in the record (every text distinct by construction). */
function storeCounts(store: string): { articles: number; distinct: number; inRecord: number } {
  const s = openStore(store);
  try {
    const one = (sql: string) => s.db.prepare(sql).pluck().get() as number;
    return { articles: one('SELECT count(*) FROM articles'), distinct: one('SELECT count(DISTINCT content_hash) FROM articles'), inRecord: one('SELECT count(*) FROM record_articles') };
  } finally {
    s.close();
  }
}

/** Jobs that were taken more than once (their first worker died or they expired), from pg-boss's tables. */
async function retriedJobs(q: ArticleQueue): Promise<number> {
  const s = q.location.schema;
  const { rows } = await q.boss.getDb().executeSql(
    `SELECT count(*)::int AS n FROM (SELECT retry_count FROM ${s}.job UNION ALL SELECT retry_count FROM ${s}.archive) j WHERE retry_count > 0`, []);
  return (rows[0] as { n: number }).n;
}

async function runOnce(file: string, count: number, workers: number, queueUrl: string, store: string, opts: RunOptions): Promise<RunResult> {
  const cores = availableParallelism();
  const e0 = performance.now();
  const enq = await polity(['enqueue', file, '--queue', queueUrl, '--job-expiry', String(opts.expiryS)]).done;
  if (enq.code !== 0) throw new Error(`enqueue failed: ${enq.stderr}`);
  const enqueueS = (performance.now() - e0) / 1000;
  // Texts that are the same article after normalization are one job (the content hash): each must be stored once.
  const jobs = await (async () => {
    const q = await ArticleQueue.open(queueUrl);
    try {
      return (await q.counts()).waiting;
    } finally {
      await q.stop();
    }
  })();
  const l0 = load();
  const procs = Array.from({ length: workers }, () => polity(['worker', '--db', store, '--queue', queueUrl, '--workers', '1', '--idle-exit', '3', '--check-interval', '5', '--json']));
  let killed: { at: number; stored: number; active: number } | undefined;
  if (opts.killAt !== undefined) {
    // Once the store holds killAt articles, kill -9 the first worker while it holds a job: the others hold at
    // most JOBS_PER_THREAD (2) active jobs each, so more active jobs than that means the victim has one in hand.
    const watch = openStore(store);
    const stored = watch.db.prepare('SELECT count(*) FROM articles').pluck();
    const q = await ArticleQueue.open(queueUrl);
    try {
      for (;;) {
        await new Promise((r) => setTimeout(r, 200));
        const n = stored.get() as number;
        const active = n >= opts.killAt ? (await q.counts()).active : 0;
        if (active > 2 * (workers - 1)) {
          process.kill(procs[0]!.pid!, 'SIGKILL');
          killed = { at: Date.now(), stored: n, active };
          break;
        }
      }
    } finally {
      watch.close();
      await q.stop();
    }
  }
  const outs = await Promise.all(procs.map((p) => p.done));
  const stats: WorkerJson[] = [];
  outs.forEach((o, i) => {
    if (killed && i === 0) {
      if (o.signal !== 'SIGKILL') throw new Error(`the worker to kill ended before it was killed (exit ${o.code}): ${o.stderr}`);
      return;
    }
    const last = o.stdout.trim().split('\n').at(-1) ?? '';
    if (!last.startsWith('{')) throw new Error(`worker printed no totals (exit ${o.code}): ${o.stderr}`);
    stats.push(JSON.parse(last) as WorkerJson);
  });
  const sum = (f: (s: WorkerJson) => number) => stats.reduce((n, s) => n + f(s), 0);
  const c = storeCounts(store);
  const q = await ArticleQueue.open(queueUrl);
  const qc = await q.counts();
  const retried = await retriedJobs(q);
  // Articles the pipeline refuses for what they are (a sentence over the token limit) fail once, by design; they
  // are counted apart from articles lost.
  const refused = (await q.failed(Math.max(1, qc.failed))).filter((f) => f.refused).length;
  await q.dropSchema();
  await q.stop();
  const lines: string[] = [];
  const kept = jobs - refused;
  const once = c.articles === kept && c.distinct === kept && c.inRecord === kept && qc.done === kept;
  const check = `${jobs} jobs (distinct articles, ${refused} refused by the pipeline and not retried); store ${c.articles} articles, ${c.distinct} distinct texts, ${c.inRecord} in the record (${once ? 'each stored job\'s article exactly once' : 'NOT each article once'}); queue ${qc.done} done, ${qc.failed} failed, ${qc.waiting + qc.active} left, ${retried} taken again`;
  if (killed) {
    // A killed worker prints no totals: the rate counts the whole store over the survivors' window.
    const window = (Math.max(...stats.map((x) => x.lastJobAt)) - Math.min(...stats.map((x) => x.firstJobAt))) / 1000;
    lines.push(
      `queue: ${workers} processes, one kill -9ed when the store held ${killed.stored} articles and ${killed.active} jobs were active (jobs expire after ${opts.expiryS} s): ${check}`,
      `queue:   the survivors added ${sum((x) => x.added)} (${sum((x) => x.unchanged)} unchanged: a job the killed worker had stored but not completed), ` +
        `last job ${((Math.max(...stats.map((x) => x.lastJobAt)) - killed.at) / 1000).toFixed(1)} s after the kill; ${c.articles} articles in ${window.toFixed(1)} s; load ${l0} -> ${load()}`,
    );
    if (!once) throw new Error(lines.join('\n'));
    return { workers, rate: c.articles / window, storeOffCpu: 0, lines };
  }
  const added = sum((s) => s.added);
  const active = stats.filter((s) => s.firstJobAt > 0);
  const window = (Math.max(...active.map((s) => s.lastJobAt)) - Math.min(...active.map((s) => s.firstJobAt))) / 1000;
  const rate = added / window;
  const per = (ms: number) => (ms / Math.max(1, added)).toFixed(1);
  // Off-CPU time in the store write: waiting for the write lock, disk, the database server, or for a core.
  const storeOffCpu = (sum((x) => x.storeMs) - sum((x) => x.storeCpuMs ?? 0)) / Math.max(1, added);
  const workCpu = sum((x) => x.workCpuMs);
  const mainCpu = sum((x) => x.mainCpuMs ?? 0);
  const serverCpu = stats.every((x) => x.storeServerCpuMs !== undefined) ? sum((x) => x.storeServerCpuMs!) : undefined;
  lines.push(
    `queue: ${workers} process${workers > 1 ? 'es' : ''}: ${added} added (${sum((x) => x.unchanged)} unchanged, ${sum((x) => x.failed)} failed) in ${window.toFixed(1)} s = ${rate.toFixed(2)} articles/s; jobs per process ${stats.map((x) => x.jobs).join('/')}; ${check}`,
    `queue:   CPU per article ${per(workCpu)} ms in the workers (start-up not counted; CPU/window ${(workCpu / 1000 / window).toFixed(2)} of ${cores} cores): analysis threads ${per(workCpu - mainCpu)} ms, ` +
      `writer thread ${per(mainCpu)} ms = store write ${per(sum((x) => x.storeCpuMs ?? 0))} ms (of which record update ${per(sum((x) => x.recordCpuMs ?? 0))} ms) + queue and hand-over ${per(mainCpu - sum((x) => x.storeCpuMs ?? 0))} ms` +
      (serverCpu === undefined ? '' : `; PostgreSQL server processes of the store connections ${per(serverCpu)} ms (CPU/window ${(serverCpu / 1000 / window).toFixed(2)})`),
    `queue:   wall per article in the store write ${per(sum((x) => x.storeMs))} ms (record update ${per(sum((x) => x.recordMs))} ms), ${storeOffCpu.toFixed(1)} ms of it off-CPU (lock wait, the database server, disk, no free core); ` +
      `pipeline wall ${per(sum((x) => x.analysisMs))} ms; enqueue ${(count / enqueueS).toFixed(0)} articles/s; load ${l0} -> ${load()}`,
  );
  if (!once) throw new Error(lines.join('\n'));
  return { workers, rate, storeOffCpu, lines };
}

export const section: BenchSection = {
  name: 'queue',
  async run() {
    const count = Number(process.env.POLITY_BENCH_QUEUE_ARTICLES ?? 10_000);
    const counts = (process.env.POLITY_BENCH_QUEUE_WORKERS ?? '1,2,4').split(',').filter((x) => x !== '').map(Number);
    const killWorkers = Number(process.env.POLITY_BENCH_QUEUE_KILL ?? 2);
    const queueBase = process.env.POLITY_BENCH_QUEUE ?? 'postgres://root@127.0.0.1:5432/test';
    const storeBase = process.env.POLITY_BENCH_QUEUE_DB;
    const cores = availableParallelism();
    const run = randomBytes(3).toString('hex');
    const dir = mkdtempSync(join(tmpdir(), 'polity-bench-queue-'));
    const file = join(dir, 'articles.jsonl');
    writeArticles(file, count);
    const lines = [`queue: ${count} articles (speed corpus${count > 1915 ? ', repeated with numbered lines' : ''}), worker processes ${counts.join(', ')} (one analysis thread each)${killWorkers > 0 ? ` and ${killWorkers} with one killed` : ''}, ${cores} cores; store ${storeBase ? redactUrl(storeBase.replace(/\?.*/u, '')) : 'SQLite (a file per run)'}; load average at start ${load()}`];
    const results: RunResult[] = [];
    const where = (name: string) => ({
      queueUrl: withSchema(queueBase, `pgboss_bench_${run}_${name}`),
      store: storeBase ? withSchema(storeBase, `polity_bench_${run}_${name}`) : join(dir, `${name}.db`),
    });
    try {
      for (const workers of counts) {
        const { queueUrl, store } = where(`w${workers}`);
        const r = await runOnce(file, count, workers, queueUrl, store, { expiryS: 300 });
        results.push(r);
        lines.push(...r.lines);
        for (const l of r.lines) process.stderr.write(`${l}\n`);
      }
      if (killWorkers > 0) {
        // The jobs expire sooner here, so the killed worker's jobs come back within the run (at least once).
        const { queueUrl, store } = where(`kill${killWorkers}`);
        const r = await runOnce(file, count, killWorkers, queueUrl, store, { expiryS: 30, killAt: Math.floor(count / 2) });
        lines.push(...r.lines);
        for (const l of r.lines) process.stderr.write(`${l}\n`);
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
    if (storeBase) lines.push(`queue: the stores are left in schemas polity_bench_${run}_* of ${redactUrl(storeBase.replace(/\?.*/u, ''))}`);
    return lines;
  },
};
