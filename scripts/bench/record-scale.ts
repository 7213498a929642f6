import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDocument, documentFromJSON, documentToJSON, type Document } from '../../src/document/document.js';
import { documentFromText } from '../../src/ingest/index.js';
import { AnalysisPool } from '../../src/pipeline/pool.js';
import {
  DEFAULT_EVIDENCE, actorNamed, actorProfile, applyCpu, applyStats, attachRecord, evidenceQuoter, listActors, listCommitments, openRecord, stateAsOf, timeline,
} from '../../src/record/index.js';
import { linkStats } from '../../src/record/link.js';
import { createApp } from '../../src/server/app.js';
import { databaseExists, isPostgresUrl, openStore, redactUrl } from '../../src/store/index.js';
import { packagePath } from '../../src/package-path.js';
import { SHARED_DATA } from './lib/corpus.js';
import { benchStorePath, checkpoint, databaseBytes, dropBenchStore } from './lib/bench-db.js';
import { addDays, random } from './lib/derived.js';
import type { BenchSection } from './lib/section.js';

/**
 * The record at scale (`npm run bench -- record-scale`; POLITY_BENCH_RECORD_ARTICLES sets the count, default
 * 5000): real PolNeAR articles are analysed once, then ingested again and again as distinct articles (new text,
 * dates spread over the years, and many person names replaced from a pool that grows with the corpus, so the
 * record keeps meeting new people as well as the famous ones), through the same store hook as `polity ingest`
 * (analysis excluded: it is per article and does not depend on corpus size). Reports per-article CPU time per
 * tenth of the ingest, peak RSS, database bytes per article, and p99 latencies of the queries and HTTP endpoints.
 */

/** Real articles analysed once (POLITY_BENCH_RECORD_BASES); every ingested article is a variant of one. */
const BASE_ARTICLES = Number(process.env.POLITY_BENCH_RECORD_BASES ?? 120);

function baseTexts(): { text: string; date: string }[] {
  const dir = join(SHARED_DATA, 'polnear/data/train/text');
  return readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().slice(0, BASE_ARTICLES)
    .map((f) => ({ text: readFileSync(join(dir, f), 'utf8'), date: /_(\d{4}-\d{2}-\d{2})_/.exec(f)![1]! }));
}

/**
 * The analysed base articles. With POLITY_BENCH_RECORD_CACHE=DIR the analyses are kept there as JSON, keyed by
 * the texts and the analysis code's sources, so repeated runs (profiling the record) skip the analysis.
 */
async function baseDocuments(): Promise<Document[]> {
  const texts = baseTexts();
  const cacheDir = process.env.POLITY_BENCH_RECORD_CACHE;
  const stamp = createHash('sha256');
  for (const t of texts) stamp.update(t.text).update(t.date);
  for (const f of readdirSync(packagePath('src'), { recursive: true }) as string[]) {
    // The analysis does not read the record, the store, the server, the CLI or the queue.
    if (/^(record|store|server|cli|web|queue)\//.test(f)) continue;
    if (f.endsWith('.ts') || f.endsWith('.json')) stamp.update(f).update(String(statSync(packagePath(join('src', f))).mtimeMs));
  }
  const file = cacheDir ? join(cacheDir, `record-scale-bases-${stamp.digest('hex').slice(0, 16)}.json`) : undefined;
  if (file && existsSync(file)) return (JSON.parse(readFileSync(file, 'utf8')) as unknown[]).map((j) => documentFromJSON(j as Parameters<typeof documentFromJSON>[0]));
  // On an analysis thread, ended before the ingest: the pipeline's lexicons and model (hundreds of MiB) are not
  // the record's memory, and the peak RSS this bench reports is the record's.
  const pool = new AnalysisPool({ workers: 1 });
  const docs: Document[] = [];
  try {
    for (const { text, date } of texts) {
      const doc = documentFromText(text, { published: date, title: text.split('\n')[0]!.trim() });
      await pool.analyze(doc);
      docs.push(doc);
    }
  } finally {
    await pool.close();
  }
  if (file) writeFileSync(file, JSON.stringify(docs.map((d) => documentToJSON(d))));
  return docs;
}

/**
 * Every date of an analysed article's layers moved by `days` (months and years by as many whole months, years),
 * in place. Walked value by value, not as one JSON text: each article's layers as a string (and its rewritten
 * copies) are large objects V8 frees only in a full collection, and the harness's garbage is not the record's
 * memory.
 */
function shiftDates(node: unknown, days: number): void {
  const months = Math.round(days / 30.44);
  const years = Math.round(days / 365.25);
  const shiftMonth = (y: number, m: number): string => { const t = y * 12 + (m - 1) + months; return `${Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')}`; };
  const shift = (key: string, v: string): string => {
    if (/^\d{4}-\d{2}$/.test(v)) { const [y, mo] = v.split('-'); return shiftMonth(Number(y), Number(mo)); }
    if (key === 'value' && /^\d{4}$/.test(v)) return String(Number(v) + years);
    return v.replace(/\b(\d{4}-\d{2}-\d{2})\b/g, (d) => (Number.isNaN(Date.parse(`${d}T00:00:00Z`)) ? d : addDays(d, days)));
  };
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) { x.forEach((v, i) => { if (typeof v === 'string') x[i] = shift('', v); else walk(v); }); return; }
    if (x === null || typeof x !== 'object') return;
    const o = x as Record<string, unknown>;
    for (const k of Object.keys(o)) { const v = o[k]; if (typeof v === 'string') o[k] = shift(k, v); else walk(v); }
  };
  walk(node);
}

/**
 * Copy `k` of an analysed article: a distinct text (so a new id), published `k / perDay` days after the first
 * day with every date of its analysis moved with it, and each person renamed with probability 0.6 to person i of
 * a pool that grows with k (so new people keep appearing while famous ones recur): `people(i)` (see namePool).
 */
function variant(base: Document, k: number, perDay: number, people: (i: number) => string, rnd: () => number): Document {
  const text = `${base.text}\n(${k})`;
  const published = addDays('2010-01-01', Math.floor(k / perDay));
  const offset = base.meta.published ? Math.round((Date.parse(`${published}T00:00:00Z`) - Date.parse(`${base.meta.published}T00:00:00Z`)) / 86_400_000) : 0;
  // A copy of the layers: documentToJSON shares their objects with `base`, and the dates are moved in place.
  const { text: _text, ...layers } = structuredClone(documentToJSON(base)) as ReturnType<typeof documentToJSON> & { text: string };
  shiftDates(layers, offset);
  const json = layers as ReturnType<typeof documentToJSON>;
  const doc = documentFromJSON({ ...json, text, meta: createDocument(text, { published, ...(base.meta.title && { title: base.meta.title }) }).meta });
  const pool = Math.max(50, Math.floor(k / 4));
  for (const a of doc.actors) {
    if (a.type !== 'PERSON' || rnd() < 0.4) continue;
    const name = people(Math.floor(rnd() * pool));
    a.name = name;
    a.aliases = [name.split(' ')[1]!];
  }
  return doc;
}

/**
 * Ingests `total` variants through the store with the record attached, in tenths (deciles of corpus size), each
 * split in steps of at most 1,000 articles for the progress lines. Record CPU is the store hook's share.
 */
function ingest(total: number, bases: Document[], people: (i: number) => string, path: string, say: (line: string) => void, resume: boolean): void {
  const store = openStore(path);
  // POLITY_BENCH_RECORD_PAGE_CACHE_MIB: another SQLite page cache size for the run (the store's default is 64 MiB).
  const cacheMiB = process.env.POLITY_BENCH_RECORD_PAGE_CACHE_MIB;
  if (cacheMiB && store.db.dialect === 'sqlite') store.db.pragma(`cache_size = -${Math.round(Number(cacheMiB) * 1024)}`);
  // Resuming a stopped run on its kept database: the articles stored are variants 0 … start-1 (each committed
  // with its record rows), and the random stream is advanced past them (the draws variant() made for each).
  const start = resume ? store.db.prepare('SELECT count(*) FROM articles').pluck().get() as number : 0;
  // The record's share of each article's transaction (the store hook), timed apart from storing the article.
  let recordCpu = 0;
  const setHook = store.setArticleHook.bind(store);
  store.setArticleHook = (hook) => setHook(hook && {
    ...hook,
    stored: (doc, db) => { const c = process.cpuUsage(); try { hook.stored(doc, db); } finally { const u = process.cpuUsage(c); recordCpu += u.user + u.system; } },
  });
  attachRecord(store);
  applyCpu.enabled = true;
  const rnd = random(7);
  for (let k = 0; k < start; k++) for (const a of bases[k % bases.length]!.actors) if (a.type === 'PERSON' && rnd() >= 0.4) rnd();
  if (start > 0) say(`record-scale: resuming at article ${start + 1} of ${total} on ${path}`);
  const tenth = Math.max(1, Math.floor(total / 10));
  const perArticleMs: number[] = [];
  const recordMs: number[] = [];
  const systemMs: number[] = [];
  const rssByTenth: number[] = [];
  let peakRss = 0;
  const cpu0 = process.cpuUsage();
  for (let k = Math.floor(start / tenth) * tenth; k < total; k += tenth) {
    const skip = Math.max(0, start - k);
    const n = Math.min(tenth, total - k);
    const cpu = process.cpuUsage();
    const rec0 = recordCpu;
    let tenthRss = 0;
    for (let done = skip; done < n;) {
      const m = Math.min(1000, n - done);
      const stepCpu = process.cpuUsage();
      const stepRec = recordCpu;
      const stats0 = { ...applyStats };
      const cpuSteps0 = { ...applyCpu };
      const link0 = { ...linkStats };
      for (let i = 0; i < m; i++) store.putDocument(variant(bases[(k + done + i) % bases.length]!, k + done + i, 40, people, rnd));
      done += m;
      const used = process.cpuUsage(stepCpu);
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
      tenthRss = Math.max(tenthRss, process.memoryUsage().rss);
      const per = (f: keyof typeof applyStats): string => ((applyStats[f] - stats0[f]) / m).toFixed(1);
      const all = process.cpuUsage(cpu0);
      say(`record-scale: step to ${k + done}: ${((used.user + used.system) / 1000 / m).toFixed(1)} ms CPU per article (record ${((recordCpu - stepRec) / 1000 / m).toFixed(1)} ms); rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB (V8 heap ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} of ${(process.memoryUsage().heapTotal / 2 ** 20).toFixed(0)}); per article ${per('candidatesRead')} candidates (${((linkStats.keyRowsRead - link0.keyRowsRead) / m).toFixed(1)} key rows, ${((linkStats.knownRead - link0.knownRead) / m).toFixed(1)} contexts read, ${((linkStats.fallbacks - link0.fallbacks) / m).toFixed(1)} of ${((linkStats.lookups - link0.lookups) / m).toFixed(1)} lookups past the exact keys), ${per('keysRecomputed')} state keys, ${per('observationsRead')} observations (${per('foldsContinued')} folds continued, ${per('foldsRebuilt')} rebuilt), ${per('commitmentsRead')} commitments read; record steps (ms) ${(['link', 'states', 'events', 'commitments', 'rest'] as const).map((f) => `${f} ${((applyCpu[f] - cpuSteps0[f]) / 1000 / m).toFixed(1)}`).join(', ')}; ${((all.user + all.system) / 1e6).toFixed(0)} s CPU so far`);
    }
    const used = process.cpuUsage(cpu);
    perArticleMs.push((used.user + used.system) / 1000 / (n - skip));
    // The kernel's share (reading and writing database pages the page cache did not hold, fsyncs) apart.
    systemMs.push(used.system / 1000 / (n - skip));
    recordMs.push((recordCpu - rec0) / 1000 / (n - skip));
    rssByTenth.push(tenthRss);
    say(`record-scale: decile ${Math.floor(k / tenth) + 1}, articles ${k + skip + 1}–${k + n}${skip ? ' (resumed)' : ''}: ${perArticleMs.at(-1)!.toFixed(1)} ms CPU per article (record ${recordMs.at(-1)!.toFixed(1)} ms; system ${systemMs.at(-1)!.toFixed(1)} ms), peak rss ${(tenthRss / 2 ** 20).toFixed(0)} MiB, ${store.db.prepare('SELECT count(*) FROM record_actors').pluck().get()} record actors`);
  }
  checkpoint(store);
  const bytes = databaseBytes(store);
  store.close();
  say(`record-scale: ${total} articles (${bases.length} real PolNeAR texts analysed once, varied names and dates); per-article CPU first 10% ${perArticleMs[0]!.toFixed(1)} ms, last 10% ${perArticleMs.at(-1)!.toFixed(1)} ms (ratio ${(perArticleMs.at(-1)! / perArticleMs[0]!).toFixed(2)}); record (hook) CPU by decile ${recordMs.map((x) => x.toFixed(1)).join(' ')} ms, system (kernel) CPU by decile ${systemMs.map((x) => x.toFixed(1)).join(' ')} ms, first→last ratio ${(recordMs.at(-1)! / recordMs[0]!).toFixed(2)}${start > 0 ? ` (resumed at article ${start + 1}: deciles from there only)` : ''}; peak RSS by decile ${rssByTenth.map((x) => (x / 2 ** 20).toFixed(0)).join(' ')} MiB; peak RSS ${(Math.max(peakRss, process.resourceUsage().maxRSS * 1024) / 2 ** 20).toFixed(0)} MiB; database ${(bytes / 2 ** 20).toFixed(0)} MiB = ${(bytes / total / 1024).toFixed(1)} KiB per article (article text, analysis JSON and layer rows included)`);
}

/**
 * Person i of the renaming pool. `phoenix` (the default): the real two-word person names of the Phoenix country
 * actor dictionary (../shared/data/phoenix, its CountryInfo leaders: about 10,800 names, 9,300 surnames) in a
 * fixed shuffled order, so a surname is shared by a few people, as in real news; past the last name they repeat
 * with an initial ("Hamid Karzai B."). `bases`: the stress case, given names × surnames of the base articles'
 * people (a few hundred surnames), spread so that each surname is shared by a number of people that grows with
 * the corpus (at 100,000 articles over a hundred namesakes per surname, every lookup at the candidate cap).
 */
function namePool(kind: 'phoenix' | 'bases', bases: Document[]): { people: (i: number) => string; about: string } {
  const initial = (i: number, n: number): string => (i >= n ? ` ${String.fromCharCode(65 + (Math.floor(i / n) % 26))}.` : '');
  if (kind === 'phoenix') {
    const title = (w: string): string => w.charAt(0) + w.slice(1).toLowerCase();
    const seen = new Set<string>();
    for (const line of readFileSync(join(SHARED_DATA, 'phoenix/Phoenix.Countries.actors.txt'), 'utf8').split('\n')) {
      const m = /^([A-Z]{2,})_([A-Z]{2,})_\s+#\s*CountryInfo/.exec(line);
      if (m) seen.add(`${title(m[1]!)} ${title(m[2]!)}`);
    }
    const list = [...seen];
    const rnd = random(11);
    for (let i = list.length - 1; i > 0; i--) { const j = Math.floor(rnd() * (i + 1)); [list[i], list[j]] = [list[j]!, list[i]!]; }
    const surnames = new Set(list.map((n) => n.split(' ')[1]));
    return { people: (i) => `${list[i % list.length]}${initial(i, list.length)}`, about: `from Phoenix's country actors: ${list.length} people, ${surnames.size} surnames` };
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
  const pairs = g.length * s.length;
  // A fixed permutation of the given × surname pairs (7919 is prime and divides no pair count here).
  return {
    people: (i) => { const j = (i * 7919) % pairs; return `${g[j % g.length]} ${s[Math.floor(j / g.length)]}${i >= pairs ? ` ${String.fromCharCode(65 + (i % 26))}.` : ''}`; },
    about: `from the base articles' people (stress case): ${g.length} given names × ${s.length} surnames`,
  };
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
    const bases = await baseDocuments();
    const names = process.env.POLITY_BENCH_RECORD_NAMES ?? 'phoenix';
    if (names !== 'phoenix' && names !== 'bases') throw new Error(`POLITY_BENCH_RECORD_NAMES must be phoenix or bases, not ${names}`);
    const { people, about } = namePool(names, bases);
    // POLITY_BENCH_RECORD_DB=FILE (or a postgres:// URL with ?schema=NAME) keeps the database there (for inspection) instead of a temporary file; with
    // POLITY_BENCH_RECORD_REUSE=1 the ingest is skipped and only the queries run on that database.
    const keep = process.env.POLITY_BENCH_RECORD_DB;
    const reuse = keep !== undefined && process.env.POLITY_BENCH_RECORD_REUSE === '1';
    // POLITY_BENCH_RECORD_RESUME=1 with a kept database continues a stopped ingest where it ended.
    const resume = keep !== undefined && !reuse && process.env.POLITY_BENCH_RECORD_RESUME === '1' && databaseExists(keep);
    if (keep && !reuse && !resume) dropBenchStore(openStore(keep));
    const dir = keep ? undefined : mkdtempSync(join(tmpdir(), 'polity-bench-scale-'));
    // A temporary SQLite file, or with POLITY_BENCH_DB=postgres://… a schema of its own there (lib/bench-db.ts).
    const path = keep ?? benchStorePath(dir!, 'scale');
    // Each line is also written to stderr at once: a long run can be followed, and stopped with its curve so far.
    const say = (line: string): void => { lines.push(line); process.stderr.write(`${line}\n`); };
    try {
      if (!reuse) { say(`record-scale: person names ${about}`); ingest(total, bases, people, path, say, resume); }
      else {
        const kept = openStore(path, { migrate: false });
        say(`record-scale: queries only, on ${redactUrl(path)} (${(databaseBytes(kept) / 2 ** 20).toFixed(0)} MiB)`);
        kept.close();
      }
      // Query latencies on the final database, direct and over the HTTP app.
      const open = openRecord(path, { catchUp: false });
      const quote = evidenceQuoter(open.db);
      const actors = listActors(open.db, { type: 'PERSON', limit: 200 });
      const days = Array.from({ length: 50 }, (_, i) => addDays('2010-01-01', Math.floor((i / 50) * (total / 40))));
      // CPU time (the machine is shared): what the query itself costs, not how long it waited for a core.
      const time = (f: () => unknown): number => { const t = process.cpuUsage(); f(); const u = process.cpuUsage(t); return (u.user + u.system) / 1000; };
      const runs = 200;
      const lat: Record<string, number[]> = { actor: [], timeline: [], state: [], commitments: [] };
      // As the CLI asks (its default page and evidence per item; the HTTP endpoints below bound evidence the same way).
      const evidence = DEFAULT_EVIDENCE;
      for (let i = 0; i < runs; i++) {
        const a = actors[i % actors.length]!;
        lat.actor!.push(time(() => actorProfile(open.db, actorNamed(open.db, a.name), quote, { evidence })));
        lat.timeline!.push(time(() => timeline(open.db, quote, { actor: a })));
        lat.state!.push(time(() => stateAsOf(open.db, quote, days[i % days.length]!, { evidence })));
        lat.commitments!.push(time(() => listCommitments(open.db, quote, { evidence })));
      }
      say(`record-scale: query p99 over ${runs} runs (ms CPU): ${Object.entries(lat).map(([k, v]) => `${k} ${p99(v).toFixed(1)}`).join(', ')}`);
      const app = createApp(open);
      const http: Record<string, number[]> = { '/api/actors/:name': [], '/api/timeline?actor=': [], '/api/state?asOf=': [], '/api/commitments': [] };
      for (let i = 0; i < runs; i++) {
        const a = encodeURIComponent(actors[i % actors.length]!.name);
        for (const [k, url] of [['/api/actors/:name', `/api/actors/${a}`], ['/api/timeline?actor=', `/api/timeline?actor=${a}`], ['/api/state?asOf=', `/api/state?asOf=${days[i % days.length]}`], ['/api/commitments', '/api/commitments']] as const) {
          const t = process.cpuUsage();
          const res = await app.request(url);
          await res.text();
          const u = process.cpuUsage(t);
          http[k]!.push((u.user + u.system) / 1000);
        }
      }
      say(`record-scale: HTTP p99 over ${runs} requests (ms CPU, in-process): ${Object.entries(http).map(([k, v]) => `${k} ${p99(v).toFixed(1)}`).join(', ')}`);
      open.close();
    } finally {
      if (!keep && isPostgresUrl(path)) dropBenchStore(openStore(path));
      if (dir) rmSync(dir, { recursive: true, force: true });
    }
    return lines;
  },
};
