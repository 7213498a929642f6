/**
 * The HTTP API under load: `polity serve` (as shipped: one process per core) in a child process on loopback, and
 * autocannon driving each endpoint with 1, 10 and 100 concurrent connections; p50 and p99 latency per endpoint,
 * on a small and a 10,000-article database side by side, with the latency of the first (uncached) request.
 *
 * The databases: POLITY_BENCH_API_DB=FILE uses one already built (e.g. `polity ingest` of a large corpus);
 * otherwise POLITY_BENCH_API_ARTICLES (default "150,10000") databases of derived articles (real PolNeAR articles
 * analysed once, stored again as distinct articles with new names and dates, see lib/derived.ts), built once
 * and kept in POLITY_BENCH_API_CACHE (default $TMPDIR/polity-bench-api; delete a file there to rebuild it).
 * POLITY_BENCH_API_SECONDS (default 3) is the length of each run. POLITY_BENCH_API_GZIP=1 sends
 * `Accept-Encoding: gzip` as browsers do (kept answers of 1 KiB or more are then given gzipped).
 */
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { packagePath } from '../../src/package-path.js';
import { openStore } from '../../src/store/index.js';
import { derivedDatabase } from './lib/derived.js';
import type { BenchSection } from './lib/section.js';

const CONCURRENCY = [1, 10, 100];

/** Starts `polity serve` on a free port and resolves with its base URL once it listens. */
function startServer(db: string): Promise<{ base: string; stop: () => void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', packagePath('src/cli/main.ts'), 'serve', '--db', db, '--port', '0'], { stdio: ['ignore', 'ignore', 'pipe'] });
  return new Promise((resolve, reject) => {
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
      const m = /at (http:\/\/127\.0\.0\.1:\d+)\//.exec(err);
      if (m) resolve({ base: m[1]!, stop: () => child.kill('SIGTERM') });
    });
    child.on('exit', (code) => reject(new Error(`polity serve exited ${code}: ${err}`)));
  });
}

async function json<T>(url: string): Promise<T> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** One real request per endpoint, with arguments taken from the database itself. */
async function endpoints(base: string): Promise<string[]> {
  const actors = await json<{ id: string; name: string }[]>(`${base}/api/actors?limit=1&type=PERSON`);
  const articles = await json<{ items: { id: string }[] }>(`${base}/api/articles?limit=1`);
  const actor = encodeURIComponent(actors[0]?.name ?? 'x');
  const day = (await json<{ asOf: string }>(`${base}/api/graph`)).asOf;
  return [
    '/', '/api/articles', `/api/articles/${articles.items[0]?.id ?? '0000'}`, '/api/search?q=minister', '/api/search?q=resign',
    '/api/actors', '/api/actors?q=Khan', `/api/actors/${actor}`, `/api/actors/${actor}/overview`, `/api/actors/${actor}/quotes`,
    `/api/actors/${actor}/events`, `/api/actors/${actor}/articles`, '/api/suggest?q=Ba', '/api/quotes', `/api/timeline?actor=${actor}`,
    '/api/commitments', '/api/board?status=open', `/api/state?asOf=${day}`, `/api/graph?asOf=${day}`, '/api/events/weekly', '/api/places',
  ];
}

const HEADERS: Record<string, string> = process.env.POLITY_BENCH_API_GZIP === '1' ? { 'accept-encoding': 'gzip' } : {};

function run(url: string, connections: number, seconds: number): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections, duration: seconds, timeout: 10, headers: HEADERS }, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

interface Figures { p50: number; p99: number; rps: number; bad: number }

/** Every endpoint at every concurrency on one database: figures by "path|connections", and the first request's latency by path. */
async function measure(db: string, seconds: number): Promise<{ articles: number; paths: string[]; figures: Map<string, Figures>; first: Map<string, number> }> {
  // Migrated once here (a kept database may predate a migration); `serve` itself never writes.
  openStore(db).close();
  const server = await startServer(db);
  try {
    const articles = (await json<{ total: number }>(`${server.base}/api/articles?limit=1`)).total;
    const paths = await endpoints(server.base);
    const figures = new Map<string, Figures>();
    const first = new Map<string, number>();
    for (const path of paths) {
      const t = performance.now();
      await (await fetch(`${server.base}${path}`)).arrayBuffer();
      first.set(path, performance.now() - t);
      for (const connections of CONCURRENCY) {
        const r = await run(`${server.base}${path}`, connections, seconds);
        figures.set(`${path}|${connections}`, { p50: r.latency.p50, p99: r.latency.p99, rps: Math.round(r.requests.average), bad: r.errors + r.timeouts + r.non2xx });
      }
    }
    return { articles, paths, figures, first };
  } finally {
    server.stop();
  }
}

/** The path with the database's own arguments replaced by their role, so the same endpoint lines up across databases. */
const shape = (path: string): string => path.replace(/\/api\/articles\/[0-9a-f]+/, '/api/articles/ID').replace(/\/api\/actors\/[^/?]+/, '/api/actors/NAME')
  .replace(/actor=[^&]+/, 'actor=NAME').replace(/asOf=[\d-]+/, 'asOf=DAY');

export const section: BenchSection = {
  name: 'api',
  async run() {
    const seconds = Number(process.env.POLITY_BENCH_API_SECONDS ?? 3);
    const lines: string[] = [];
    const cache = process.env.POLITY_BENCH_API_CACHE ?? join(tmpdir(), 'polity-bench-api');
    const dbs: string[] = [];
    if (process.env.POLITY_BENCH_API_DB) dbs.push(process.env.POLITY_BENCH_API_DB);
    else {
      for (const n of (process.env.POLITY_BENCH_API_ARTICLES ?? '150,10000').split(',').map(Number)) {
        const path = join(cache, `api-${n}.db`);
        const started = performance.now();
        const built = await derivedDatabase(path, n, { log: (l) => process.stderr.write(`bench api: ${l}\n`) });
        lines.push(`database ${path}: ${n} derived articles, ${built ? `built now in ${((performance.now() - started) / 1000).toFixed(0)} s` : 'kept from an earlier run'}`);
        dbs.push(path);
      }
    }
    const runs: Awaited<ReturnType<typeof measure>>[] = [];
    for (const db of dbs) runs.push(await measure(db, seconds));
    lines.push(`each run ${seconds} s on loopback, server (polity serve, its default processes) and autocannon on the same shared 2-core machine${HEADERS['accept-encoding'] ? ', Accept-Encoding: gzip' : ''}; latency in ms`);
    lines.push(`endpoint | conns | ${runs.map((r) => `${r.articles} articles: p50 / p99 (req/s, bad)`).join(' | ')}`);
    const byShape = runs.map((r) => new Map(r.paths.map((p) => [shape(p), p])));
    const worst = runs.map(() => ({ p99: 0, path: '' }));
    for (const [key] of byShape[0]!) {
      for (const connections of CONCURRENCY) {
        const cells = runs.map((r, i) => {
          const f = r.figures.get(`${byShape[i]!.get(key)}|${connections}`);
          if (!f) return '-';
          if (connections === 100 && f.p99 > worst[i]!.p99) worst[i] = { p99: f.p99, path: key };
          return `${f.p50} / ${f.p99} (${f.rps}, ${f.bad})`;
        });
        lines.push(`${key} | ${connections} | ${cells.join(' | ')}`);
      }
    }
    lines.push(`first request after start (uncached), ms: ${[...byShape[0]!.keys()].map((key) => `${key} ${runs.map((r, i) => r.first.get(byShape[i]!.get(key)!)?.toFixed(0) ?? '-').join('/')}`).join(', ')}`);
    runs.forEach((r, i) => lines.push(`${r.articles} articles: highest p99 at 100 connections ${worst[i]!.p99} ms (${worst[i]!.path})`));
    return lines;
  },
};
