import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createDocument, type Document } from '../../../src/document/document.js';
import { Pipeline } from '../../../src/pipeline/pipeline.js';
import { segmentStage } from '../../../src/stages/segment/segment.js';
import { timeStage } from '../../../src/stages/time/time.js';
import { agreementsStage } from '../../../src/stages/agreements/agreements.js';
import { type CastMember, castStage } from '../commitments/fixture-actors.js';

const CAST: CastMember[] = [
  { id: 'ajp', type: 'PARTY', names: ['Awami Justice Party', 'AJP'] },
  { id: 'pmln', type: 'PARTY', names: ['PML-N'] },
  { id: 'npp', type: 'PARTY', names: ['NPP'] },
  { id: 'india', type: 'PLACE', names: ['India'] },
  { id: 'pakistan', type: 'PLACE', names: ['Pakistan'] },
  { id: 'tariq-baloch', type: 'PERSON', names: ['Tariq Baloch', 'Baloch'], party: 'ajp' },
  { id: 'reuters', type: 'ORG', names: ['Reuters'] },
  { id: 'ali-shah', type: 'PERSON', names: ['Ali Shah'] },
];

async function agreementsOf(text: string, published = '2020-01-14'): Promise<Document> {
  const doc = createDocument(text, { published });
  await new Pipeline([segmentStage, castStage(CAST), timeStage, agreementsStage]).run(doc);
  return doc;
}

describe('agreementsStage', () => {
  it('reads kind, parties, points and date, and the status reported later about "the MoU"', async () => {
    const doc = await agreementsOf(
      'After the general elections in July 2018, the AJP and the PML-N had signed a seven-point memorandum of understanding (MoU) ' +
      'under which the AJP joined the cabinet.\n\n' +
      'Baloch said the AJP had not seen any serious headway on the points of the MoU it had signed with the PML-N.',
    );
    assert.equal(doc.agreements.length, 1);
    const [a] = doc.agreements;
    assert.deepEqual([a!.kind, a!.parties, a!.points, a!.date?.value, a!.status], ['memorandum of understanding', ['ajp', 'pmln'], 7, '2018-07', 'disputed']);
  });

  it('reads points written in digits or words: "9-point", "a five-point agreement"', async () => {
    const doc = await agreementsOf('The NPP signed a 9-point charter of democracy with the PML-N. The AJP and the NPP reached a five-point agreement on Sunday.');
    assert.deepEqual(doc.agreements.map((a) => [a.kind, a.parties, a.points, a.date?.value]), [
      ['charter of democracy', ['npp', 'pmln'], 9, undefined],
      ['agreement', ['ajp', 'npp'], 5, '2020-01-12'],
    ]);
  });

  it('takes both countries of a treaty signed "between" them', async () => {
    const doc = await agreementsOf('The Indus Waters Treaty was signed between India and Pakistan in September 1960.');
    assert.deepEqual(doc.agreements.map((a) => [a.kind, a.parties, a.date?.value]), [['treaty', ['india', 'pakistan'], '1960-09']]);
  });

  it('does not read "in agreement" or an unsigned deal as an agreement', async () => {
    const doc = await agreementsOf('The AJP was in agreement with the NPP on the budget. A deal with the PML-N is unlikely.');
    assert.deepEqual(doc.agreements, []);
  });

  it('does not count a later "the agreement" as a second agreement', async () => {
    const doc = await agreementsOf('The AJP and the NPP signed an agreement on Monday. The agreement was signed by both leaders.');
    assert.equal(doc.agreements.length, 1);
  });

  it('takes the parties from the clause of the signing, not from a dateline before it', async () => {
    const doc = await agreementsOf('QUETTA, Jan 5 (Reuters) -- The AJP and the NPP signed an accord on water sharing.');
    assert.deepEqual(doc.agreements.map((a) => a.parties), [['ajp', 'npp']]);
  });

  it('needs a party, or two people, to read an agreement', async () => {
    const doc = await agreementsOf('Ali Shah was killed a year after the signing of the peace agreement.');
    assert.deepEqual(doc.agreements, []);
  });

  it('takes the number of points from "the five points of the MoU" stated apart', async () => {
    const doc = await agreementsOf('The AJP and the NPP signed an MoU in 2019. The five points of the MoU cover jobs and water.');
    assert.deepEqual(doc.agreements.map((a) => [a.kind, a.points, a.date?.value]), [['memorandum of understanding', 5, '2019']]);
  });
});
