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
  });
}
