/**
 * The HTTP API under load: `polity serve` in a child process on loopback, and autocannon driving each endpoint
 * with 1, 10 and 100 concurrent connections; p50 and p99 latency, requests per second, errors and non-2xx.
 *
 * The database: POLITY_BENCH_API_DB=FILE uses one already built (e.g. `polity ingest` of a large corpus);
 * otherwise POLITY_BENCH_API_ARTICLES (default 200) newswire articles from ../shared/data are analysed and
 * stored into a fresh one first (not timed). POLITY_BENCH_API_SECONDS (default 3) is the length of each run.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { analyze } from '../../src/analyze.js';
import { createDocument } from '../../src/document/document.js';
import { packagePath } from '../../src/package-path.js';
import { updateRecord } from '../../src/record/index.js';
import { openStore } from '../../src/store/index.js';
import { newswireTexts } from './lib/corpus.js';
import type { BenchSection } from './lib/section.js';

const CONCURRENCY = [1, 10, 100];

async function buildDatabase(path: string, articles: number): Promise<number> {
  const store = openStore(path);
  let stored = 0;
  for (const [i, text] of newswireTexts(articles).entries()) {
    const doc = createDocument(text, { origin: `newswire-${i}` });
    await analyze(doc);
    if (store.putDocument(doc) === 'added') stored++;
  }
  updateRecord(store);
  store.close();
  return stored;
}

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

function run(url: string, connections: number, seconds: number): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections, duration: seconds, timeout: 10 }, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

export const section: BenchSection = {
  name: 'api',
  async run() {
    const seconds = Number(process.env.POLITY_BENCH_API_SECONDS ?? 3);
    let db = process.env.POLITY_BENCH_API_DB;
    let dir: string | undefined;
    const lines: string[] = [];
    if (!db) {
      dir = mkdtempSync(join(tmpdir(), 'polity-bench-api-'));
      db = join(dir, 'bench.db');
      const n = Number(process.env.POLITY_BENCH_API_ARTICLES ?? 200);
      const stored = await buildDatabase(db, n);
      lines.push(`database: ${stored} newswire articles (asked for ${n}), built for this run`);
    } else {
      lines.push(`database: ${db}`);
    }
    const server = await startServer(db);
    try {
      const articles = (await json<{ total: number }>(`${server.base}/api/articles?limit=1`)).total;
      lines.push(`${articles} articles; each run ${seconds} s on loopback; latency in ms (autocannon), server and client on the same shared 2-core machine`);
      lines.push('endpoint | conns | p50 | p99 | req/s | errors | non-2xx');
      for (const path of await endpoints(server.base)) {
        for (const connections of CONCURRENCY) {
          const r = await run(`${server.base}${path}`, connections, seconds);
          lines.push(`${path} | ${connections} | ${r.latency.p50} | ${r.latency.p99} | ${Math.round(r.requests.average)} | ${r.errors + r.timeouts} | ${r.non2xx}`);
        }
      }
    } finally {
      server.stop();
      if (dir) rmSync(dir, { recursive: true, force: true });
    }
    return lines;
  },
};
