import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { exportSourceFromStore } from '../../src/export/index.js';
import { attachRecord, loadRecord } from '../../src/record/index.js';
import { openStore } from '../../src/store/index.js';
import { budgetStory } from './fixture.js';
import { TestDbs, dialects } from '../helpers/test-db.js';

for (const dialect of dialects()) {
const dbs = new TestDbs(dialect, 'polity-source');

describe(`export source (${dialect})`, () => {
  it('reads from a database the same record as the record\'s own loadRecord, with quoted evidence', () => {
    try {
      const store = attachRecord(openStore(dbs.at('record.db')));
      try {
        const docs = budgetStory();
        for (const doc of docs) store.putDocument(doc);
        const source = exportSourceFromStore(store);
        const whole = loadRecord(store.db);
        assert.deepEqual([...source.actors()], whole.actors);
        assert.deepEqual([...source.events()], whole.events);
        assert.deepEqual([...source.relations()], whole.relations);
        assert.deepEqual([...source.memberships()], whole.memberships);
        assert.deepEqual([...source.offices()], whole.offices);
        assert.deepEqual([...source.statements()], whole.statements);
        assert.deepEqual([...source.commitments()], whole.commitments);
        const amna = whole.actors.find((a) => a.name === 'Amna Sheikh')!;
        assert.deepEqual(source.actor(amna.id), amna);
        for (const m of amna.members) assert.equal(source.recordActorOf(m.article, m.local), amna.id);
        const relation = whole.relations[0]!;
        const doc = docs.find((d) => d.meta.id === relation.opened!.article)!;
        assert.equal(source.quote(relation.opened!).text, doc.text.slice(relation.opened!.start, relation.opened!.end));
      } finally {
        store.close();
      }
    } finally {
      dbs.cleanup();
    }
  });
});
}
