import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildRecord } from '../../src/record/build.js';
import { WITH_COUNT_CAP } from '../../src/record/link.js';
import { attachRecord } from '../../src/record/index.js';
import { openStore } from '../../src/store/index.js';
import { Article } from './fixture.js';
import { TestDbs } from '../helpers/test-db.js';

// Sentences written for these tests: two people with one surname, one of them often named beside a governor.

const day0 = Date.parse('2021-03-01T00:00:00Z');
const on = (i: number): string => new Date(day0 + i * 86_400_000).toISOString().slice(0, 10);

/** Senator Ana Lind beside Governor Ola Berg, `n` times. */
function together(n: number): Article[] {
  return Array.from({ length: n }, (_, i) => new Article(`Senator Ana Lind met Governor Ola Berg in Halden on day ${i}. Lind said the talks went well.`, on(i))
    .actor('p1', 'PERSON', 'Ana Lind', ['Lind'], ['Ana Lind', 'Lind']).actor('p2', 'PERSON', 'Ola Berg', [], ['Ola Berg']));
}

/** Per Lind, another person of that surname, named in `n` articles with nobody the first Lind is named with. */
function other(n: number): Article[] {
  return Array.from({ length: n }, (_, i) => new Article(`Per Lind opened a bakery in Moss on day ${i}. Lind said business was good.`, on(100 + i))
    .actor('p1', 'PERSON', 'Per Lind', ['Lind'], ['Per Lind', 'Lind']));
}

describe('co-occurrence counts', () => {
  it(`stop at ${WITH_COUNT_CAP} per pair, and a bare surname still goes to the one named with this article's people`, () => {
    const path = new TestDbs('sqlite', 'polity-cooccurrence').at('with.db');
    const store = attachRecord(openStore(path));
    const arc = [...together(WITH_COUNT_CAP + 6), ...other(6)];
    for (const a of arc) store.putDocument(a.doc);
    const count = store.db.prepare(`SELECT c.n FROM record_actor_context c JOIN record_actors a ON a.id = c.actor_id
      JOIN record_actors b ON b.id = c.value WHERE c.kind = 'with' AND a.name = ? AND b.name = ?`).pluck();
    assert.equal(count.get('Ana Lind', 'Ola Berg'), WITH_COUNT_CAP, 'named together 22 times, counted to the cap');
    assert.equal(count.get('Ola Berg', 'Ana Lind'), WITH_COUNT_CAP);
    // "Lind" alone beside Governor Berg: Ana Lind, by the company she keeps, and the reason says how often at least.
    const later = new Article('Governor Ola Berg and Lind toured the harbour on Friday.', '2021-06-01')
      .actor('p1', 'PERSON', 'Ola Berg', [], ['Ola Berg']).actor('p2', 'PERSON', 'Lind', [], ['Lind']);
    store.putDocument(later.doc);
    const row = store.db.prepare(`SELECT a.name, m.reasons FROM record_actor_members m JOIN record_actors a ON a.id = m.actor_id
      WHERE m.article_id = ? AND m.local_id = 'p2'`).get(later.doc.meta.id) as { name: string; reasons: string };
    assert.equal(row.name, 'Ana Lind');
    assert.match(row.reasons, new RegExp(`named before with this article's actors \\(at least ${WITH_COUNT_CAP}×\\)`));
    // The same record in memory (build.ts), whatever order of ingest.
    const record = buildRecord([...arc, later].map((a) => a.doc));
    const lind = record.actors.find((a) => a.members.some((m) => m.article === later.doc.meta.id && m.local === 'p2'))!;
    assert.equal(lind.name, 'Ana Lind');
    store.close();
  });
});
