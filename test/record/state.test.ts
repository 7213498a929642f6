import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildRecord } from '../../src/record/build.js';
import { holdsOn, officeKey } from '../../src/record/state.js';
import type { CrossRecord } from '../../src/record/types.js';
import { Article, day } from './fixture.js';
import { miniArc } from './mini-arc.js';

// Record actor ids are a slug and a hash (stable, collision-free); the tests name actors by their names.
const nameOf = (record: CrossRecord, id: string): string => record.actors.find((a) => a.id === id)?.name ?? id;
const idOf = (record: CrossRecord, name: string): string => record.actors.find((a) => a.name === name)!.id;
const holders = (record: CrossRecord, office: string, day: string): string[] =>
  record.offices.filter((o) => officeKey(o.title) === officeKey(office) && holdsOn(o, day)).map((o) => nameOf(record, o.person)).sort();

describe('offices over time', () => {
  const docs = miniArc();
  const record = buildRecord(docs);

  it('closes the ports ministry on the resignation date with the resignation as evidence', () => {
    const qureshi = record.offices.find((o) => o.person === idOf(record, 'Tariq Mehmood Qureshi') && officeKey(o.title) === 'minister ports shipping')!;
    assert.equal(qureshi.to, '2024-01-11');
    assert.equal(qureshi.closed!.article, docs[0]!.meta.id);
    assert.equal(docs[0]!.text.slice(qureshi.closed!.start, qureshi.closed!.end), 'resigned as Federal Minister for Ports and Shipping');
    assert.equal(qureshi.closed!.sentence, 0);
  });

  it('counts a second report of the same resignation as a report, not a new term', () => {
    const terms = record.offices.filter((o) => o.person === idOf(record, 'Tariq Mehmood Qureshi') && officeKey(o.title) === 'minister ports shipping');
    assert.equal(terms.length, 1);
    assert.deepEqual(terms[0]!.reports.map((r) => r.article), [docs[0]!.meta.id, docs[1]!.meta.id]);
  });

  it('answers who held the ports ministry before, between and after', () => {
    assert.deepEqual(holders(record, 'Minister for Ports and Shipping', '2024-01-05'), ['Tariq Mehmood Qureshi']);
    assert.deepEqual(holders(record, 'Minister for Ports and Shipping', '2024-02-01'), []);
    assert.deepEqual(holders(record, 'Minister for Ports and Shipping', '2024-02-20'), ['Imran Baloch']);
  });

  it('opens an office at the date of the oath, marked exact', () => {
    const imran = record.offices.find((o) => o.person === idOf(record, 'Imran Baloch') && officeKey(o.title) === 'minister ports shipping')!;
    assert.equal(imran.from, '2024-02-09');
    assert.equal(imran.fromExact, true);
    assert.equal(imran.opened!.article, docs[3]!.meta.id);
  });

  it('dates an office known only from a role to the first article that reports it', () => {
    const pm = record.offices.find((o) => o.person === idOf(record, 'Faisal Rehman Chaudhry'))!;
    assert.equal(pm.title, 'Prime Minister');
    assert.equal(pm.from, '2024-01-13');
    assert.equal(pm.fromExact, false);
  });
});

describe('relations over time', () => {
  const record = buildRecord(miniArc());
  const member = record.relations.filter((r) => r.kind === 'member' && nameOf(record, r.a) === "Rural People's League" && nameOf(record, r.b) === 'federal cabinet');

  it('takes the RPL-S out of the cabinet on 2024-01-11 and back in on 2024-02-09', () => {
    assert.deepEqual(member.map((r) => [r.from, r.to]), [[undefined, '2024-01-11'], ['2024-02-09', undefined]]);
    assert.equal(member.some((r) => holdsOn(r, '2024-02-01')), false);
    assert.equal(member.some((r) => holdsOn(r, '2024-02-15')), true);
  });

  it('keeps an alliance between parties from the date it is reported, symmetric in its ends', () => {
    const ally = record.relations.find((r) => r.kind === 'ally')!;
    assert.deepEqual([ally.a, ally.b].map((id) => nameOf(record, id)), [ally.a < ally.b ? 'National Justice Party' : "Rural People's League", ally.a < ally.b ? "Rural People's League" : 'National Justice Party']);
    assert.ok(ally.a < ally.b);
    assert.equal(ally.from, '2024-01-13');
  });

  it('records party memberships with evidence', () => {
    const nadia = record.memberships.find((m) => m.person === idOf(record, 'Nadia Baloch'))!;
    assert.equal(nameOf(record, nadia.org), 'National Justice Party');
    const imran = record.memberships.find((m) => m.person === idOf(record, 'Imran Baloch'))!;
    assert.equal(nameOf(record, imran.org), "Rural People's League");
    assert.equal(imran.reports.length, 2);
  });
});

describe('state changes that name no office', () => {
  it('reads the office from the evidence after the verb, after the subject\'s name', () => {
    const a = new Article('MEHRABAD - According to a notification, Imran Baloch has been appointed Federal Minister for Ports and Shipping, the portfolio Qureshi gave up, while Sajid Ali Soomro has been made Minister of State for Water Resources.', '2024-02-10')
      .actor('p1', 'PERSON', 'Imran Baloch').actor('p2', 'PERSON', 'Sajid Ali Soomro')
      .change('took_office', 'p1', 'According to a notification, Imran Baloch has been appointed Federal Minister for Ports and Shipping, the portfolio Qureshi gave up, while Sajid Ali Soomro has been made Minister of State for Water Resources.', { date: day('2024-02-09') })
      .change('took_office', 'p2', 'According to a notification, Imran Baloch has been appointed Federal Minister for Ports and Shipping, the portfolio Qureshi gave up, while Sajid Ali Soomro has been made Minister of State for Water Resources.', { date: day('2024-02-09') });
    const record = buildRecord([a.doc]);
    assert.deepEqual(record.offices.map((o) => [nameOf(record, o.person), o.title]).sort(), [
      ['Imran Baloch', 'Federal Minister for Ports and Shipping'],
      ['Sajid Ali Soomro', 'Minister of State for Water Resources'],
    ]);
  });

  it('takes a party out of the cabinet when it "leaves office" with the cabinet as body', () => {
    const a = new Article('MEHRABAD - The RPL-S quit the federal cabinet on Thursday.', '2024-01-12')
      .actor('o1', 'PARTY', 'RPL-S').actor('g1', 'GOVBODY', 'federal cabinet')
      .change('left_office', 'o1', 'quit the federal cabinet', { body: 'g1', date: day('2024-01-11') });
    const record = buildRecord([a.doc]);
    assert.deepEqual(record.relations.map((r) => [r.kind, nameOf(record, r.a), nameOf(record, r.b), r.to]), [['member', 'RPL-S', 'federal cabinet', '2024-01-11']]);
  });

  it('keeps a party role current when its holder resigns a ministry in the same article', () => {
    const a = new Article('PORT QASIMABAD - RPL-S convener Tariq Mehmood Qureshi resigned as Federal Minister for Ports and Shipping.', '2024-01-12')
      .actor('p1', 'PERSON', 'Tariq Mehmood Qureshi').actor('o1', 'PARTY', 'RPL-S')
      .role('p1', 'convener', 'o1', 'RPL-S convener Tariq Mehmood Qureshi')
      .change('left_office', 'p1', 'RPL-S convener Tariq Mehmood Qureshi resigned as Federal Minister for Ports and Shipping.', { date: day('2024-01-11') });
    const record = buildRecord([a.doc]);
    const byTitle = Object.fromEntries(record.offices.map((o) => [o.title, [o.from, o.to]]));
    assert.deepEqual(byTitle, { convener: ['2024-01-12', undefined], 'Federal Minister for Ports and Shipping': [undefined, '2024-01-11'] });
  });
});
