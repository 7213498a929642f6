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

  describe('main event and arguments from clause structure', () => {
    const CAST: ActorSpec[] = [
      ...ACTORS,
      { id: 'raza', type: 'PERSON', names: ['Ali Raza', 'Raza'] },
      { id: 'cec', type: 'PERSON', names: ['Chief Election Commissioner'] },
      { id: 'iran', type: 'PLACE', names: ['Iran'] },
      { id: 'oman', type: 'PLACE', names: ['Oman'] },
      { id: 'un', type: 'ORG', names: ['United Nations', 'UN'] },
    ];
    const of = (text: string, opts: Parameters<typeof annotate>[2] = {}) => {
      const doc = annotate(text, CAST, opts);
      extractEvents(doc);
      return { events: doc.events.map((e) => [e.type, doc.text.slice(e.trigger.start, e.trigger.end), e.actor, e.recipient]), changes: doc.stateChanges.map((c) => [c.kind, c.subject]) };
    };

    it('codes a demanded resignation as the demand alone: no RETREAT, no accusation, no left_office', () => {
      assert.deepEqual(of('Ali Raza demanded the resignation of the Chief Election Commissioner.'), {
        events: [['REQUEST', 'demanded', ['raza'], ['cec']]],
        changes: [],
      });
    });

    it('takes the subject phrase’s head, not the nearest name, as the actor ("Iran, a neighbour of Oman, …")', () => {
      assert.deepEqual(of('Iran, a close neighbour of Oman, has rejected the UN plan.').events, [['REJECT', 'rejected', ['iran'], ['un']]]);
    });

    it('takes the subject of a "that" complement as the one a demand is addressed to, not a pronoun "that"', () => {
      assert.deepEqual(of('Iran demanded that Oman release the tanker.').events.map((e) => [e[0], e[2], e[3]]), [['REQUEST', ['iran'], ['oman']]]);
      assert.deepEqual(of('Rana Tariq said the League will insist on that in the assembly.').events.map((e) => e[3]), [[]]);
    });

    it('takes a country after "to" as the recipient, and runs the governing verb’s object through its infinitive', () => {
      assert.deepEqual(of('Iran has offered to hand over to Oman two of the detained sailors.').events, [['AGREE', 'offered', ['iran'], ['oman']]]);
    });

    it('codes Phoenix verbs the hand lexicon lacks: welcoming, handing over aid, declining, failing to reach agreement', () => {
      assert.deepEqual(of('Sara Baig welcomed Rana Tariq in Quetta.').events, [['SUPPORT', 'welcomed', ['sara'], ['rana']]]);
      assert.deepEqual(of('The UN gave emergency food aid to Oman.').events, [['AID', 'gave', ['un'], ['oman']]]);
      assert.deepEqual(of('The League failed to reach an agreement with the AUP.').events, [['REJECT', 'failed', ['league'], ['aup']]]);
    });

    it('codes arriving on a visit, renewing talks, declining to act and handing over aid', () => {
      assert.deepEqual(of('Sara Baig arrived in Oman on a two-day visit.').events.map((e) => [e[0], e[2]]), [['CONSULT', ['sara']]]);
      assert.deepEqual(of('The League renewed talks with the AUP on Friday.').events, [['CONSULT', 'renewed', ['league'], ['aup']]]);
      assert.deepEqual(of('The League declined to join the AUP boycott.').events.map((e) => [e[0], e[1], e[2]]), [['REJECT', 'declined to', ['league']]]);
      assert.deepEqual(of('The UN handed over relief supplies to Oman.').events, [['AID', 'handed over', ['un'], ['oman']]]);
    });

    it('codes no event for a question asked, a comment declined, or a speech verb', () => {
      assert.deepEqual(of('Rana Tariq asked Sara Baig whether the League would back the budget.').events, []);
      assert.deepEqual(of('The League declined to comment on the budget.').events, []);
      assert.deepEqual(of('Rana Tariq added that Sara Baig had been in Quetta.').events, []);
    });

    it('codes a protest as PROTEST whatever its demand', () => {
      assert.deepEqual(of('AUP workers protested in Quetta to demand the release of Rana Tariq.').events.map((e) => e[0]), ['PROTEST']);
    });
  });

  describe('state changes', () => {
    const changes = (text: string, opts: Parameters<typeof annotate>[2] = {}) => {
      const doc = annotate(text, [...ACTORS, { id: 'ministry', type: 'GOVBODY', names: ['Health Ministry'] }], opts);
      extractEvents(doc);
      return doc.stateChanges.map((c) => [c.kind, c.subject, ...(c.with ? [c.with] : []), ...(c.date ? [c.date.value] : [])]);
    };

    it('reads an election, a removal and a dismissal as offices taken and left by their objects', () => {
      assert.deepEqual(changes('Sara Baig was elected prime minister.'), [['took_office', 'sara']]);
      assert.deepEqual(changes('The assembly elected Sara Baig as chief minister.'), [['took_office', 'sara']]);
      assert.deepEqual(changes('Rana Tariq was removed as prime minister.'), [['left_office', 'rana']]);
      assert.deepEqual(changes('Rana Tariq was dismissed in May 2021.', { times: [{ text: 'May 2021', value: { kind: 'date', granularity: 'month', value: '2021-05' } }] }), [['left_office', 'rana', '2021-05']]);
    });

    it('reads taking office, leaving and returning to a ministry, and the downfall of a leader', () => {
      assert.deepEqual(changes('Sara Baig took office as finance minister.'), [['took_office', 'sara']]);
      assert.deepEqual(changes('Rana Tariq briefly left the Health Ministry.'), [['left_office', 'rana']]);
      assert.deepEqual(changes('When Rana Tariq returned to the Health Ministry, the pressure resumed.'), [['took_office', 'rana']]);
      assert.deepEqual(changes('The protests led to the downfall of Chief Minister Rana Tariq.'), [['left_office', 'rana']]);
    });

    it('dates a change told in the present perfect to the day of publication', () => {
      assert.deepEqual(changes('The assembly has elected Sara Baig as chief minister.', { published: '2021-03-04' }), [['took_office', 'sara', '2021-03-04']]);
    });

    it('reads a party withdrawing from the ruling coalition as left_coalition with the ruling party, and no RETREAT', () => {
      const doc = annotate('The League-led coalition government lost its majority. The AUP withdrew from the ruling coalition on Sunday.', ACTORS);
      extractEvents(doc);
      assert.deepEqual(doc.stateChanges.map((c) => [c.kind, c.subject, c.with]), [['left_coalition', 'aup', 'league']]);
      assert.deepEqual(doc.events.filter((e) => e.type === 'RETREAT'), []);
    });

    it('makes no change from a demand or a report of one, nor from "ousted" before a title', () => {
      assert.deepEqual(changes('Rana Tariq demanded the dismissal of Sara Baig.'), []);
      assert.deepEqual(changes('Sara Baig urged the assembly to remove Rana Tariq as chief minister.'), []);
      assert.deepEqual(changes('Ousted chief minister Rana Tariq spoke in Quetta.'), []);
    });
  });

  describe('event dates', () => {
    it('dates an event from its own clause, not from another clause of the sentence', () => {
      const text = 'The deadline for nominations is July 17, but Sara Baig met Rana Tariq on Tuesday.';
      const doc = annotate(text, ACTORS, { times: [{ text: 'July 17', value: day('2021-07-17') }, { text: 'on Tuesday', value: day('2021-07-13') }] });
      extractEvents(doc);
      assert.deepEqual(doc.events.map((e) => [e.type, e.date?.value]), [['CONSULT', '2021-07-13']]);
    });

    it('dates an undated event from the story’s last stated day, never from a deadline', () => {
      const text = 'The AUP met the League on Monday. The League must answer by Friday. Sara Baig later criticised Rana Tariq.';
      const doc = annotate(text, ACTORS, { published: '2021-07-14', times: [{ text: 'on Monday', value: day('2021-07-12') }, { text: 'by Friday', value: day('2021-07-16') }] });
      extractEvents(doc);
      assert.deepEqual(doc.events.map((e) => [e.type, e.date?.value]), [['CONSULT', '2021-07-12'], ['ACCUSE', '2021-07-12']]);
    });
  });
});
