import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { actorNamed, attachRecord, evidenceQuoter, timeline } from '../../src/record/index.js';
import { openStore } from '../../src/store/index.js';
import { miniArc } from './mini-arc.js';
import { TestDbs } from '../helpers/test-db.js';

// An actor's timeline must cost its page of rows, whatever the actor's history: every statement it runs on the
// commitments, offices and relations tables is a range of one index that also gives the order (SQLite's plan:
// a SEARCH, with no temporary B-tree to sort) — checked on the plans, not on timings.
describe('timeline plans', () => {
  it('reads each dated table of an actor as one index range in date order', () => {
    const store = attachRecord(openStore(new TestDbs('sqlite', 'polity-timeline-plans').at('plans.db')));
    for (const doc of miniArc()) store.putDocument(doc);
    const db = store.db;
    const seen: string[] = [];
    const prepare = db.prepare.bind(db);
    db.prepare = ((sql: string) => { seen.push(sql); return prepare(sql); }) as typeof db.prepare;
    const someone = db.prepare("SELECT name FROM record_actors WHERE type = 'PERSON' ORDER BY articles DESC LIMIT 1").pluck().get() as string;
    timeline(db, evidenceQuoter(db), { actor: actorNamed(db, someone) });
    db.prepare = prepare;
    const dated = seen.filter((sql) => /FROM record_(commitments|offices|relations) WHERE \w+ = @d/.test(sql));
    assert.ok(dated.length >= 8, `timeline's per-actor statements: ${dated.length}`);
    for (const sql of dated) {
      const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all({ a: '0000', b: '9999', c: 50, d: 'x' }) as { detail: string }[]).map((r) => r.detail).join('; ');
      assert.match(plan, /SEARCH record_\w+ USING INDEX \w+ \(\w+=\? AND \w+>\? AND \w+<\?\)/, `${sql}\n→ ${plan}`);
      assert.doesNotMatch(plan, /TEMP B-TREE/, `${sql}\n→ ${plan}`);
    }
    store.close();
  });
});
