/**
 * PostgreSQL's planner statistics follow the store's growth (src/store/postgres/planner-stats.ts): the schema's
 * tables are analysed after 64, 128, 256 … committed articles, and only the schema's own tables.
 */
import { strict as assert } from 'node:assert';
import { it } from 'node:test';
import { createDocument } from '../../src/document/document.js';
import { PgDb } from '../../src/store/postgres/pg-db.js';
import { openStore } from '../../src/store/index.js';
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
