import { readFileSync } from 'node:fs';
import { createDocument } from '../src/document/document.js';
import { defaultPipeline } from '../src/pipeline/default.js';
const p = defaultPipeline();
const file = process.argv[2]!;
const text = readFileSync(file, 'utf8');
const doc = createDocument(text, { published: '2020-01-14' });
for (const s of p.stages) {
  const c0 = process.cpuUsage();
  await s.run(doc, { warn: () => {} });
  const c = process.cpuUsage(c0);
  console.log(file, s.name, ((c.user + c.system) / 1e6).toFixed(2));
}
