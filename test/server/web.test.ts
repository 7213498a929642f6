import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { serveMiniArc, type RunningServer } from './mini-arc-server.js';

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'polity-web-'));
let running: RunningServer;
let base: string;

before(async () => {
  running = await serveMiniArc();
  base = running.base;
});

after(async () => {
  await running.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** The page's DOM after its script ran, as headless Chromium renders it. */
async function renderedDom(url: string): Promise<string> {
  const { stdout } = await run(CHROMIUM!, [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', `--user-data-dir=${join(dir, 'profile')}`,
    '--virtual-time-budget=10000', '--dump-dom', url,
  ], { timeout: 60_000, maxBuffer: 10 * 2 ** 20 });
  return stdout;
}

describe('the search page in headless Chromium', { skip: CHROMIUM || process.env.CI ? false : 'chromium is not installed (apt-get install chromium)' }, () => {
  it('shows an actor profile for a spelling variant, with the evidence text', async () => {
    const dom = await renderedDom(`${base}/?actor=${encodeURIComponent('Tariq Mehmud Qureshi')}`);
    assert.match(dom, /<h2 id="profile-name">Tariq Mehmood Qureshi \(PERSON\)<\/h2>/);
    assert.match(dom, /Federal Minister for Ports and Shipping: … → 2024-01-11/);
    assert.match(dom, /<q>resigned as Federal Minister for Ports and Shipping<\/q>/);
    assert.match(dom, /spelling variant/);
  });

  it('lists search hits with the quoted statement', async () => {
    const dom = await renderedDom(`${base}/?q=${encodeURIComponent('development authority')}`);
    assert.match(dom, /<ul id="hits">/);
    assert.match(dom, /class="hit hit-statement"/);
    assert.match(dom, /<q>the government would not set up a separate development authority for Port Qasimabad after all<\/q>/);
  });

  it('says so when the actor is unknown', async () => {
    const dom = await renderedDom(`${base}/?actor=Nobody`);
    assert.match(dom, /<p class="error">no actor matches "Nobody"<\/p>/);
  });
});
