import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze } from '../../src/analyze.js';
import { createDocument } from '../../src/document/document.js';
import { openStore } from '../../src/store/index.js';
import { benchDialect, benchStorePath, checkpoint, databaseBytes, dropBenchStore } from './lib/bench-db.js';
import type { BenchSection } from './lib/section.js';
import { newswireTexts } from './lib/corpus.js';

/**
 * Articles analysed once (not timed) and then stored, re-stored (unchanged) and read back; in a SQLite file, or
 * with POLITY_BENCH_DB=postgres://… in a schema of that PostgreSQL database (see lib/bench-db.ts).
 */
const ARTICLES = 200;

export const section: BenchSection = {
  name: 'store',
  async run() {
    const docs = [];
    for (const [i, text] of newswireTexts(ARTICLES).entries()) {
      const doc = createDocument(text, { origin: `newswire-${i}` });
      await analyze(doc);
      docs.push(doc);
    }
    const dir = mkdtempSync(join(tmpdir(), 'polity-bench-store-'));
    try {
      const store = openStore(benchStorePath(dir, 'store'));
      let t0 = performance.now();
      let added = 0;
      for (const doc of docs) if (store.putDocument(doc) === 'added') added++;
      const putS = (performance.now() - t0) / 1000;
      t0 = performance.now();
      for (const doc of docs) store.putDocument(doc);
      const againS = (performance.now() - t0) / 1000;
      t0 = performance.now();
      for (const doc of docs) store.getDocument(doc.meta.id.slice(0, 8));
      const getS = (performance.now() - t0) / 1000;
      checkpoint(store);
      const bytes = databaseBytes(store);
      dropBenchStore(store);
      const chars = docs.reduce((n, d) => n + d.text.length, 0);
      return [
        `store: ${benchDialect()}: ${added} articles (${(chars / 1000).toFixed(0)}k chars, default pipeline layers) put in ${putS.toFixed(2)} s = ${Math.round(added / putS)} articles/s, one transaction each`,
        `store: the same again (unchanged) in ${againS.toFixed(3)} s = ${Math.round(docs.length / againS)} articles/s`,
        `store: getDocument by 8-digit id prefix in ${getS.toFixed(2)} s = ${Math.round(docs.length / getS)} articles/s`,
        `store: database ${(bytes / 2 ** 20).toFixed(1)} MiB = ${(bytes / docs.length / 1024).toFixed(0)} KiB per article (${(bytes / chars).toFixed(1)} bytes per text char)`,
      ];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
