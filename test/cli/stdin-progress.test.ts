import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { ArticleEstimate, countArticles } from '../../src/cli/article-count.js';
import { BatchProgress } from '../../src/cli/progress.js';
import { kindOfContent } from '../../src/ingest/stdin.js';
import { openStore } from '../../src/store/index.js';
import { runPolity } from './run-polity.js';

const ARTICLES = [
  { title: 'Mayor quits', published: '2024-03-04', text: 'LAHORE - Mayor Bilal Qadri resigned on Monday after a row with the provincial government.' },
  { title: 'Senate session', published: '2024-03-05', text: 'ISLAMABAD - Senator Hina Javed said on Tuesday the Senate would meet again next week.' },
  { title: 'Budget talks', published: '2024-03-06', text: 'KARACHI - The Sindh cabinet on Wednesday approved the budget after talks with traders.' },
];
const JSONL = ARTICLES.map((a) => JSON.stringify(a)).join('\n') + '\n';

/** A stream that collects what is written to it, standing in for a non-terminal stderr. */
function collector(): { stream: NodeJS.WriteStream; text: () => string } {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (c: Buffer) => (text += c.toString()));
  return { stream: stream as unknown as NodeJS.WriteStream, text: () => text };
}

describe('standard input as a source', () => {
  it('tells JSON Lines, feeds, HTML and plain text apart by their content', () => {
    assert.equal(kindOfContent(JSONL), 'jsonl');
    assert.equal(kindOfContent('<?xml version="1.0"?>\n<rss version="2.0"><channel></channel></rss>'), 'feed');
    assert.equal(kindOfContent('<!DOCTYPE html><html><body><p>Hi</p></body></html>'), 'html');
    assert.equal(kindOfContent('{Braces} open this plain text.'), 'text');
    assert.equal(kindOfContent('LAHORE - The mayor resigned.'), 'text');
  });

  it('ingests every article of JSON Lines piped to "-"', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'polity-stdin-'));
    try {
      const db = join(dir, 'polity.db');
      const run = await runPolity(['ingest', '-', '--db', db], {}, JSONL);
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stdout, /^3 read, 3 added/u);
      const store = openStore(db);
      try {
        assert.deepEqual(store.listArticles().map((a) => a.title).sort(), ['Budget talks', 'Mayor quits', 'Senate session']);
      } finally {
        store.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('analyses plain text piped to "-", and names stdin when it refuses the input', async () => {
    const run = await runPolity(['analyze', '-', '--json'], {}, ARTICLES[0]!.text);
    assert.equal(run.code, 0, run.stderr);
    const doc = JSON.parse(run.stdout) as { text: string; meta: { origin: string } };
    assert.equal(doc.text, ARTICLES[0]!.text);
    assert.equal(doc.meta.origin, 'stdin');
    const empty = await runPolity(['analyze', '-'], {}, '');
    assert.equal(empty.code, 1);
    assert.match(empty.stderr, /^polity: stdin: empty/mu);
  });
});

describe('ingest progress', () => {
  it('counts the articles inside a JSON Lines file, not the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'polity-count-'));
    try {
      const path = join(dir, 'batch.jsonl');
      writeFileSync(path, `${JSONL}\n\n`);
      assert.equal(await countArticles({ location: path, kind: 'jsonl' }), 3);
      assert.equal(await countArticles({ location: join(dir, 'a.txt'), kind: 'text' }), 1);
      assert.equal(await countArticles({ location: '-', kind: 'stdin' }), 1, 'standard input cannot be read twice');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('replaces an input\'s estimate by what it held once it is read', () => {
    const estimate = new ArticleEstimate([1, 3]);
    assert.equal(estimate.total, 4);
    // A URL feed counted as one turns out to hold three articles.
    assert.deepEqual([estimate.add(0), estimate.add(0), estimate.add(0)], [4, 5, 6]);
    assert.equal(estimate.add(1), 6);
  });

  it('reports articles done of the total and the record phase on a plain stream', () => {
    const out = collector();
    const progress = new BatchProgress('ingest', 3, { stream: out.stream, plainIntervalMs: 0 });
    progress.update(1, { added: 1, unchanged: 0, replaced: 0, failed: 0 });
    progress.setTotal(5);
    progress.update(2, { added: 1, unchanged: 1, replaced: 0, failed: 0 });
    progress.phase('record');
    progress.stop();
    assert.deepEqual(out.text().trim().split('\n'), [
      'polity: ingest: 1/3 articles, 1 added, 0 unchanged, 0 failed',
      'polity: ingest: 2/5 articles, 1 added, 1 unchanged, 0 failed',
      'polity: ingest: record',
    ]);
  });

  it('draws a bar with the article count and the phase on a terminal', () => {
    const out = collector();
    Object.assign(out.stream, { isTTY: true, columns: 160, cursorTo: () => true, clearLine: () => true, moveCursor: () => true });
    const progress = new BatchProgress('ingest', 4, { stream: out.stream });
    progress.update(3, { added: 3, unchanged: 0, replaced: 0, failed: 0 });
    progress.phase('record');
    progress.message('polity: bad.txt: empty file');
    progress.stop();
    assert.match(out.text(), /3\/4 articles \| 3 added/u);
    assert.match(out.text(), /record \[/u);
    assert.match(out.text(), /polity: bad\.txt: empty file/u);
  });
});
