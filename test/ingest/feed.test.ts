import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { collect, docsOf, errorsOf, fixture } from './helpers.js';

describe('RSS and Atom feed ingestion', () => {
  it('makes one article per RSS item from content:encoded, else description, with the feed date', async () => {
    const feed = fixture('feeds/politics.rss');
    const items = await collect([feed]);
    assert.deepEqual(items.map((i) => [i.source, i.ok]), [[`${feed}#1`, true], [`${feed}#2`, true], [`${feed}#3`, false]]);
    const [first, second] = docsOf(items);
    assert.equal(first?.meta.title, 'MQM-P, PPP agree on local government amendments');
    assert.equal(first?.meta.url, 'https://ledger.example.pk/news/mqm-ppp-local-government');
    assert.equal(first?.meta.published, '2022-01-15');
    assert.equal(first?.meta.publishedSource, 'feed');
    assert.equal(first?.meta.origin, feed);
    assert.equal(first?.meta.dateline?.place, 'Karachi');
    assert.equal(first?.text.split('\n\n').length, 2);
    assert.ok(first?.text.includes('the assembly & the governor'));
    assert.equal(second?.meta.title, '2022');
    assert.equal(second?.meta.url, 'https://ledger.example.pk/news/year-in-review');
    assert.equal(second?.text, 'LAHORE: The year in Punjab politics began with a no-confidence motion & ended with a snap election.');
    assert.equal(second?.meta.published, undefined, 'a pubDate that is not a date is passed over');
    assert.deepEqual(errorsOf(items), [`${feed}#3: feed item has no content or description`]);
  });

  it('reads Atom entries: html content, text summary, alternate link, published or updated', async () => {
    const docs = docsOf(await collect([fixture('feeds/assembly.atom')]));
    assert.equal(docs.length, 2);
    assert.equal(docs[0]?.meta.title, 'Speaker rejects adjournment motion');
    assert.equal(docs[0]?.meta.url, 'https://assembly-watch.example/2021/09/01/speaker-rejects-motion');
    assert.equal(docs[0]?.meta.published, '2021-09-01');
    assert.equal(docs[0]?.text.split('\n\n')[1], 'Opposition members staged a token walkout.');
    assert.equal(docs[1]?.meta.published, '2021-09-02');
    assert.equal(docs[1]?.meta.format, 'text/plain');
    assert.equal(docs[1]?.meta.dateline?.place, 'Quetta');
  });

  it('falls back to the Atom summary when the content is out of line, and reads inline XHTML', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'polity-ingest-atom-'));
    const path = join(dir, 'out-of-line.atom');
    await writeFile(
      path,
      `<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
        <entry><title>Budget passed</title><updated>2021-06-30T12:00:00Z</updated>
          <content type="text/html" src="https://assembly-watch.example/budget"/>
          <summary>LAHORE: The Punjab Assembly passed the budget on Wednesday.</summary></entry>
        <entry><title>Session prorogued</title><updated>2021-07-01T12:00:00Z</updated>
          <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>KARACHI - The Sindh Assembly session was prorogued.</p><p>It will meet again in August.</p></div></content></entry>
      </feed>`,
    );
    const docs = docsOf(await collect([path]));
    assert.equal(docs[0]?.text, 'LAHORE: The Punjab Assembly passed the budget on Wednesday.');
    assert.equal(docs[0]?.meta.published, '2021-06-30');
    assert.equal(docs[1]?.text, 'KARACHI - The Sindh Assembly session was prorogued.\n\nIt will meet again in August.');
  });

  it('refuses a feed that is not XML, and XML that is neither RSS nor Atom', async () => {
    const items = await collect([fixture('feeds/broken.rss'), fixture('feeds/sitemap.xml')]);
    const errors = errorsOf(items);
    assert.equal(errors.length, 2);
    assert.match(errors[0]!, /broken\.rss: not XML: /u);
    assert.equal(errors[1], `${fixture('feeds/sitemap.xml')}: XML but neither RSS nor Atom`);
  });

  describe('over HTTP', () => {
    let server: Server;
    let base: string;
    const requests: string[] = [];
    before(async () => {
      server = createServer((req, res) => {
        requests.push(req.url ?? '');
        if (req.url === '/politics.rss') {
          res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
          res.end(readFileSync(fixture('feeds/politics.rss')));
        } else if (req.url === '/feed-as-text') {
          res.writeHead(200, { 'content-type': 'text/plain' });
          res.end(readFileSync(fixture('feeds/assembly.atom')));
        } else {
          res.writeHead(404, { 'content-type': 'text/plain' });
          res.end('not found');
        }
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    after(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('fetches a feed URL and reads its items', async () => {
      const items = await collect([`${base}/politics.rss`]);
      assert.equal(items.length, 3);
      const [first] = docsOf(items);
      assert.equal(first?.meta.origin, `${base}/politics.rss`);
      assert.equal(first?.meta.published, '2022-01-15');
      assert.ok(requests.includes('/politics.rss'));
    });

    it('recognises a feed by its content whatever the server calls it', async () => {
      const docs = docsOf(await collect([`${base}/feed-as-text`]));
      assert.equal(docs.length, 2);
    });

    it('reports a non-2xx response', async () => {
      const items = await collect([`${base}/missing.rss`]);
      assert.deepEqual(errorsOf(items), [`${base}/missing.rss: HTTP 404 Not Found`]);
    });
  });
});
