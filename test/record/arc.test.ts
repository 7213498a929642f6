import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { analyze } from '../../src/analyze.js';
import type { Document } from '../../src/document/document.js';
import { ingestSources } from '../../src/ingest/index.js';
import { packagePath } from '../../src/package-path.js';
import {
  actorIn, commitmentStatusOn, evidenceQuoter, holdsOn, officeKey, scoreResolution, updateRecord,
  type CrossRecord, type GoldClusters, type RecordCommitment,
} from '../../src/record/index.js';
import { openStore, type SqliteStore } from '../../src/store/index.js';
import { TestDbs, dialects } from '../helpers/test-db.js';

/**
 * The bundled story arc (examples/arc.jsonl) through the real pipeline, one article at a time, with the record
 * checked after each: resolution of the spelling variants, the two Balochs apart, the ports ministry changing
 * hands, the three promises ending kept, overdue and broken, and the resignation and the visit each reported twice.
 */
/** The arc analysed once, in file order, for every dialect. */
const analysed = (async () => {
  const out: Document[] = [];
  for await (const item of ingestSources([packagePath('examples/arc.jsonl')])) {
    if (!item.ok) throw item.error;
    await analyze(item.doc);
    out.push(item.doc);
  }
  return out;
})();

for (const dialect of dialects()) {
const dbs = new TestDbs(dialect, 'polity-arc');
let store: SqliteStore;
let docs: Document[] = [];
const records: CrossRecord[] = [];

before(async () => {
  store = openStore(dbs.at('arc.db'));
  for (const doc of await analysed) {
    store.putDocument(doc);
    docs.push(doc);
    records.push(updateRecord(store));
  }
  docs = docs.sort((a, b) => a.meta.published!.localeCompare(b.meta.published!));
});

after(() => {
  store.close();
});

const after_ = (n: number): CrossRecord => records[n - 1]!;
const actorNamed = (r: CrossRecord, name: string) => { const a = actorIn(r, name); if (!a) throw new Error(`no actor ${name}`); return a; };
const text = (e: { article: string; start: number; end: number }): string => docs.find((d) => d.meta.id === e.article)!.text.slice(e.start, e.end);
const promise = (record: CrossRecord, words: string): RecordCommitment | undefined => record.commitments.find((c) => text(c.what).includes(words));
const portsHolders = (record: CrossRecord, day: string): string[] =>
  record.offices.filter((o) => officeKey(o.title) === 'minister ports shipping' && holdsOn(o, day)).map((o) => o.person);

describe(`the RPL-S arc, article by article (${dialect})`, () => {
  it('reads eight dated articles', () => {
    assert.equal(docs.length, 8);
    assert.deepEqual(docs.map((d) => d.meta.published), ['2024-01-12', '2024-01-13', '2024-01-20', '2024-01-27', '2024-02-03', '2024-02-10', '2024-03-05', '2024-03-06']);
  });

  it('1: the convener resigns — his ports ministry closes on the day he resigned, with the sentence as evidence', () => {
    const r = after_(1);
    const qureshi = actorNamed(r, 'Tariq Mehmood Qureshi');
    const office = r.offices.find((o) => o.person === qureshi.id && officeKey(o.title) === 'minister ports shipping')!;
    assert.equal(office.to, '2024-01-11');
    assert.match(text(office.closed!), /resigned as Federal Minister for Ports and Shipping/);
    assert.equal(office.closed!.article, docs[0]!.meta.id);
  });

  it('2: "Tariq Mehmud Qureshi" is the same person, and the resignation reported again is one event', () => {
    const r = after_(2);
    const qureshi = actorNamed(r, 'Tariq Mehmud Qureshi');
    assert.equal(qureshi.name, 'Tariq Mehmood Qureshi');
    const variant = qureshi.members.find((m) => m.name === 'Tariq Mehmud Qureshi')!;
    assert.equal(variant.article, docs[1]!.meta.id);
    assert.ok(variant.reasons.some((x) => x.includes('mehmud~mehmood')), variant.reasons.join('; '));
    const resignations = r.events.filter((e) => e.type === 'RETREAT' && e.date === '2024-01-11');
    assert.equal(resignations.length, 1);
    assert.deepEqual(resignations[0]!.sources.map((s) => s.article), [docs[0]!.meta.id, docs[1]!.meta.id]);
  });

  it('2: Imran Baloch (RPL-S) and Nadia Baloch (NJP government) stay two people', () => {
    const r = after_(2);
    const imran = actorNamed(r, 'Imran Baloch');
    const nadia = actorNamed(r, 'Nadia Baloch');
    assert.notEqual(imran.id, nadia.id);
  });

  it('3: the RPL-S is out of the federal cabinet', () => {
    const r = after_(3);
    const rpls = actorNamed(r, 'RPL-S');
    const member = r.relations.filter((x) => x.kind === 'member' && x.a === rpls.id);
    assert.ok(member.length > 0);
    assert.ok(member.every((x) => !holdsOn(x, '2024-01-25')));
  });

  it('4: three promises by the Prime Minister, open, with their due dates', () => {
    const r = after_(4);
    const pm = actorNamed(r, 'Faisal Rehman Chaudhry');
    const visit = promise(r, 'visit Port Qasimabad')!;
    const money = promise(r, 'Rs 12 billion')!;
    const authority = promise(r, 'Development Authority')!;
    assert.deepEqual([visit.by, money.by, authority.by], [pm.id, pm.id, pm.id]);
    assert.deepEqual(visit.due, { start: '2024-03-01', end: '2024-03-07' });
    assert.equal(money.due!.end, '2024-02-15');
    assert.deepEqual([visit.status, money.status, authority.status], ['open', 'open', 'open']);
  });

  it('6: the development authority is reversed — broken, with the reversal as evidence', () => {
    const r = after_(6);
    const authority = promise(r, 'Development Authority')!;
    assert.equal(authority.status, 'broken');
    assert.equal(authority.statusEvidence!.article, docs[5]!.meta.id);
    assert.match(text(authority.statusEvidence!), /would not set up a separate development authority/);
    assert.equal(promise(r, 'Rs 12 billion')!.status, 'open');
  });

  it('6: Imran Baloch takes the ports ministry on the day of the oath; the Balochs are still two', () => {
    const r = after_(6);
    const imran = actorNamed(r, 'Imran Baloch');
    assert.deepEqual(portsHolders(r, '2024-02-20'), [imran.id]);
    assert.deepEqual(portsHolders(r, '2024-02-01'), []);
    assert.ok(actorNamed(r, 'Nadia Baloch').members.some((m) => m.article === docs[5]!.meta.id));
    assert.ok(imran.members.some((m) => m.article === docs[5]!.meta.id));
  });

  it('7: the visit is kept, reported in article 7; the Rs 12 billion is overdue', () => {
    const r = after_(7);
    const visit = promise(r, 'visit Port Qasimabad')!;
    assert.equal(visit.status, 'kept');
    assert.equal(visit.statusEvidence!.article, docs[6]!.meta.id);
    assert.match(text(visit.statusEvidence!), /visited Port Qasimabad on Monday/);
    const money = promise(r, 'Rs 12 billion')!;
    assert.equal(money.status, 'overdue');
    assert.equal(commitmentStatusOn(money, '2024-02-14').status, 'open');
  });

  it('8: the visit reported again is one event with two sources; the second spelling appears again', () => {
    const r = after_(8);
    // Visits only: the same day's meeting with a delegation of fishermen is another CONSULT.
    const visits = r.events.filter((e) => e.type === 'CONSULT' && e.mode === 'visit' && e.date === '2024-03-04');
    assert.equal(visits.length, 1);
    assert.deepEqual(visits[0]!.sources.map((s) => s.article), [docs[6]!.meta.id, docs[7]!.meta.id]);
    assert.ok(actorNamed(r, 'Tariq Mehmood Qureshi').members.some((m) => m.article === docs[7]!.meta.id && m.name === 'Tariq Mehmud Qureshi'));
  });

  it('resolves the arc\'s actors across articles with high precision and recall against the gold clusters', () => {
    const gold = JSON.parse(readFileSync(packagePath('test/record/arc.gold.json'), 'utf8')) as GoldClusters;
    const s = scoreResolution(after_(8).actors, gold);
    assert.ok(s.precision >= 0.9, `precision ${s.precision}`);
    assert.ok(s.recall >= 0.8, `recall ${s.recall}`);
  });

  it('quotes its evidence from the stored text', () => {
    const quote = evidenceQuoter(store.db);
    const visit = promise(after_(8), 'visit Port Qasimabad')!;
    assert.equal(quote(visit.what).text, text(visit.what));
  });
});
}
