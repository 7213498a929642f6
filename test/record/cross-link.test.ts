import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildRecord } from '../../src/record/build.js';
import { splitCamel } from '../../src/record/link.js';
import { parsePersonName } from '../../src/record/names.js';
import { holdsOn, officeKey } from '../../src/record/state.js';
import type { CrossRecord } from '../../src/record/types.js';
import { Article } from './fixture.js';

// Sentences written for these tests. Each mechanism links a per-article actor whose name the text garbled.

const clusterOf = (record: CrossRecord, article: string, local: string): string | undefined =>
  record.actors.find((a) => a.members.some((m) => m.article === article && m.local === local))?.id;

/** An actor with mentions at the given occurrences of fragments ([fragment, n]): the fixture's actor() takes first ones only. */
function actorAt(a: Article, id: string, name: string, aliases: string[], at: [string, number][]): void {
  const mentions = at.map(([fragment, n]) => {
    const m = { id: `m${a.doc.mentions.length + 1}`, span: a.span(fragment, n), type: 'PERSON' as const, actor: id, source: 'rule' as const };
    a.doc.mentions.push(m);
    return m.id;
  });
  a.doc.actors.push({ id, type: 'PERSON', name, aliases, mentions });
}

/** Three earlier articles that make Dana Ferrow the person the record knows under the surname Ferrow. */
function known(): Article[] {
  return ['2016-01-02', '2016-01-03', '2016-01-04'].map((d) => new Article(`DES MOINES - Dana Ferrow spoke at a rally on ${d}. Ferrow said he would win.`, d)
    .actor('p1', 'PERSON', 'Dana Ferrow', ['Ferrow', 'Mr. Ferrow'], ['Dana Ferrow', 'Ferrow']));
}

describe('names garbled by headlines and neighbouring words', () => {
  it('links a name read only in the headline by the form the body uses', () => {
    const text = 'Dana Ferrow Rampages To Lead In Iowa\n\nDana Ferrow leads the field. Ferrow said he was pleased. Ferrow thanked voters.';
    const a = new Article(text, '2016-01-10', 'Dana Ferrow Rampages To Lead In Iowa');
    actorAt(a, 'p1', 'Dana Ferrow Rampages', ['Dana Ferrow', 'Ferrow'], [['Dana Ferrow Rampages', 0], ['Dana Ferrow', 1], ['Ferrow', 2], ['Ferrow', 3]]);
    const record = buildRecord([...known().map((k) => k.doc), a.doc]);
    const ferrow = clusterOf(record, known()[0]!.doc.meta.id, 'p1');
    assert.equal(clusterOf(record, a.doc.meta.id, 'p1'), ferrow);
    assert.equal(record.actors.find((x) => x.id === ferrow)!.name, 'Dana Ferrow');
  });

  it('drops words after a surname the body never uses for the person ("Ferrow Shuttle")', () => {
    const a = new Article('BOSTON - The Ferrow Shuttle flew once. Ferrow said it lost money. Ferrow sold it.', '2016-01-10');
    actorAt(a, 'p1', 'Ferrow Shuttle', ['Ferrow'], [['Ferrow Shuttle', 0], ['Ferrow', 1], ['Ferrow', 2]]);
    const record = buildRecord([...known().map((k) => k.doc), a.doc]);
    assert.equal(clusterOf(record, a.doc.meta.id, 'p1'), clusterOf(record, known()[0]!.doc.meta.id, 'p1'));
  });

  it('keeps a headline name whose every word the body uses ("Mara Ferrow": "Mara", "Ferrow")', () => {
    const text = 'Mara Ferrow\n\nMara spoke first. Ferrow, her husband, followed. Mara thanked them.';
    const a = new Article(text, '2016-01-10', 'Mara Ferrow');
    actorAt(a, 'p1', 'Mara Ferrow', ['Mara', 'Ferrow'], [['Mara Ferrow', 0], ['Mara', 1], ['Ferrow', 1], ['Mara', 2]]);
    const record = buildRecord([...known().map((k) => k.doc), a.doc]);
    assert.notEqual(clusterOf(record, a.doc.meta.id, 'p1'), clusterOf(record, known()[0]!.doc.meta.id, 'p1'));
  });

  it('drops small words and demonyms run into the front of a name', () => {
    const a = new Article('MIAMI - During Dana Ferrow and others alike, Kenyans Dana Ferrow voters came.', '2016-01-10')
      .actor('p1', 'PERSON', 'During Dana Ferrow', [], ['During Dana Ferrow'])
      .actor('p2', 'PERSON', 'Kenyans Dana Ferrow', [], ['Kenyans Dana Ferrow']);
    const record = buildRecord([...known().map((k) => k.doc), a.doc]);
    const ferrow = clusterOf(record, known()[0]!.doc.meta.id, 'p1');
    assert.equal(clusterOf(record, a.doc.meta.id, 'p1'), ferrow);
    assert.equal(clusterOf(record, a.doc.meta.id, 'p2'), ferrow);
  });
});

describe('person names typed otherwise', () => {
  it('a title inside a name starts the person name', () => {
    assert.deepEqual(parsePersonName('New Jersey Gov. Ellen Marsh')?.tokens, ['ellen', 'marsh']);
    assert.deepEqual(parsePersonName('Manhattan-made Mr. Ferrow')?.tokens, ['ferrow']);
    assert.equal(parsePersonName('Manhattan-made Mr. Ferrow')?.gender, 'm');
    // Not at words that also occur inside offices' names, nor at honorifics South Asian names carry inside them.
    assert.deepEqual(parsePersonName('Secretary of State John Kerrow')?.tokens, ['john', 'kerrow']);
    assert.deepEqual(parsePersonName('Abdul Hafiz Shaikh')?.tokens, ['abdul', 'hafiz', 'shaikh']);
  });

  it('links a titled name tagged as a place to the person', () => {
    const b = new Article('TRENTON - New Jersey Gov. Dana Ferrow signed the budget.', '2016-01-10')
      .actor('l1', 'PLACE', 'New Jersey Gov. Dana Ferrow');
    const record = buildRecord([...known().map((k) => k.doc), b.doc]);
    assert.equal(clusterOf(record, b.doc.meta.id, 'l1'), clusterOf(record, known()[0]!.doc.meta.id, 'p1'));
  });

  it('reads a camel-cased handle as words and a one-word place the article names as a person', () => {
    assert.equal(splitCamel('DanaFerrow'), 'Dana Ferrow');
    assert.equal(splitCamel('@GovFerrow'), 'Gov Ferrow');
    assert.equal(splitCamel('MacArthur'), undefined);
    assert.equal(splitCamel('McDonald'), undefined);
    const b = new Article('DES MOINES - DanaFerrow posted a video. Dana Ferrow spoke later; the Ferrow crowd cheered.', '2016-01-10')
      .actor('o1', 'ORG', 'DanaFerrow').actor('p1', 'PERSON', 'Dana Ferrow').actor('l1', 'PLACE', 'Ferrow', [], ['Ferrow crowd']);
    const record = buildRecord([...known().map((k) => k.doc), b.doc]);
    const ferrow = clusterOf(record, known()[0]!.doc.meta.id, 'p1');
    assert.equal(clusterOf(record, b.doc.meta.id, 'o1'), ferrow);
    assert.equal(clusterOf(record, b.doc.meta.id, 'l1'), ferrow);
  });

  it('does not join "Mr. X" to the article\'s full name the record knows as a woman', () => {
    const mrs = ['2016-01-02', '2016-01-03'].map((d) => new Article(`CHICAGO - Mara Ferrow spoke on ${d}. Mrs. Ferrow thanked the crowd.`, d)
      .actor('p1', 'PERSON', 'Mara Ferrow', ['Mrs. Ferrow']));
    const b = new Article('CHICAGO - Mara Ferrow was there. Mr. Ferrow spoke after her.', '2016-01-10')
      .actor('p1', 'PERSON', 'Mara Ferrow').actor('p2', 'PERSON', 'Mr. Ferrow');
    const record = buildRecord([...mrs.map((m) => m.doc), b.doc]);
    assert.equal(clusterOf(record, b.doc.meta.id, 'p1'), clusterOf(record, mrs[0]!.doc.meta.id, 'p1'));
    assert.notEqual(clusterOf(record, b.doc.meta.id, 'p2'), clusterOf(record, b.doc.meta.id, 'p1'));
  });
});

describe('past offices from reports', () => {
  const nameOf = (record: CrossRecord, id: string): string => record.actors.find((a) => a.id === id)?.name ?? id;
  const holders = (record: CrossRecord, day: string): string[] =>
    record.offices.filter((o) => officeKey(o.title) === 'governor' && holdsOn(o, day)).map((o) => nameOf(record, o.person));

  it('closes an office once reports call it former, and takes later present-tense mentions as historical', () => {
    const role = (d: string, text: string, evidence: string): Article => new Article(text, d).actor('p1', 'PERSON', 'Ellen Marsh').role('p1', 'Governor', undefined, evidence);
    const docs = [
      role('2016-01-05', 'TRENTON - Governor Ellen Marsh signed the budget.', 'Governor Ellen Marsh'),
      role('2016-02-05', 'TRENTON - Former Governor Ellen Marsh joined the rally.', 'Governor Ellen Marsh'),
      role('2016-03-05', 'TRENTON - In 2012, Governor Ellen Marsh vetoed a bill.', 'Governor Ellen Marsh'),
      role('2016-04-05', 'TRENTON - The former Governor Ellen Marsh wrote a book.', 'Governor Ellen Marsh'),
    ].map((a) => a.doc);
    const record = buildRecord(docs);
    assert.deepEqual(holders(record, '2016-01-20'), ['Ellen Marsh']);
    assert.deepEqual(holders(record, '2016-03-10'), []);
    const office = record.offices.find((o) => officeKey(o.title) === 'governor')!;
    assert.equal(office.to, '2016-02-05');
  });

  it('keeps an office reported held more often than former', () => {
    const docs = ['2016-01-05', '2016-01-06', '2016-01-07'].map((d) => new Article(`TRENTON - Governor Ellen Marsh signed the budget on ${d}.`, d)
      .actor('p1', 'PERSON', 'Ellen Marsh').role('p1', 'Governor', undefined, 'Governor Ellen Marsh').doc);
    docs.splice(1, 0, new Article('TRENTON - Former Governor Ellen Marsh joined the rally.', '2016-01-05')
      .actor('p1', 'PERSON', 'Ellen Marsh').role('p1', 'Governor', undefined, 'Governor Ellen Marsh').doc);
    assert.deepEqual(holders(buildRecord(docs), '2016-01-07'), ['Ellen Marsh']);
  });
});

describe('departures and office names', () => {
  it('a departure naming no office closes the role it is reported with', () => {
    const held = new Article('ATLANTA - Party chairwoman Rita Vance opened the meeting.', '2016-05-01')
      .actor('p1', 'PERSON', 'Rita Vance')
      .role('p1', 'Chairwoman', undefined, 'chairwoman Rita Vance');
    const left = new Article('ATLANTA - The vote came because chairwoman Rita Vance resigned in July.', '2016-08-10')
      .actor('p1', 'PERSON', 'Rita Vance')
      .role('p1', 'Chair', undefined, 'chairwoman Rita Vance')
      .change('left_office', 'p1', 'chairwoman Rita Vance resigned in July', { date: { kind: 'date', granularity: 'month', value: '2016-07', start: '2016-07-01', end: '2016-07-31' } });
    const record = buildRecord([held.doc, left.doc]);
    const chair = record.offices.filter((o) => officeKey(o.title) === 'chair');
    assert.equal(chair.some((o) => holdsOn(o, '2016-05-15')), true);
    assert.equal(chair.some((o) => holdsOn(o, '2016-08-10')), false);
  });

  it('reads an organisation named in the title words before a name as the office\'s organisation ("Council Chair" = chairwoman of the council)', () => {
    const held = new Article('ATLANTA - Rita Vance, chairwoman of the Western Planters Council, opened the meeting.', '2016-05-01')
      .actor('p1', 'PERSON', 'Rita Vance')
      .actor('o1', 'ORG', 'Western Planters Council')
      .role('p1', 'chairwoman', 'o1', 'Rita Vance, chairwoman of the Western Planters Council');
    const left = new Article('ATLANTA - Rita Vance resigned on Sunday, the council said.', '2016-07-25')
      .actor('p1', 'PERSON', 'Rita Vance')
      .actor('o1', 'ORG', 'Western Planters Council', [], [])
      .role('p1', 'chairwoman', 'o1', 'Rita Vance resigned on Sunday')
      .change('left_office', 'p1', 'Rita Vance resigned on Sunday', { body: 'o1' });
    const later = new Article('ATLANTA - Western Planters Council Chair Rita Vance will leave her post after the convention.', '2016-07-25')
      .actor('p1', 'PERSON', 'Rita Vance')
      .actor('o1', 'ORG', 'Western Planters Council');
    const record = buildRecord([held.doc, left.doc, later.doc]);
    const vance = record.actors.find((a) => a.name === 'Rita Vance')!.id;
    const chairs = record.offices.filter((o) => o.person === vance && officeKey(o.title) === 'chair');
    assert.equal(chairs.length, 1, chairs.map((o) => o.title).join(', '));
    assert.equal(chairs.some((o) => holdsOn(o, '2016-08-01')), false);
  });

  it('spells one office one way', () => {
    assert.equal(officeKey('Chairwoman'), officeKey('Chair'));
    assert.equal(officeKey('Gov.'), officeKey('Governor'));
    assert.equal(officeKey('Congresswoman'), officeKey('Representative'));
  });
});

describe('past offices named before a mention', () => {
  it('"former Secretary of State X" with no role closes the shorter title X is addressed by ("Secretary Y")', () => {
    const addressed = (d: string): Article => new Article(`RENO - Secretary Marsh spoke on ${d}.`, d)
      .actor('p1', 'PERSON', 'Ellen Marsh', ['Marsh'], ['Marsh']).role('p1', 'Secretary', undefined, 'Secretary Marsh');
    const past = (d: string): Article => new Article(`RENO - The book by former Secretary of State Ellen Marsh sold well on ${d}.`, d)
      .actor('p1', 'PERSON', 'Ellen Marsh');
    const record = buildRecord([addressed('2016-01-05'), past('2016-01-10'), addressed('2016-01-15'), past('2016-01-20')].map((a) => a.doc));
    const secretary = record.offices.filter((o) => officeKey(o.title) === 'secretary');
    assert.equal(secretary.some((o) => holdsOn(o, '2016-01-06')), true);
    assert.equal(secretary.some((o) => holdsOn(o, '2016-01-25')), false);
  });
});

describe('a person most articles typed as an organisation', () => {
  it('links a bare surname to a record actor filed with given names, though most of its members were typed ORG', () => {
    // Two articles where the tagger read "Dana Ferrow" as an organisation, one where it read a person, then "Ferrow" alone.
    const orgs = ['2016-01-02', '2016-01-03'].map((d) => new Article(`DES MOINES - Donors backed candidates such as Dana Ferrow on ${d}.`, d)
      .actor('o1', 'ORG', 'Dana Ferrow', [], ['Dana Ferrow']));
    const person = new Article('DES MOINES - Dana Ferrow spoke at a rally. Mr. Ferrow said he would win.', '2016-01-04')
      .actor('p1', 'PERSON', 'Dana Ferrow', ['Mr. Ferrow'], ['Dana Ferrow', 'Mr. Ferrow']);
    const bare = new Article('AMES - Ferrow said he would win Iowa.', '2016-01-05').actor('p1', 'PERSON', 'Ferrow', [], ['Ferrow']);
    const record = buildRecord([...orgs.map((o) => o.doc), person.doc, bare.doc]);
    const ferrow = clusterOf(record, orgs[0]!.doc.meta.id, 'o1');
    assert.equal(clusterOf(record, person.doc.meta.id, 'p1'), ferrow);
    assert.equal(clusterOf(record, bare.doc.meta.id, 'p1'), ferrow);
  });
});
