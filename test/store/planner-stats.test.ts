/**
 * PostgreSQL's planner statistics follow the store's growth (src/store/postgres/planner-stats.ts): the schema's
 * tables are analysed after 64, 128, 256 … committed articles, and only the schema's own tables.
 */
import { strict as assert } from 'node:assert';
import { it } from 'node:test';
import { createDocument } from '../../src/document/document.js';
import { PgDb } from '../../src/store/postgres/pg-db.js';
import { openStore } from '../../src/store/index.js';
import { rebuildRecord } from '../../src/record/index.js';
import { TestDbs, dialects } from '../helpers/test-db.js';

it('analyses the store schema\'s tables after 64 and 128 committed articles, not on unchanged ones, and no other schema',
  { skip: !dialects().includes('postgres') }, () => {
    const dbs = new TestDbs('postgres', 'polity-planner-stats');
    const other = openStore(dbs.at('other.db'));
    const store = openStore(dbs.at('growing.db'));
    try {
      const analysed = (db: PgDb, table: string): boolean =>
        db.prepare('SELECT last_analyze IS NOT NULL FROM pg_stat_user_tables WHERE schemaname = current_schema() AND relname = ?').pluck().get(table) === 1;
      const put = (i: number) => store.putDocument(createDocument(`The council of Varnholm met for the ${i}th time on Monday.`, { published: '2024-05-06' }));
      for (let i = 0; i < 63; i++) put(i);
      // The same article again is unchanged: not a commit.
      put(0);
      assert.equal(store.plannerStats!.runs, 0);
      put(63);
      assert.equal(store.plannerStats!.runs, 1, 'analysed at the 64th article');
      assert.ok(analysed(store.db as PgDb, 'articles'));
      assert.ok(analysed(store.db as PgDb, 'record_actors'));
      for (let i = 64; i < 127; i++) put(i);
      assert.equal(store.plannerStats!.runs, 1);
      put(127);
      assert.equal(store.plannerStats!.runs, 2, 'and again at the 128th');
      assert.ok(!analysed(other.db as PgDb, 'articles'), 'another schema of the same database is left alone');
    } finally {
      store.close();
      other.close();
    }
  });

it('counts a rebuild\'s committed batches toward the next ANALYZE, once per threshold however large the batch',
  { skip: !dialects().includes('postgres') }, () => {
    const dbs = new TestDbs('postgres', 'polity-planner-rebuild');
    const path = dbs.at('rebuild.db');
    const first = openStore(path);
    for (let i = 0; i < 70; i++) first.putDocument(createDocument(`The assembly of Orlen sat for the ${i}th time on Tuesday.`, { published: '2024-06-04' }));
    first.close();
    // A new process: its own count starts at 0; the rebuild takes in 70 articles in one batch (REBUILD_BATCH 200).
    const store = openStore(path);
    try {
      assert.equal(store.plannerStats!.runs, 0);
      rebuildRecord(store);
      assert.equal(store.plannerStats!.runs, 1, 'the rebuild\'s batch of 70 passed the first threshold (64)');
      assert.equal(store.db.prepare('SELECT count(*) FROM record_articles').pluck().get(), 70);
      // 70 → next threshold 128; a batch of 300 more passes 128 and 256: one ANALYZE, the next at 512.
      store.plannerStats!.committed(300);
      assert.equal(store.plannerStats!.runs, 2);
      store.plannerStats!.committed(141);
      assert.equal(store.plannerStats!.runs, 2, '511 committed');
      store.plannerStats!.committed(1);
      assert.equal(store.plannerStats!.runs, 3, 'at 512');
    } finally {
      store.close();
    }
  });

it('reports a failed ANALYZE as a warning of the store until one succeeds', { skip: !dialects().includes('postgres') }, () => {
  const dbs = new TestDbs('postgres', 'polity-planner-warning');
  const store = openStore(dbs.at('warn.db'));
  try {
    const stats = store.plannerStats!;
    assert.deepEqual(store.warnings(), []);
    const analyze = stats.analyze.bind(stats);
    stats.analyze = () => { throw new Error('canceling statement due to lock timeout'); };
    stats.committed(64);
    assert.equal(store.warnings().length, 1);
    assert.match(store.warnings()[0]!, /planner statistics could not be refreshed.*lock timeout/);
    stats.analyze = analyze;
    stats.committed(64);
    assert.deepEqual(store.warnings(), [], 'the next ANALYZE succeeded');
  } finally {
    store.close();
  }
});

it('has no warnings on SQLite', () => {
  const dbs = new TestDbs('sqlite', 'polity-planner-sqlite');
  const store = openStore(dbs.at('plain.db'));
  try {
    assert.equal(store.plannerStats, undefined);
    assert.deepEqual(store.warnings(), []);
  } finally {
    store.close();
  }
});
