import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildRecord } from '../../src/record/build.js';
import { compareNameTokens, givenNameGender } from '../../src/record/names.js';
import { holdsOn, officeKey } from '../../src/record/state.js';
import type { CrossRecord } from '../../src/record/types.js';
import { Article } from './fixture.js';

// Sentences written for these tests: relatives, short forms of given names, names people go by, bodies named with
// and without their country, slogans, and offices written into a name.

const clusterOf = (record: CrossRecord, a: Article, local: string): string | undefined =>
  record.actors.find((x) => x.members.some((m) => m.article === a.doc.meta.id && m.local === local))?.id;

const days = ['2016-01-02', '2016-01-03', '2016-01-04'];

/** Three articles that make `name` a person the record knows (surname and given name named in three articles). */
const knownAs = (name: string, aliases: string[] = [], on = days): Article[] =>
  on.map((d) => new Article(`DES MOINES - ${name} spoke at a rally on ${d}. ${aliases.map((a) => `${a} said more.`).join(' ')}`, d)
    .actor('p1', 'PERSON', name, aliases));

describe('relatives and short forms of given names', () => {
  it('does not take "Mr. Ferrow" for a woman of the article whose given name is a woman\'s ("Michelle")', () => {
    const tom = knownAs('Tom Ferrow', ['President Ferrow']);
    const b = new Article('CHICAGO - Michelle Ferrow was there. Mr. Ferrow spoke after her.', '2016-01-10')
      .actor('p1', 'PERSON', 'Michelle Ferrow').actor('p2', 'PERSON', 'Mr. Ferrow');
    const record = buildRecord([...tom.map((a) => a.doc), b.doc]);
    assert.notEqual(clusterOf(record, b, 'p2'), clusterOf(record, b, 'p1'));
    assert.equal(clusterOf(record, b, 'p2'), clusterOf(record, tom[0]!, 'p1'));
    assert.equal(givenNameGender('michelle'), 'f');
    assert.equal(givenNameGender('dana'), undefined);
  });

  it('joins a short form of a given name to the full one ("Jim" for James, "Joe" for Joseph)', () => {
    assert.equal(compareNameTokens('jim', 'james'), 'variant');
    assert.equal(compareNameTokens('ted', 'edward'), 'variant');
    const james = knownAs('James B. Ferrow');
    const jim = new Article('RENO - Jim Ferrow gave a speech.', '2016-01-10').actor('p1', 'PERSON', 'Jim Ferrow');
    const record = buildRecord([...james.map((a) => a.doc), jim.doc]);
    assert.equal(clusterOf(record, jim, 'p1'), clusterOf(record, james[0]!, 'p1'));
  });

  it('a full name giving the name a person goes by as a middle name or as initials is that person; a relative stays apart', () => {
    // Known as Ted in five articles: the legal name, given once, is a small share of the names he is known by.
    const ted = knownAs('Ted Ferrow', [], [...days, '2016-01-05', '2016-01-06']);
    const jeb = knownAs('Jeb Barrow');
    const legal = new Article('RENO - He was born Rafael Edward Ferrow. John Ellis Barrow was there.', '2016-01-10')
      .actor('p1', 'PERSON', 'Rafael Edward Ferrow').actor('p2', 'PERSON', 'John Ellis Barrow');
    const father = ['2016-01-11', '2016-01-12'].map((d) => new Article(`RENO - His father, Rafael Ferrow, spoke on ${d}.`, d).actor('p1', 'PERSON', 'Rafael Ferrow'));
    const record = buildRecord([...ted, ...jeb, legal, ...father].map((a) => a.doc));
    assert.equal(clusterOf(record, legal, 'p1'), clusterOf(record, ted[0]!, 'p1'));
    assert.equal(clusterOf(record, legal, 'p2'), clusterOf(record, jeb[0]!, 'p1'));
    assert.notEqual(clusterOf(record, father[0]!, 'p1'), clusterOf(record, ted[0]!, 'p1'));
  });
});

describe('names garbled around a known name', () => {
  it('links a quoted slogan by the known name in it ("\'\'Grumpy Ferrow,\'\'"), and a name running into a possessive by its owner', () => {
    const dana = knownAs('Dana Ferrow', ['Ferrow']);
    const sign = new Article("BOSTON - Dana Ferrow came. A sign read ''Grumpy Ferrow,'' and Mr. Ferrow laughed.", '2016-01-10')
      .actor('p1', 'PERSON', 'Dana Ferrow').actor('p2', 'PERSON', 'Grumpy Ferrow', ['Mr. Ferrow']);
    const owner = new Article("BOSTON - Dana Ferrow came. Ferrow's Republican allies cheered.", '2016-01-11')
      .actor('p1', 'PERSON', 'Dana Ferrow').actor('p2', 'PERSON', "Ferrow's Republican", ["Ferrow's"]);
    const record = buildRecord([...dana, sign, owner].map((a) => a.doc));
    const ferrow = clusterOf(record, dana[0]!, 'p1');
    assert.equal(clusterOf(record, sign, 'p2'), ferrow);
    assert.equal(clusterOf(record, owner, 'p2'), ferrow);
  });
});

describe('bodies and parties', () => {
  it('a body named with its country is the body ("U.S. Senate" = "Senate", "United States Supreme Court" = "Supreme Court")', () => {
    const plain = new Article('WASHINGTON - The Senate voted. The Supreme Court ruled.', '2016-01-02')
      .actor('o1', 'GOVBODY', 'Senate').actor('o2', 'GOVBODY', 'Supreme Court');
    const named = new Article('WASHINGTON - The U.S. Senate voted. The United States Supreme Court ruled.', '2016-01-03')
      .actor('o1', 'GOVBODY', 'U.S. Senate').actor('o2', 'GOVBODY', 'United States Supreme Court');
    const record = buildRecord([plain.doc, named.doc]);
    assert.equal(clusterOf(record, named, 'o1'), clusterOf(record, plain, 'o1'));
    assert.equal(clusterOf(record, named, 'o2'), clusterOf(record, plain, 'o2'));
  });

  it('a person\'s full name the record knows, tagged as a place, is the person', () => {
    const dana = knownAs('Dana Ferrow');
    const place = new Article('BOSTON - Voters for Dana Ferrow came.', '2016-01-10').actor('l1', 'PLACE', 'Dana Ferrow');
    const record = buildRecord([...dana, place].map((a) => a.doc));
    assert.equal(clusterOf(record, place, 'l1'), clusterOf(record, dana[0]!, 'p1'));
  });

  it('a party name the lexicon lists stays the party when tagged as a place ("Republicans")', () => {
    const party = new Article('WASHINGTON - The Republican Party met.', '2016-01-02').actor('o1', 'PARTY', 'Republican Party');
    const place = new Article('WASHINGTON - Republicans met.', '2016-01-03').actor('o1', 'PLACE', 'Republicans');
    const record = buildRecord([party.doc, place.doc]);
    assert.equal(clusterOf(record, place, 'o1'), clusterOf(record, party, 'o1'));
  });
});

describe('offices written with the name', () => {
  const officesOf = (record: CrossRecord, a: Article, local: string) => record.offices.filter((o) => o.person === clusterOf(record, a, local));

  it('reads an office from a title inside the name ("Iowa Gov. Ellen Marsh") and from title words before it ("campaign manager Rita Vance")', () => {
    const a = new Article('DES MOINES - Iowa Gov. Ellen Marsh met campaign manager Rita Vance on Monday.', '2016-03-01')
      .actor('p1', 'PERSON', 'Iowa Gov. Ellen Marsh', ['Ellen Marsh'], ['Iowa Gov. Ellen Marsh'])
      .actor('p2', 'PERSON', 'Rita Vance');
    const record = buildRecord([a.doc]);
    const governor = officesOf(record, a, 'p1');
    assert.deepEqual(governor.map((o) => officeKey(o.title)), ['iowa governor']);
    assert.equal(holdsOn(governor[0]!, '2016-03-01'), true);
    assert.deepEqual(officesOf(record, a, 'p2').map((o) => o.title), ['campaign manager']);
  });

  it('reads the office of a titled name the tagger took for a place ("Ohio Gov. Dana Ferrow")', () => {
    const a = new Article('COLUMBUS - Voters cheered Ohio Gov. Dana Ferrow on Monday.', '2016-03-01')
      .actor('l1', 'PLACE', 'Ohio Gov. Dana Ferrow');
    const record = buildRecord([a.doc]);
    assert.deepEqual(officesOf(record, a, 'l1').map((o) => officeKey(o.title)), ['ohio governor']);
  });

  it('a fired or next holder is no report of holding the office ("fired campaign manager", "the next president")', () => {
    const a = new Article('DES MOINES - The campaign fired campaign manager Rita Vance. Critics said ousted campaign manager Rita Vance left. Former Ferrow campaign manager Rita Vance spoke.', '2016-06-20')
      .actor('p1', 'PERSON', 'Rita Vance', [], ['Rita Vance'])
      .change('left_office', 'p1', 'The campaign fired campaign manager Rita Vance');
    const b = new Article('RENO - Ellen Marsh wants to be the next president.', '2016-06-21')
      .actor('p1', 'PERSON', 'Ellen Marsh').role('p1', 'next president', undefined, 'next president');
    const record = buildRecord([a.doc, b.doc]);
    assert.equal(officesOf(record, a, 'p1').some((o) => holdsOn(o, '2016-06-20')), false);
    assert.deepEqual(officesOf(record, b, 'p1'), []);
  });
});
