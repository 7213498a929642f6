/**
 * Large benchmark databases without analysing thousands of articles: real articles are analysed once, then
 * stored again and again as distinct articles (new text, dates spread over the years, many person names
 * replaced from a pool that grows with the corpus, so the record keeps meeting new people as well as the famous
 * ones), through the same store hook as `polity ingest`. Used by `record-scale` and `api`.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../../src/analyze.js';
import { createDocument, documentFromJSON, documentToJSON, type Document } from '../../../src/document/document.js';
import { documentFromText } from '../../../src/ingest/index.js';
import { attachRecord } from '../../../src/record/index.js';
import { openStore } from '../../../src/store/index.js';
import { addDays } from '../../../src/record/evidence.js';
import { seededRandom } from '../../../src/train/seeded-random.js';
import { checkpoint } from './bench-db.js';
import { SHARED_DATA } from './corpus.js';

/** PolNeAR train texts (their file names carry the publication date), the first `count`, analysed. */
export async function analysedBases(count: number): Promise<Document[]> {
  const dir = join(SHARED_DATA, 'polnear/data/train/text');
  const out: Document[] = [];
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.txt')).sort().slice(0, count)) {
    const text = readFileSync(join(dir, f), 'utf8');
    const doc = documentFromText(text, { published: /_(\d{4}-\d{2}-\d{2})_/.exec(f)![1]!, title: text.split('\n')[0]!.trim() });
    await analyze(doc);
    out.push(doc);
  }
  return out;
}

export { addDays };

/** A deterministic pseudo-random stream (mulberry32). */
export const random = seededRandom;

/** Given names and surnames of the bases' two-word people: the pool variants draw new people from. */
export function nameParts(bases: Document[]): { givens: string[]; surnames: string[] } {
  const givens = new Set<string>();
  const surnames = new Set<string>();
  for (const d of bases) for (const a of d.actors) {
    const parts = a.name.split(' ');
    if (a.type === 'PERSON' && parts.length === 2 && /^[A-Z][a-z]+$/.test(parts[0]!) && /^[A-Z][a-z]+$/.test(parts[1]!)) { givens.add(parts[0]!); surnames.add(parts[1]!); }
  }
  return { givens: [...givens], surnames: [...surnames] };
}

/**
 * Copy `k` of an analysed article: a distinct text (so a new id), a date `k / perDay` days on, and each person
 * renamed with probability 0.6 to a name from a pool of given names × surnames that grows with k (so new people
 * keep appearing while famous ones recur).
 */
export function variant(base: Document, k: number, perDay: number, givens: string[], surnames: string[], rnd: () => number): Document {
  const text = `${base.text}\n(${k})`;
  const published = addDays('2010-01-01', Math.floor(k / perDay));
  const json = documentToJSON(base) as ReturnType<typeof documentToJSON> & { actors: Document['actors'] };
  const doc = documentFromJSON({ ...json, text, meta: createDocument(text, { published, ...(base.meta.title && { title: base.meta.title }) }).meta });
  const pool = Math.max(50, Math.floor(k / 4));
  for (const a of doc.actors) {
    if (a.type !== 'PERSON' || rnd() < 0.4) continue;
    const i = Math.floor(rnd() * pool);
    // Given name and surname drawn independently (a prime stride over the surnames), so people sharing a surname
    // stay few as the pool grows, as in real news; beyond every pair an initial keeps them distinct.
    const name = `${givens[i % givens.length]} ${surnames[(i * 7919) % surnames.length]}${i >= givens.length * surnames.length ? ` ${String.fromCharCode(65 + (i % 26))}.` : ''}`;
    a.name = name;
    a.aliases = [name.split(' ')[1]!];
  }
  return doc;
}

/**
 * A database of `total` derived articles (from `baseCount` analysed bases, `perDay` a day) at `path`, built
 * once and kept: a file that exists is reused as it is (delete it to rebuild). Built under a temporary name
 * and renamed when complete, so an interrupted build is never reused. Returns whether it was built now.
 */
export async function derivedDatabase(path: string, total: number, opts: { baseCount?: number; perDay?: number; log?: (line: string) => void } = {}): Promise<boolean> {
  if (existsSync(path)) return false;
  mkdirSync(join(path, '..'), { recursive: true });
  const bases = await analysedBases(Math.min(total, opts.baseCount ?? 400));
  const { givens, surnames } = nameParts(bases);
  const partial = `${path}.partial`;
  for (const f of [partial, `${partial}-wal`, `${partial}-shm`]) rmSync(f, { force: true });
  const store = attachRecord(openStore(partial));
  const rnd = random(7);
  const cpu = process.cpuUsage();
  for (let k = 0; k < total; k++) {
    store.putDocument(variant(bases[k % bases.length]!, k, opts.perDay ?? 5, givens, surnames, rnd));
    if ((k + 1) % 1000 === 0) {
      const used = process.cpuUsage(cpu);
      opts.log?.(`built ${k + 1}/${total} articles, ${((used.user + used.system) / 1000 / (k + 1)).toFixed(1)} CPU ms per article`);
    }
  }
  checkpoint(store);
  store.close();
  renameSync(partial, path);
  writeFileSync(`${path}.built`, `${new Date().toISOString()} ${total} articles from ${bases.length} bases\n`);
  return true;
}
