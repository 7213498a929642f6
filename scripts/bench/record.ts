import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze } from '../../src/analyze.js';
import { createDocument, documentFromJSON, documentToJSON, type Document } from '../../src/document/document.js';
import { ingestSources } from '../../src/ingest/index.js';
import { packagePath } from '../../src/package-path.js';
import { buildRecord, rebuildRecord, scoreResolution, type GoldClusters } from '../../src/record/index.js';
import { openStore } from '../../src/store/index.js';
import { benchDialect, benchStorePath, dropBenchStore } from './lib/bench-db.js';
import type { BenchSection } from './lib/section.js';

/** A copy of an analysed article under a new text (so a new id), for measuring the record at scale. */
function copyOf(doc: Document, n: number): Document {
  const text = `${doc.text}\n(${n})`;
  return documentFromJSON({ ...documentToJSON(doc), text, meta: createDocument(text, { published: doc.meta.published! }).meta });
}

export const section: BenchSection = {
  name: 'record',
  async run() {
    const lines: string[] = [];
    const docs: Document[] = [];
    let t0 = performance.now();
    for await (const item of ingestSources([packagePath('examples/arc.jsonl')])) {
      if (!item.ok) throw item.error;
      await analyze(item.doc);
      docs.push(item.doc);
    }
    const analyseS = (performance.now() - t0) / 1000;
    t0 = performance.now();
    const record = buildRecord(docs);
    const buildMs = performance.now() - t0;
    const gold = JSON.parse(readFileSync(packagePath('test/record/arc.gold.json'), 'utf8')) as GoldClusters;
    const s = scoreResolution(record.actors, gold);
    lines.push(`record: arc (${docs.length} articles) analysed in ${analyseS.toFixed(2)} s, record built in ${buildMs.toFixed(0)} ms`);
    lines.push(`record: cross-document resolution on the arc vs gold clusters: pairwise P ${s.precision.toFixed(3)} R ${s.recall.toFixed(3)} F1 ${s.f1.toFixed(3)} (${s.matched} per-article actors scored, ${s.unmatched} not in gold)`);
    const textOf = (c: (typeof record.commitments)[number]): string => docs.find((d) => d.meta.id === c.what.article)!.text.slice(c.what.start, c.what.end);
    const expected: [string, string][] = [['visit Port Qasimabad', 'kept'], ['Rs 12 billion', 'overdue'], ['Development Authority', 'broken']];
    const got = expected.map(([w, want]) => {
      const status = record.commitments.find((c) => textOf(c).includes(w))?.status ?? 'missing';
      return `${w}: ${status}${status === want ? '' : ` (want ${want})`}`;
    });
    lines.push(`record: arc commitments: ${got.join('; ')}`);
    lines.push(`record: arc events: ${record.events.length} after de-duplication, ${record.events.filter((e) => e.sources.length > 1).length} reported by several articles`);
    for (const n of [100, 400]) {
      const many = Array.from({ length: n }, (_, i) => copyOf(docs[i % docs.length]!, i));
      t0 = performance.now();
      buildRecord(many);
      const ms = performance.now() - t0;
      lines.push(`record: buildRecord over ${n} articles: ${ms.toFixed(0)} ms (${Math.round(n / (ms / 1000))} articles/s)`);
    }
    const dir = mkdtempSync(join(tmpdir(), 'polity-bench-record-'));
    try {
      const store = openStore(benchStorePath(dir, 'record'));
      for (let i = 0; i < 200; i++) store.putDocument(copyOf(docs[i % docs.length]!, i));
      t0 = performance.now();
      rebuildRecord(store);
      const ms = performance.now() - t0;
      lines.push(`record: rebuild in ${benchDialect()} with 200 stored articles (read, resolve, write, index): ${ms.toFixed(0)} ms — the cost of updateRecord after one more article at that size`);
      dropBenchStore(store);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    return lines;
  },
};
