import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { applyStats, attachRecord, loadRecord } from '../../src/record/index.js';
import { linkStats } from '../../src/record/link.js';
import { openStore } from '../../src/store/sqlite/sqlite-store.js';
import { Article, day } from './fixture.js';

const dir = mkdtempSync(join(tmpdir(), 'polity-record-scale-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** Made-up given names, far enough apart that no two are spelling variants of each other. */
const GIVEN = ['Amara', 'Bolade', 'Chidi', 'Dapo', 'Emeka', 'Folake', 'Gbenga', 'Hauwa', 'Ifeoma', 'Jide', 'Kunle', 'Lanre'];
const SECOND = ['', 'tunde', 'wale', 'yemi', 'dayo', 'seun', 'bisi'];

function mention(text: string, published: string, name: string) {
  const a = new Article(text, published);
  a.actor('p1', 'PERSON', name);
  return a.doc;
}

describe('the record at scale: bounded work per article', () => {
  it('a bare surname that many record actors share reads at most 40 filed actors per blocking key, and still finds the most-named', () => {
    const store = attachRecord(openStore(join(dir, 'surname.db')));
    let day = 0;
    const next = (): string => new Date(Date.UTC(2020, 0, 1 + day++)).toISOString().slice(0, 10);
    // Chidi Okonkwo is named in five articles; 70 other people called Okonkwo once each.
    for (let i = 0; i < 5; i++) store.putDocument(mention(`LAGOS - Chidi Okonkwo spoke at a rally on day ${i}.`, next(), 'Chidi Okonkwo'));
    for (const g of GIVEN) for (const s of SECOND.slice(1)) {
      const name = `${g}${s} Okonkwo`;
      store.putDocument(mention(`ENUGU - ${name} opened a clinic.`, next(), name));
    }
    const people = loadRecord(store.db).actors.filter((a) => a.name.endsWith('Okonkwo'));
    assert.ok(people.length > 60, `${people.length} record actors called Okonkwo`);
    const before = linkStats.keyRowsRead;
    const applied = applyStats.articles;
    store.putDocument(mention('ABUJA - Okonkwo said the vote would go ahead.', next(), 'Okonkwo'));
    assert.equal(applyStats.articles - applied, 1);
    // A bare surname is looked up under four keys: its surname and consonant keys hold every Okonkwo (over 60
    // each, so over 120 rows unbounded), the full-name and given-name keys next to none.
    assert.ok(linkStats.keyRowsRead - before <= 2 * 40 + 10, `${linkStats.keyRowsRead - before} filed actors read`);
    const chidi = loadRecord(store.db).actors.find((a) => a.name === 'Chidi Okonkwo')!;
    assert.ok(chidi.members.some((m) => m.name === 'Okonkwo'), 'the bare name joins the person named far more often');
    store.close();
  });

  it('an event and a promise reported in 30 articles keep their first and latest 10 reports, and the count', () => {
    const store = attachRecord(openStore(join(dir, 'reports.db')));
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) {
      const a = new Article(`ISLAMABAD - Prime Minister Noor Baig met Governor Sana Mir on Monday, report ${i}. Baig promised to build a dam in Tarbela.`, `2021-03-${String(2 + (i % 5)).padStart(2, '0')}`);
      a.actor('p1', 'PERSON', 'Noor Baig', ['Baig'], ['Noor Baig', 'Baig']).actor('p2', 'PERSON', 'Sana Mir');
      a.event('CONSULT', ['p1'], ['p2'], 'met', { date: day('2021-03-01') });
      a.commitment('p1', 'build a dam in Tarbela', { evidence: 'promised to build a dam in Tarbela' });
      store.putDocument(a.doc);
      ids.push(a.doc.meta.id);
    }
    const record = loadRecord(store.db);
    const meeting = record.events.filter((e) => e.type === 'CONSULT');
    assert.equal(meeting.length, 1);
    assert.equal(meeting[0]!.sourceCount, 30);
    assert.deepEqual(meeting[0]!.sources.map((s) => s.article), [...ids.slice(0, 10), ...ids.slice(20)]);
    assert.equal(store.db.prepare('SELECT sources FROM record_events WHERE id = ?').pluck().get(meeting[0]!.id), 30);
    const dam = record.commitments.filter((c) => c.what.article === ids[0]);
    assert.equal(dam.length, 1);
    assert.equal(dam[0]!.sourceCount, 30);
    assert.deepEqual(dam[0]!.sources.map((s) => s.article), [...ids.slice(0, 10), ...ids.slice(20)]);
    store.close();
  });

  it('a promise followed up in 30 later articles keeps 20 follow-ups (the first, the latest) and their count', () => {
    const store = attachRecord(openStore(join(dir, 'followups.db')));
    const made = new Article('KARACHI - Chief Minister Zara Shah promised to build a bridge over the Lyari river.', '2022-01-03');
    made.actor('p1', 'PERSON', 'Zara Shah').commitment('p1', 'build a bridge over the Lyari river');
    store.putDocument(made.doc);
    for (let i = 0; i < 30; i++) {
      const a = new Article(`KARACHI - Zara Shah has yet to build the bridge over the Lyari river, residents said in report ${i}.`, `2022-02-${String(1 + (i % 28)).padStart(2, '0')}`);
      a.actor('p1', 'PERSON', 'Zara Shah');
      store.putDocument(a.doc);
    }
    const bridge = loadRecord(store.db).commitments.find((c) => c.what.article === made.doc.meta.id)!;
    assert.equal(bridge.followUpCount, 30);
    assert.equal(bridge.followUps.length, 20);
    assert.ok(bridge.followUps.every((f) => f.kind === 'pending'));
    store.close();
  });
});
