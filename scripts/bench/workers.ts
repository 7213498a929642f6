/**
 * `polity ingest --workers N` throughput: the same real articles read, analysed on N worker threads and stored
 * through one writer into a fresh SQLite file, for N = 1 and N = 2, in one run. Worker start-up (pipeline,
 * lexicons and model loaded per worker) is timed apart. CPU seconds per article (process.cpuUsage counts every
 * thread) show the work is CPU-bound; the load average says how much of the machine others were using.
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
    const dir = mkdtempSync(join(tmpdir(), 'polity-bench-workers-'));
    try {
      for (const [round, workers] of [1, 2, 2, 1].entries()) {
        const pool = new AnalysisPool({ workers });
        const s0 = performance.now();
        await pool.ready();
        const startup = (performance.now() - s0) / 1000;
        const store = openStore(join(dir, `workers-${round}.db`));
        let stored = 0;
        const c0 = process.cpuUsage();
        const t0 = performance.now();
        try {
          for await (const o of storeArticles(store, refs, { analyze: (d) => pool.analyze(d), concurrency: 2 * workers })) if (o.status === 'added') stored++;
        } finally {
          store.close();
          await pool.close();
        }
        const wall = (performance.now() - t0) / 1000;
        const c = process.cpuUsage(c0);
        const cpu = (c.user + c.system) / 1e6;
        rates.set(workers, [...(rates.get(workers) ?? []), stored / wall]);
        lines.push(
          `workers: ${workers} worker${workers > 1 ? 's' : ' '}: ${stored} stored in ${wall.toFixed(1)} s = ${(stored / wall).toFixed(1)} articles/s; ` +
            `${((1000 * cpu) / stored).toFixed(1)} CPU ms per article, CPU/wall ${(cpu / wall).toFixed(2)}; start-up ${startup.toFixed(1)} s (${pool.startupMs.map((ms) => (ms / 1000).toFixed(1)).join(', ')} s per worker, not in the rate)`,
        );
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    lines.push(`workers: 2 workers / 1 worker = ${(mean(rates.get(2)!) / mean(rates.get(1)!)).toFixed(2)}x (means of the 1, 2, 2, 1 runs); load average at end ${load()} (the machine is shared: a ratio under 2 with CPU/wall under 2 means other processes had the second core)`);
    return lines;
  },
};
