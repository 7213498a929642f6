import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expandSources } from '../../src/ingest/index.js';
import { collect, errorsOf, fixture } from './helpers.js';

describe('folders', () => {
  it('expands a folder recursively in name order', async () => {
    const refs = await expandSources([fixture('folder')]);
    assert.deepEqual(refs, [
      { location: fixture('folder/a-budget.txt'), kind: 'text' },
      { location: fixture('folder/nested/b-senate.txt'), kind: 'text' },
      { location: fixture('folder/nested/c-blank.txt'), kind: 'text' },
    ]);
  });

  it('gives each file its kind by extension, or by its content when the extension says nothing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'polity-ingest-kinds-'));
    await writeFile(join(dir, 'a.html'), '<p>x</p>');
    await writeFile(join(dir, 'b.jsonl'), '{}');
    await writeFile(join(dir, 'c.rss'), '<rss/>');
    await writeFile(join(dir, 'd'), '<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom"></feed>');
    await writeFile(join(dir, 'e.story'), '<!DOCTYPE html><html><body><p>x</p></body></html>');
    await writeFile(join(dir, 'f'), 'LAHORE: <b> is not a tag here.');
    await writeFile(join(dir, '.hidden.txt'), 'skipped');
    const refs = await expandSources([dir, 'https://ledger.example.pk/news/1']);
    assert.deepEqual(
      refs.map((r) => [r.location.slice(dir.length + 1) || r.location, r.kind]),
      [['a.html', 'html'], ['b.jsonl', 'jsonl'], ['c.rss', 'feed'], ['d', 'feed'], ['e.story', 'html'], ['f', 'text'], ['https://ledger.example.pk/news/1', 'url']],
    );
  });

  it('skips documentation, data and image files inside a folder but reads them when named', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'polity-ingest-docs-'));
    await writeFile(join(dir, 'README.md'), '# Example articles');
    await writeFile(join(dir, 'LICENSE'), 'Text written for polity.');
    await writeFile(join(dir, 'gold.json'), '{}');
    await writeFile(join(dir, 'story.txt'), 'QUETTA - The assembly met.');
    const refs = await expandSources([dir]);
    assert.deepEqual(refs.map((r) => r.location.slice(dir.length + 1)), ['story.txt']);
    const named = await expandSources([join(dir, 'README.md')]);
    assert.deepEqual(named.map((r) => r.kind), ['text']);
  });

  it('reads every file under a folder and reports the bad one without stopping', async () => {
    const items = await collect([fixture('folder')]);
    assert.deepEqual(items.map((i) => [i.source, i.ok]), [
      [fixture('folder/a-budget.txt'), true],
      [fixture('folder/nested/b-senate.txt'), true],
      [fixture('folder/nested/c-blank.txt'), false],
    ]);
    assert.deepEqual(errorsOf(items), [`${fixture('folder/nested/c-blank.txt')}: empty file (only white space)`]);
    const senate = items[1];
    assert.ok(senate?.ok);
    assert.equal(senate.doc.meta.dateline?.agency, 'Reuters');
  });
});
