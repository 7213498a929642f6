import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildRecord } from '../../src/record/build.js';
import { commitmentStatusOn } from '../../src/record/queries.js';
import { Article, day } from './fixture.js';
import { miniArc } from './mini-arc.js';

const byWhat = (docs: ReturnType<typeof miniArc>, record: ReturnType<typeof buildRecord>, what: string) =>
  record.commitments.find((c) => docs.find((d) => d.meta.id === c.what.article)!.text.slice(c.what.start, c.what.end).includes(what))!;

describe('commitment follow-up', () => {
  const docs = miniArc();
  const record = buildRecord(docs);

  it('marks the promised visit kept, with the article that reports it', () => {
    const visit = byWhat(docs, record, 'visit Port Qasimabad');
    assert.equal(visit.status, 'kept');
    assert.equal(visit.statusEvidence!.article, docs[4]!.meta.id);
    // "Chaudhry had visited the port city" names the port but not Port Qasimabad: too little to count as the act.
    assert.deepEqual(visit.followUps.map((f) => [f.kind, f.evidence.article]), [['kept', docs[4]!.meta.id]]);
    assert.equal(visit.due!.end, '2024-03-07');
  });

  it('marks the package overdue once February 15 has passed, citing the report that it is still not released', () => {
    const money = byWhat(docs, record, 'Rs 12 billion');
    assert.equal(money.status, 'overdue');
    assert.equal(money.followUps[0]!.kind, 'pending');
    assert.equal(money.statusEvidence!.article, docs[4]!.meta.id);
  });

  it('marks the development authority broken by the explicit reversal', () => {
    const authority = byWhat(docs, record, 'Development Authority');
    assert.equal(authority.status, 'broken');
    assert.equal(authority.followUps[0]!.cue, 'would not');
    assert.equal(authority.statusEvidence!.article, docs[3]!.meta.id);
  });

  it('gives the status on an earlier date from what was known then', () => {
    const money = byWhat(docs, record, 'Rs 12 billion');
    assert.equal(commitmentStatusOn(money, '2024-02-01').status, 'open');
    assert.equal(commitmentStatusOn(money, '2024-02-20').status, 'overdue');
    const visit = byWhat(docs, record, 'visit Port Qasimabad');
    assert.equal(commitmentStatusOn(visit, '2024-03-02').status, 'open');
  });

  it('computes statuses as of a date when asked to', () => {
    const early = buildRecord(docs, [], '2024-02-01');
    assert.deepEqual(early.commitments.map((c) => c.status), ['open', 'open', 'open']);
  });

  it('does not take a future "will visit" in a later article as the visit', () => {
    const promise = miniArc().slice(0, 3);
    const again = new Article('MEHRABAD - Prime Minister Faisal Rehman Chaudhry will visit Port Qasimabad next month.', '2024-02-05')
      .actor('p1', 'PERSON', 'Faisal Rehman Chaudhry').doc;
    const record = buildRecord([...promise, again]);
    const visit = byWhat(promise, record, 'visit Port Qasimabad');
    assert.equal(visit.status, 'open');
  });

  it('merges a second report of the same promise into one commitment with two sources', () => {
    const docs = miniArc();
    const repeat = new Article('MEHRABAD - Faisal Rehman Chaudhry repeated that he would visit Port Qasimabad in March.', '2024-02-02')
      .actor('p1', 'PERSON', 'Faisal Rehman Chaudhry')
      .commitment('p1', 'visit Port Qasimabad', { due: day('2024-03-31') }).doc;
    const record = buildRecord([...docs, repeat]);
    const visits = record.commitments.filter((c) => c.sources.some((s) => s.article === repeat.meta.id));
    assert.equal(visits.length, 1);
    assert.equal(visits[0]!.sources.length, 2);
    assert.equal(visits[0]!.status, 'kept');
  });
});

describe('event de-duplication', () => {
  const docs = miniArc();
  const record = buildRecord(docs);

  it('makes one resignation event from two articles, after resolving both spellings', () => {
    const resignations = record.events.filter((e) => e.type === 'RETREAT');
    assert.equal(resignations.length, 1);
    assert.deepEqual(resignations[0]!.sources.map((s) => s.article), [docs[0]!.meta.id, docs[1]!.meta.id]);
    assert.deepEqual(resignations[0]!.actors.map((id) => record.actors.find((a) => a.id === id)!.name), ['Tariq Mehmood Qureshi']);
  });

  it('makes one visit event from two articles', () => {
    const visits = record.events.filter((e) => e.type === 'CONSULT');
    assert.equal(visits.length, 1);
    assert.equal(visits[0]!.sources.length, 2);
    assert.equal(visits[0]!.date, '2024-03-04');
  });

  it('keeps apart same-type events whose dates cannot match', () => {
    const other = new Article('MEHRABAD - Faisal Rehman Chaudhry visited the port again on Friday.', '2024-04-13')
      .actor('p1', 'PERSON', 'Faisal Rehman Chaudhry')
      .event('CONSULT', ['p1'], [], 'visited', { date: day('2024-04-12') }).doc;
    const record = buildRecord([...docs, other]);
    assert.equal(record.events.filter((e) => e.type === 'CONSULT').length, 2);
  });

  it('never merges a promised (future) act with one that happened', () => {
    const future = new Article('MEHRABAD - Faisal Rehman Chaudhry will visit the port on Monday.', '2024-03-03')
      .actor('p1', 'PERSON', 'Faisal Rehman Chaudhry')
      .event('CONSULT', ['p1'], [], 'visit', { date: day('2024-03-04'), modality: 'future' }).doc;
    const record = buildRecord([...docs, future]);
    assert.equal(record.events.filter((e) => e.type === 'CONSULT').length, 2);
  });
});
