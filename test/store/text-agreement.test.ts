import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { createDocument, documentFromJSON, documentToJSON } from '../../src/document/document.js';
import { ingestSources } from '../../src/ingest/index.js';
import { checkDatabase, openStore, StoreError } from '../../src/store/index.js';
import { harbourDocument } from './fixtures/articles.js';
import { TestDbs, dialects } from '../helpers/test-db.js';


const TEXT = 'ISLAMABAD - The finance minister said the talks with the lenders had ended. \uD800 "We will present the budget on Friday," he said.';

for (const dialect of dialects()) {
const dbs = new TestDbs(dialect, 'polity-agree');
const dir = dbs.tmp;

describe(`the stored text and the document JSON agree (${dialect})`, () => {
  it('makes a lone surrogate U+FFFD before the id, so the text, its hash and every span agree', () => {
    const doc = createDocument(TEXT);
    assert.equal(doc.text, TEXT.replace('\uD800', '\uFFFD'));
    assert.equal(doc.text.length, TEXT.length);
    // Decided: the two spellings are one article (the lone surrogate cannot be stored as itself).
    assert.equal(doc.meta.id, createDocument(TEXT.replace('\uD800', '\uFFFD')).meta.id);
    assert.notEqual(doc.meta.id, createDocument(TEXT.replace('\uD800', '')).meta.id);
    assert.equal(createDocument('x', { title: 'Budget \uDC00 talks' }).meta.title, 'Budget \uFFFD talks');
  });

  it('stores a JSON Lines text with a lone surrogate so that it reads back exactly, spans unshifted', async () => {
    const file = join(dir, 'lone.jsonl');
    // JSON.stringify writes the lone surrogate as the escape \ud800, as an exporter would.
    const line = JSON.stringify({ title: 'Talks end', text: TEXT });
    assert.ok(line.includes('\\ud800'));
    writeFileSync(file, `${line}\n`);
    const items = [];
    for await (const item of ingestSources([file])) items.push(item);
    assert.equal(items[0]?.ok, true);
    const doc = items[0]!.ok ? items[0]!.doc : assert.fail();
    const quoteStart = doc.text.indexOf('"We will');
    doc.statements.push({ id: 'q1', kind: 'direct', content: { start: quoteStart + 1, end: doc.text.indexOf(',"') }, evidence: { start: quoteStart, end: doc.text.length } } as never);
    const store = openStore(dbs.at('lone.db'));
    store.putDocument(doc);
    const back = store.getDocument(doc.meta.id)!;
    const textColumn = store.db.prepare('SELECT text FROM articles WHERE id = ?').pluck().get(doc.meta.id) as string;
    assert.equal(textColumn, back.text);
    assert.equal(back.text, doc.text);
    const q = back.statements[0]!.content;
    assert.equal(back.text.slice(q.start, q.end), 'We will present the budget on Friday');
    store.close();
    assert.deepEqual(checkDatabase(dbs.at('lone.db')).problems.filter((p) => p.kind !== 'record'), []);
  });

  it('refuses to store a document whose text holds a lone surrogate, whatever built it', () => {
    const json = documentToJSON(harbourDocument(7));
    const forged = documentFromJSON({ ...json, text: `${json.text.slice(0, -1)}\uD83D` });
    const store = openStore(dbs.at('forged.db'));
    assert.throws(() => store.putDocument(forged), (err: unknown) => err instanceof StoreError && /text holds an unpaired UTF-16 surrogate/u.test(err.message));
    assert.equal(store.listArticles().length, 0);
    store.close();
  });
});
}
