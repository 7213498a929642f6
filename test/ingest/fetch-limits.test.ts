import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { collect, docsOf, errorsOf } from './helpers.js';

const STORY = `<!doctype html><html><head><title>Assembly session adjourned</title></head><body><article>
<p>PESHAWAR - The provincial assembly session was adjourned on Tuesday after the opposition staged a walkout over the delay in the development budget.</p>
<p>The speaker said the house would meet again on Friday, when the finance minister is expected to answer questions about the allocations.</p>
</article></body></html>`;

/** Every loop a server runs here is bounded: it stops after a fixed number of steps even if no one is listening. */
const MAX_TRICKLE_BYTES = 120;
const HANG_CAP_MS = 20_000;

describe('fetch time bounds and redirects', () => {
  let server: Server;
  let port: number;
  const open = new Set<ServerResponse>();
  const timers = new Set<NodeJS.Timeout>();
  before(async () => {
    server = createServer((req, res) => {
      open.add(res);
      res.on('close', () => open.delete(res));
      switch (req.url) {
        case '/story':
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
          res.end(STORY);
          return;
        case '/trickle': {
          // One byte every 100 ms, at most MAX_TRICKLE_BYTES of them: 12 s unless the client gives up first.
          res.writeHead(200, { 'content-type': 'text/plain' });
          let sent = 0;
          const timer = setInterval(() => {
            if (res.destroyed || sent >= MAX_TRICKLE_BYTES) {
              clearInterval(timer);
              timers.delete(timer);
              res.end();
              return;
            }
            res.write('a');
            sent++;
          }, 100);
          timers.add(timer);
          return;
        }
        case '/silent': {
          // Never sends headers; the socket is closed after HANG_CAP_MS at the latest.
          const timer = setTimeout(() => res.destroy(), HANG_CAP_MS);
          timers.add(timer);
          return;
        }
        case '/to-other-host':
          res.writeHead(302, { location: `http://localhost:${port}/story` });
          res.end();
          return;
        case '/to-file':
          res.writeHead(301, { location: 'file:///etc/passwd' });
          res.end();
          return;
        case '/loop':
          res.writeHead(302, { location: '/loop' });
          res.end();
          return;
        default:
          res.writeHead(404);
          res.end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  after(async () => {
    for (const t of timers) clearTimeout(t);
    for (const res of open) res.destroy();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('gives up on a server that trickles its body, naming the total time bound', { timeout: 30_000 }, async () => {
    const url = `http://127.0.0.1:${port}/trickle`;
    const items = await collect([url], { fetchLimits: { totalMs: 1_000 } });
    assert.deepEqual(errorsOf(items), [`${url}: response not complete within 1 s`]);
  });

  it('gives up on a server that never sends its headers', { timeout: 30_000 }, async () => {
    const url = `http://127.0.0.1:${port}/silent`;
    const items = await collect([url], { fetchLimits: { headersMs: 500 } });
    assert.deepEqual(errorsOf(items), [`${url}: no response within 0.5 s`]);
  });

  it('follows a redirect to another host and reports it', { timeout: 30_000 }, async () => {
    const url = `http://127.0.0.1:${port}/to-other-host`;
    const notices: string[] = [];
    const items = await collect([url], { notice: (source, message) => notices.push(`${source}: ${message}`) });
    const [doc] = docsOf(items);
    assert.equal(doc?.meta.title, 'Assembly session adjourned');
    assert.deepEqual(notices, [`${url}: redirected to another host: http://localhost:${port}/story`]);
  });

  it('refuses a redirect out of http(s) and a redirect loop', { timeout: 30_000 }, async () => {
    const toFile = `http://127.0.0.1:${port}/to-file`;
    const loop = `http://127.0.0.1:${port}/loop`;
    const items = await collect([toFile, loop]);
    assert.deepEqual(errorsOf(items), [
      `${toFile}: redirect to a file: URL refused (only http and https are followed)`,
      `${loop}: more than 5 redirects`,
    ]);
  });
});
