import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportSourceFromStore } from '../../src/export/index.js';
import { attachRecord, loadRecord } from '../../src/record/index.js';
import { openStore } from '../../src/store/index.js';
import { budgetStory } from './fixture.js';

describe('export source', () => {
  it('reads from a SQLite file the same record as the record\'s own loadRecord, with quoted evidence', () => {
    const dir = mkdtempSync(join(tmpdir(), 'polity-source-'));
    try {
      const store = attachRecord(openStore(join(dir, 'record.db')));
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
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
