/**
 * CPU per answer of every API endpoint, in this process with the answer cache off: what decides the p99 of
 * `bench api` at 100 connections on a small machine, where the load generator shares the cores. Reads the same
 * endpoints as `bench api` (arguments taken from the database), answers each `POLITY_BENCH_API_CPU_N` times
 * (default 20) per round, and reports the median over rounds of CPU ms per answer and the answer's size.
 *
 * POLITY_BENCH_API_DB=FILE names the database (default: the bench api cache's 10,000-article one).
 * POLITY_BENCH_API_OLD=DIR also loads createApp from another checkout (e.g. `git archive` of an earlier commit)
 * and measures both interleaved, round by round, so a speed-up is claimed from one run on one loaded machine;
 * POLITY_BENCH_API_OLD_DB gives it its own copy of the database (one at the schema version it knows).
 */
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Hono } from 'hono';
import type { BenchSection } from './lib/section.js';

type Variant = { name: string; app: Hono };

async function variant(name: string, root: string, db: string): Promise<Variant> {
  const { createApp } = (await import(pathToFileURL(join(root, 'src/server/app.ts')).href)) as typeof import('../../src/server/app.js');
  const { openForServing } = (await import(pathToFileURL(join(root, 'src/server/read-only.ts')).href)) as typeof import('../../src/server/read-only.js');
  return { name, app: createApp(openForServing(db).open, { cache: false }) };
}

async function get(app: Hono, path: string): Promise<{ status: number; bytes: number; body: string }> {
  const res = await app.fetch(new Request(`http://127.0.0.1${path}`));
  const body = await res.text();
  return { status: res.status, bytes: Buffer.byteLength(body), body };
}

async function endpoints(app: Hono): Promise<string[]> {
  const json = async <T>(p: string) => JSON.parse((await get(app, p)).body) as T;
  const actors = await json<{ id: string; name: string }[]>('/api/actors?limit=1&type=PERSON');
  const articles = await json<{ items: { id: string }[] }>('/api/articles?limit=1');
  const actor = encodeURIComponent(actors[0]?.name ?? 'x');
  const day = (await json<{ asOf: string }>('/api/graph')).asOf;
  return [
    '/api/articles', `/api/articles/${articles.items[0]?.id ?? '0000'}`, '/api/search?q=minister', '/api/search?q=resign',
    '/api/actors', '/api/actors?q=Khan', `/api/actors/${actor}`, `/api/actors/${actor}/overview`, `/api/actors/${actor}/quotes`,
    `/api/actors/${actor}/events`, `/api/actors/${actor}/articles`, '/api/suggest?q=Ba', '/api/quotes', `/api/timeline?actor=${actor}`,
    '/api/commitments', '/api/board?status=open', `/api/state?asOf=${day}`, `/api/graph?asOf=${day}`, '/api/events/weekly', '/api/places',
  ];
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export const section: BenchSection = {
  name: 'api-cpu',
  async run() {
    const db = process.env.POLITY_BENCH_API_DB ?? join(process.env.POLITY_BENCH_API_CACHE ?? join(tmpdir(), 'polity-bench-api'), 'api-10000.db');
    if (!existsSync(db)) return [`no database ${db}: run \`npm run bench -- api\` first (it builds it), or give POLITY_BENCH_API_DB`];
    const n = Number(process.env.POLITY_BENCH_API_CPU_N ?? 20);
    const rounds = Number(process.env.POLITY_BENCH_API_CPU_ROUNDS ?? 5);
    const variants = [await variant('now', join(import.meta.dirname, '../..'), db)];
    if (process.env.POLITY_BENCH_API_OLD) variants.unshift(await variant('old', process.env.POLITY_BENCH_API_OLD, process.env.POLITY_BENCH_API_OLD_DB ?? db));
    const paths = await endpoints(variants.at(-1)!.app);
    const lines = [`database ${db}; CPU ms per answer in-process, cache off, median of ${rounds} rounds of ${n} answers${variants.length > 1 ? ', old and now interleaved' : ''}`];
    lines.push(`endpoint | ${variants.map((v) => `${v.name}: CPU ms (bytes)`).join(' | ')}`);
    for (const path of paths) {
      const cpu = variants.map(() => [] as number[]);
      const bytes = variants.map(() => 0);
      for (const [i, v] of variants.entries()) {
        const first = await get(v.app, path);
        if (first.status !== 200) throw new Error(`${v.name} ${path}: ${first.status} ${first.body.slice(0, 200)}`);
        bytes[i] = first.bytes;
      }
      for (let r = 0; r < rounds; r++) {
        for (const [i, v] of variants.entries()) {
          const t = process.cpuUsage();
          for (let k = 0; k < n; k++) await get(v.app, path);
          const u = process.cpuUsage(t);
          cpu[i]!.push((u.user + u.system) / 1000 / n);
        }
      }
      lines.push(`${path} | ${variants.map((_, i) => `${median(cpu[i]!).toFixed(2)} (${bytes[i]})`).join(' | ')}`);
    }
    return lines;
  },
};
