import assert from 'node:assert/strict';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { serveArc, type ArcServer } from './arc-server.js';

/**
 * Each view of the web page in Debian's Chromium, on a database built from the bundled arc: it loads, shows
 * the expected items and links through to the next view. A screenshot of each view is written to the test's
 * temporary folder and its path printed.
 */
const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

let arc: ArcServer;
/** The record's id for Tariq Mehmood Qureshi (ids are the record's to choose). */
let qureshi: string;
let browser: Browser;
let page: Page;
const problems: string[] = [];

before(async () => {
  arc = await serveArc();
  const found = (await (await fetch(`${arc.base}/api/actors?q=${encodeURIComponent('Tariq Mehmood Qureshi')}`)).json()) as { id: string; name: string }[];
  assert.equal(found[0]?.name, 'Tariq Mehmood Qureshi');
  qureshi = found[0].id;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(e.message));
});

after(async () => {
  await browser?.close();
  await arc?.stop();
  // The screenshots stay for people to look at; the database goes.
  for (const f of ['arc.db', 'arc.db-wal', 'arc.db-shm']) rmSync(join(arc.dir, f), { force: true });
});

/** Opens a hash route and waits until the view has rendered. */
async function open(route: string): Promise<void> {
  await page.goto(`${arc.base}/${route}`);
  await settle();
}

/** Waits until the page has rendered the address it now shows (not only until the previous view is idle). */
async function settle(): Promise<void> {
  const hash = new URL(page.url()).hash;
  await page.waitForFunction((h) => {
    const view = document.querySelector('#view');
    return view?.getAttribute('aria-busy') === 'false' && (view as HTMLElement).dataset.route === h;
  }, hash);
}

async function screenshot(name: string): Promise<void> {
  const path = join(arc.dir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  assert.ok(existsSync(path), 'the screenshot was written');
  console.log(`screenshot: ${path}`);
}

/**
 * Waits until the first element matching `selector` no longer has the text `before`. Polled from the test, not
 * with page.waitForFunction, whose in-page polling evaluates a string and so is blocked by the page's CSP.
 */
async function textChanges(selector: string, before: string | null): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if ((await page.locator(selector).first().textContent()) !== before) return;
    await page.waitForTimeout(50);
  }
  assert.fail(`${selector} still reads ${JSON.stringify(before)}`);
}

/** The event labels on every page of the actor's event list, paging through with "next". */
async function eventBadges(): Promise<string[]> {
  const seen: string[] = [];
  for (let i = 0; i < 20; i++) {
    seen.push(...await page.locator('.events .record-event .badge').allTextContents());
    const next = page.locator('.events .pager-next');
    if (!(await next.count()) || await next.isDisabled()) break;
    const first = await page.locator('.events .record-event').first().textContent();
    await next.click();
    await textChanges('.events .record-event', first);
  }
  return seen;
}

describe('the web page in Chromium, on the arc', { skip: existsSync(CHROMIUM) || process.env.CI ? false : `${CHROMIUM} is missing (apt-get install chromium)` }, () => {
  it('lists the articles newest first and links each to its article view', async () => {
    await open('#/');
    const titles = await page.locator('.article-list a').allTextContents();
    assert.equal(titles.length, 8);
    assert.equal(titles[0], "After PM's visit, RPL-S says Rs 12 billion package still pending");
    await screenshot('home');
    await page.locator('.article-list a', { hasText: 'RPL-S convener quits federal cabinet' }).click();
    await settle();
    assert.match(page.url(), /#\/article\/d7bc91c2552031b9$/);
    assert.equal(await page.locator('h1').textContent(), 'RPL-S convener quits federal cabinet over stalled port funds');
  });

  it('finds "resignation" when searching "resigned" (stemmed, as a prefix), each hit with title, date and a link to the span in the article', async () => {
    await open('#/search?q=resigned');
    const hits = page.locator('#hits .hit');
    assert.ok((await hits.count()) >= 3, 'at least three hits');
    const marked = (await page.locator('#hits .snippet mark').allTextContents()).map((m) => m.toLowerCase());
    assert.ok(marked.includes('resignation'), marked.join());
    assert.ok(marked.every((m) => m.startsWith('resign')), marked.join());
    for (const head of await page.locator('#hits .hit-head').allTextContents()) assert.match(head, / · 2024-\d\d-\d\d$/);
    await screenshot('search');
    const first = page.locator('#hits .hit-head a').first();
    const title = await first.textContent();
    await first.click();
    await settle();
    assert.match(page.url(), /#\/article\/[0-9a-f]{16}\?hl=\d+-\d+$/);
    assert.equal(await page.locator('h1').textContent(), title);
    await page.waitForSelector('.article-text .flash');
  });

  it('shows an article with mentions, quotes, event triggers and times highlighted, its records beside it, and a mention linking to the actor page', async () => {
    await open('#/article/d7bc91c2552031b9');
    for (const kind of ['mention', 'quote', 'trigger', 'time']) assert.ok((await page.locator(`.article-text .mark-${kind}`).count()) > 0, kind);
    assert.ok((await page.locator('.article-text .mark-trigger.mark-negated').count()) > 0, 'the negated REJECT is marked as negated');
    assert.ok((await page.locator('.record-event .badge', { hasText: /^not REJECT/ }).count()) > 0, 'the side list shows the negated REJECT as not REJECT');
    assert.ok((await page.locator('.record-quote').count()) > 0, 'quotes beside the text');
    assert.ok((await page.locator('.article-records .chip', { hasText: 'Tariq Mehmood Qureshi' }).count()) === 1, 'the actor chip, once');
    await screenshot('article');
    await page.locator(`.article-text a.mark-mention[data-actor="${qureshi}"]`).first().click();
    await settle();
    assert.ok(page.url().endsWith(`#/actor/${qureshi}`), page.url());
    assert.match((await page.locator('#actor-name').textContent())!, /^Tariq Mehmood Qureshi/);
  });

  it('shows an actor page: offices as a timeline chart, each quote once, a negated event as such, commitments, articles and resolution evidence', async () => {
    await open(`#/actor/${qureshi}`);
    assert.match((await page.locator('#actor-name').textContent())!, /^Tariq Mehmood Qureshi/);
    assert.ok(await page.locator('.timeline-chart canvas').count(), 'the timeline chart is drawn');
    assert.ok((await page.locator('.aliases .chip', { hasText: 'Tariq Mehmud Qureshi' }).count()) === 1, 'the spelling variant among the aliases');
    const quotes = await page.locator('.quotes .record-quote q').allTextContents();
    assert.ok(quotes.length > 0, 'some quotes');
    assert.equal(new Set(quotes).size, quotes.length, 'no quote twice');
    await screenshot('actor');
    const events = await eventBadges();
    const api = (await (await fetch(`${arc.base}/api/actors/${qureshi}/events?limit=100`)).json()) as { items: { type: string; modality: string }[] };
    const rejects = (modalities: string[]) => api.items.filter((e) => e.type === 'REJECT' && modalities.includes(e.modality)).length;
    assert.ok(rejects(['negated']) > 0, 'the arc has a negated REJECT by Qureshi');
    assert.equal(events.filter((b) => b === 'not REJECT').length, rejects(['negated']));
    assert.equal(events.filter((b) => b === 'REJECT').length, rejects(['asserted', 'reported']), 'a negated REJECT is never shown as a bare REJECT');
    const variant = page.locator('.resolution tbody tr', { hasText: 'Tariq Mehmud Qureshi' }).first();
    assert.equal(await variant.locator('td').nth(2).textContent(), 'auto');
    assert.notEqual((await variant.locator('td').last().textContent())!.trim(), '', 'the spelling variant was merged for a stated reason');
    assert.equal(await page.locator('.articles .record').count(), 8);
    assert.ok((await page.locator('.commitment-card').count()) > 0, 'his commitments as cards');
    await page.locator('.articles .record a').first().click();
    await settle();
    assert.match(page.url(), /#\/article\/[0-9a-f]{16}$/);
  });

  it('shows the alliance graph as of a date, and the slider replays how it changed', async () => {
    await open('#/graph');
    await page.waitForSelector('#graph canvas');
    const latest = (await page.locator('.graph-summary').textContent())!;
    assert.match(latest, /^2024-\d\d-\d\d: \d+ actors, \d+ ties$/);
    await screenshot('graph');
    const slider = page.locator('.graph-controls input[type=range]');
    const stops = Number(await slider.getAttribute('max'));
    assert.ok(stops >= 2, 'several days on which ties changed');
    await slider.fill('0');
    await textChanges('.graph-summary', latest);
    const earliest = (await page.locator('.graph-summary').textContent())!;
    assert.ok(earliest.slice(0, 10) < latest.slice(0, 10), 'the slider moved back in time');
    // The earliest change can precede the story ("left a provincial cabinet … six years ago").
    assert.match(page.url(), /#\/graph\?asOf=\d{4}-\d\d-\d\d$/);
  });

  it('shows the commitment board with open, kept, overdue and broken columns, each card with its promise, parties, due date and evidence', async () => {
    await open('#/board');
    await page.locator('.board-column .count', { hasText: '…' }).first().waitFor({ state: 'detached' });
    const count = async (status: string) => Number(await page.locator(`.column-${status} h2 .count`).textContent());
    assert.equal(await count('kept'), 1);
    // The package promised for February 15, and the week the government gave itself to answer the demands.
    assert.equal(await count('overdue'), 2);
    assert.equal(await page.locator('.column-overdue .commitment-card', { hasText: 'Rs 12 billion package' }).count(), 1);
    assert.equal(await count('broken'), 2);
    assert.ok((await count('open')) >= 1, 'open commitments');
    const broken = page.locator('.column-broken .commitment-card', { hasText: 'Port Qasimabad Development Authority' });
    assert.match((await broken.locator('.dates').textContent())!, /due 2024-02-26/);
    assert.equal(await broken.locator('.evidence').count(), 2, 'the promise and the evidence that it was broken');
    await screenshot('board');
    await broken.locator('.evidence-source').first().click();
    await settle();
    assert.match(page.url(), /#\/article\/[0-9a-f]{16}\?hl=\d+-\d+$/);
    assert.ok((await page.locator('.record-commitment', { hasText: 'Port Qasimabad Development Authority' }).count()) > 0, 'the article holds the commitment');
  });

  it('charts events per week by PLOVER type and filters them by actor and by place', async () => {
    await open('#/events');
    await page.waitForSelector('.events-chart canvas');
    const all = Number(/^(\d+) events/.exec((await page.locator('.events-view .card .muted').textContent())!)![1]);
    assert.ok(all > 10, 'more than ten events in the arc');
    await screenshot('events');
    await page.fill('input[name=actor]', 'Tariq Mehmood Qureshi');
    await page.locator('.filters button').click();
    await settle();
    await page.waitForSelector('.events-chart canvas');
    const his = Number(/^(\d+) events/.exec((await page.locator('.events-view .card .muted').textContent())!)![1]);
    assert.ok(his > 0 && his < all, `${his} of ${all}`);
    await page.selectOption('select[name=place]', 'Mehrabad');
    await page.locator('.filters button').click();
    await settle();
    assert.match(page.url(), /actor=Tariq\+Mehmood\+Qureshi&place=Mehrabad/);
  });

  it('logged no script error and no refused resource (the security policy allows the page its own bundle)', () => {
    assert.deepEqual(problems, []);
  });
});
