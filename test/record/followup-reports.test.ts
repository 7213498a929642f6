import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Document } from '../../src/document/document.js';
import { buildRecord } from '../../src/record/build.js';
import { statusFrom } from '../../src/record/followup.js';
import { commitmentStatusOn } from '../../src/record/queries.js';
import type { CrossRecord, FollowUp } from '../../src/record/types.js';
import { Article } from './fixture.js';
import { miniArc } from './mini-arc.js';

/** The three promises of the mini arc (made 2024-01-27), followed only by the later articles a test writes. */
const promises = () => miniArc().slice(0, 3);

const byWhat = (docs: Document[], record: CrossRecord, what: string) =>
  record.commitments.find((c) => docs.find((d) => d.meta.id === c.what.article)!.text.slice(c.what.start, c.what.end).includes(what))!;

const quoted = (docs: Document[], e: { article: string; start: number; end: number }) =>
  docs.find((d) => d.meta.id === e.article)!.text.slice(e.start, e.end);

describe('commitment follow-up from later reports that the act is not done', () => {
  it('reads "has yet to release" as pending: still open before the due date, overdue after, with that evidence', () => {
    const earlier = promises();
    const later = new Article('MEHRABAD - The federal government has yet to release the Rs 12 billion package for the port city, officials said on Monday.', '2024-02-05').doc;
    const docs = [...earlier, later];
    const money = byWhat(docs, buildRecord(docs), 'Rs 12 billion');
    assert.deepEqual(money.followUps.map((f) => [f.kind, f.evidence.article]), [['pending', later.meta.id]]);
    assert.equal(money.status, 'open');
    assert.equal(money.statusEvidence!.article, later.meta.id);
    assert.match(quoted(docs, money.statusEvidence!), /has yet to release the Rs 12 billion package/);
    const after = commitmentStatusOn(money, '2024-02-20');
    assert.equal(after.status, 'overdue');
    assert.equal(after.evidence!.article, later.meta.id);
  });

  it('reads "did not visit" after the due week as overdue with the later article as evidence, not as the visit', () => {
    const earlier = promises();
    const later = new Article('MEHRABAD - Prime Minister Faisal Rehman Chaudhry did not visit Port Qasimabad in the first week of March, RPL-S leaders complained.', '2024-03-09')
      .actor('p1', 'PERSON', 'Faisal Rehman Chaudhry').doc;
    const docs = [...earlier, later];
    const visit = byWhat(docs, buildRecord(docs), 'visit Port Qasimabad');
    assert.equal(visit.status, 'overdue');
    assert.deepEqual(visit.followUps.map((f) => [f.kind, f.cue]), [['pending', 'did not']]);
    assert.match(quoted(docs, visit.statusEvidence!), /did not visit Port Qasimabad/);
  });

  it('reads "still waiting for" and "has not been released" as pending', () => {
    for (const sentence of [
      'PORT QASIMABAD - Traders said they were still waiting for the Rs 12 billion package promised last month.',
      'PORT QASIMABAD - The Rs 12 billion package has not been released, the chamber of commerce said.',
    ]) {
      const earlier = promises();
      const later = new Article(sentence, '2024-02-08').doc;
      const docs = [...earlier, later];
      const money = byWhat(docs, buildRecord(docs), 'Rs 12 billion');
      assert.deepEqual(money.followUps.map((f) => f.kind), ['pending'], sentence);
      assert.equal(money.statusEvidence!.article, later.meta.id);
    }
  });
});

describe('commitment follow-up from later reports that the act is under way', () => {
  it('reads "work has begun on" as in_progress with the sentence of the later article as evidence', () => {
    const earlier = promises();
    const later = new Article('MEHRABAD - Work has begun on the Port Qasimabad Development Authority, a spokesman for the planning ministry said on Tuesday.', '2024-02-06').doc;
    const docs = [...earlier, later];
    const record = buildRecord(docs);
    const authority = byWhat(docs, record, 'Development Authority');
    assert.equal(authority.status, 'in_progress');
    assert.deepEqual(authority.followUps.map((f) => [f.kind, f.cue]), [['progress', 'has begun']]);
    assert.equal(authority.statusEvidence!.article, later.meta.id);
    assert.match(quoted(docs, authority.statusEvidence!), /^MEHRABAD - Work has begun on the Port Qasimabad Development Authority/);
    // The visit concerns the same port but is not named by the report: it stays open without evidence.
    const visit = byWhat(docs, record, 'visit Port Qasimabad');
    assert.equal(visit.status, 'open');
    assert.deepEqual(visit.followUps, []);
    // Before the report it was open; after its due date (February 26) it is overdue, citing the progress report.
    assert.equal(commitmentStatusOn(authority, '2024-02-01').status, 'open');
    assert.equal(commitmentStatusOn(authority, '2024-03-01').status, 'overdue');
  });

  it('reads "is under way" and "has started" as in_progress', () => {
    for (const sentence of [
      'MEHRABAD - The release of the Rs 12 billion package is under way, the finance ministry said.',
      'MEHRABAD - The finance ministry has started releasing the Rs 12 billion package in instalments.',
    ]) {
      const earlier = promises();
      const later = new Article(sentence, '2024-02-07').doc;
      const docs = [...earlier, later];
      const money = byWhat(docs, buildRecord(docs), 'Rs 12 billion');
      assert.equal(money.status, 'in_progress', sentence);
      assert.equal(money.statusEvidence!.article, later.meta.id);
    }
  });

  it('lets the latest report decide: under way, then still not done, then done', () => {
    const at = (kind: FollowUp['kind'], published: string): FollowUp => ({ kind, cue: kind, evidence: { article: published, published, start: 0, end: 1 } });
    const reports = [at('progress', '2024-02-01'), at('pending', '2024-02-05'), at('kept', '2024-02-09')];
    assert.equal(statusFrom(reports, { end: '2024-02-15' }, 'open', '2024-02-02').status, 'in_progress');
    assert.deepEqual(statusFrom(reports, { end: '2024-02-15' }, 'open', '2024-02-06'), { status: 'open', evidence: reports[1]!.evidence });
    assert.equal(statusFrom(reports, { end: '2024-02-15' }, 'open', '2024-02-10').status, 'kept');
    assert.equal(statusFrom(reports.slice(0, 1), { end: '2024-02-15' }, 'open', '2024-02-20').status, 'overdue');
  });
});
