/**
 * Output-equivalence check for speed work: analyses a fixed sample of real articles from ../shared/data
 * exactly as `polity analyze --json` does (analyzeInputs + documentToJSON) and writes one JSON document per
 * line to the file named, so two runs (before / after a change) can be compared with `cmp` or `diff`.
 *
 * `node --import tsx scripts/output-diff.ts OUT.jsonl [COUNT]` (COUNT articles, default 200: every k-th of
 * the newswire articles and of the PolNeAR train texts, half each).
 *
 * `node --import tsx scripts/output-diff.ts OUT.jsonl speed`: the whole speed corpus (1,915 articles) read and
 * analysed exactly as `npm run bench -- pipeline` does (documentFromText, --published 2020-01-14, the default
 * pipeline), one document JSON per line.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeInputs } from '../src/cli/analyze-inputs.js';
import { documentToJSON } from '../src/document/document.js';
import { documentFromText } from '../src/ingest/article.js';
import { defaultPipeline } from '../src/pipeline/default.js';
import { SHARED_DATA, speedCorpus } from './bench/lib/corpus.js';

const out = process.argv[2];
if (!out) throw new Error('usage: output-diff.ts OUT.jsonl [COUNT | speed]');

const lines: string[] = [];
if (process.argv[3] === 'speed') {
  const pipeline = defaultPipeline();
  for (const { text, name } of speedCorpus()) {
    const doc = documentFromText(text, { origin: name }, { published: '2020-01-14' });
    await pipeline.run(doc);
    lines.push(JSON.stringify(documentToJSON(doc)));
  }
} else {
  const count = Number(process.argv[3] ?? 200);
  const files = [
    ...every(join(SHARED_DATA, 'en-worldwide-newswire/original_articles'), Math.ceil(count / 2)),
    ...every(join(SHARED_DATA, 'polnear/data/train/text'), Math.floor(count / 2)),
  ];
  for (const file of files) {
    const { docs, failures } = await analyzeInputs([file], { published: '2020-01-14' });
    for (const f of failures) lines.push(`FAILURE ${f}`);
    for (const d of docs) lines.push(JSON.stringify(documentToJSON(d)));
  }
}
writeFileSync(out, `${lines.join('\n')}\n`);
console.log(`${lines.length} lines -> ${out}`);

function every(dir: string, n: number): string[] {
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  const step = Math.max(1, Math.floor(files.length / n));
  return files.filter((_, i) => i % step === 0).slice(0, n).map((f) => join(dir, f));
}
