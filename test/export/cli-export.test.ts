import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { openStore } from '../../src/store/index.js';
import { extractEvents } from '../../src/stages/events/events.js';
import { runPolity } from '../cli/run-polity.js';
import { annotate, type ActorSpec } from '../stages/events/annotate.js';

const ACTORS: ActorSpec[] = [
  { id: 'sara', type: 'PERSON', names: ['Sara Baig'] },
  { id: 'aup', type: 'PARTY', names: ['AUP'] },
];

describe('polity export', () => {
  it('exports the events of every stored article as PLOVER JSON Lines and as CSV', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'polity-export-'));
    try {
      const db = join(dir, 'polity.db');
      const doc = annotate('Sara Baig criticised the AUP on the budget.', ACTORS, { published: '2021-03-03' });
      extractEvents(doc);
      const store = openStore(db);
      store.putDocument(doc);
      store.close();

      const plover = await runPolity(['export', '--format', 'plover', '--db', db]);
      assert.equal(plover.code, 0, plover.stderr);
      const records = plover.stdout.trim().split('\n').map((l) => JSON.parse(l) as { event: string; actor: { identifier_id: string }[] });
      assert.deepEqual(records.map((r) => [r.event, r.actor[0]?.identifier_id]), [['ACCUSE', 'sara']]);

      const out = join(dir, 'events.csv');
      const csv = await runPolity(['export', '--format', 'csv', '--db', db, '--out', out]);
      assert.equal(csv.code, 0, csv.stderr);
      const rows = parse(readFileSync(out, 'utf8'), { columns: true }) as Record<string, string>[];
      assert.deepEqual(rows.map((r) => [r.type, r.actor, r.recipient]), [['ACCUSE', 'Sara Baig', 'AUP']]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses an unknown format with the usage exit code', async () => {
    const run = await runPolity(['export', '--format', 'xml', '--db', join(tmpdir(), 'polity-none.db')]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /unknown export format/);
  });
});
