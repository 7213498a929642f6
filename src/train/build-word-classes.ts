/**
 * `node --import tsx src/train/build-word-classes.ts`: word classes for the named-entity tagger, computed from
 * unannotated news text in ../shared/data (read by path): the English Worldwide Newswire articles of the train
 * split (sha1 mod 10 ≥ 2, as src/train/split.ts; dev and test articles are left out), the PolNeAR train and
 * dev texts and the TempEval-3 documents (their XML tags removed). Each word seen at least MIN_COUNT times
 * (lower case) gets a vector of its left and right neighbours among the CONTEXT most frequent words (positive
 * pointwise mutual information, unit length); spherical k-means puts the words in FINE classes, and k-means
 * over those classes' centroids groups them into COARSE classes. Deterministic (seeded); about a CPU-minute.
 * Writes src/models/ner/word-classes.tsv.gz: `word TAB fine TAB coarse` per line.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { packagePath } from '../package-path.js';
import { WORD_CLASSES_FILE } from '../models/ner/word-classes.js';
import { newswireSplit } from './split.js';
import { seededRandom } from './seeded-random.js';

const MIN_COUNT = 3;
const CONTEXT = 600;
const FINE = 256;
const COARSE = 32;
const ITERATIONS = 12;

const DATA = packagePath('../shared/data');
const TOKEN = /\p{L}[\p{L}\p{M}]*(?:['’.-]\p{L}[\p{L}\p{M}]*)*|\p{N}+(?:[.,]\p{N}+)*|\S/gu;

function texts(): string[] {
  const out: string[] = [];
  const news = join(DATA, 'en-worldwide-newswire/original_articles');
  for (const f of readdirSync(news).sort()) {
    if (!f.endsWith('.txt') || newswireSplit(`${f}.tsv`) !== 'train') continue;
    out.push(readFileSync(join(news, f), 'utf8').split('\n').slice(1).join('\n'));
  }
  for (const split of ['train', 'dev']) {
    const dir = join(DATA, 'polnear/data', split, 'text');
    for (const f of readdirSync(dir).sort()) out.push(readFileSync(join(dir, f), 'utf8'));
  }
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (e.isDirectory()) walk(join(dir, e.name));
      else if (e.name.endsWith('.tml')) out.push(readFileSync(join(dir, e.name), 'utf8').replace(/<[^>]*>/gu, ' '));
    }
  };
  walk(join(DATA, 'tempeval3/data'));
  return out;
}

/** Spherical k-means over unit rows (sparse: ids and values per row); returns each row's cluster. */
function kmeans(rows: { ids: Int32Array; values: Float32Array }[], dims: number, k: number, iterations: number, seed: number, log: (l: string) => void): Int32Array {
  const random = seededRandom(seed);
  const centroids = new Float32Array(k * dims);
  // Initial centroids: k distinct rows, the first k of a seeded shuffle of the more frequent half.
  const pool = rows.map((_, i) => i).slice(0, Math.max(k, Math.floor(rows.length / 2)));
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  for (let c = 0; c < k; c++) {
    const r = rows[pool[c]!]!;
    r.ids.forEach((id, n) => (centroids[c * dims + id] = r.values[n]!));
  }
  const assign = new Int32Array(rows.length).fill(-1);
  for (let it = 0; it < iterations; it++) {
    let moved = 0;
    rows.forEach((r, i) => {
      let best = 0;
      let bestScore = -Infinity;
      for (let c = 0; c < k; c++) {
        let dot = 0;
        const base = c * dims;
        for (let n = 0; n < r.ids.length; n++) dot += centroids[base + r.ids[n]!]! * r.values[n]!;
        if (dot > bestScore) {
          bestScore = dot;
          best = c;
        }
      }
      if (assign[i] !== best) moved++;
      assign[i] = best;
    });
    centroids.fill(0);
    rows.forEach((r, i) => {
      const base = assign[i]! * dims;
      r.ids.forEach((id, n) => (centroids[base + id]! += r.values[n]!));
    });
    for (let c = 0; c < k; c++) {
      let norm = 0;
      for (let d = 0; d < dims; d++) norm += centroids[c * dims + d]! ** 2;
      norm = Math.sqrt(norm) || 1;
      for (let d = 0; d < dims; d++) centroids[c * dims + d]! /= norm;
    }
    log(`k-means ${k}: iteration ${it + 1}, ${moved} moved`);
    if (moved === 0) break;
  }
  return assign;
}

export function buildWordClasses(log: (l: string) => void = () => undefined): { lines: string[]; tokens: number } {
  const sentences = texts().map((t) => (t.match(TOKEN) ?? []).map((w) => w.replace(/’/gu, "'").toLowerCase()));
  const tokens = sentences.reduce((n, s) => n + s.length, 0);
  const counts = new Map<string, number>();
  for (const s of sentences) for (const w of s) counts.set(w, (counts.get(w) ?? 0) + 1);
  const byFrequency = [...counts].filter(([, n]) => n >= MIN_COUNT).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const vocab = new Map(byFrequency.map(([w], i) => [w, i]));
  const context = new Map(byFrequency.slice(0, CONTEXT).map(([w], i) => [w, i]));
  log(`${sentences.length} texts, ${tokens} tokens; ${vocab.size} words seen ≥ ${MIN_COUNT} times`);
  // Co-occurrence counts: left neighbour in dims [0, CONTEXT), right neighbour in [CONTEXT, 2 CONTEXT).
  const dims = 2 * CONTEXT;
  const cooc = byFrequency.map(() => new Map<number, number>());
  const dimTotals = new Float64Array(dims);
  for (const s of sentences) {
    s.forEach((w, i) => {
      const row = vocab.get(w);
      if (row === undefined) return;
      const left = i > 0 ? context.get(s[i - 1]!) : undefined;
      const right = i + 1 < s.length ? context.get(s[i + 1]!) : undefined;
      const m = cooc[row]!;
      if (left !== undefined) m.set(left, (m.get(left) ?? 0) + 1);
      if (right !== undefined) m.set(CONTEXT + right, (m.get(CONTEXT + right) ?? 0) + 1);
    });
  }
  for (const m of cooc) for (const [d, n] of m) dimTotals[d]! += n;
  const grand = dimTotals.reduce((a, b) => a + b, 0);
  const rows = cooc.map((m) => {
    const rowTotal = [...m.values()].reduce((a, b) => a + b, 0) || 1;
    const entries = [...m].map(([d, n]) => [d, Math.max(0, Math.log((n * grand) / (rowTotal * dimTotals[d]!)))] as const).filter(([, v]) => v > 0);
    const norm = Math.sqrt(entries.reduce((a, [, v]) => a + v * v, 0)) || 1;
    return { ids: Int32Array.from(entries, ([d]) => d), values: Float32Array.from(entries, ([, v]) => v / norm) };
  });
  const fine = kmeans(rows, dims, FINE, ITERATIONS, 7, log);
  // Coarse classes: the fine classes' centroids (mean of their rows) clustered again.
  const sums = Array.from({ length: FINE }, () => new Float64Array(dims));
  rows.forEach((r, i) => r.ids.forEach((id, n) => (sums[fine[i]!]![id]! += r.values[n]!)));
  const centroidRows = sums.map((v) => {
    const ids: number[] = [];
    const values: number[] = [];
    const norm = Math.sqrt(v.reduce((a, x) => a + x * x, 0)) || 1;
    v.forEach((x, d) => {
      if (x > 0) {
        ids.push(d);
        values.push(x / norm);
      }
    });
    return { ids: Int32Array.from(ids), values: Float32Array.from(values) };
  });
  const coarse = kmeans(centroidRows, dims, COARSE, 20, 11, log);
  const lines = byFrequency.map(([w], i) => `${w}\t${fine[i]}\t${coarse[fine[i]!]}`);
  return { lines, tokens };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const c0 = process.cpuUsage();
  const { lines, tokens } = buildWordClasses((l) => console.log(l));
  writeFileSync(packagePath(WORD_CLASSES_FILE), gzipSync(`${lines.join('\n')}\n`, { level: 9 }));
  const c = process.cpuUsage(c0);
  console.log(`${lines.length} words from ${tokens} tokens → ${WORD_CLASSES_FILE} (${((c.user + c.system) / 1e6).toFixed(0)} CPU-s)`);
}
