/**
 * `polity ingest --workers N` throughput: the same real articles read, analysed on N worker threads and stored
 * through one writer (with the record attached, as `polity ingest` does) into a fresh SQLite file, for N = 1 and
 * N = 2, in one run. Worker start-up (pipeline, lexicons and model loaded per worker) is timed apart. CPU seconds
 * per article (process.cpuUsage counts every thread) show the work is CPU-bound; the load average says how much
 * of the machine others were using.
 *
 * The writer's thread does what needs the database (the article's rows and its record update) and reads the
 * inputs and hands documents over; its CPU per article W, against the analysis threads' A, bounds the 2-vs-1
 * ratio on 2 cores (Amdahl, with the writer overlapping the analysis): one worker runs at 1/max(A, W), two at
 * most at min(2/(A+W), 1/W), so the ratio is at most 2A/(A+W) when W < A — 1.8x needs W under A/9.
 *
 * The runs go 1, 2, 2, 1 workers and the ratio compares the means, so a load that rises or falls steadily
 * over the bench (other processes on a shared machine) weighs on both sides alike.
 *
 * `npm run bench -- workers` (one in four articles of the speed corpus; POLITY_BENCH_WORKERS_STEP=N for one in N,
 * `POLITY_BENCH_FULL=1` for all 1,915).
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SourceRef } from '../../src/ingest/types.js';
import { AnalysisPool } from '../../src/pipeline/pool.js';
import { threadCpuMs } from '../../src/queue/thread-cpu.js';
import { timeArticleHook } from '../../src/queue/worker.js';
import { attachRecord } from '../../src/record/index.js';
import { openStore, storeArticles } from '../../src/store/index.js';
import { SHARED_DATA } from './lib/corpus.js';
import type { BenchSection } from './lib/section.js';

/** The speed corpus's files, read as `polity ingest` reads text files. */
function corpusFiles(): string[] {
  const dirs = ['en-worldwide-newswire/original_articles', 'polnear/data/train/text', 'polnear/data/dev/text'].map((d) => join(SHARED_DATA, d));
  return dirs.flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.txt')).sort().map((f) => join(d, f)));
}

const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');

export const section: BenchSection = {
  name: 'workers',
  async run() {
    const step = process.env.POLITY_BENCH_FULL ? 1 : Number(process.env.POLITY_BENCH_WORKERS_STEP ?? 4);
    const refs: SourceRef[] = corpusFiles()
      .filter((_, i) => i % step === 0)
      .map((location) => ({ location, kind: 'text' }));
    const lines = [`workers: ${refs.length} articles (speed corpus${step > 1 ? `, one in ${step}` : ''}), ${availableParallelism()} cores; load average at start ${load()}`];
    const rates = new Map<number, number[]>();
    const split = new Map<number, { writer: number; analysis: number }[]>();
    const dir = mkdtempSync(join(tmpdir(), 'polity-bench-workers-'));
    try {
      for (const [round, workers] of [1, 2, 2, 1].entries()) {
        const pool = new AnalysisPool({ workers });
        const s0 = performance.now();
        await pool.ready();
        const startup = (performance.now() - s0) / 1000;
        const store = openStore(join(dir, `workers-${round}.db`));
        const record = timeArticleHook(store);
        attachRecord(store);
        // The writer thread's CPU inside putDocument (the article's rows and, in it, the record update).
        let putCpu = 0;
        const put = store.putDocument.bind(store);
        store.putDocument = (doc, o) => {
          const c = threadCpuMs() ?? 0;
          try {
            return put(doc, o);
          } finally {
            putCpu += (threadCpuMs() ?? 0) - c;
          }
        };
        let stored = 0;
        const m0 = threadCpuMs();
        const c0 = process.cpuUsage();
        const t0 = performance.now();
        try {
          for await (const o of storeArticles(store, refs, { analyze: (d) => pool.analyze(d), concurrency: 2 * workers })) if (o.status === 'added') stored++;
        } finally {
          store.close();
          await pool.close();
        }
        const wall = (performance.now() - t0) / 1000;
        const m1 = threadCpuMs();
        const c = process.cpuUsage(c0);
        const cpu = (c.user + c.system) / 1e6;
        rates.set(workers, [...(rates.get(workers) ?? []), stored / wall]);
        const per = (ms: number) => (ms / stored).toFixed(1);
        let where = '';
        if (m0 !== undefined && m1 !== undefined) {
          const writer = m1 - m0;
          const analysis = 1000 * cpu - writer;
          split.set(workers, [...(split.get(workers) ?? []), { writer: writer / stored, analysis: analysis / stored }]);
          where = `; writer thread ${per(writer)} ms (store write ${per(putCpu - (record.cpuMs ?? 0))}, record update ${per(record.cpuMs ?? 0)}, reading and hand-over ${per(writer - putCpu)}), analysis threads ${per(analysis)} ms`;
        }
        lines.push(
          `workers: ${workers} worker${workers > 1 ? 's' : ' '}: ${stored} stored in ${wall.toFixed(1)} s = ${(stored / wall).toFixed(1)} articles/s; ` +
            `${((1000 * cpu) / stored).toFixed(1)} CPU ms per article${where}, CPU/wall ${(cpu / wall).toFixed(2)}; start-up ${startup.toFixed(1)} s (${pool.startupMs.map((ms) => (ms / 1000).toFixed(1)).join(', ')} s per worker, not in the rate)`,
        );
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    lines.push(`workers: 2 workers / 1 worker = ${(mean(rates.get(2)!) / mean(rates.get(1)!)).toFixed(2)}x (means of the 1, 2, 2, 1 runs); load average at end ${load()} (the machine is shared: a ratio under 2 with CPU/wall under 2 means other processes had the second core)`);
    const one = split.get(1);
    if (one) {
      const w = mean(one.map((x) => x.writer));
      const a = mean(one.map((x) => x.analysis));
      const bound = w < a ? (2 * a) / (a + w) : 1;
      lines.push(`workers: the writer thread takes W = ${w.toFixed(1)} CPU ms per article against A = ${a.toFixed(1)} ms of analysis (1-worker runs): ${((100 * w) / (w + a)).toFixed(0)}% of the work, so on 2 cores 2 workers / 1 worker is at most 2A/(A+W) = ${bound.toFixed(2)}x (Amdahl, the writer overlapping the analysis); 1.8x needs W under A/9 = ${(a / 9).toFixed(1)} ms`);
    }
    return lines;
  },
};
