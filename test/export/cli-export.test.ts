import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { XMLValidator } from 'fast-xml-parser';
import graphology from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import { EVENT_CSV_COLUMNS, type PloverRecord } from '../../src/export/index.js';
import { packagePath } from '../../src/package-path.js';
import { runPolity } from '../cli/run-polity.js';
import { ploverErrors } from './plover-schema.js';
import { TestDbs, dialects } from '../helpers/test-db.js';

const { MultiGraph } = graphology as unknown as { MultiGraph: typeof graphology.MultiGraph };

for (const dialect of dialects()) {
/** Every format exported by the CLI from a database built from the bundled arc (examples/arc.jsonl). */
describe(`polity export on the arc database (${dialect})`, () => {
  const dbs = new TestDbs(dialect, 'polity-export');
  const dir = dbs.tmp;
  const db = dbs.at('arc.db');

  before(async () => {
    const run = await runPolity(['ingest', packagePath('examples/arc.jsonl'), '--db', db]);
    assert.equal(run.code, 0, run.stderr);
  });

  async function exported(format: string): Promise<string> {
    const out = join(dir, `arc.${format}`);
    const run = await runPolity(['export', '--format', format, '--db', db, '--out', out]);
    assert.equal(run.code, 0, run.stderr);
    return readFileSync(out, 'utf8');
  }

  it('writes PLOVER records that all validate, the resignation reported twice once, under one actor id', async () => {
    const records = (await exported('plover')).trim().split('\n').map((l) => JSON.parse(l) as PloverRecord);
    assert.ok(records.length >= 10);
    for (const r of records) assert.deepEqual(ploverErrors(r), [], r.id);
    const resignations = records.filter((r) => r.event.includes('RETREAT') && r.mode?.includes('resign') && r.actor.some((a) => a.identifier_text === 'Tariq Mehmood Qureshi'));
    assert.equal(resignations.length, 1, 'one record for the resignation both articles report');
    assert.equal(resignations[0]!.polity.sources.length, 2);
    assert.equal(resignations[0]!.date, '2024-01-11');
    // The arc's federation is invented: no place in it is in the gazetteer, so no actor gets a country code.
    assert.ok(records.every((r) => [...r.actor, ...r.recipient].every((e) => e.code === undefined)));
    assert.ok(records.some((r) => r.actor.some((a) => a.sector === 'GOV' && a.office === 'Prime Minister')));
  });

  it('writes the event CSV with the documented header, one actor pair per row', async () => {
    const rows = parse(await exported('csv'), { columns: true }) as Record<string, string>[];
    assert.deepEqual(Object.keys(rows[0]!), [...EVENT_CSV_COLUMNS]);
    assert.ok(rows.every((r) => /^\d{4}-\d{2}-\d{2}$/u.test(r.date!) && /^\d{3,4}$/u.test(r.cameo_code!)));
    assert.ok(rows.some((r) => r.cameo_code!.startsWith('0')), 'CAMEO codes keep their leading zero');
  });

  it('writes the alliance graph as GraphML and GEXF that the graphology readers load', async () => {
    const graphmlText = await exported('graphml');
    const gexfText = await exported('gexf');
    assert.equal(XMLValidator.validate(graphmlText), true);
    assert.equal(XMLValidator.validate(gexfText), true);
    const graphml = parseGraphml(MultiGraph, graphmlText);
    const gexf = parseGexf(MultiGraph, gexfText);
    assert.ok(graphml.order > 0 && graphml.size > 0);
    assert.deepEqual([gexf.order, gexf.size], [graphml.order, graphml.size]);
    assert.ok(graphml.someNode((_n, attrs) => attrs.label === "Rural People's League"));
    assert.ok(graphml.edges().every((e) => ['ally', 'coalition', 'opposition', 'negotiating', 'member'].includes(graphml.getEdgeAttribute(e, 'kind') as string)));
  });

  it('writes the whole record as JSON Lines, one kind per line', async () => {
    const lines = (await exported('jsonl')).trim().split('\n').map((l) => JSON.parse(l) as { kind: string });
    const kinds = new Set(lines.map((l) => l.kind));
    for (const k of ['actor', 'office', 'membership', 'relation', 'statement', 'event', 'commitment']) assert.ok(kinds.has(k), k);
  });

  it('exports files analysed on the fly when they are named, without a database', async () => {
    const run = await runPolity(['export', '--format', 'plover', packagePath('examples/arc.jsonl')]);
    assert.equal(run.code, 0, run.stderr);
    const records = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as PloverRecord);
    assert.ok(records.length >= 10);
  });

  it('refuses an unknown format with the usage exit code, and a missing database with the failure code', async () => {
    const unknown = await runPolity(['export', '--format', 'xml', '--db', db]);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /unknown export format "xml"; use plover, csv, graphml, gexf, jsonl/);
    const missing = await runPolity(['export', '--format', 'csv', '--db', join(dir, 'none.db')]);
    assert.equal(missing.code, 3);
    assert.match(missing.stderr, /no database/);
  });
});
}
