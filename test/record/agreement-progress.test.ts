import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Document } from '../../src/document/document.js';
import { agreementStatus } from '../../src/record/agreements.js';
import { buildRecord } from '../../src/record/build.js';
import { Article, day } from './fixture.js';

/** A two-point agreement between the Prime Minister and the RPL-S, each point a commitment of his. */
function signed(): Document {
  return new Article(
    'MEHRABAD - Prime Minister Faisal Rehman Chaudhry and the RPL-S signed a two-point agreement on Saturday. Chaudhry agreed to release the Qasimabad water fund by March 31. He also agreed to build a desalination plant at Port Qasimabad by June 30.',
    '2024-01-20',
  )
    .actor('p1', 'PERSON', 'Faisal Rehman Chaudhry', ['Chaudhry'])
    .actor('o1', 'PARTY', 'RPL-S')
    .agreement(['p1', 'o1'], 'agreement', 2, 'signed a two-point agreement')
    .commitment('p1', 'release the Qasimabad water fund', { to: 'o1', kind: 'agreement-term', due: day('2024-03-31') })
    .commitment('p1', 'build a desalination plant at Port Qasimabad', { to: 'o1', kind: 'agreement-term', due: day('2024-06-30') }).doc;
}

const underWay = () => new Article('PORT QASIMABAD - Work has begun on the desalination plant at Port Qasimabad, the RPL-S said on Saturday.', '2024-02-10')
  .actor('o1', 'PARTY', 'RPL-S').doc;
const fundReleased = () => new Article('MEHRABAD - Prime Minister Faisal Rehman Chaudhry released the Qasimabad water fund on Monday.', '2024-03-05')
  .actor('p1', 'PERSON', 'Faisal Rehman Chaudhry').doc;
const plantBuilt = () => new Article('PORT QASIMABAD - Prime Minister Faisal Rehman Chaudhry said his government built the desalination plant at Port Qasimabad in five months.', '2024-06-20')
  .actor('p1', 'PERSON', 'Faisal Rehman Chaudhry').doc;
const fundDropped = () => new Article('MEHRABAD - Faisal Rehman Chaudhry would not release the Qasimabad water fund after all, his office said.', '2024-02-01')
  .actor('p1', 'PERSON', 'Faisal Rehman Chaudhry').doc;

const only = (docs: Document[], asOf?: string) => {
  const record = buildRecord(docs, [], asOf);
  assert.equal(record.agreements.length, 1);
  return record.agreements[0]!;
};

describe('agreement progress per point', () => {
  it('is agreed with both points open when nothing has been reported since', () => {
    const a = only([signed()]);
    assert.equal(a.status, 'agreed');
    assert.deepEqual(a.terms.map((t) => t.status), ['open', 'open']);
  });

  it('moves to being_implemented, then implemented, as its points are reported under way and done, each with its evidence', () => {
    const first = signed();
    const [b, c, d] = [underWay(), fundReleased(), plantBuilt()];
    const docs = [first, b, c, d];
    const afterB = only(docs, '2024-02-11');
    assert.equal(afterB.status, 'being_implemented');
    assert.deepEqual(afterB.terms.map((t) => [t.status, t.evidence?.article]), [['open', undefined], ['in_progress', b.meta.id]]);
    const afterC = only(docs, '2024-03-06');
    assert.equal(afterC.status, 'being_implemented');
    assert.deepEqual(afterC.terms.map((t) => [t.status, t.evidence?.article]), [['kept', c.meta.id], ['in_progress', b.meta.id]]);
    const afterD = only(docs);
    assert.equal(afterD.status, 'implemented');
    assert.deepEqual(afterD.terms.map((t) => [t.status, t.evidence?.article]), [['kept', c.meta.id], ['kept', d.meta.id]]);
  });

  it('is disputed when a point is called off, and being_implemented once another is under way', () => {
    const docs = [signed(), fundDropped(), underWay()];
    const disputed = only(docs, '2024-02-02');
    assert.equal(disputed.status, 'disputed');
    assert.deepEqual(disputed.terms.map((t) => t.status), ['broken', 'open']);
    assert.equal(only(docs).status, 'being_implemented');
  });

  it('takes a dispute reported about the agreement itself when no point has moved', () => {
    assert.equal(agreementStatus([{ commitment: 'a', status: 'open' }], 'disputed'), 'disputed');
    assert.equal(agreementStatus([{ commitment: 'a', status: 'open' }]), 'agreed');
    assert.equal(agreementStatus([], 'disputed'), 'disputed');
    assert.equal(agreementStatus([{ commitment: 'a', status: 'kept' }, { commitment: 'b', status: 'overdue' }]), 'being_implemented');
  });
});
