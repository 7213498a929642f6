import type { Db } from '../store/sql/db.js';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { attachRecord, ensureRecord } from '../record/index.js';
import { openStore, storeArticles, type SqliteStore } from '../store/index.js';

/**
 * Cross-document scoring (`polity eval --cross GOLD.json`), exactly as ../shared/gold/cross/README.md defines
 * the `polity-cross/1` format: the corpus is ingested whole, in date order, into a fresh database; per-article
 * actors are labelled by their names against the gold forms; B-cubed P/R/F1 over the labelled ones, splits per
 * gold actor, wrongly merged apart pairs, and office checks read from record_offices.
 */

export interface CrossGold {
  format: 'polity-cross/1';
  corpus: { paths: string[]; published?: string; articles?: number; dates?: Record<string, string>; files?: string[] };
  actors: { id: string; type: string; name: string; forms: string[]; scoped?: Record<string, string[]>; articles?: number }[];
  apart: [string, string][];
  offices: { person: string; title: string; as_of: string; holds: boolean; evidence?: { file: string; text: string }[]; note?: string }[];
}

export interface OfficeCheckResult {
  person: string;
  title: string;
  asOf: string;
  holds: boolean;
  pass: boolean;
  /** The matching record offices (title, from, to) of the person's cluster. */
  found: { title: string; from?: string; to?: string }[];
  afterPrefix?: boolean;
}

export interface CrossReport {
  name: string;
  gold: string;
  articles: number;
  ingest: { added: number; unchanged: number; failed: number; seconds: number; cpuSeconds: number; error?: string; failures: string[] };
  /** Set when only a prefix (in date order) could be scored. */
  prefix?: { articles: number; of: number };
  labelled: number;
  ambiguous: number;
  b3: { precision: number; recall: number; f1: number };
  splits: { id: string; clusters: number; items: number }[];
  maxSplits: number;
  wronglyMerged: { a: string; b: string; cluster: string }[];
  offices: { passed: number; total: number; checks: OfficeCheckResult[] };
}

/** Names compared as the README says: NFKD, no diacritics, lower case, no trailing possessive, letters and digits only. */
export function normName(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/(?:['’]s|['’])$/u, '').replace(/[^\p{L}\p{N}]+/gu, '');
}

const STOP = new Set(['of', 'the', 'for', 'and', 'from', 'to', 'in', 'on', 'at', 'a', 'an', 'us']);
const EXPAND: Record<string, string> = {
  gov: 'governor', sen: 'senator', rep: 'representative', congressman: 'representative', congresswoman: 'representative',
  chairman: 'chair', chairwoman: 'chair', chairperson: 'chair', pm: 'prime minister', cm: 'chief minister', ag: 'attorney general',
  vp: 'vice president', lg: 'lieutenant governor', premier: 'prime minister', cec: 'chief election commissioner',
};
const PHRASES: [RegExp, string][] = [
  [/democratic national committee/g, 'dnc'], [/republican national committee/g, 'rnc'], [/federal bureau of investigation/g, 'fbi'],
];

/** Title tokens as the README defines them (periods dropped, abbreviations expanded, small words dropped). */
export function titleTokens(title: string): Set<string> {
  let t = title.toLowerCase().replace(/\./g, '');
  for (const [re, to] of PHRASES) t = t.replace(re, to);
  const out = new Set<string>();
  for (const w of t.split(/[^\p{L}\p{N}]+/u).filter(Boolean)) {
    for (const x of (EXPAND[w] ?? w).split(' ')) if (!STOP.has(x)) out.add(x);
  }
  return out;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  const inter = [...a].filter((x) => b.has(x)).length;
  const union = new Set([...a, ...b]).size;
  return union === 0 ? 0 : inter / union;
}

interface CorpusFile { path: string; file: string; date: string }

/** The corpus's articles in date order (then file name), with their dates from the rule the gold states. */
export function corpusFiles(gold: CrossGold, shared: string): CorpusFile[] {
  const out: CorpusFile[] = [];
  const wanted = gold.corpus.files ? new Set(gold.corpus.files) : undefined;
  for (const rel of gold.corpus.paths) {
    const dir = resolve(shared, rel);
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
      if (wanted && !wanted.has(file)) continue;
      const date = gold.corpus.dates?.[file] ?? /^[^_]*_(\d{4}-\d{2}-\d{2})/.exec(file)?.[1];
      if (!date) throw new Error(`${join(rel, file)}: no date in the file name and none in corpus.dates`);
      out.push({ path: join(dir, file), file, date });
    }
  }
  return out.sort((a, b) => a.date.localeCompare(b.date) || a.file.localeCompare(b.file));
}

/** Ingests `files` (as JSON Lines, through the same path as `polity ingest`) into a fresh database at `dbPath`. */
async function ingestCorpus(files: CorpusFile[], dbPath: string, work: string): Promise<{ report: CrossReport['ingest']; fileOf: Map<string, string> }> {
  const jsonl = join(work, 'corpus.jsonl');
  writeFileSync(jsonl, files.map((f) => {
    const text = readFileSync(f.path, 'utf8');
    return JSON.stringify({ title: text.split('\n')[0]!.trim(), published: f.date, text });
  }).join('\n'));
  const started = performance.now();
  const cpu = process.cpuUsage();
  const counts = { added: 0, unchanged: 0, replaced: 0, failed: 0 };
  const failures: string[] = [];
  const fileOf = new Map<string, string>();
  let error: string | undefined;
  const store = attachRecord(openStore(dbPath));
  try {
    for await (const o of storeArticles(store, [{ kind: 'jsonl', location: jsonl }])) {
      counts[o.status]++;
      const line = Number(/:(\d+)$/.exec(o.source)?.[1] ?? 0);
      if (o.status === 'failed') failures.push(`${files[line - 1]?.file ?? o.source}: ${o.reason}`);
      else if (!fileOf.has(o.id)) fileOf.set(o.id, files[line - 1]!.file);
    }
    ensureRecord(store);
  } catch (err) {
    error = err instanceof Error ? err.message : String(err);
  } finally {
    store.close();
  }
  const used = process.cpuUsage(cpu);
  return {
    report: { added: counts.added, unchanged: counts.unchanged, failed: counts.failed, seconds: round((performance.now() - started) / 1000, 1), cpuSeconds: round((used.user + used.system) / 1e6, 1), ...(error && { error }), failures },
    fileOf,
  };
}

const round = (x: number, d = 3): number => Math.round(x * 10 ** d) / 10 ** d;

/** Scores the record in an open database against the gold. `fileOf` maps article ids to corpus file names. */
export function scoreCross(db: Db, gold: CrossGold, fileOf: Map<string, string>, lastDate?: string): Omit<CrossReport, 'name' | 'gold' | 'articles' | 'ingest'> {
  const formOf = new Map<string, Set<string>>();
  const scoped = new Map<string, Map<string, Set<string>>>();
  for (const a of gold.actors) {
    for (const f of a.forms) formOf.set(normName(f), (formOf.get(normName(f)) ?? new Set()).add(a.id));
    for (const [f, articles] of Object.entries(a.scoped ?? {})) {
      const m = scoped.get(normName(f)) ?? new Map<string, Set<string>>();
      m.set(a.id, new Set(articles));
      scoped.set(normName(f), m);
    }
  }
  const rows = db.prepare(`SELECT x.article_id, x.id, x.name, x.aliases, m.actor_id FROM actors x
    LEFT JOIN record_actor_members m ON m.article_id = x.article_id AND m.local_id = x.id`).all() as { article_id: string; id: string; name: string; aliases: string; actor_id: string | null }[];
  const items: { gold: string; cluster: string }[] = [];
  let ambiguous = 0;
  for (const r of rows) {
    const file = fileOf.get(r.article_id) ?? '';
    const canonical = normName(r.name);
    const byName = (n: string): Set<string> => {
      const out = new Set(formOf.get(n) ?? []);
      for (const [id, files] of scoped.get(n) ?? []) if (files.has(file)) out.add(id);
      return out;
    };
    let label: string | undefined;
    const own = byName(canonical);
    if (own.size === 1) label = [...own][0];
    else if (own.size > 1) { ambiguous++; continue; }
    else {
      const oneWord = !/\s/.test(r.name.trim());
      const ids = new Set<string>();
      for (const alias of JSON.parse(r.aliases) as string[]) {
        if (/\s/.test(alias.trim()) || oneWord) for (const id of byName(normName(alias))) ids.add(id);
      }
      if (ids.size === 1) label = [...ids][0];
      else if (ids.size > 1) { ambiguous++; continue; }
    }
    if (label) items.push({ gold: label, cluster: r.actor_id ?? `missing:${r.article_id}:${r.id}` });
  }
  // B-cubed.
  const byCluster = new Map<string, Map<string, number>>();
  const byGold = new Map<string, Map<string, number>>();
  for (const it of items) {
    const c = byCluster.get(it.cluster) ?? new Map<string, number>();
    c.set(it.gold, (c.get(it.gold) ?? 0) + 1);
    byCluster.set(it.cluster, c);
    const g = byGold.get(it.gold) ?? new Map<string, number>();
    g.set(it.cluster, (g.get(it.cluster) ?? 0) + 1);
    byGold.set(it.gold, g);
  }
  let p = 0;
  let r = 0;
  for (const it of items) {
    const c = byCluster.get(it.cluster)!;
    const size = [...c.values()].reduce((s, x) => s + x, 0);
    const same = c.get(it.gold)!;
    const goldSize = [...byGold.get(it.gold)!.values()].reduce((s, x) => s + x, 0);
    p += same / size;
    r += same / goldSize;
  }
  const precision = items.length ? p / items.length : 0;
  const recall = items.length ? r / items.length : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  const splits = [...byGold].map(([id, clusters]) => ({ id, clusters: clusters.size, items: [...clusters.values()].reduce((s, x) => s + x, 0) }))
    .sort((a, b) => b.clusters - a.clusters || b.items - a.items);
  const wronglyMerged: CrossReport['wronglyMerged'] = [];
  for (const [a, b] of gold.apart) {
    for (const [cluster, golds] of byCluster) if (golds.has(a) && golds.has(b)) { wronglyMerged.push({ a, b, cluster }); break; }
  }
  // Office checks.
  const nameOf = db.prepare('SELECT name FROM record_actors WHERE id = ?').pluck();
  const officesOf = db.prepare('SELECT title, from_date, to_date, org_id FROM record_offices WHERE person_id = ?');
  const checks: OfficeCheckResult[] = gold.offices.map((o) => {
    const clusters = byGold.get(o.person);
    const base = { person: o.person, title: o.title, asOf: o.as_of, holds: o.holds, ...(lastDate && o.as_of > lastDate && { afterPrefix: true }) };
    if (!clusters || clusters.size === 0) return { ...base, pass: false, found: [] };
    const cluster = [...clusters].sort((x, y) => y[1] - x[1])[0]![0];
    const want = titleTokens(o.title);
    const found = (officesOf.all(cluster) as { title: string; from_date: string | null; to_date: string | null; org_id: string | null }[]).filter((x) => {
      const org = x.org_id ? (nameOf.get(x.org_id) as string | undefined) : undefined;
      return jaccard(titleTokens(x.title), want) >= 0.5 || (org !== undefined && jaccard(titleTokens(`${x.title} ${org}`), want) >= 0.5);
    });
    const holding = found.some((x) => (x.from_date === null || x.from_date <= o.as_of) && (x.to_date === null || o.as_of < x.to_date));
    return { ...base, pass: o.holds ? holding : !holding, found: found.map((x) => ({ title: x.title, ...(x.from_date && { from: x.from_date }), ...(x.to_date && { to: x.to_date }) })) };
  });
  return {
    labelled: items.length, ambiguous,
    b3: { precision: round(precision), recall: round(recall), f1: round(f1) },
    splits: splits.slice(0, 15), maxSplits: splits[0]?.clusters ?? 0, wronglyMerged,
    offices: { passed: checks.filter((c) => c.pass).length, total: checks.length, checks },
  };
}

/** Runs the whole cross evaluation for one gold file. `db` scores an existing database (holding that corpus) instead of ingesting. */
export async function evaluateCross(goldPath: string, opts: { db?: string } = {}): Promise<CrossReport> {
  const gold = JSON.parse(readFileSync(goldPath, 'utf8')) as CrossGold;
  if (gold.format !== 'polity-cross/1') throw new Error(`${goldPath}: format is ${String(gold.format)}, not polity-cross/1`);
  // Corpus paths are relative to the shared folder: the parent of the gold directory's parent.
  const shared = dirname(dirname(dirname(resolve(goldPath))));
  const files = corpusFiles(gold, shared);
  const name = basename(goldPath).replace(/\.cross\.json$|\.json$/, '');
  if (opts.db) {
    const store = openStore(opts.db);
    try {
      const fileOf = fileMapFromStore(store, files);
      return { name, gold: goldPath, articles: files.length, ingest: { added: 0, unchanged: fileOf.size, failed: 0, seconds: 0, cpuSeconds: 0, failures: [] }, ...scoreCross(store.db, gold, fileOf) };
    } finally {
      store.close();
    }
  }
  const work = mkdtempSync(join(tmpdir(), 'polity-cross-'));
  try {
    const whole = await ingestCorpus(files, join(work, 'whole.db'), work);
    let scored = await scoreDb(join(work, 'whole.db'), gold, whole.fileOf);
    let prefix: CrossReport['prefix'];
    let ingest = whole.report;
    if (whole.report.error || !scored) {
      scored = undefined;
      for (const n of [800, 400, 200, 100].filter((k) => k < files.length)) {
        const dbPath = join(work, `prefix-${n}.db`);
        const part = await ingestCorpus(files.slice(0, n), dbPath, work);
        if (part.report.error) continue;
        scored = await scoreDb(dbPath, gold, part.fileOf, files[n - 1]!.date);
        if (scored) { prefix = { articles: n, of: files.length }; ingest = { ...whole.report }; break; }
      }
    }
    const empty = { labelled: 0, ambiguous: 0, b3: { precision: 0, recall: 0, f1: 0 }, splits: [], maxSplits: 0, wronglyMerged: [], offices: { passed: 0, total: gold.offices.length, checks: [] } };
    return { name, gold: goldPath, articles: files.length, ingest, ...(prefix && { prefix }), ...(scored ?? empty) };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

async function scoreDb(dbPath: string, gold: CrossGold, fileOf: Map<string, string>, lastDate?: string) {
  const store = openStore(dbPath);
  try {
    const members = store.db.prepare('SELECT count(*) FROM record_actor_members').pluck().get() as number;
    return members === 0 ? undefined : scoreCross(store.db, gold, fileOf, lastDate);
  } finally {
    store.close();
  }
}

/** Article id → corpus file for a database that already holds the corpus (matched by the text's headline and date). */
function fileMapFromStore(store: SqliteStore, files: CorpusFile[]): Map<string, string> {
  const byKey = new Map(files.map((f) => [`${f.date}|${readFileSync(f.path, 'utf8').split('\n')[0]!.trim()}`, f.file]));
  const out = new Map<string, string>();
  for (const a of store.listArticles()) {
    const file = byKey.get(`${a.published ?? ''}|${a.title ?? ''}`);
    if (file) out.set(a.id, file);
  }
  return out;
}

/** The report as text: scores, the most-split actors, wrongly merged pairs, office checks, and the closing line. */
export function formatCross(r: CrossReport): string[] {
  const lines = [
    `cross-document record on ${r.name}: ${r.articles} articles; ingest ${r.ingest.added} added, ${r.ingest.unchanged} unchanged, ${r.ingest.failed} failed in ${r.ingest.seconds}s (${r.ingest.cpuSeconds}s CPU)${r.ingest.error ? `; stopped: ${r.ingest.error}` : ''}`,
    ...r.ingest.failures.slice(0, 10).map((f) => `  failed: ${f}`),
    `labelled per-article actors: ${r.labelled} (${r.ambiguous} ambiguous, left out)`,
    `B-cubed: P ${r.b3.precision.toFixed(3)}  R ${r.b3.recall.toFixed(3)}  F1 ${r.b3.f1.toFixed(3)}`,
    '', `most split (record clusters per gold actor; max ${r.maxSplits}):`,
    ...r.splits.map((s) => `  ${s.id.padEnd(28)} ${String(s.clusters).padStart(3)} clusters, ${s.items} items`),
    '', `wrongly merged apart pairs: ${r.wronglyMerged.length}`,
    ...r.wronglyMerged.map((w) => `  ${w.a} + ${w.b} (in ${w.cluster})`),
    '', `office checks: ${r.offices.passed}/${r.offices.total}`,
    ...r.offices.checks.filter((c) => !c.pass).map((c) => `  FAIL ${c.person} ${c.holds ? 'holds' : 'not'} "${c.title}" on ${c.asOf}${c.afterPrefix ? ' (after the prefix)' : ''}; record: ${c.found.map((f) => `${f.title} ${f.from ?? '…'}→${f.to ?? 'now'}`).join('; ') || 'no matching office'}`),
    '',
    `cross ${r.name}: B3 F1 ${r.b3.f1.toFixed(3)}, offices ${r.offices.passed}/${r.offices.total}${r.prefix ? ` [prefix ${r.prefix.articles}/${r.prefix.of}]` : ''}`,
  ];
  return lines;
}
