import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { extractRelations } from '../../../src/stages/relations/relations.js';
import { annotate, day, type ActorSpec } from '../events/annotate.js';

const ACTORS: ActorSpec[] = [
  { id: 'rana', type: 'PERSON', names: ['Rana Tariq'] },
  { id: 'aup', type: 'PARTY', names: ['AUP'] },
  { id: 'league', type: 'PARTY', names: ['League'] },
  { id: 'ppf', type: 'PARTY', names: ['PPF'] },
  { id: 'cabinet', type: 'GOVBODY', names: ['provincial cabinet'] },
  { id: 'government', type: 'GOVBODY', names: ['League-led provincial government'] },
];

const relationsOf = (text: string, opts: Parameters<typeof annotate>[2] = {}) =>
  extractRelations(annotate(text, ACTORS, { published: '2021-03-03', memberships: [['rana', 'aup']], ...opts })).map((r) => [r.kind, r.a, r.b, r.polarity, r.asOf]);

describe('relations stage', () => {
  it('resolves "the ruling party" to the party leading the government the article names', () => {
    const text = 'The League-led provincial government faces a vote. Rana Tariq said the AUP would remain an ally of the ruling party.';
    assert.deepEqual(relationsOf(text), [['ally', 'aup', 'league', 'positive', '2021-03-03']]);
  });

  it('turns "he would not rejoin the cabinet" into a negative membership of the speaker\u2019s party, as of the statement date', () => {
    const text = 'Rana Tariq said on Tuesday he would not rejoin the provincial cabinet.';
    const opts = {
      statements: [{ speaker: 'rana', kind: 'indirect' as const, content: 'he would not rejoin the provincial cabinet', date: day('2021-03-02') }],
      times: [{ text: 'on Tuesday', value: day('2021-03-02') }],
    };
    assert.deepEqual(relationsOf(text, opts), [['member', 'aup', 'cabinet', 'negative', '2021-03-02']]);
  });

  it('reads opposition from a conditional offer, but not the coalition offered', () => {
    const text = 'The PPF is ready to take the AUP as a coalition partner provided it helps the opposition in toppling the League-led provincial government.';
    assert.deepEqual(relationsOf(text), [['opposition', 'ppf', 'league', 'positive', '2021-03-03']]);
  });

  it('leaves out relations reported long before the article (history is a state change)', () => {
    const text = 'In 2015, the AUP was an ally of the League.';
    assert.deepEqual(relationsOf(text, { times: [{ text: '2015', value: { kind: 'date', granularity: 'year', value: '2015', start: '2015-01-01', end: '2015-12-31' } }] }), []);
  });

  it('states no relation it cannot date: no publication date and only an unresolved weekday', () => {
    const text = 'On Monday the AUP became an ally of the League.';
    const doc = annotate(text, ACTORS, { times: [{ text: 'Monday', value: { kind: 'date', granularity: 'day', value: 'XXXX-WXX-1' } }] });
    assert.deepEqual(extractRelations(doc), []);
  });

  it('marks a broken alliance negative', () => {
    assert.deepEqual(relationsOf('The AUP is no longer an ally of the League.'), [['ally', 'aup', 'league', 'negative', '2021-03-03']]);
  });
});
