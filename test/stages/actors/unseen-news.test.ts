/**
 * Mechanisms for news from many countries (issue 11), each on sentences written for the test: group words
 * and demonyms are no actors, country abbreviations are places, honorifics stay outside the name, one
 * person is one actor across spellings and ranks, and roles from coordinated, past, lower-case and
 * apposed offices.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createDocument, type Document } from '../../../src/document/document.js';
import { Pipeline } from '../../../src/pipeline/pipeline.js';
import { segmentStage } from '../../../src/stages/segment/segment.js';
import { actorsStage } from '../../../src/stages/actors/actors.js';

const pipeline = new Pipeline([segmentStage, actorsStage]);

async function analyse(text: string): Promise<Document> {
  const doc = createDocument(text);
  await pipeline.run(doc);
  return doc;
}

const names = (doc: Document, type?: string) => doc.actors.filter((a) => type === undefined || a.type === type).map((a) => a.name);

function rolesOf(doc: Document, person: string) {
  const actor = doc.actors.find((a) => a.name === person);
  assert.ok(actor, `no actor ${person}; actors: ${names(doc).join(', ')}`);
  return doc.roles.filter((r) => r.person === actor.id).map((r) => ({
    title: r.title,
    ...(r.org ? { org: doc.actors.find((a) => a.id === r.org)!.name } : {}),
    ...(r.former ? { former: true } : {}),
    ...(r.country ? { country: r.country } : {}),
  }));
}

function partiesOf(doc: Document, person: string): string[] {
  const id = doc.actors.find((a) => a.name === person)!.id;
  return doc.memberships.filter((m) => m.person === id).map((m) => doc.actors.find((a) => a.id === m.org)!.name);
}

describe('non-actors and places', () => {
  it('keeps demonyms and group words out of the actors', async () => {
    const doc = await analyse('Kenyans queued for hours in Nairobi on Monday. The British and the Berbers were not consulted, and North Korean officials stayed away.');
    const all = names(doc);
    for (const group of ['Kenyans', 'British', 'Berbers', 'North Korean']) assert.ok(!all.includes(group), `${group} in ${all.join(', ')}`);
    assert.ok(names(doc, 'PLACE').includes('Nairobi'));
  });

  it('reads what a capitalised chunk names from its last and first words', async () => {
    const doc = await analyse('Tourists visited Corcovado National Park after the World Cup. Saudi Aramco signed with Hyundai Heavy Industries, and the Marine Parks reopened.');
    assert.ok(names(doc, 'PLACE').includes('Corcovado National Park'));
    assert.ok(!names(doc, 'PERSON').some((n) => /World Cup|Saudi Aramco|Marine Parks|Hyundai/u.test(n)), names(doc, 'PERSON').join(', '));
    assert.ok(!names(doc).includes('World Cup'));
  });

  it('keeps royal and customary titles outside the name', async () => {
    const doc = await analyse('King Salman received the envoy. Salman later left.');
    assert.deepEqual(names(doc, 'PERSON'), ['Salman']);
  });

  it('reads country abbreviations as places', async () => {
    const doc = await analyse('The talks in Geneva were backed by the UK and the USA, officials said.');
    assert.ok(names(doc, 'PLACE').includes('UK'));
    assert.ok(names(doc, 'PLACE').includes('USA'));
  });
});

describe('one person, one actor', () => {
  it('keeps an honorific outside the mention span and in the aliases', async () => {
    const doc = await analyse('Mr Tunde Bakare addressed the rally. Bakare later left.');
    const actor = doc.actors.find((a) => a.name === 'Tunde Bakare');
    assert.ok(actor);
    assert.ok(actor.aliases.includes('Mr Tunde Bakare'));
    const first = doc.mentions.find((m) => m.actor === actor.id)!;
    assert.equal(doc.text.slice(first.span.start, first.span.end), 'Tunde Bakare');
  });

  it('joins a military rank and a surname to the full name', async () => {
    const doc = await analyse('Prime Minister Somchai Wongsawat spoke first. Gen Somchai then left the chamber.');
    assert.deepEqual(names(doc, 'PERSON'), ['Somchai Wongsawat']);
  });

  it('joins two romanisations of one name and a one-letter typo, but not a different given name', async () => {
    const doc = await analyse('Lawmaker Kim Bum-soo asked first. Later Kim Beom-soo spoke again, and Kim Joo-hyun answered. Nomvula Mkhwebane was absent; Mkhewebane had written.');
    const persons = names(doc, 'PERSON');
    assert.equal(persons.filter((n) => n.startsWith('Kim')).length, 2, persons.join(', '));
    assert.equal(persons.filter((n) => /Mkh/u.test(n)).length, 1, persons.join(', '));
  });

  it('does not read a one-word name as a typo of another person\'s given name ("Obama" and "Osama Farid")', async () => {
    const doc = await analyse('The cleric Osama Farid spoke first. Later Obama answered him, and Farid left.');
    const osama = doc.actors.find((a) => a.name === 'Osama Farid');
    assert.ok(osama);
    assert.equal(osama.aliases.includes('Obama'), false, osama.aliases.join(', '));
  });

  it('compares names without diacritics', async () => {
    const doc = await analyse('President Alberto Fernández met farmers. Alberto Fernandez later spoke.');
    assert.equal(names(doc, 'PERSON').length, 1);
  });
});

describe('roles', () => {
  it('gives a plural office to each coordinated name, in the singular', async () => {
    const doc = await analyse('The party named deputy chairmen Ali Raza and Dr Sana Mir on Friday.');
    assert.deepEqual(rolesOf(doc, 'Ali Raza'), [{ title: 'deputy chairman' }]);
    assert.deepEqual(rolesOf(doc, 'Sana Mir'), [{ title: 'deputy chairman' }]);
  });

  it('marks past offices: former, then, ex-', async () => {
    const doc = await analyse('The bill was drafted by then finance minister Omar Haidari. Ex-premier Nawid Karimi, a former governor, objected.');
    assert.deepEqual(rolesOf(doc, 'Omar Haidari'), [{ title: 'finance minister', former: true }]);
    assert.ok(rolesOf(doc, 'Nawid Karimi').some((r) => r.title === 'Ex-premier' && r.former));
  });

  it('reads a lower-case office right before a name, and an office after a link verb', async () => {
    const doc = await analyse('On Monday superintendent Lee Min-ho was suspended. Grace Achieng took office as labour minister last month.');
    assert.deepEqual(rolesOf(doc, 'Lee Min-ho'), [{ title: 'superintendent' }]);
    assert.deepEqual(rolesOf(doc, 'Grace Achieng'), [{ title: 'labour minister' }]);
  });

  it('gives an office its organisation and a name in apposition after it', async () => {
    const doc = await analyse('The workers were addressed by the President of the Ghana Teachers Union, Kofi Mensah, on Tuesday.');
    assert.deepEqual(rolesOf(doc, 'Kofi Mensah'), [{ title: 'President', org: 'Ghana Teachers Union', country: 'GHA' }]);
    assert.deepEqual(partiesOf(doc, 'Kofi Mensah'), ['Ghana Teachers Union']);
  });

  it('shares the holder between coordinated offices', async () => {
    const doc = await analyse('The Attorney-General and Minister of Justice, Ama Owusu, signed the order.');
    const titles = rolesOf(doc, 'Ama Owusu').map((r) => r.title).sort();
    assert.deepEqual(titles, ['Attorney-General', 'Minister of Justice']);
  });

  it('says whose country the office is when the text does', async () => {
    const doc = await analyse('Thai Prime Minister Somchai Wongsawat arrived in Hanoi.');
    assert.deepEqual(rolesOf(doc, 'Somchai Wongsawat'), [{ title: 'Prime Minister', country: 'THA' }]);
  });

  it('folds a shorter writing of a held office into it', async () => {
    const doc = await analyse('Unification Minister Park Jae-won met the envoy. Minister Park said the talks were useful.');
    assert.deepEqual(rolesOf(doc, 'Park Jae-won'), [{ title: 'Unification Minister' }]);
  });

  it('treats a bare party leader as the party office, a veteran party leader as a membership only', async () => {
    const doc = await analyse('Civic Party leader Anan Boonmee spoke. But veteran Civic Party leader Somsak Dee disagreed.');
    assert.deepEqual(rolesOf(doc, 'Anan Boonmee'), [{ title: 'leader', org: 'Civic Party' }]);
    assert.deepEqual(rolesOf(doc, 'Somsak Dee'), []);
    assert.deepEqual(partiesOf(doc, 'Somsak Dee'), ['Civic Party']);
  });

  it('infers no membership from a sentence that merely names a person and a party', async () => {
    const doc = await analyse(
      'Ali Raza and the Civic Party discussed the budget on Monday. Sana Mir attended a rally of the Renewal Party, where Anan Boonmee spoke. '
      + 'Somsak Dee criticised the Renewal Party for its stance. The Civic Party welcomed Nadia Baloch\'s remarks.',
    );
    for (const name of ['Ali Raza', 'Sana Mir', 'Anan Boonmee', 'Somsak Dee', 'Nadia Baloch']) assert.deepEqual(partiesOf(doc, name), [], name);
  });

  it('gives a plural office to each name after "including", and each party to the names before it', async () => {
    const doc = await analyse('Eleven lawmakers including Kim Dae-ho and Lee Jun-seo from the ruling Unity Party and Choi Min-su from the opposition Renewal Party asked questions.');
    for (const name of ['Kim Dae-ho', 'Lee Jun-seo', 'Choi Min-su']) assert.deepEqual(rolesOf(doc, name), [{ title: 'lawmaker' }]);
    assert.deepEqual(partiesOf(doc, 'Kim Dae-ho'), ['Unity Party']);
    assert.deepEqual(partiesOf(doc, 'Lee Jun-seo'), ['Unity Party']);
    assert.deepEqual(partiesOf(doc, 'Choi Min-su'), ['Renewal Party']);
  });

  it('reads portfolios joined by "and" before one head as one office', async () => {
    const doc = await analyse('Transport and Housing Minister Oh Se-jin resigned.');
    assert.deepEqual(rolesOf(doc, 'Oh Se-jin'), [{ title: 'Transport and Housing Minister' }]);
  });

  it('gives a second coordinated office after a held one to the same holder', async () => {
    const doc = await analyse('Kwesi Boateng, the Attorney-General and Minister of Justice, signed the order.');
    assert.deepEqual(rolesOf(doc, 'Kwesi Boateng').map((r) => r.title).sort(), ['Attorney-General', 'Minister of Justice']);
  });

  it('reads "ORG Office, Name," at the start of a sentence', async () => {
    const doc = await analyse('NUT President, Amaka Eze, said the strike would go on.');
    assert.ok(rolesOf(doc, 'Amaka Eze').some((r) => r.title === 'President'));
  });

  it('sends a surname after an office to the person written with that office', async () => {
    const doc = await analyse('Prime Minister Han Min-gyu opened the session. Justice Minister Han Do-yun replied. Later Prime Minister Han closed it.');
    assert.deepEqual(rolesOf(doc, 'Han Do-yun'), [{ title: 'Justice Minister' }]);
    assert.deepEqual(rolesOf(doc, 'Han Min-gyu'), [{ title: 'Prime Minister' }]);
  });

  it('reads an office after a possessive with its holder in apposition or right after it', async () => {
    const doc = await analyse("The mayor's advocate, Thandi Nkosi, SC, told the court the council acted lawfully. Ortega's running mate, Lucia Perez, campaigned in the north. Moreno's aide Daniel Cohen was questioned.");
    assert.deepEqual(rolesOf(doc, 'Thandi Nkosi'), [{ title: 'advocate' }]);
    assert.deepEqual(rolesOf(doc, 'Lucia Perez'), [{ title: 'running mate' }]);
    assert.deepEqual(rolesOf(doc, 'Daniel Cohen'), [{ title: 'aide' }]);
  });

  it('reads an office in a list item with a lower-case descriptor coordinated before the name', async () => {
    const doc = await analyse('The President of the Transport Union, Kofi Mensah; former Senator and activist, Ama Boateng, and others marched.');
    assert.deepEqual(rolesOf(doc, 'Ama Boateng'), [{ title: 'Senator', former: true }]);
    assert.deepEqual(rolesOf(doc, 'Kofi Mensah'), [{ title: 'President', org: 'Transport Union' }]);
  });

  it('reads an office with adjectives after its article and its holder in apposition', async () => {
    const doc = await analyse('Protesters blamed the disgraced Finance Minister, Musa Bello, for the losses.');
    assert.deepEqual(rolesOf(doc, 'Musa Bello'), [{ title: 'Finance Minister' }]);
  });
});

describe('tagger spans and city names', () => {
  const mentions = (doc: Document) => doc.mentions.map((m) => `${doc.text.slice(m.span.start, m.span.end)}/${m.type}`);

  it('takes the tagger\'s whole organisation name over rule pieces that leave out "of"', async () => {
    const doc = await analyse('Reporters from Voice of America were expelled.');
    assert.deepEqual(mentions(doc), ['Voice of America/ORG']);
  });

  it('reads a large city guessed as a person as a place, unless the text supports a person', async () => {
    assert.deepEqual(mentions(await analyse('Dushanbe hosted the summit of regional leaders.')), ['Dushanbe/PLACE']);
    const doc = await analyse('Jackson arrived late. Michael Jackson spoke first.');
    assert.deepEqual(mentions(doc), ['Jackson/PERSON', 'Michael Jackson/PERSON']);
  });
});

describe('state abbreviations', () => {
  const typeOf = (doc: Document, text: string) => doc.mentions.find((m) => doc.text.slice(m.span.start, m.span.end) === text)?.type;

  it('reads a state abbreviation of a country the article names as a place', async () => {
    const doc = await analyse('Bushfires spread across NSW on Sunday, Australian officials said, and crews from WA were sent east.');
    assert.equal(typeOf(doc, 'NSW'), 'PLACE');
    assert.equal(typeOf(doc, 'WA'), 'PLACE');
  });

  it('leaves the same letters alone when no country with such a state is named', async () => {
    const doc = await analyse('The NSW said its members would strike.');
    assert.notEqual(typeOf(doc, 'NSW'), 'PLACE');
  });
});

describe('possessives and dashes around names', () => {
  it('reads the possessive of a person\'s name word after a preposition as that person, not a place', async () => {
    const doc = await analyse('Governor Adaeze Okonkwo toured the flooded wards on Friday. Cheers rose from Okonkwo’s camp when the count ended.');
    const last = doc.mentions.at(-1)!;
    assert.equal(doc.text.slice(last.span.start, last.span.end), 'Okonkwo');
    assert.equal(last.type, 'PERSON');
    assert.equal(doc.actors.find((a) => a.id === last.actor)?.name, 'Adaeze Okonkwo');
    assert.deepEqual(names(doc, 'PLACE'), []);
  });

  it('joins a possessive full name to the same name, not to a misspelling of it', async () => {
    const doc = await analyse('Senator Anna Berg met the mayor, Hanna Berg, on Monday. Aides said Anna Berg’s speech was delayed.');
    assert.deepEqual(names(doc, 'PERSON'), ['Anna Berg', 'Hanna Berg']);
    const last = doc.mentions.filter((m) => m.type === 'PERSON').at(-1)!;
    assert.equal(doc.actors.find((a) => a.id === last.actor)?.name, 'Anna Berg');
  });

  it('ends a name at an em dash, which sets a phrase apart, but keeps hyphenated names whole', async () => {
    const doc = await analyse('Voters backed the Liberal Party—against Mendez—in the spring. Ana Ruiz-Tagle later joined the Liberal Party.');
    const all = names(doc);
    assert.ok(!all.some((n) => /against/u.test(n)), all.join(', '));
    assert.ok(all.includes('Ana Ruiz-Tagle'), all.join(', '));
  });
});
