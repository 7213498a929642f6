import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createDocument } from '../../../src/document/document.js';
import { Pipeline } from '../../../src/pipeline/pipeline.js';
import { packagePath } from '../../../src/package-path.js';
import { segmentStage } from '../../../src/stages/segment/segment.js';
import { timeStage } from '../../../src/stages/time/time.js';
import { statementsStage } from '../../../src/stages/statements/statements.js';
import { agreementsStage } from '../../../src/stages/agreements/agreements.js';
import { commitmentsStage } from '../../../src/stages/commitments/commitments.js';
import { tokenJaccard } from '../../../src/eval/fold.js';
import { type CastMember, castStage } from './fixture-actors.js';

const SEED = packagePath('../shared/seed/000_33b2fd6e560676f7.txt');
const GOLD = packagePath('../shared/gold/seed.gold.json');

// The seed's actors as the actors stage is meant to find them, so this test pins commitments and agreements alone.
const SEED_CAST: CastMember[] = [
  { id: 'imran-khan', type: 'PERSON', names: ['Prime Minister Imran Khan', 'Imran Khan', 'Prime Minister Imran'], titles: ['PM'], party: 'pti' },
  { id: 'siddiqui', type: 'PERSON', names: ['Dr Khalid Maqbool Siddiqui', 'Khalid Maqbool Siddiqui', 'Maqbool Siddiqui', 'Siddiqui'], party: 'mqmp' },
  { id: 'asad-umar', type: 'PERSON', names: ['Asad Umar', 'Umar'], party: 'pti' },
  { id: 'faisal-subzwari', type: 'PERSON', names: ['Faisal Subzwari'], party: 'mqmp' },
  { id: 'bilawal', type: 'PERSON', names: ['Bilawal Bhutto-Zardari'], party: 'ppp' },
  { id: 'mqmp', type: 'PARTY', names: ['Muttahida Qaumi Movement - Pakistan', 'MQM-P'] },
  { id: 'pti', type: 'PARTY', names: ['PTI'] },
  { id: 'ppp', type: 'PARTY', names: ['PPP'] },
  { id: 'federal-government', type: 'GOVBODY', names: ['federal government', 'the government'] },
  { id: 'karachi', type: 'PLACE', names: ['Karachi'] },
];

interface GoldCommitment { by: string; to?: string; what: string; due?: [string, string] }
interface GoldAgreement { parties: string[]; points?: number; date?: string }

describe('commitments and agreements on the seed article', { skip: !existsSync(SEED) && 'shared seed not beside the repo' }, () => {
  it('finds at least 0.8 of the gold commitments, with their due dates, and the nine-point MoU of August 2018', async () => {
    const doc = createDocument(readFileSync(SEED, 'utf8'), { published: '2020-01-14' });
    await new Pipeline([segmentStage, castStage(SEED_CAST), timeStage, statementsStage, agreementsStage, commitmentsStage]).run(doc);
    const gold = JSON.parse(readFileSync(GOLD, 'utf8')) as { commitments: GoldCommitment[]; agreements: GoldAgreement[] };
    const what = (s: { start: number; end: number }) => doc.text.slice(s.start, s.end);
    const used = new Set<string>();
    let found = 0;
    for (const g of gold.commitments) {
      const match = doc.commitments.find((c) => !used.has(c.id) && c.by === g.by && tokenJaccard(g.what, what(c.what)) >= 0.3);
      if (!match) continue;
      used.add(match.id);
      found++;
      if (g.to) assert.equal(match.to, g.to, `recipient of "${g.what}"`);
      if (g.due) assert.deepEqual([match.due?.start, match.due?.end], g.due, `due date of "${g.what}"`);
    }
    assert.ok(found / gold.commitments.length >= 0.8, `commitment recall ${found}/${gold.commitments.length}`);
    const [mou] = gold.agreements;
    const agreement = doc.agreements.find((a) => mou!.parties.every((p) => a.parties.includes(p)));
    assert.ok(agreement, 'the MoU');
    assert.equal(agreement.points, mou!.points);
    assert.equal(agreement.date?.value, mou!.date);
  });
});
