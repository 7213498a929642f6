import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createDocument, type Document } from '../../src/document/document.js';
import {
  combineScores, dateMatches, parseGold, scoreDocument, selectLayers, formatReport, type GoldDocument,
} from '../../src/eval/index.js';
import { fixtureGold, spanOf, systemDocument } from './fixture.js';

const counts = (score: { tp: number; fp: number; fn: number }) => [score.tp, score.fp, score.fn];
const ratio = (score: { correct: number; total: number }) => [score.correct, score.total];

/** A gold file with only the given layers filled (the rest empty). */
function goldWith(rows: Partial<GoldDocument>): GoldDocument {
  return parseGold({ format: 'polity-gold/1', doc: 'test', file: 'articles/test.txt', entities: [], ...rows }, 'test.gold.json');
}

describe('scoreDocument on a hand-built output with known hits and misses', () => {
  const score = scoreDocument(fixtureGold(), systemDocument());

  it('counts TP/FP/FN per layer as the matching rules prescribe', () => {
    assert.deepEqual(
      Object.fromEntries(Object.entries(score.layers).map(([layer, s]) => [layer, counts(s)])),
      {
        published: [1, 0, 0],
        dateline: [1, 0, 0],
        entities: [5, 2, 3],
        roles: [2, 1, 1],
        memberships: [2, 1, 1],
        quotes: [3, 1, 2],
        events: [3, 2, 1],
        state_changes: [1, 2, 1],
        commitments: [1, 1, 1],
        agreements: [1, 1, 0],
        relations: [1, 1, 1],
      },
    );
  });

  it('scores attributes over matched pairs only, where the gold row gives them', () => {
    assert.deepEqual(
      Object.fromEntries(Object.entries(score.attributes).map(([name, s]) => [name, ratio(s)])),
      {
        'entities.type': [4, 5],
        'roles.org': [1, 1],
        'quotes.found': [4, 5],
        'quotes.speaker': [3, 4],
        'quotes.kind': [3, 4],
        'events.recipient': [1, 3],
        'events.date': [3, 3],
        'events.place': [1, 1],
        'commitments.to': [0, 1],
        'commitments.due': [1, 1],
        'agreements.points': [1, 1],
        'agreements.date': [1, 1],
        'relations.polarity': [1, 1],
      },
    );
  });

  it('computes precision, recall and F1 from the counts', () => {
    const entities = score.layers.entities;
    assert.equal(entities.precision, 5 / 7);
    assert.equal(entities.recall, 5 / 8);
    assert.equal(entities.f1, 10 / 15);
    assert.equal(score.attributes['events.recipient'].accuracy, 1 / 3);
  });

  it('lists every miss and every spurious record, so a developer can see what went wrong', () => {
    const missedEntities = score.errors.filter((e) => e.layer === 'entities' && e.kind === 'missed').map((e) => e.item);
    assert.deepEqual(missedEntities, ['rind (PERSON) Imdad Rind', 'cabinet (GOVBODY) provincial cabinet', 'gwadar (PLACE) Gwadar']);
    const spuriousQuotes = score.errors.filter((e) => e.layer === 'quotes' && e.kind === 'spurious').map((e) => e.item);
    assert.equal(spuriousQuotes.length, 1);
    assert.match(spuriousQuotes[0]!, /^Nadir Baloch \(indirect\): "the party had signed/);
  });

  it('lists every matched pair with a wrong attribute, naming the attribute', () => {
    const wrong = score.errors.filter((e) => e.kind === 'wrong');
    assert.deepEqual(wrong.map((e) => e.attribute), [
      'entities.type', 'quotes.kind', 'quotes.speaker', 'events.recipient', 'events.recipient', 'commitments.to',
    ]);
    assert.equal(wrong[0]!.item, 'nup (PARTY) National Unity Party ~ ORG National Unity Party');
  });

  it('micro-averages by summing counts over documents before dividing', () => {
    const empty = scoreDocument(fixtureGold(), createDocument('QUETTA - Nothing happened.'));
    const report = combineScores([score, empty]);
    assert.deepEqual(counts(report.layers.entities), [5, 2, 3 + 8]);
    assert.equal(report.layers.entities.recall, 5 / 16);
    assert.deepEqual(ratio(report.attributes['quotes.found']), [4, 10]);
  });

  it('keeps only the layers asked for, with their attributes and errors', () => {
    const report = selectLayers(combineScores([score]), ['quotes']);
    assert.deepEqual(Object.keys(report.layers), ['quotes']);
    assert.deepEqual(Object.keys(report.attributes), ['quotes.found', 'quotes.speaker', 'quotes.kind']);
    assert.ok(report.documents[0]!.errors.every((e) => e.layer === 'quotes'));
    assert.match(formatReport(report).join('\n'), /quotes\s+75\.0\s+60\.0\s+66\.7\s+3\s+1\s+2/);
  });

  it('gives undefined ratios as null rather than 0 or NaN', () => {
    const nothing = scoreDocument(goldWith({}), createDocument('Nothing.'));
    assert.deepEqual(nothing.layers.roles, { tp: 0, fp: 0, fn: 0, precision: null, recall: null, f1: null });
    assert.equal(nothing.attributes['quotes.kind'].accuracy, null);
  });
});

describe('entity alignment', () => {
  const actor = (id: string, name: string, aliases: string[] = [], type: Document['actors'][number]['type'] = 'PERSON') =>
    ({ id, type, name, aliases, mentions: [] });
  const docWith = (...actors: Document['actors']) => {
    const doc = createDocument('A text.');
    doc.actors.push(...actors);
    return doc;
  };

  it('matches names ignoring case, diacritics and punctuation', () => {
    const gold = goldWith({
      entities: [
        { id: 'bilawal', type: 'PERSON', name: 'Bilawal Bhutto-Zardari', aliases: [] },
        { id: 'mqmp', type: 'PARTY', name: 'Muttahida Qaumi Movement - Pakistan', aliases: ['MQM-P'] },
        { id: 'jui', type: 'PARTY', name: 'Jamiat Ulema-e-Islam', aliases: [] },
      ],
    });
    const score = scoreDocument(gold, docWith(
      actor('x1', 'BILĀWAL BHUTTO ZARDARI'),
      actor('x2', 'Muttahida Qaumi Movement', ['M.Q.M. P'], 'PARTY'),
      actor('x3', 'Jamiat Ulema Islam', [], 'PARTY'),
    ));
    assert.deepEqual(counts(score.layers.entities), [2, 1, 1]);
  });

  it('pairs one-to-one: a second actor for the same person is a false positive', () => {
    const gold = goldWith({ entities: [{ id: 'khan', type: 'PERSON', name: 'Imran Khan', aliases: ['Khan'] }] });
    const score = scoreDocument(gold, docWith(actor('x1', 'Khan'), actor('x2', 'Imran Khan')));
    assert.deepEqual(counts(score.layers.entities), [1, 1, 0]);
    assert.deepEqual(score.errors.map((e) => e.item), ['PERSON Khan']);
  });

  it('gives a shared alias to the entity whose canonical name the actor has, leaving the other free', () => {
    const gold = goldWith({
      entities: [
        { id: 'amir', type: 'PERSON', name: 'Amir Khan', aliases: ['Khan'] },
        { id: 'imran', type: 'PERSON', name: 'Imran Khan', aliases: ['Khan'] },
      ],
      roles: [{ person: 'imran', title: 'Prime Minister' }],
    });
    const doc = docWith(actor('x1', 'Imran Khan', ['Khan']), actor('x2', 'Khan'));
    doc.roles.push({ id: 'r1', person: 'x1', title: 'Prime Minister', evidence: { start: 0, end: 1 } });
    const score = scoreDocument(gold, doc);
    assert.deepEqual(counts(score.layers.entities), [2, 0, 0]);
    assert.deepEqual(counts(score.layers.roles), [1, 0, 0]);
  });

  it('resolves every layer through the alignment, so a row about an unmatched actor is a miss', () => {
    const gold = goldWith({
      entities: [{ id: 'p', type: 'PERSON', name: 'Sara Khan', aliases: [] }, { id: 'q', type: 'PARTY', name: 'NUP', aliases: [] }],
      memberships: [{ person: 'p', org: 'q' }],
    });
    const doc = docWith(actor('x1', 'Sara Khan'), actor('x2', 'Unity Front', [], 'PARTY'));
    doc.memberships.push({ id: 'm1', person: 'x1', org: 'x2', evidence: { start: 0, end: 1 } });
    assert.deepEqual(counts(scoreDocument(gold, doc).layers.memberships), [0, 1, 1]);
  });
});

describe('optional and inferable gold rows', () => {
  it('does not count a missing inferable membership against recall, and credits it when given', () => {
    const gold = fixtureGold();
    const without = systemDocument();
    without.memberships.splice(1, 1);
    assert.deepEqual(counts(scoreDocument(gold, without).layers.memberships), [1, 1, 1]);
    assert.deepEqual(counts(scoreDocument(gold, systemDocument()).layers.memberships), [2, 1, 1]);
  });

  it('credits an optional event when found and ignores it when missed', () => {
    const gold = fixtureGold();
    const found = systemDocument();
    found.events[3]!.actor = ['a3'];
    assert.deepEqual(counts(scoreDocument(gold, found).layers.events), [4, 1, 1]);
    assert.deepEqual(counts(scoreDocument(gold, systemDocument()).layers.events), [3, 2, 1]);
  });
});

describe('quote matching', () => {
  const text = 'Rind said the party would stay in the coalition for now. The BAF’s senior leaders said the PM ignored them. '
    + 'Some PMLN members agreed. Balochistan Awami Front spokesman Imdad Rind disagreed.';
  const gold = goldWith({
    entities: [
      { id: 'rind', type: 'PERSON', name: 'Imdad Rind', aliases: ['Rind'] },
      { id: 'baf', type: 'PARTY', name: 'Balochistan Awami Front', aliases: ['BAF'] },
      { id: 'pm', type: 'PERSON', name: 'Sara Khan', aliases: ['PM'] },
    ],
    quotes: [{ speaker: 'rind', kind: 'indirect', text: 'would stay in the cabinet' }],
  });
  const withQuote = (content: string, speakerSpan?: string) => {
    const doc = createDocument(text);
    doc.actors.push({ id: 'x1', type: 'PERSON', name: 'Imdad Rind', aliases: [], mentions: [] });
    doc.statements.push({
      id: 's1', kind: 'indirect', content: spanOf(text, content), evidence: spanOf(text, content),
      ...(speakerSpan ? { speakerSpan: spanOf(text, speakerSpan) } : { speaker: 'x1' }),
    });
    return doc;
  };

  it('matches a fragment when exactly 0.6 of its words fall inside the system quote', () => {
    // Of "would stay in the cabinet", the first quote holds would, stay, in, the (4 of 5); the second stay, in, the (3 of 5).
    assert.deepEqual(counts(scoreDocument(gold, withQuote('the party would stay in the coalition')).layers.quotes), [1, 0, 0]);
    assert.deepEqual(counts(scoreDocument(gold, withQuote('stay in the coalition')).layers.quotes), [1, 0, 0]);
  });

  it('does not match a fragment when fewer than 0.6 of its words fall inside', () => {
    const score = scoreDocument(gold, withQuote('in the coalition'));
    assert.deepEqual(counts(score.layers.quotes), [0, 1, 1]);
    assert.deepEqual(ratio(score.attributes['quotes.found']), [0, 1]);
  });

  it('counts a found quote with the wrong speaker as a miss, and reports it under speaker accuracy', () => {
    const score = scoreDocument({ ...gold, quotes: [{ speaker: 'pm', kind: 'indirect', text: 'would stay in the coalition' }] }, withQuote('the party would stay in the coalition'));
    assert.deepEqual(counts(score.layers.quotes), [0, 1, 1]);
    assert.deepEqual(ratio(score.attributes['quotes.found']), [1, 1]);
    assert.deepEqual(ratio(score.attributes['quotes.speaker']), [0, 1]);
  });

  it('resolves a described speaker by the entity named in it word for word ("the BAF’s senior leaders" → BAF)', () => {
    const leaders = { ...gold, quotes: [{ speaker: 'baf', kind: 'indirect' as const, text: 'the PM ignored them' }] };
    assert.deepEqual(counts(scoreDocument(leaders, withQuote('the PM ignored them', 'The BAF’s senior leaders')).layers.quotes), [1, 0, 0]);
  });

  it('takes the entity named last in a described speaker, the head of the phrase, over a longer name before it', () => {
    const spokesman = { ...gold, quotes: [{ speaker: 'rind', kind: 'indirect' as const, text: 'the PM ignored them' }] };
    const score = scoreDocument(spokesman, withQuote('the PM ignored them', 'Balochistan Awami Front spokesman Imdad Rind'));
    assert.deepEqual(counts(score.layers.quotes), [1, 0, 0]);
  });

  it('does not fall back to the described speaker when the speaker actor has no gold counterpart', () => {
    const leaders = { ...gold, quotes: [{ speaker: 'baf', kind: 'indirect' as const, text: 'the PM ignored them' }] };
    const doc = withQuote('the PM ignored them', 'The BAF’s senior leaders');
    doc.actors.push({ id: 'x2', type: 'PERSON', name: 'Senior Leaders', aliases: [], mentions: [] });
    doc.statements[0]!.speaker = 'x2';
    assert.deepEqual(counts(scoreDocument(leaders, doc).layers.quotes), [0, 1, 1]);
  });

  it('does not find a short alias inside a longer word of the described speaker', () => {
    const pmQuote = { ...gold, quotes: [{ speaker: 'pm', kind: 'indirect' as const, text: 'the PM ignored them' }] };
    // "PM" must be a whole word, so "Some PMLN members" names no gold entity.
    assert.deepEqual(counts(scoreDocument(pmQuote, withQuote('the PM ignored them', 'Some PMLN members')).layers.quotes), [0, 1, 1]);
  });
});

describe('commitment and role overlap thresholds', () => {
  const text = 'Mengal promised to release the funds for roads schools clinics ports and water this year.';
  const gold = goldWith({
    entities: [{ id: 'mengal', type: 'PERSON', name: 'Rukhsana Mengal', aliases: ['Mengal'] }],
    commitments: [{ by: 'mengal', what: 'release the funds' }],
    roles: [{ person: 'mengal', title: 'Chief Minister of Balochistan' }],
  });
  const system = (what: string, title: string) => {
    const doc = createDocument(text);
    doc.actors.push({ id: 'x1', type: 'PERSON', name: 'Mengal', aliases: [], mentions: [] });
    doc.commitments.push({ id: 'k1', kind: 'promise', by: 'x1', what: spanOf(text, what), status: 'open', evidence: spanOf(text, what) });
    doc.roles.push({ id: 'r1', person: 'x1', title, evidence: spanOf(text, 'Mengal') });
    return scoreDocument(gold, doc);
  };

  it('matches a commitment at exactly 0.3 word overlap and not below', () => {
    // 3 shared words of 10 distinct = 0.3; of 11 = 0.27.
    assert.deepEqual(counts(system('release the funds for roads schools clinics ports and water', 'x').layers.commitments), [1, 0, 0]);
    assert.deepEqual(counts(system('release the funds for roads schools clinics ports and water this', 'x').layers.commitments), [0, 1, 1]);
  });

  it('matches a role at exactly 0.5 title overlap and not below', () => {
    // {chief, minister} against {chief, minister, of, balochistan}: 2 of 4 = 0.5; with "provincial": 2 of 5.
    assert.deepEqual(counts(system('release the funds', 'Chief Minister').layers.roles), [1, 0, 0]);
    assert.deepEqual(counts(system('release the funds', 'Provincial Chief Minister').layers.roles), [0, 1, 1]);
  });
});

describe('dateMatches', () => {
  const day = (value: string) => ({ kind: 'date' as const, granularity: 'day' as const, value });

  it('matches a gold day against the value or the start of a one-day value', () => {
    assert.equal(dateMatches('2020-01-13', day('2020-01-13')), true);
    assert.equal(dateMatches('2020-01-13', { kind: 'date', granularity: 'time', value: '2020-01-13T10:00', start: '2020-01-13' }), true);
    assert.equal(dateMatches('2020-01-13', day('2020-01-12')), false);
    assert.equal(dateMatches('2020-01-01', { kind: 'date', granularity: 'month', value: '2020-01', start: '2020-01-01', end: '2020-01-31' }), false);
  });

  it('matches a gold month against the month of the value or its start', () => {
    assert.equal(dateMatches('2018-08', { kind: 'date', granularity: 'month', value: '2018-08' }), true);
    assert.equal(dateMatches('2018-08', day('2018-08-25')), true);
    assert.equal(dateMatches('2018-08', day('2018-09-01')), false);
  });

  it('matches a gold range only by the same first and last day', () => {
    const week = { kind: 'range' as const, granularity: 'week' as const, value: '2020-W05', start: '2020-02-01', end: '2020-02-07' };
    assert.equal(dateMatches(['2020-02-01', '2020-02-07'], week), true);
    assert.equal(dateMatches(['2020-02-01', '2020-02-08'], week), false);
    assert.equal(dateMatches(['2020-02-01', '2020-02-07'], undefined), false);
  });
});

describe('single values, party sets and relation direction', () => {
  const gold = goldWith({
    published: '2022-02-15',
    dateline: 'Quetta',
    entities: [
      { id: 'baf', type: 'PARTY', name: 'BAF', aliases: [] },
      { id: 'nup', type: 'PARTY', name: 'NUP', aliases: [] },
      { id: 'pml', type: 'PARTY', name: 'PML', aliases: [] },
      { id: 'cabinet', type: 'GOVBODY', name: 'provincial cabinet', aliases: [] },
    ],
    agreements: [{ parties: ['baf', 'nup'], kind: 'agreement' }],
    relations: [
      { a: 'baf', b: 'cabinet', kind: 'member' },
      { a: 'baf', b: 'nup', kind: 'ally' },
    ],
  });
  const system = () => {
    const doc = createDocument('QUETTA - Text.', { published: '2022-02-14', dateline: { span: { start: 0, end: 8 }, place: 'QUETTA' } });
    const party = (id: string, name: string, type: 'PARTY' | 'GOVBODY' = 'PARTY') => ({ id, type, name, aliases: [], mentions: [] });
    doc.actors.push(party('x1', 'BAF'), party('x2', 'NUP'), party('x3', 'PML'), party('x4', 'Provincial Cabinet', 'GOVBODY'));
    return doc;
  };
  const evidence = { start: 0, end: 1 };

  it('counts a wrong published date as both a false positive and a miss, and compares datelines by letters only', () => {
    const score = scoreDocument(gold, system());
    assert.deepEqual(counts(score.layers.published), [0, 1, 1]);
    assert.deepEqual(counts(score.layers.dateline), [1, 0, 0]);
  });

  it('matches agreement parties as a set: order is free, an extra party is not', () => {
    const doc = system();
    doc.agreements.push(
      { id: 'g1', kind: 'pact', parties: ['x2', 'x1'], evidence },
      { id: 'g2', kind: 'pact', parties: ['x1', 'x2', 'x3'], evidence },
    );
    assert.deepEqual(counts(scoreDocument(gold, doc).layers.agreements), [1, 1, 0]);
  });

  it('accepts either order for symmetric relations but not for membership', () => {
    const doc = system();
    doc.relations.push(
      { id: 'l1', a: 'x2', b: 'x1', kind: 'ally', polarity: 'positive', asOf: '2022-02-15', evidence },
      { id: 'l2', a: 'x4', b: 'x1', kind: 'member', polarity: 'positive', asOf: '2022-02-15', evidence },
    );
    assert.deepEqual(counts(scoreDocument(gold, doc).layers.relations), [1, 1, 1]);
  });
});

describe('format additions: optional rows, described speakers, no dateline, rival and elected', () => {
  const text = 'LAGOS - Sources in the ministry said the strike would end. Ade Bello said talks went well.';
  const system = () => {
    const doc = createDocument(text, { published: '2022-03-01' });
    doc.actors.push(
      { id: 'x1', type: 'PERSON', name: 'Ade Bello', aliases: [], mentions: [] },
      { id: 'x2', type: 'PLACE', name: 'Lagos', aliases: [], mentions: [] },
    );
    doc.statements.push(
      { id: 's1', kind: 'indirect', speakerSpan: spanOf(text, 'Sources in the ministry'), content: spanOf(text, 'the strike would end'), evidence: { start: 0, end: 58 } },
      { id: 's2', kind: 'indirect', speaker: 'x1', content: spanOf(text, 'talks went well'), evidence: { start: 59, end: text.length } },
    );
    return doc;
  };
  const entities = [
    { id: 'bello', type: 'PERSON' as const, name: 'Ade Bello' },
    { id: 'lagos', type: 'PLACE' as const, name: 'Lagos' },
    { id: 'ministry', type: 'GOVBODY' as const, name: 'Ministry of Labour', optional: true },
  ];

  it('matches a quote whose speaker is a described source by the words of the speaker as written', () => {
    const gold = goldWith({
      entities,
      quotes: [
        { speaker_text: 'sources in the ministry', kind: 'indirect', text: 'the strike would end' },
        { speaker: 'bello', kind: 'indirect', text: 'talks went well' },
      ],
    });
    assert.deepEqual(counts(scoreDocument(gold, system()).layers.quotes), [2, 0, 0]);
    const wrong = goldWith({ entities, quotes: [{ speaker_text: 'the union leaders', kind: 'indirect', text: 'the strike would end' }] });
    assert.deepEqual(counts(scoreDocument(wrong, system()).layers.quotes), [0, 2, 1]);
  });

  it('refuses a quote with neither speaker nor speaker_text', () => {
    assert.throws(() => goldWith({ entities, quotes: [{ kind: 'direct', text: 'x' } as never] }), /quotes\/0/);
  });

  it('counts a missed optional row of any layer for neither recall nor precision, and a found one as a hit', () => {
    const gold = goldWith({
      entities,
      roles: [{ person: 'bello', title: 'Minister', optional: true }],
      quotes: [
        { speaker: 'bello', kind: 'indirect', text: 'talks went well' },
        { speaker: 'bello', kind: 'direct', text: 'we shall see', optional: true },
      ],
    });
    const score = scoreDocument(gold, system());
    assert.deepEqual(counts(score.layers.entities), [2, 0, 0]);
    assert.deepEqual(counts(score.layers.roles), [0, 0, 0]);
    assert.deepEqual(counts(score.layers.quotes), [1, 1, 0]);
    assert.deepEqual(ratio(score.attributes['quotes.found']), [1, 1]);
    const doc = system();
    doc.actors.push({ id: 'x3', type: 'GOVBODY', name: 'Ministry of Labour', aliases: [], mentions: [] });
    assert.deepEqual(counts(scoreDocument(gold, doc).layers.entities), [3, 0, 0]);
  });

  it('reads a missing or null dateline as no dateline', () => {
    for (const dateline of [undefined, null]) {
      const gold = goldWith({ entities, ...(dateline === null ? { dateline } : {}) });
      assert.deepEqual(counts(scoreDocument(gold, system()).layers.dateline), [0, 0, 0]);
    }
  });

  it('accepts relation kind rival (either order) and state change kind elected', () => {
    const gold = goldWith({
      entities,
      relations: [{ a: 'bello', b: 'lagos', kind: 'rival' }],
      state_changes: [{ kind: 'elected', person: 'bello' }],
    });
    assert.equal(gold.relations[0]!.kind, 'rival');
    const doc = system();
    doc.relations.push({ id: 'l1', a: 'x2', b: 'x1', kind: 'rival' as never, polarity: 'positive', asOf: '2022-03-01', evidence: { start: 0, end: 1 } });
    const score = scoreDocument(gold, doc);
    assert.deepEqual(counts(score.layers.relations), [1, 0, 0]);
    assert.deepEqual(counts(score.layers.state_changes), [0, 0, 1]);
  });
});
