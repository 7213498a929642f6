import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { collect, docsOf, errorsOf, fixture } from './helpers.js';

describe('JSON Lines ingestion', () => {
  const file = fixture('articles.jsonl');

  it('reads every good line and refuses each bad line alone, naming file:line', async () => {
    const items = await collect([file]);
    assert.deepEqual(
      items.map((i) => [i.source, i.ok]),
      [
        [`${file}:1`, true],
        [`${file}:2`, true],
        [`${file}:3`, false],
        [`${file}:4`, false],
        [`${file}:6`, false],
        [`${file}:7`, false],
        [`${file}:8`, true],
      ],
    );
    const errors = errorsOf(items);
    assert.match(errors[0]!, /articles\.jsonl:3: invalid JSON/u);
    assert.equal(errors[1], `${file}:4: no 'text' or 'html' string field`);
    assert.equal(errors[2], `${file}:6: unknown date 'sometime after the budget'`);
    assert.equal(errors[3], `${file}:7: expected a JSON object`);
  });

  it('takes url and title, and the date from the URL when no published field is given', async () => {
    const [first] = docsOf(await collect([file]));
    assert.equal(first?.meta.title, 'Sindh cabinet expanded');
    assert.equal(first?.meta.url, 'https://ledger.example.pk/2021/05/04/sindh-cabinet-expands');
    assert.equal(first?.meta.published, '2021-05-04');
    assert.equal(first?.meta.publishedSource, 'url');
    assert.equal(first?.meta.origin, file);
    assert.equal(first?.meta.dateline?.place, 'Karachi');
  });

  it('converts an html field to paragraphs and reads the published field', async () => {
    const docs = docsOf(await collect([file]));
    const senate = docs[1]!;
    assert.equal(senate.meta.format, 'text/html');
    assert.equal(senate.meta.published, '2021-05-05');
    assert.equal(senate.meta.publishedSource, 'metadata');
    assert.equal(senate.text.split('\n\n').length, 2);
    assert.ok(senate.text.startsWith('ISLAMABAD: Opposition senators walked out'));
    assert.equal(docs[2]?.meta.published, '2021-06-02');
  });
});
