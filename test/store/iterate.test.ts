import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type { Db } from '../../src/store/sql/db.js';
import { CURSOR_FETCH_ROWS, PgDb } from '../../src/store/postgres/pg-db.js';
import { SqliteDb } from '../../src/store/sqlite/sqlite-db.js';
import { TestDbs, dialects } from '../helpers/test-db.js';

/** More rows than two fetches of a PostgreSQL cursor, and not a multiple of one. */
const ROWS = 2 * CURSOR_FETCH_ROWS + 37;

for (const dialect of dialects()) {
  const dbs = new TestDbs(dialect, 'polity-iterate');
  let n = 0;
  const fresh = (): Db => {
    const at = dbs.at(`iterate-${++n}.db`);
    const db: Db = dialect === 'sqlite' ? new SqliteDb(at) : new PgDb(at);
    db.exec('CREATE TABLE items (id INTEGER PRIMARY KEY, label TEXT NOT NULL)');
    const insert = db.prepare('INSERT INTO items (id, label) VALUES (?, ?)');
    db.transaction(() => {
      for (let i = 1; i <= ROWS; i++) insert.run(i, `item ${i}`);
    })();
    return db;
  };
  // Declared cursors only (pg_cursors also lists the portal of the query asking).
  const openCursors = (db: Db): number => (db.prepare("SELECT count(*) FROM pg_cursors WHERE name LIKE 'polity_cursor_%'").pluck().get() as number);

  describe(`Statement.iterate (${dialect})`, () => {
    it('yields every row in order, with parameters and pluck, past several fetches of a cursor', () => {
      const db = fresh();
      const rows = [...db.prepare('SELECT id, label FROM items WHERE id > @from ORDER BY id').iterate({ from: 3 })] as { id: number; label: string }[];
      assert.equal(rows.length, ROWS - 3);
      assert.deepEqual(rows[0], { id: 4, label: 'item 4' });
      assert.deepEqual(rows.at(-1), { id: ROWS, label: `item ${ROWS}` });
      assert.ok(rows.every((r, i) => r.id === i + 4), 'in order, none twice');
      assert.deepEqual([...db.prepare('SELECT label FROM items WHERE id <= ? ORDER BY id').pluck().iterate(2)], ['item 1', 'item 2']);
      assert.deepEqual([...db.prepare('SELECT id FROM items WHERE id < 0').iterate()], []);
      db.close();
    });

    it('closes its cursor when the loop is left early, in a transaction or not, and the connection goes on', () => {
      const db = fresh();
      const all = db.prepare('SELECT id FROM items ORDER BY id').pluck();
      let seen = 0;
      for (const id of all.iterate()) {
        seen = id as number;
        if (dialect === 'postgres') assert.equal(openCursors(db), 1, 'the rows come from a server-side cursor');
        if (seen === CURSOR_FETCH_ROWS + 5) break;
      }
      assert.equal(seen, CURSOR_FETCH_ROWS + 5);
      if (dialect === 'postgres') assert.equal(openCursors(db), 0);
      db.transaction(() => {
        for (const id of all.iterate()) if (id === 3) break;
        db.prepare('UPDATE items SET label = ? WHERE id = 1').run('first');
      })();
      if (dialect === 'postgres') assert.equal(openCursors(db), 0);
      assert.equal(db.prepare('SELECT label FROM items WHERE id = 1').pluck().get(), 'first');
      assert.equal([...all.iterate()].length, ROWS);
      db.close();
    });

    it('leaves the transaction to fail with its own error when the loop throws, and rolls back', () => {
      const db = fresh();
      assert.throws(() => db.transaction(() => {
        db.prepare('DELETE FROM items WHERE id = 1').run();
        for (const id of db.prepare('SELECT id FROM items ORDER BY id').pluck().iterate()) if (id === CURSOR_FETCH_ROWS + 1) throw new Error('stop here');
      })(), /stop here/);
      assert.equal(db.prepare('SELECT count(*) FROM items').pluck().get(), ROWS);
      if (dialect === 'postgres') assert.equal(openCursors(db), 0);
      db.close();
    });
  });
}
