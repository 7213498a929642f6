import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { countArticles } from '../../src/cli/article-count.js';
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

describe('JSON Lines files larger than the file limit', () => {
  const row = (n: number) => JSON.stringify({ title: `Budget vote ${n}`, published: '2024-03-0' + ((n % 9) + 1), text: `The assembly passed budget bill ${n} after a long debate on Tuesday.` });

  it('streams the file: only each line is bounded by maxBytes, and every line is read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'polity-jsonl-'));
    try {
      const path = join(dir, 'corpus.jsonl');
      const rows = Array.from({ length: 400 }, (_, i) => row(i));
      writeFileSync(path, `${rows.join('\r\n')}`); // CRLF line ends, no newline after the last row
      const maxBytes = Math.max(...rows.map((r) => Buffer.byteLength(r))) + 2;
      assert.ok(statSync(path).size > 100 * maxBytes);
      const items = await collect([path], { maxBytes });
      assert.deepEqual(errorsOf(items), []);
      assert.equal(docsOf(items).length, 400);
      assert.equal(docsOf(items)[399]!.meta.title, 'Budget vote 399');
      assert.equal(items[399]!.source, `${path}:400`);
      assert.equal(await countArticles({ location: path, kind: 'jsonl' }, maxBytes), 400);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a line over the limit, and a line that is not UTF-8, alone, by number', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'polity-jsonl-'));
    try {
      const path = join(dir, 'mixed.jsonl');
      const long = JSON.stringify({ text: `The minister spoke. ${'Words follow words. '.repeat(400)}` });
      const bad = Buffer.concat([Buffer.from('{"text": "The mayor said caf'), Buffer.from([0xe9]), Buffer.from(' was closed."}')]);
      writeFileSync(path, Buffer.concat([Buffer.from(`${row(1)}\n${long}\n`), bad, Buffer.from(`\n\n${row(2)}\n`)]));
      const items = await collect([path], { maxBytes: 2_000 });
      assert.deepEqual(items.map((i) => [i.source, i.ok]), [[`${path}:1`, true], [`${path}:2`, false], [`${path}:3`, false], [`${path}:5`, true]]);
      assert.deepEqual(errorsOf(items), [
        `${path}:2: line is ${Buffer.byteLength(long)} bytes, over the limit of 2000`,
        `${path}:3: invalid UTF-8 at byte 28 of the line`,
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('still refuses a file that is empty or binary as a whole', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'polity-jsonl-'));
    try {
      writeFileSync(join(dir, 'empty.jsonl'), '');
      writeFileSync(join(dir, 'blob.jsonl'), Buffer.from([0x7b, 0x00, 0x01, 0x02, 0x7d, 0x0a]));
      const items = await collect([join(dir, 'empty.jsonl'), join(dir, 'blob.jsonl')]);
      assert.deepEqual(errorsOf(items), [`${join(dir, 'empty.jsonl')}: empty file`, `${join(dir, 'blob.jsonl')}: binary file, not text`]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
