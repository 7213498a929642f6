import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { documentFromText, IngestError, readSource } from '../../src/ingest/index.js';
import { normalizeText } from '../../src/document/normalize.js';
import { packagePath } from '../../src/package-path.js';
import { collect, datelineText, docsOf, errorsOf, fixture } from './helpers.js';

describe('plain text ingestion', () => {
  it('reads a text file into a document with its dateline and origin', async () => {
    const items = await collect([fixture('assembly-session.txt')]);
    assert.equal(items.length, 1);
    const [doc] = docsOf(items);
    assert.ok(doc);
    assert.equal(doc.text, readFileSync(fixture('assembly-session.txt'), 'utf8'));
    assert.equal(datelineText(doc), 'PESHAWAR -');
    assert.equal(doc.meta.dateline?.place, 'Peshawar');
    assert.equal(doc.meta.origin, fixture('assembly-session.txt'));
    assert.equal(doc.meta.format, 'text/plain');
    assert.equal(doc.meta.published, undefined);
    assert.equal(doc.meta.title, undefined);
  });

  it('takes an opening headline line as the title and finds the dateline below it', async () => {
    const [doc] = docsOf(await collect([fixture('coalition-talks.txt')]));
    assert.equal(doc?.meta.title, 'Coalition partners meet again over local government law');
    assert.equal(datelineText(doc!), 'QUETTA, March 3 (APP):');
    assert.equal(doc?.meta.dateline?.agency, 'APP');
  });

  it('does not take an opening quotation for a headline', () => {
    const doc = documentFromText('\u201CWe will not sit in the cabinet,\u201D the convener told reporters on Monday \u201Cuntil our demands are met\u201D\n\nThe party later clarified its stance.');
    assert.equal(doc.meta.title, undefined);
  });

  it('does not take a dateline line for a headline', () => {
    const doc = documentFromText('KARACHI - Sindh Assembly adjourned amid protest\n\nThe session will resume on Monday.');
    assert.equal(doc.meta.title, undefined);
    assert.equal(doc.meta.dateline?.place, 'Karachi');
  });

  it('refuses an empty text', () => {
    assert.throws(() => documentFromText(' \n ', { origin: 'paste' }), { message: 'paste: empty text' });
  });

  it('gives no dateline for a text opening with a label', async () => {
    const [doc] = docsOf(await collect([fixture('breaking-label.txt')]));
    assert.ok(doc);
    assert.equal(doc.meta.dateline, undefined);
  });

  it('uses --published when the input gives no date, and refuses one that is not a date', async () => {
    const [doc] = docsOf(await collect([fixture('assembly-session.txt')], { published: '2021-06-15' }));
    assert.equal(doc?.meta.published, '2021-06-15');
    assert.equal(doc?.meta.publishedSource, 'option');
    const items = await collect([fixture('assembly-session.txt')], { published: 'last budget day' });
    assert.deepEqual(errorsOf(items), [`${fixture('assembly-session.txt')}: unknown date 'last budget day'`]);
  });

  it('reads a written date in --published', async () => {
    const [doc] = docsOf(await collect([fixture('assembly-session.txt')], { published: 'January 14, 2020' }));
    assert.equal(doc?.meta.published, '2020-01-14');
  });

  it('takes the publication date from a dateline that gives the year', () => {
    const doc = documentFromText('WASHINGTON, Jan. 5, 2021 (AP) \u2014 The House adjourned.');
    assert.equal(doc.meta.published, '2021-01-05');
    assert.equal(doc.meta.publishedSource, 'text');
  });

  it('makes CRLF line ends LF and drops a byte order mark', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'polity-ingest-'));
    const path = join(dir, 'crlf.txt');
    await writeFile(path, '\uFEFFLAHORE: The assembly met.\r\n\r\nIt adjourned.\r\n');
    const [item] = await collect([path]);
    assert.ok(item?.ok);
    assert.equal(item.doc.text, 'LAHORE: The assembly met.\n\nIt adjourned.\n');
  });

  it('reports a missing file as an error item', async () => {
    const missing = fixture('no-such-article.txt');
    const items = [];
    for await (const item of readSource({ location: missing, kind: 'text' })) items.push(item);
    assert.equal(items.length, 1);
    assert.equal(items[0]?.ok, false);
    assert.ok(!items[0]!.ok && items[0]!.error instanceof IngestError);
    assert.deepEqual(errorsOf(items), [`${missing}: no such file or folder`]);
  });

  it('documentFromText refuses an unparseable given date', () => {
    assert.throws(() => documentFromText('LAHORE: The assembly met.', { published: '2020-02-31' }), {
      name: 'IngestError',
      message: "text: unknown date '2020-02-31'",
    });
  });
});

describe('the seed article', () => {
  it('has the Karachi dateline and takes its date from --published', async () => {
    const seed = packagePath('../shared/seed/000_33b2fd6e560676f7.txt');
    const [doc] = docsOf(await collect([seed], { published: '2020-01-14' }));
    assert.ok(doc);
    assert.equal(doc.meta.dateline?.place, 'Karachi');
    assert.equal(normalizeText(datelineText(doc)!).text, 'KARACHI               -');
    assert.equal(doc.meta.dateline?.span.start, 0);
    assert.equal(doc.meta.published, '2020-01-14');
  });
});
