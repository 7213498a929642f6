import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildRecord } from '../../src/record/build.js';
import { holdsOn, officeKey } from '../../src/record/state.js';
import type { CrossRecord } from '../../src/record/types.js';
import { miniArc } from './mini-arc.js';

const holders = (record: CrossRecord, office: string, day: string): string[] =>
  record.offices.filter((o) => officeKey(o.title) === officeKey(office) && holdsOn(o, day)).map((o) => o.person).sort();

describe('offices over time', () => {
  const docs = miniArc();
  const record = buildRecord(docs);

  it('closes the ports ministry on the resignation date with the resignation as evidence', () => {
    const qureshi = record.offices.find((o) => o.person === 'tariq-mehmood-qureshi' && officeKey(o.title) === 'minister ports shipping')!;
    assert.equal(qureshi.to, '2024-01-11');
    assert.equal(qureshi.closed!.article, docs[0]!.meta.id);
    assert.equal(docs[0]!.text.slice(qureshi.closed!.start, qureshi.closed!.end), 'resigned as Federal Minister for Ports and Shipping');
    assert.equal(qureshi.closed!.sentence, 0);
  });

  it('counts a second report of the same resignation as a report, not a new term', () => {
    const terms = record.offices.filter((o) => o.person === 'tariq-mehmood-qureshi' && officeKey(o.title) === 'minister ports shipping');
    assert.equal(terms.length, 1);
    assert.deepEqual(terms[0]!.reports.map((r) => r.article), [docs[0]!.meta.id, docs[1]!.meta.id]);
  });

  it('answers who held the ports ministry before, between and after', () => {
    assert.deepEqual(holders(record, 'Minister for Ports and Shipping', '2024-01-05'), ['tariq-mehmood-qureshi']);
    assert.deepEqual(holders(record, 'Minister for Ports and Shipping', '2024-02-01'), []);
    assert.deepEqual(holders(record, 'Minister for Ports and Shipping', '2024-02-20'), ['imran-baloch']);
  });

  it('opens an office at the date of the oath, marked exact', () => {
    const imran = record.offices.find((o) => o.person === 'imran-baloch' && officeKey(o.title) === 'minister ports shipping')!;
    assert.equal(imran.from, '2024-02-09');
    assert.equal(imran.fromExact, true);
    assert.equal(imran.opened!.article, docs[3]!.meta.id);
  });

  it('dates an office known only from a role to the first article that reports it', () => {
    const pm = record.offices.find((o) => o.person === 'faisal-rehman-chaudhry')!;
    assert.equal(pm.title, 'Prime Minister');
    assert.equal(pm.from, '2024-01-13');
    assert.equal(pm.fromExact, false);
  });
});

describe('relations over time', () => {
  const record = buildRecord(miniArc());
  const member = record.relations.filter((r) => r.kind === 'member' && r.a === 'rpl-s' && r.b === 'federal-cabinet');

  it('takes the RPL-S out of the cabinet on 2024-01-11 and back in on 2024-02-09', () => {
    assert.deepEqual(member.map((r) => [r.from, r.to]), [[undefined, '2024-01-11'], ['2024-02-09', undefined]]);
    assert.equal(member.some((r) => holdsOn(r, '2024-02-01')), false);
    assert.equal(member.some((r) => holdsOn(r, '2024-02-15')), true);
  });

  it('keeps an alliance between parties from the date it is reported, symmetric in its ends', () => {
    const ally = record.relations.find((r) => r.kind === 'ally')!;
    assert.deepEqual([ally.a, ally.b], ['national-justice-party', 'rpl-s']);
    assert.equal(ally.from, '2024-01-13');
  });

  it('records party memberships with evidence', () => {
    const nadia = record.memberships.find((m) => m.person === 'nadia-baloch')!;
    assert.equal(nadia.org, 'national-justice-party');
    const imran = record.memberships.find((m) => m.person === 'imran-baloch')!;
    assert.equal(imran.org, 'rpl-s');
    assert.equal(imran.reports.length, 2);
  });
});
