import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collect, datelineText, docsOf, errorsOf, fixture } from './helpers.js';

describe('HTML page ingestion', () => {
  it('extracts the article body without navigation, ads, scripts or footer, as blank-line separated paragraphs', async () => {
    const [doc] = docsOf(await collect([fixture('html/budget-page.html')]));
    assert.ok(doc);
    const paragraphs = doc.text.split('\n\n');
    assert.equal(paragraphs.length, 5);
    assert.match(paragraphs[0]!, /^LAHORE: The Punjab cabinet on Friday approved/u);
    assert.equal(paragraphs[3], 'We will not rubber-stamp spending that nobody has audited.');
    for (const noise of ['Home', 'Advertisement', 'analytics', 'color: red', 'All rights reserved', 'Sindh budget row']) {
      assert.ok(!doc.text.includes(noise), `text should not contain ${noise}`);
    }
  });

  it('decodes entities and keeps a line break inside a paragraph', async () => {
    const [doc] = docsOf(await collect([fixture('html/budget-page.html')]));
    assert.ok(doc?.text.includes('had been \u201Cbriefed in advance\u201D'));
    assert.ok(doc?.text.includes('supplementary grants\nunless the government'));
  });

  it('reads title, canonical url, published_time and the dateline', async () => {
    const [doc] = docsOf(await collect([fixture('html/budget-page.html')]));
    assert.equal(doc?.meta.title, 'Punjab cabinet approves supplementary budget');
    assert.equal(doc?.meta.url, 'https://ledger.example.pk/news/punjab-cabinet-supplementary-budget');
    assert.equal(doc?.meta.published, '2021-06-11');
    assert.equal(doc?.meta.publishedSource, 'metadata');
    assert.equal(doc?.meta.format, 'text/html');
    assert.equal(datelineText(doc!), 'LAHORE:');
  });

  it('takes the publication date from JSON-LD datePublished inside @graph', async () => {
    const [doc] = docsOf(await collect([fixture('html/jsonld-page.html')]));
    assert.equal(doc?.meta.published, '2022-02-08');
    assert.equal(doc?.meta.title, 'Senate body summons interior secretary');
    assert.equal(doc?.meta.dateline?.place, 'Islamabad');
  });

  it('recognises HTML by its content under an unknown extension and reads <time datetime>', async () => {
    const [doc] = docsOf(await collect([fixture('html/time-page.php')]));
    assert.equal(doc?.meta.format, 'text/html');
    assert.equal(doc?.meta.published, '2020-11-29');
    assert.equal(doc?.meta.dateline?.place, 'Multan');
    assert.ok(!doc?.text.includes('<p>'));
  });

  it('prefers the page date over --published', async () => {
    const [doc] = docsOf(await collect([fixture('html/budget-page.html')], { published: '2000-01-01' }));
    assert.equal(doc?.meta.published, '2021-06-11');
  });

  it('decodes a page in the character encoding its meta tag declares', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'polity-ingest-charset-'));
    const path = join(dir, 'cafe.html');
    const page = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252"><title>Caf\u00E9 talks</title></head>
      <body><article><p>LAHORE - Coalition partners met at the Caf\u00E9 Zouk on Tuesday and agreed to share the deputy speaker\u2019s office for the rest of the term, officials said.</p>
      <p>The agreement will be put to the party\u2019s executive committee on Friday.</p></article></body></html>`;
    await writeFile(path, Buffer.from(page.replace(/\u2019/gu, '\x92'), 'latin1'));
    const [doc] = docsOf(await collect([path]));
    assert.ok(doc, 'the page is read');
    assert.ok(doc.text.includes('the Caf\u00E9 Zouk'));
    assert.ok(doc.text.includes('deputy speaker\u2019s office'));
  });

  it('still refuses a page that declares no encoding and is not UTF-8', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'polity-ingest-charset-'));
    const path = join(dir, 'undeclared.html');
    await writeFile(path, Buffer.from('<html><body><p>LAHORE - Caf\u00E9 politics.</p></body></html>', 'latin1'));
    assert.match(errorsOf(await collect([path]))[0]!, /invalid UTF-8 at byte 27$/u);
  });

  it('refuses a page with no article body', async () => {
    const items = await collect([fixture('html/no-article.html')]);
    assert.deepEqual(errorsOf(items), [`${fixture('html/no-article.html')}: no article body found in the HTML`]);
  });
});
