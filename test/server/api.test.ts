import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { serveMiniArc, type RunningServer } from './mini-arc-server.js';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { packagePath } from '../../src/package-path.js';
import { TestDbs, dialects } from '../helpers/test-db.js';

const openapi = JSON.parse(readFileSync(packagePath('openapi.json'), 'utf8')) as { paths: Record<string, unknown>; components: { schemas: Record<string, unknown> } };
const ajv = new Ajv2020({ strict: false, allErrors: true });
(addFormats as unknown as (a: Ajv2020) => void)(ajv);
ajv.addSchema({ $id: 'openapi.json', components: openapi.components });

/** Asserts that a response body matches a schema of openapi.json (an array of it when `many`). */
function assertMatches(body: unknown, schema: string, many = false): void {
  const validate = ajv.compile(many ? { type: 'array', items: { $ref: `openapi.json#/components/schemas/${schema}` } } : { $ref: `openapi.json#/components/schemas/${schema}` });
  assert.ok(validate(body), JSON.stringify(validate.errors?.slice(0, 3)));
}

for (const dialect of dialects()) {
const dbs = new TestDbs(dialect, 'polity-api');
let running: RunningServer;
let base: string;

before(async () => {
  running = await serveMiniArc(dialect === 'sqlite' ? undefined : dbs.at('record.db'));
  base = running.base;
});

after(() => running.stop());

async function get(path: string): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${base}${path}`);
  return { status: res.status, body: await res.json() };
}

describe(`HTTP API (${dialect})`, () => {
  it('gives an actor profile under any spelling, with resolution reasons and evidence text', async () => {
    const { status, body } = await get(`/api/actors/${encodeURIComponent('Tariq Mehmud Qureshi')}`);
    assert.equal(status, 200);
    assertMatches(body, 'Profile');
    const p = body as { actor: { id: string }; resolution: { reasons: string[] }[]; offices: { title: string; to?: string; closed: { text: string } }[] };
    assert.match(p.actor.id, /^tariq-mehmood-qureshi-[0-9a-f]{10}$/);
    assert.ok(p.resolution.some((r) => r.reasons.some((x) => x.includes('spelling variant'))));
    const ports = p.offices.find((o) => o.title === 'Federal Minister for Ports and Shipping')!;
    assert.equal(ports.to, '2024-01-11');
    assert.equal(ports.closed.text, 'resigned as Federal Minister for Ports and Shipping');
  });

  it('pages a profile with one limit for every list, and links the next page while a list filled this one', async () => {
    const name = encodeURIComponent('Tariq Mehmood Qureshi');
    const first = (await get(`/api/actors/${name}?limit=1`)).body as { next?: string; resolution: { article: string }[] };
    assertMatches(first, 'Profile');
    assert.equal(first.resolution.length, 1);
    assert.equal(first.next, `/api/actors/${name}?limit=1&offset=1`);
    const second = (await get(first.next!)).body as { resolution: { article: string }[] };
    assert.notDeepEqual(second.resolution, first.resolution);
    const all = (await get(`/api/actors/${name}`)).body as { next?: string; resolution: unknown[] };
    assert.ok(all.resolution.length < 20);
    assert.equal(all.next, undefined, 'every list fits the default page of 20');
  });

  it('answers 404 with a message for an unknown actor', async () => {
    const { status, body } = await get('/api/actors/Nobody%20Known');
    assert.equal(status, 404);
    assertMatches(body, 'Error');
  });

  it('gives the state on a day: who held the ports ministry and which commitments stood how', async () => {
    const early = (await get('/api/state?asOf=2024-01-05')).body as { offices: { personName: string }[] };
    assertMatches(early, 'State');
    assert.ok(early.offices.some((o) => o.personName === 'Tariq Mehmood Qureshi'));
    const late = (await get('/api/state?asOf=2024-03-06')).body as { offices: { personName: string; title: string }[]; commitments: { status: string }[] };
    assert.ok(late.offices.some((o) => o.personName === 'Imran Baloch' && o.title.includes('Ports')));
    assert.ok(!late.offices.some((o) => o.personName === 'Tariq Mehmood Qureshi' && o.title.includes('Ports')));
    assert.deepEqual(late.commitments.map((c) => c.status).sort(), ['broken', 'kept', 'overdue']);
  });

  it('rejects a malformed date with 400', async () => {
    const { status, body } = await get('/api/state?asOf=March');
    assert.equal(status, 400);
    assert.match((body as { error: string }).error, /asOf must be a date/);
  });

  it('filters commitments by status and as of a day', async () => {
    const overdue = (await get('/api/commitments?status=overdue')).body;
    assertMatches(overdue, 'Commitment', true);
    assert.equal((overdue as unknown[]).length, 1);
    const before = (await get('/api/commitments?asOf=2024-02-01')).body as { status: string }[];
    assert.deepEqual(before.map((c) => c.status), ['open', 'open', 'open']);
    assert.equal((await get('/api/commitments?status=late')).status, 400);
  });

  it('lists quotes by speaker and the timeline for an actor', async () => {
    const quotes = (await get('/api/quotes?speaker=Nadia%20Baloch')).body as { content: { text: string } }[];
    assertMatches(quotes, 'Quote', true);
    assert.equal(quotes.length, 2);
    const about = (await get('/api/quotes?about=Port%20Qasimabad')).body as unknown[];
    assert.equal(about.length, 1);
    const entries = (await get('/api/timeline?actor=Qureshi&from=2024-01-01&to=2024-01-31')).body as { kind: string; date: string }[];
    assertMatches(entries, 'TimelineEntry', true);
    assert.ok(entries.some((e) => e.kind === 'office-end' && e.date === '2024-01-11'));
    assert.ok(entries.every((e) => e.date <= '2024-01-31'));
  });

  it('searches statements and articles, giving the quoted statement as evidence and the article date', async () => {
    const page = (await get('/api/search?q=development%20authority')).body as { total: number; items: { kind: string; title?: string; published?: string; evidence?: { text: string } }[] };
    assertMatches(page.items, 'SearchHit', true);
    assert.equal(page.total, page.items.length);
    const quote = page.items.find((h) => h.kind === 'statement')!;
    assert.match(quote.evidence!.text, /development authority/);
    assert.ok(page.items.every((h) => h.published), 'each hit has its article date');
    assert.equal((await get('/api/search?q=')).status, 400);
  });

  it('searches with stemming and prefixes: "resigning" finds "resigned"', async () => {
    const page = (await get('/api/search?q=resigning')).body as { total: number; items: { snippet: string }[] };
    assert.ok(page.total > 0, 'stemmed search finds something');
    assert.ok(page.items.some((h) => /\[resigned\]/i.test(h.snippet)), JSON.stringify(page.items.map((h) => h.snippet)));
  });

  it('pages every list: limit and offset, bounded', async () => {
    const first = (await get('/api/search?q=the&limit=2')).body as { total: number; limit: number; offset: number; items: { snippet: string }[] };
    assert.equal(first.items.length, 2);
    assert.ok(first.total > 2, 'more than one page of hits');
    const second = (await get('/api/search?q=the&limit=2&offset=2')).body as { items: { snippet: string }[] };
    assert.notDeepEqual(second.items, first.items);
    assert.equal(((await get('/api/actors?limit=3')).body as unknown[]).length, 3);
    for (const bad of ['limit=0', 'limit=101', 'limit=ten', 'offset=-1', 'offset=10001']) assert.equal((await get(`/api/articles?${bad}`)).status, 400, bad);
  });

  it('lists actors, optionally by name or type', async () => {
    const balochs = (await get('/api/actors?q=Baloch')).body as { name: string }[];
    assertMatches(balochs, 'ActorSummary', true);
    const parties = (await get('/api/actors?type=PARTY')).body as { name: string }[];
    assert.deepEqual(parties.map((p) => p.name).sort(), ['National Justice Party', "Rural People's League"]);
  });

  it('serves its OpenAPI document and the page with its bundle', async () => {
    const spec = (await get('/openapi.json')).body as { openapi: string };
    assert.equal(spec.openapi, '3.1.0');
    const page = await fetch(`${base}/`);
    assert.match(page.headers.get('content-type')!, /text\/html/);
    assert.match(await page.text(), /<script type="module" src="\/assets\/app.js">/);
    assert.equal((await fetch(`${base}/assets/../package.json`)).status, 404);
  });

  it('gives an article with its highlights linked to record actors and its facts with evidence', async () => {
    const list = (await get('/api/articles?limit=1')).body as { total: number; items: { id: string }[] };
    const id = list.items[0]!.id;
    const { status, body } = await get(`/api/articles/${id}`);
    assert.equal(status, 200);
    assertMatches(body, 'ArticleView');
    const a = body as { text: string; marks: { start: number; end: number; kind: string; actor?: { id: string } }[] };
    assert.ok(a.marks.some((m) => m.kind === 'mention' && m.actor?.id), 'a mention linked to its record actor');
    assert.equal((await get('/api/articles/ffffffffffffffff')).status, 404);
    assert.equal((await get('/api/articles/not-hex')).status, 400);
  });

  it("gives an actor's overview, its quotes each once, its events with the modality in the label, and its articles", async () => {
    const overview = (await get('/api/actors/Qureshi/overview')).body;
    assertMatches(overview, 'ActorOverview');
    assert.ok((overview as { offices: { title: string }[] }).offices.some((o) => o.title === 'Federal Minister for Ports and Shipping'), 'the ports ministry among his offices');
    const quotes = (await get('/api/actors/Nadia%20Baloch/quotes')).body as { items: { text: string }[] };
    assertMatches(quotes.items, 'ActorQuote', true);
    assert.equal(new Set(quotes.items.map((q) => q.text)).size, quotes.items.length);
    const events = (await get('/api/actors/Tariq%20Mehmood%20Qureshi/events?limit=100')).body as { items: { modality: string; label: string; type: string }[] };
    assertMatches(events.items, 'EventItem', true);
    for (const e of events.items) if (e.modality === 'negated') assert.match(e.label, new RegExp(`^not ${e.type}`));
    const articles = (await get('/api/actors/Tariq%20Mehmood%20Qureshi/articles')).body;
    assertMatches((articles as { items: unknown[] }).items, 'ActorArticle', true);
    assert.equal((await get('/api/actors/Nobody%20Known/overview')).status, 404);
  });

  it('gives the graph on a day, the commitment board columns, and events per week', async () => {
    const graph = (await get('/api/graph')).body as { days: string[]; edges: { id: string }[] };
    assertMatches(graph, 'Graph');
    assert.ok(graph.edges.length > 0);
    let quoted = 0;
    for (const e of graph.edges) {
      const edge = (await get(`/api/graph/edges/${encodeURIComponent(e.id)}`)).body as { id: string; evidence?: { text: string } };
      assertMatches(edge, 'EdgeEvidence');
      assert.equal(edge.id, e.id);
      if (edge.evidence?.text) quoted++;
    }
    assert.ok(quoted > 0, 'edges come with the evidence that opened them');
    assert.ok(graph.edges.some((e) => e.id.startsWith('membership:')));
    assert.equal((await get('/api/graph/edges/nothing-like-it')).status, 404);
    for (const status of ['open', 'kept', 'overdue', 'broken']) {
      const board = (await get(`/api/board?status=${status}`)).body as { total: number; items: { id: string }[] };
      assertMatches(board.items, 'CommitmentCard', true);
      const listed = (await get(`/api/commitments?status=${status}`)).body as { id: string }[];
      assert.equal(board.total, listed.length, status);
      assert.deepEqual(board.items.map((c) => c.id), listed.map((c) => c.id), status);
    }
    assert.equal((await get('/api/board')).status, 400);
    const weekly = (await get('/api/events/weekly')).body as { weeks: string[]; types: string[]; counts: number[][] };
    assertMatches(weekly, 'WeeklyEvents');
    assert.ok(weekly.weeks.length > 0);
    assert.ok(weekly.weeks.every((w) => new Date(`${w}T00:00:00Z`).getUTCDay() === 1), 'weeks start on Monday');
    assert.ok(weekly.counts.length === weekly.types.length && weekly.counts.every((row) => row.length === weekly.weeks.length));
  });

  it('answers junk with 400, never 500: NUL, control characters, bad percent-encoding, over-long values', async () => {
    for (const path of ['/api/search?q=%00', '/api/search?q=a%1b%5b31m', '/api/actors?q=%E0%A4', '/api/actors/%00', '/api/search?q=%zz',
      `/api/search?q=${'a'.repeat(201)}`, `/api/actors?q=${'x'.repeat(3000)}`, '/api/search?q=%ED%A0%80', '/api/state?asOf=2024-13-45']) {
      const { status, body } = await get(path);
      assert.equal(status, 400, path);
      assertMatches(body, 'Error');
    }
    for (const q of ['"', 'AND', 'NEAR(', '*', '^', 'a OR', '\'"\'']) assert.equal((await get(`/api/search?q=${encodeURIComponent(q)}`)).status, 200, q);
  });

  it('is read-only: other methods than GET give 405', async () => {
    const res = await fetch(`${base}/api/actors`, { method: 'POST', body: '{}' });
    assert.equal(res.status, 405);
    assert.equal(res.headers.get('allow'), 'GET, HEAD');
  });

  it('sends security headers: a CSP allowing only its own scripts, no framing, no sniffing', async () => {
    const res = await fetch(`${base}/`);
    const csp = res.headers.get('content-security-policy')!;
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.match(csp, /default-src 'none'/);
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(res.headers.get('x-frame-options'), 'DENY');
    assert.equal(res.headers.get('referrer-policy'), 'no-referrer');
  });

  it('documents every route it serves', () => {
    for (const path of ['/api/actors', '/api/actors/{name}', '/api/timeline', '/api/quotes', '/api/commitments', '/api/state', '/api/search', '/openapi.json',
      '/api/articles', '/api/articles/{id}', '/api/suggest', '/api/actors/{name}/overview', '/api/actors/{name}/quotes', '/api/actors/{name}/events',
      '/api/actors/{name}/articles', '/api/graph', '/api/graph/edges/{id}', '/api/board', '/api/events/weekly', '/api/places']) {
      assert.ok(path in openapi.paths, path);
    }
  });
});
}
