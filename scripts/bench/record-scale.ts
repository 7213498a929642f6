import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze } from '../../src/analyze.js';
import { createDocument, documentFromJSON, documentToJSON, type Document } from '../../src/document/document.js';
import { documentFromText } from '../../src/ingest/index.js';
import {
  actorNamed, actorProfile, attachRecord, evidenceQuoter, listActors, listCommitments, openRecord, stateAsOf, timeline,
} from '../../src/record/index.js';
import { createApp } from '../../src/server/app.js';
import { openStore } from '../../src/store/index.js';
import { SHARED_DATA } from './lib/corpus.js';
import type { BenchSection } from './lib/section.js';

/**
 * The record at scale (`npm run bench -- record-scale`; POLITY_BENCH_RECORD_ARTICLES sets the count, default
 * 5000): real PolNeAR articles are analysed once, then ingested again and again as distinct articles (new text,
 * dates spread over the years, and many person names replaced from a pool that grows with the corpus, so the
 * record keeps meeting new people as well as the famous ones), through the same store hook as `polity ingest`
 * (analysis excluded: it is per article and does not depend on corpus size). Reports per-article CPU time per
 * tenth of the ingest, peak RSS, database bytes per article, and p99 latencies of the queries and HTTP endpoints.
 */

const BASE_ARTICLES = 120;

function baseTexts(): { text: string; date: string }[] {
  const dir = join(SHARED_DATA, 'polnear/data/train/text');
  return readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().slice(0, BASE_ARTICLES)
    .map((f) => ({ text: readFileSync(join(dir, f), 'utf8'), date: /_(\d{4}-\d{2}-\d{2})_/.exec(f)![1]! }));
}

function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** A deterministic pseudo-random stream (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Copy `k` of an analysed article: a distinct text (so a new id), a date `k / perDay` days on, and each person
 * renamed with probability 0.6 to a name from a pool of given names × surnames indexed by k (so new people keep
 * appearing while famous ones recur).
 */
function variant(base: Document, k: number, perDay: number, givens: string[], surnames: string[], rnd: () => number): Document {
  const text = `${base.text}\n(${k})`;
  const published = addDays('2010-01-01', Math.floor(k / perDay));
  const json = documentToJSON(base) as ReturnType<typeof documentToJSON> & { actors: Document['actors'] };
  const doc = documentFromJSON({ ...json, text, meta: createDocument(text, { published, ...(base.meta.title && { title: base.meta.title }) }).meta });
  const pool = Math.max(50, Math.floor(k / 4));
  for (const a of doc.actors) {
    if (a.type !== 'PERSON' || rnd() < 0.4) continue;
    const i = Math.floor(rnd() * pool);
    const name = `${givens[i % givens.length]} ${surnames[Math.floor(i / givens.length) % surnames.length]}${i >= givens.length * surnames.length ? ` ${String.fromCharCode(65 + (i % 26))}.` : ''}`;
    a.name = name;
    a.aliases = [name.split(' ')[1]!];
  }
  return doc;
}

function p99(samples: number[]): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * 0.99))]!;
}

export const section: BenchSection = {
  name: 'record-scale',
  async run() {
    const total = Number(process.env.POLITY_BENCH_RECORD_ARTICLES ?? 5000);
    const lines: string[] = [];
    const bases: Document[] = [];
    for (const { text, date } of baseTexts()) {
      const doc = documentFromText(text, { published: date, title: text.split('\n')[0]!.trim() });
      await analyze(doc);
      bases.push(doc);
    }
    // Name parts from the real articles' people.
    const givens = new Set<string>();
    const surnames = new Set<string>();
    for (const d of bases) for (const a of d.actors) {
      const parts = a.name.split(' ');
      if (a.type === 'PERSON' && parts.length === 2 && /^[A-Z][a-z]+$/.test(parts[0]!) && /^[A-Z][a-z]+$/.test(parts[1]!)) { givens.add(parts[0]!); surnames.add(parts[1]!); }
    }
    const g = [...givens];
    const s = [...surnames];
    const dir = mkdtempSync(join(tmpdir(), 'polity-bench-scale-'));
    const path = join(dir, 'scale.db');
    try {
      const store = attachRecord(openStore(path));
      const rnd = random(7);
      const tenth = Math.max(1, Math.floor(total / 10));
      const perArticleMs: number[] = [];
      let peakRss = 0;
      for (let k = 0; k < total; k += tenth) {
        const n = Math.min(tenth, total - k);
        const cpu = process.cpuUsage();
        for (let i = 0; i < n; i++) store.putDocument(variant(bases[(k + i) % bases.length]!, k + i, 40, g, s, rnd));
        const used = process.cpuUsage(cpu);
        perArticleMs.push((used.user + used.system) / 1000 / n);
        peakRss = Math.max(peakRss, process.memoryUsage().rss);
        lines.push(`record-scale: articles ${k + 1}–${k + n}: ${perArticleMs.at(-1)!.toFixed(1)} ms CPU per article, rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB, ${store.db.prepare('SELECT count(*) FROM record_actors').pluck().get()} record actors`);
      }
      store.db.pragma('wal_checkpoint(TRUNCATE)');
      store.close();
      const bytes = statSync(path).size;
      lines.push(`record-scale: ${total} articles (${BASE_ARTICLES} real PolNeAR texts analysed once, varied names and dates); per-article CPU first 10% ${perArticleMs[0]!.toFixed(1)} ms, last 10% ${perArticleMs.at(-1)!.toFixed(1)} ms (ratio ${(perArticleMs.at(-1)! / perArticleMs[0]!).toFixed(2)}); peak RSS ${(Math.max(peakRss, process.resourceUsage().maxRSS * 1024) / 2 ** 20).toFixed(0)} MiB; database ${(bytes / 2 ** 20).toFixed(0)} MiB = ${(bytes / total / 1024).toFixed(1)} KiB per article (article text, analysis JSON and layer rows included)`);
      // Query latencies on the final database, direct and over the HTTP app.
      const open = openRecord(path, { catchUp: false });
      const quote = evidenceQuoter(open.db);
      const actors = listActors(open.db, { type: 'PERSON', limit: 200 });
      const days = Array.from({ length: 50 }, (_, i) => addDays('2010-01-01', Math.floor((i / 50) * (total / 40))));
      const time = (f: () => unknown): number => { const t = performance.now(); f(); return performance.now() - t; };
      const runs = 200;
      const lat: Record<string, number[]> = { actor: [], timeline: [], state: [], commitments: [] };
      for (let i = 0; i < runs; i++) {
        const a = actors[i % actors.length]!;
        lat.actor!.push(time(() => actorProfile(open.db, actorNamed(open.db, a.name), quote)));
        lat.timeline!.push(time(() => timeline(open.db, quote, { actor: a })));
        lat.state!.push(time(() => stateAsOf(open.db, quote, days[i % days.length]!)));
        lat.commitments!.push(time(() => listCommitments(open.db, quote, {})));
      }
      lines.push(`record-scale: query p99 over ${runs} runs (ms): ${Object.entries(lat).map(([k, v]) => `${k} ${p99(v).toFixed(1)}`).join(', ')}`);
      const app = createApp(open);
      const http: Record<string, number[]> = { '/api/actors/:name': [], '/api/timeline?actor=': [], '/api/state?asOf=': [], '/api/commitments': [] };
      for (let i = 0; i < runs; i++) {
        const a = encodeURIComponent(actors[i % actors.length]!.name);
        for (const [k, url] of [['/api/actors/:name', `/api/actors/${a}`], ['/api/timeline?actor=', `/api/timeline?actor=${a}`], ['/api/state?asOf=', `/api/state?asOf=${days[i % days.length]}`], ['/api/commitments', '/api/commitments']] as const) {
          const t = performance.now();
          const res = await app.request(url);
          await res.text();
          http[k]!.push(performance.now() - t);
        }
      }
      lines.push(`record-scale: HTTP p99 over ${runs} requests (ms, in-process): ${Object.entries(http).map(([k, v]) => `${k} ${p99(v).toFixed(1)}`).join(', ')}`);
      open.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    return lines;
  },
};
