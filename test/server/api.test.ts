import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { serveMiniArc, type RunningServer } from './mini-arc-server.js';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { packagePath } from '../../src/package-path.js';

const openapi = JSON.parse(readFileSync(packagePath('openapi.json'), 'utf8')) as { paths: Record<string, unknown>; components: { schemas: Record<string, unknown> } };
const ajv = new Ajv2020({ strict: false, allErrors: true });
(addFormats as unknown as (a: Ajv2020) => void)(ajv);
ajv.addSchema({ $id: 'openapi.json', components: openapi.components });

/** Asserts that a response body matches a schema of openapi.json (an array of it when `many`). */
function assertMatches(body: unknown, schema: string, many = false): void {
  const validate = ajv.compile(many ? { type: 'array', items: { $ref: `openapi.json#/components/schemas/${schema}` } } : { $ref: `openapi.json#/components/schemas/${schema}` });
  assert.ok(validate(body), JSON.stringify(validate.errors?.slice(0, 3)));
}

let running: RunningServer;
let base: string;

before(async () => {
  running = await serveMiniArc();
  base = running.base;
});

after(() => running.stop());

async function get(path: string): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${base}${path}`);
  return { status: res.status, body: await res.json() };
}

describe('HTTP API', () => {
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

  it('searches statements and articles, giving the quoted statement as evidence', async () => {
    const hits = (await get('/api/search?q=development%20authority')).body as { kind: string; evidence?: { text: string } }[];
    assertMatches(hits, 'SearchHit', true);
    const quote = hits.find((h) => h.kind === 'statement')!;
    assert.match(quote.evidence!.text, /development authority/);
    assert.equal((await get('/api/search?q=')).status, 400);
  });

  it('lists actors, optionally by name or type', async () => {
    const balochs = (await get('/api/actors?q=Baloch')).body as { name: string }[];
    assertMatches(balochs, 'ActorSummary', true);
    const parties = (await get('/api/actors?type=PARTY')).body as { name: string }[];
    assert.deepEqual(parties.map((p) => p.name).sort(), ['National Justice Party', "Rural People's League"]);
  });

  it('serves its OpenAPI document and the search page', async () => {
    const spec = (await get('/openapi.json')).body as { openapi: string };
    assert.equal(spec.openapi, '3.1.0');
    const page = await fetch(`${base}/`);
    assert.match(page.headers.get('content-type')!, /text\/html/);
    assert.match(await page.text(), /<script type="module" src="\/app.js">/);
    assert.equal((await fetch(`${base}/app.js`)).status, 200);
  });

  it('documents every route it serves', () => {
    for (const path of ['/api/actors', '/api/actors/{name}', '/api/timeline', '/api/quotes', '/api/commitments', '/api/state', '/api/search', '/openapi.json']) {
      assert.ok(path in openapi.paths, path);
    }
  });
});
