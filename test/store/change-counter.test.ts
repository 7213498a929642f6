import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { openStore } from '../../src/store/index.js';
import { TestDbs, dialects } from '../helpers/test-db.js';

for (const dialect of dialects()) {
  describe(`Db.changeCounter (${dialect})`, () => {
    const dbs = new TestDbs(dialect, 'polity-counter');
    it('changes for a reader when another connection commits, not before, and not while nothing is written', () => {
      const at = dbs.at('counter.db');
      const writer = openStore(at);
      const reader = openStore(at);
      try {
        reader.db.readOnly();
        const start = reader.db.changeCounter();
        assert.equal(typeof start, 'number');
        assert.equal(reader.db.changeCounter(), start, 'reading changes nothing');
        writer.db.transaction(() => {
          writer.db.prepare("INSERT INTO record_meta (key, value) VALUES ('counter-test', '1')").run();
          assert.equal(reader.db.changeCounter(), start, 'not before the commit');
        })();
        const committed = reader.db.changeCounter();
        assert.notEqual(committed, start);
        // Outside a transaction a write commits at once, and counts.
        writer.db.prepare("DELETE FROM record_meta WHERE key = 'counter-test'").run();
        assert.notEqual(reader.db.changeCounter(), committed);
      } finally {
        reader.close();
        writer.close();
      }
    });

    it('does not change for a connection\'s own commits, and does for another writer\'s', () => {
      const at = dbs.at('own.db');
      const one = openStore(at);
      const two = openStore(at);
      try {
        const start = one.db.changeCounter();
        one.db.transaction(() => one.db.prepare("INSERT INTO record_meta (key, value) VALUES ('own-1', '1')").run())();
        one.db.prepare("DELETE FROM record_meta WHERE key = 'own-1'").run();
        assert.equal(one.db.changeCounter(), start, 'its own transaction and autocommitted write');
        // A transaction that rolls back counts for nobody.
        assert.throws(() => one.db.transaction(() => { one.db.prepare("INSERT INTO record_meta (key, value) VALUES ('own-2', '1')").run(); throw new Error('no'); })());
        assert.equal(one.db.changeCounter(), start);
        const seen = two.db.changeCounter();
        two.db.transaction(() => two.db.prepare("INSERT INTO record_meta (key, value) VALUES ('two', '1')").run())();
        assert.notEqual(one.db.changeCounter(), start, 'another connection committed');
        assert.equal(two.db.changeCounter(), seen, 'not for the writer itself');
      } finally {
        two.close();
        one.close();
      }
    });
  });
}
