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

describe('relations stage: alliances formed and left, opposition', () => {
  const PARTIES: ActorSpec[] = [
    { id: 'bnp', type: 'PARTY', names: ['Baloch National Party', 'BNP'] },
    { id: 'jup', type: 'PARTY', names: ['Jamhoori Unity Party', 'JUP'] },
    { id: 'npp', type: 'PARTY', names: ['National Progress Party', 'NPP'] },
    { id: 'rehman', type: 'PERSON', names: ['Ayesha Rehman'] },
  ];
  const of = (text: string) =>
    extractRelations(annotate(text, PARTIES, { published: '2023-05-10', memberships: [['rehman', 'jup']] })).map((r) => [r.kind, r.a, r.b, r.polarity]);

  it('makes "the two parties formed an alliance" allies of the two parties last named', () => {
    const text = 'Leaders of the BNP met the JUP leadership in Quetta on Monday. After the talks, the two parties formed an alliance for the by-elections.';
    assert.deepEqual(of(text), [['ally', 'jup', 'bnp', 'positive']]);
  });

  it('makes coordinated subjects of "formed a coalition" coalition partners, and a partner after "allied with" an ally', () => {
    assert.deepEqual(of('The BNP and the JUP formed a coalition in the provincial assembly.'), [['coalition', 'bnp', 'jup', 'positive']]);
    assert.deepEqual(of('The NPP has allied with the BNP ahead of the polls.'), [['ally', 'npp', 'bnp', 'positive']]);
  });

  it('ends the coalition with the ruling party when a party withdraws from the ruling coalition', () => {
    const text = 'The ruling National Progress Party lost a partner on Sunday. The BNP withdrew from the ruling coalition over the budget.';
    assert.deepEqual(of(text), [['coalition', 'bnp', 'npp', 'negative']]);
  });

  it('puts a party that "is in opposition" or "is part of the opposition alliance" against the ruling party', () => {
    assert.deepEqual(of('The ruling NPP tabled the bill. The JUP is in opposition and will vote against it.'), [['opposition', 'jup', 'npp', 'positive']]);
    assert.deepEqual(of('The ruling NPP tabled the bill. Ayesha Rehman said the party is part of the opposition alliance.'), [['opposition', 'jup', 'npp', 'positive']]);
  });

  it('sets the one party named beside "the opposition" against the government when no ruling party is named', () => {
    const actors: ActorSpec[] = [...PARTIES, { id: 'gov', type: 'GOVBODY', names: ['government'] }];
    const text = 'The prime minister clashed with the opposition in parliament as he dared the JUP to name its candidate. The government survived the vote.';
    assert.deepEqual(extractRelations(annotate(text, actors, { published: '2023-05-10' })).map((r) => [r.kind, r.a, r.b]), [['opposition', 'jup', 'gov']]);
  });

  it('names no ally for "their members and allies"', () => {
    assert.deepEqual(of('The JUP mobilised its members and allies on Tuesday to march on the NPP offices.'), []);
  });

  it('states no alliance from a demand for one', () => {
    assert.deepEqual(of('The BNP demanded that the JUP leave the ruling NPP government.'), []);
    assert.deepEqual(of('The ruling NPP tabled the bill. The BNP demanded that the JUP withdraw from the ruling coalition.'), []);
    assert.deepEqual(of('The BNP said it would form an alliance with the JUP if the talks succeed.'), []);
  });
});
