import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { extractEvents } from '../../../src/stages/events/events.js';
import type { Document } from '../../../src/document/document.js';
import { annotate, day, type ActorSpec } from './annotate.js';

const ACTORS: ActorSpec[] = [
  { id: 'rana', type: 'PERSON', names: ['Rana Tariq', 'Tariq'] },
  { id: 'sara', type: 'PERSON', names: ['Sara Baig', 'Baig'] },
  { id: 'nadia', type: 'PERSON', names: ['Nadia Qureshi'] },
  { id: 'aup', type: 'PARTY', names: ['Awami Unity Party', 'AUP'] },
  { id: 'league', type: 'PARTY', names: ['Frontier League', 'League'] },
  { id: 'cabinet', type: 'GOVBODY', names: ['provincial cabinet', 'cabinet'] },
  { id: 'government', type: 'GOVBODY', names: ['League-led coalition government', 'provincial government'] },
  { id: 'quetta', type: 'PLACE', names: ['Quetta'] },
  { id: 'gwadar', type: 'PLACE', names: ['Gwadar'] },
];

function eventsOf(doc: Document) {
  extractEvents(doc);
  return doc.events.map((e) => ({
    type: e.type,
    actor: e.actor,
    recipient: e.recipient,
    modality: e.modality,
    trigger: doc.text.slice(e.trigger.start, e.trigger.end),
    ...(e.place ? { place: e.place } : {}),
  }));
}

describe('events stage', () => {
  it('codes "would not rejoin the cabinet" as a negated REJECT by the speaker, dated by the statement', () => {
    const text = 'AUP leader Rana Tariq said on Tuesday he would not rejoin the provincial cabinet.';
    const doc = annotate(text, ACTORS, {
      statements: [{ speaker: 'rana', kind: 'indirect', content: 'he would not rejoin the provincial cabinet', date: day('2021-03-02') }],
      times: [{ text: 'on Tuesday', value: day('2021-03-02') }],
    });
    extractEvents(doc);
    assert.equal(doc.events.length, 1);
    const [e] = doc.events;
    assert.equal(e!.type, 'REJECT');
    assert.equal(e!.cameo, '120');
    assert.equal(e!.modality, 'negated');
    assert.deepEqual(e!.actor, ['rana']);
    assert.deepEqual(e!.recipient, ['cabinet']);
    assert.equal(e!.date?.value, '2021-03-02');
    assert.equal(e!.statement, 'q1');
    assert.ok(e!.context?.includes('political_institutions'));
    assert.deepEqual(doc.stateChanges, [], 'a refusal to rejoin changes no state');
  });

  it('codes a summons as CONSULT with its place, and the coordinated assurance as AGREE by the same actor', () => {
    const text = 'Chief Minister Sara Baig summoned Rana Tariq to Quetta and assured him of the AUP\u2019s funds.';
    assert.deepEqual(eventsOf(annotate(text, ACTORS)), [
      { type: 'CONSULT', actor: ['sara'], recipient: ['rana'], modality: 'asserted', trigger: 'summoned', place: 'quetta' },
      { type: 'AGREE', actor: ['sara'], recipient: ['aup'], modality: 'asserted', trigger: 'assured' },
    ]);
  });

  it('takes the head of a delegation and the delegation\u2019s party as actors ("led by")', () => {
    const text = 'A League delegation led by the Minister for Mines, Minerals and Ports Sara Baig on Monday visited the AUP headquarters in Quetta.';
    const [e] = eventsOf(annotate(text, ACTORS));
    assert.deepEqual(e, { type: 'CONSULT', actor: ['sara', 'league'], recipient: ['aup'], modality: 'asserted', trigger: 'visited', place: 'quetta' });
  });

  it('codes a request, not the meeting asked for, and merges two requests of one actor in one sentence', () => {
    const text = 'Sara Baig tasked League leaders in Gwadar to meet the AUP and urged Rana Tariq to stay.';
    const events = eventsOf(annotate(text, ACTORS));
    assert.deepEqual(events.map((e) => [e.type, e.trigger, e.actor, e.recipient]), [['REQUEST', 'tasked', ['sara'], ['league', 'rana']]]);
  });

  it('codes a signed agreement as AGREE with both signatories, and the coalition it led to as a state change', () => {
    const text =
      'After the elections in July 2018, the League and the AUP signed a six-point agreement following which the latter joined the League-led coalition government and was assigned two ministries \u2013 those of health and education.';
    const doc = annotate(text, ACTORS, { times: [{ text: 'July 2018', value: { kind: 'date', granularity: 'month', value: '2018-07' } }] });
    extractEvents(doc);
    assert.equal(doc.events.length, 1);
    assert.equal(doc.events[0]!.type, 'AGREE');
    assert.deepEqual(doc.events[0]!.actor, ['league', 'aup']);
    assert.equal(doc.events[0]!.date?.value, '2018-07');
    assert.deepEqual(
      doc.stateChanges.map((s) => [s.kind, s.subject, s.with ?? '', s.portfolios ?? [], s.event]),
      [
        ['joined_coalition', 'aup', 'league', [], 'e1'],
        ['portfolios_assigned', 'aup', '', ['health', 'education'], 'e1'],
      ],
    );
  });

  it('codes support, accusation and a resignation (RETREAT, with a left_office state change told once)', () => {
    const text =
      'The AUP supported the League in the budget vote. Rana Tariq accused Sara Baig of ignoring the AUP. Nadia Qureshi resigned from the provincial cabinet on Friday. Nadia Qureshi said her resignation was final.';
    const doc = annotate(text, ACTORS, {
      statements: [{ speaker: 'nadia', kind: 'indirect', content: 'her resignation was final' }],
      times: [{ text: 'on Friday', value: day('2021-03-05') }],
    });
    extractEvents(doc);
    assert.deepEqual(
      doc.events.map((e) => [e.type, e.mode ?? '', e.actor, e.recipient]),
      [
        ['SUPPORT', '', ['aup'], ['league']],
        ['ACCUSE', 'allege', ['rana'], ['sara']],
        ['RETREAT', 'resign', ['nadia'], ['cabinet']],
      ],
    );
    assert.deepEqual(
      doc.stateChanges.map((s) => [s.kind, s.subject, s.body, s.date?.value, s.event]),
      [['left_office', 'nadia', 'cabinet', '2021-03-05', 'e3']],
    );
  });

  it('records an appointment as took_office with the title, even when the appointer is not a known actor', () => {
    const text = 'The governor appointed Nadia Qureshi as the new education minister.';
    const doc = annotate(text, ACTORS);
    extractEvents(doc);
    assert.deepEqual(doc.events, []);
    assert.deepEqual(doc.stateChanges.map((s) => [s.kind, s.subject, s.title]), [['took_office', 'nadia', 'new education minister']]);
  });

  it('records a swearing-in as took_office, the office ending before the date', () => {
    const text = 'Nadia Qureshi was sworn in as the new education minister on Monday after weeks of talks.';
    const doc = annotate(text, ACTORS);
    extractEvents(doc);
    assert.deepEqual(doc.stateChanges.map((s) => [s.kind, s.subject, s.title]), [['took_office', 'nadia', 'new education minister']]);
  });

  it('records everyone who took oath: as members of the cabinet they join it, as ministers they take an office', () => {
    const joined = annotate('Sara Baig and Nadia Qureshi took oath as members of the provincial cabinet on Friday.', ACTORS);
    extractEvents(joined);
    assert.deepEqual(joined.stateChanges.map((s) => [s.kind, s.subject, s.body]), [
      ['joined_cabinet', 'sara', 'cabinet'],
      ['joined_cabinet', 'nadia', 'cabinet'],
    ]);
    const office = annotate('Rana Tariq took the oath as minister for mines and minerals on Friday.', ACTORS);
    extractEvents(office);
    assert.deepEqual(office.stateChanges.map((s) => [s.kind, s.subject, s.title]), [['took_office', 'rana', 'minister for mines and minerals']]);
  });

  it('reads the actor of a passive trigger from its by-phrase', () => {
    const text = 'Rana Tariq was criticised by Sara Baig.';
    assert.deepEqual(eventsOf(annotate(text, ACTORS)), [
      { type: 'ACCUSE', actor: ['sara'], recipient: ['rana'], modality: 'asserted', trigger: 'criticised' },
    ]);
  });

  describe('modality', () => {
    const modalityOf = (text: string, opts: Parameters<typeof annotate>[2] = {}) => eventsOf(annotate(text, ACTORS, opts)).map((e) => [e.type, e.modality]);

    it('future: a visit announced is coded AGREE (PLOVER: future meetings), modality future', () => {
      assert.deepEqual(modalityOf('Sara Baig will visit Gwadar next week.'), [['AGREE', 'future']]);
    });
    it('conditional: an offer made on a condition', () => {
      assert.deepEqual(modalityOf('The League is ready to take the AUP into the cabinet provided it backs the budget.'), [['AGREE', 'conditional']]);
    });
    it('hypothetical: a boycott that could happen', () => {
      assert.deepEqual(modalityOf('The AUP could boycott the session.'), [['PROTEST', 'hypothetical']]);
    });
    it('reported: an event told inside a statement', () => {
      const text = 'Rana Tariq said the League had criticised the AUP.';
      assert.deepEqual(modalityOf(text, { statements: [{ speaker: 'rana', kind: 'indirect', content: 'the League had criticised the AUP' }] }), [['ACCUSE', 'reported']]);
    });
    it('denied: an event someone denies', () => {
      assert.deepEqual(modalityOf('The League denied that Sara Baig had met Rana Tariq.'), [['CONSULT', 'denied']]);
    });
    it('negated: an event that did not happen', () => {
      assert.deepEqual(modalityOf('The AUP did not support the League.'), [['SUPPORT', 'negated']]);
    });
  });

  it('codes an arrest by a group no actor record names with an empty actor, but no meeting of such a group', () => {
    const text = 'Police arrested twelve AUP workers in Quetta. Party elders met Rana Tariq.';
    assert.deepEqual(eventsOf(annotate(text, ACTORS)), [
      { type: 'COERCE', actor: [], recipient: ['aup'], modality: 'asserted', trigger: 'arrested', place: 'quetta' },
    ]);
  });

  it('fires on no noun without an owner and on no trigger without a named actor', () => {
    const text = 'The meeting was held in Quetta. They discussed the budget after the offer of ministries.';
    assert.deepEqual(eventsOf(annotate(text, ACTORS)), []);
  });
});
