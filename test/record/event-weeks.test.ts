import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { attachRecord, rebuildRecord } from '../../src/record/index.js';
import { ViewsData } from '../../src/server/views-data.js';
import { openStore } from '../../src/store/index.js';
import { TestDbs, dialects } from '../helpers/test-db.js';
import { miniArc } from './mini-arc.js';

for (const dialect of dialects()) {
  describe(`events per week (${dialect})`, () => {
    const dbs = new TestDbs(dialect, 'polity-event-weeks');
    it('keeps the unfiltered counts equal to counting the events, through ingest, re-analysis and rebuild', () => {
      const store = attachRecord(openStore(dbs.at('weeks.db')));
      try {
        const views = new ViewsData(store.db, store);
        // A `from` before every date makes eventsPerWeek count the events themselves.
        const counted = () => views.weeklyRows({ from: '0000-01-01' });
        const kept = () => views.weeklyRows({});
        const docs = miniArc();
        for (const doc of docs) store.putDocument(doc);
        assert.ok(counted().length > 0);
        assert.deepEqual(kept(), counted());
        // An article stored again with other events: its old ones are deleted, the record rebuilt.
        const changed = docs[0]!;
        changed.events = changed.events.slice(1).map((e) => ({ ...e, type: 'PROTEST' }));
        store.putDocument(changed, { replace: true });
        rebuildRecord(store);
        assert.deepEqual(kept(), counted());
        // An event whose day changes moves from one week to another; one that no longer happened leaves.
        const [a, b] = store.db.prepare('SELECT id FROM record_events WHERE happened = 1 AND date IS NOT NULL ORDER BY id LIMIT 2').pluck().all() as string[];
        store.db.prepare("UPDATE record_events SET date = '2031-05-07' WHERE id = ?").run(a);
        store.db.prepare('UPDATE record_events SET happened = 0 WHERE id = ?').run(b);
        assert.deepEqual(kept(), counted());
        assert.ok(kept().some((r) => r.week === '2031-05-05'));
        // A stored date the calendar does not have (as the time stage once read "29 February" in 2023) fails
        // neither the trigger nor the chart's query.
        store.db.prepare("UPDATE record_events SET date = '2023-02-29' WHERE id = ?").run(a);
        assert.deepEqual(kept(), counted());
      } finally {
        store.close();
      }
    });
    it('answers in columns: weeks, types and a count per type and week', () => {
      const store = attachRecord(openStore(dbs.at('columns.db')));
      try {
        for (const doc of miniArc()) store.putDocument(doc);
        const views = new ViewsData(store.db, store);
        const rows = views.weeklyRows({});
        const { weeks, types, counts, withoutWeek } = views.eventsPerWeek({});
        assert.deepEqual(weeks, [...weeks].sort());
        for (const r of rows) {
          if (r.week === null) continue;
          assert.equal(counts[types.indexOf(r.type)]![weeks.indexOf(r.week)], r.n);
        }
        const total = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
        assert.equal(total(counts.map(total)) + withoutWeek, total(rows.map((r) => r.n)));
      } finally {
        store.close();
      }
    });
  });
}
