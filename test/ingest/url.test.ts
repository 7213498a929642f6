import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { readSource, type IngestItem } from '../../src/ingest/index.js';
import { collect, docsOf, errorsOf, fixture } from './helpers.js';

const SENATE_PAGE = `<!doctype html><html><head><title>Senate passes election bill</title></head><body>
<article><p>ISLAMABAD - The Senate on Thursday passed the election amendment bill by a majority of four votes after the opposition's amendments were rejected one by one.</p>
<p>The law minister said the bill would be sent to the President for assent on Friday, and that electronic voting machines would be tried in the next by-elections.</p>
<p>Opposition senators said they would challenge the law in the Supreme Court.</p></article></body></html>`;

describe('page URLs', () => {
  let server: Server;
  let base: string;
  before(async () => {
    server = createServer((req, res) => {
      switch (req.url) {
        case '/2021/11/18/senate-passes-election-bill':
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
          res.end(SENATE_PAGE);
          return;
        case '/latest':
          res.writeHead(302, { location: '/2021/11/18/senate-passes-election-bill' });
          res.end();
          return;
        case '/budget':
          res.writeHead(200, { 'content-type': 'text/html' });
          res.end(readFileSync(fixture('html/budget-page.html')));
          return;
        case '/export.jsonl':
          res.writeHead(200, { 'content-type': 'application/x-ndjson' });
          res.end(readFileSync(fixture('articles.jsonl')));
          return;
        case '/latin1':
          res.writeHead(200, { 'content-type': 'text/plain; charset=windows-1252' });
          res.end(Buffer.from('LAHORE: The Caf\xe9 Pyala meeting of the coalition ended without a deal.', 'latin1'));
          return;
        case '/huge':
          res.writeHead(200, { 'content-type': 'text/html' });
          res.write('<p>' + 'KARACHI '.repeat(2000));
          res.end('</p>');
          return;
        default:
          res.writeHead(500, { 'content-type': 'text/plain' });
          res.end('server error');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('fetches a page, extracts the article and dates it from the URL', async () => {
    const [doc] = docsOf(await collect([`${base}/2021/11/18/senate-passes-election-bill`]));
    assert.ok(doc);
    assert.equal(doc.meta.url, `${base}/2021/11/18/senate-passes-election-bill`);
    assert.equal(doc.meta.origin, `${base}/2021/11/18/senate-passes-election-bill`);
    assert.equal(doc.meta.published, '2021-11-18');
    assert.equal(doc.meta.publishedSource, 'url');
    assert.equal(doc.meta.title, 'Senate passes election bill');
    assert.equal(doc.meta.dateline?.place, 'Islamabad');
    assert.equal(doc.text.split('\n\n').length, 3);
  });

  it('follows a redirect and keeps the final URL', async () => {
    const [doc] = docsOf(await collect([`${base}/latest`]));
    assert.equal(doc?.meta.url, `${base}/2021/11/18/senate-passes-election-bill`);
    assert.equal(doc?.meta.published, '2021-11-18');
  });

  it("prefers the page's canonical URL to the one it was fetched from", async () => {
    const [doc] = docsOf(await collect([`${base}/budget`]));
    assert.equal(doc?.meta.url, 'https://ledger.example.pk/news/punjab-cabinet-supplementary-budget');
    assert.equal(doc?.meta.published, '2021-06-11');
  });

  it('reads a JSON Lines response line by line', async () => {
    const items = await collect([`${base}/export.jsonl`]);
    assert.equal(docsOf(items).length, 3);
    assert.equal(items[2]?.source, `${base}/export.jsonl:3`);
    assert.equal(items[2]?.ok, false);
  });

  it('decodes the charset the server names', async () => {
    const [doc] = docsOf(await collect([`${base}/latin1`]));
    assert.equal(doc?.text, 'LAHORE: The Caf\u00E9 Pyala meeting of the coalition ended without a deal.');
    assert.equal(doc?.meta.format, 'text/plain');
  });

  it('reports a non-2xx status, a refused connection and an oversized response', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const deadPort = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const items = await collect([`${base}/broken`, `http://127.0.0.1:${deadPort}/story`]);
    for await (const item of readSource({ location: `${base}/huge`, kind: 'url' }, { maxBytes: 4096 })) items.push(item);
    const errors = errorsOf(items);
    assert.equal(errors[0], `${base}/broken: HTTP 500 Internal Server Error`);
    assert.match(errors[1]!, new RegExp(`^http://127\\.0\\.0\\.1:${deadPort}/story: fetch failed: .*ECONNREFUSED`, 'u'));
    assert.match(errors[2]!, /\/huge: response .*over the limit of 4096/u);
  });

  it('uses the fetch given in the options', async () => {
    const asked: string[] = [];
    const fetchViaLog: typeof fetch = async (input, init) => {
      asked.push(String(input));
      return fetch(`${base}/2021/11/18/senate-passes-election-bill`, init);
    };
    const items: IngestItem[] = await collect(['https://news.example.pk/story'], { fetch: fetchViaLog });
    assert.deepEqual(asked, ['https://news.example.pk/story']);
    assert.equal(docsOf(items)[0]?.meta.dateline?.place, 'Islamabad');
  });
});
