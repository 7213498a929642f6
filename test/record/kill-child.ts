// Child process for store.test.ts: stores articles and updates the record after each one, forever, printing
// "stored N" after each commit, until the parent kills it.
import { createDocument, documentFromJSON, documentToJSON } from '../../src/document/document.js';
import { updateRecord } from '../../src/record/record-store.js';
import { openStore } from '../../src/store/sqlite/sqlite-store.js';
import { miniArc } from './mini-arc.js';

const store = openStore(process.argv[2]!);
const arc = miniArc();
for (let n = 0; ; n++) {
  const base = arc[n % arc.length]!;
  const json = documentToJSON(base);
  const text = `${base.text} (${n})`;
  const doc = documentFromJSON({ ...json, text, meta: createDocument(text, { published: base.meta.published! }).meta });
  store.putDocument(doc);
  updateRecord(store);
  process.stdout.write(`stored ${n}\n`);
}
