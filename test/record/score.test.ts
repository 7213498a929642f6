import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildRecord } from '../../src/record/build.js';
import { scoreResolution, type GoldClusters } from '../../src/record/score.js';
import type { RecordActor } from '../../src/record/types.js';
import { Article, day } from './fixture.js';
import { miniArc } from './mini-arc.js';

const gold: GoldClusters = {
  format: 'polity-arc-actors/1',
  entities: [
    { id: 'q', type: 'PERSON', name: 'Tariq Mehmood Qureshi', aliases: ['Tariq Mehmud Qureshi', 'Qureshi'] },
    { id: 'i', type: 'PERSON', name: 'Imran Baloch', aliases: [] },
    { id: 'n', type: 'PERSON', name: 'Nadia Baloch', aliases: [] },
  ],
};

const member = (article: string, name: string) => ({ article, local: name, name, aliases: [], via: 'auto' as const, score: 1, reasons: [] });
const actor = (id: string, ...names: [string, string][]): RecordActor => ({ id, type: 'PERSON', name: names[0]![1], aliases: [], members: names.map(([a, n]) => member(a, n)) });

describe('scoreResolution', () => {
  it('scores the hand-built arc perfectly', () => {
    const s = scoreResolution(buildRecord(miniArc()).actors, gold);
    assert.deepEqual({ p: s.precision, r: s.recall, matched: s.matched }, { p: 1, r: 1, matched: 7 });
  });

  it('counts a wrong merge against precision and a missed one against recall', () => {
    const merged = scoreResolution([actor('x', ['1', 'Imran Baloch'], ['2', 'Nadia Baloch'])], gold);
    assert.equal(merged.precision, 0);
    const split = scoreResolution([actor('x', ['1', 'Tariq Mehmood Qureshi']), actor('y', ['2', 'Tariq Mehmud Qureshi']), actor('z', ['3', 'Qureshi'], ['4', 'Tariq Mehmood Qureshi'])], gold);
    assert.equal(split.precision, 1);
    assert.equal(split.recall, 1 / 6);
    assert.equal(scoreResolution([actor('x', ['1', 'Somebody Else'])], gold).unmatched, 1);
  });
});

describe('same-day reports that disagree on who acted', () => {
  it('merges "Qureshi resigned" with "the Prime Minister accepted the resignation of Qureshi"', () => {
    const docs = miniArc();
    const other = new Article('MEHRABAD - Prime Minister Faisal Rehman Chaudhry accepted the resignation of Tariq Mehmood Qureshi on Thursday.', '2024-01-12')
      .actor('p1', 'PERSON', 'Faisal Rehman Chaudhry').actor('p2', 'PERSON', 'Tariq Mehmood Qureshi')
      .event('RETREAT', ['p1'], ['p2'], 'resignation', { date: day('2024-01-11') }).doc;
    const record = buildRecord([...docs, other]);
    const resignations = record.events.filter((e) => e.type === 'RETREAT');
    assert.equal(resignations.length, 1);
    assert.equal(resignations[0]!.sources.length, 3);
  });
});
