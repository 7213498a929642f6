import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createDocument, type Document } from '../../../src/document/document.js';
import { Pipeline } from '../../../src/pipeline/pipeline.js';
import { segmentStage } from '../../../src/stages/segment/segment.js';
import { actorsStage } from '../../../src/stages/actors/actors.js';
import { packagePath } from '../../../src/package-path.js';

const pipeline = new Pipeline([segmentStage, actorsStage]);

async function analyse(text: string): Promise<Document> {
  const doc = createDocument(text);
  await pipeline.run(doc);
  return doc;
}

const fixture = (name: string) => readFileSync(packagePath(`test/fixtures/actors/${name}`), 'utf8');

function actorNamed(doc: Document, name: string) {
  const actor = doc.actors.find((a) => a.name === name);
  assert.ok(actor, `no actor named ${name}; actors: ${doc.actors.map((a) => a.name).join(', ')}`);
  return actor;
}

function rolesOf(doc: Document, person: string) {
  const id = actorNamed(doc, person).id;
  return doc.roles
    .filter((r) => r.person === id)
    .map((r) => ({ title: r.title, org: doc.actors.find((a) => a.id === r.org)?.name }));
}

function partiesOf(doc: Document, person: string): string[] {
  const id = actorNamed(doc, person).id;
  return doc.memberships.filter((m) => m.person === id).map((m) => doc.actors.find((a) => a.id === m.org)!.name);
}

/** The actor that the mention at the n-th whole-word occurrence of `surface` refers to. */
function referent(doc: Document, surface: string, occurrence = 0): string | undefined {
  const matches = [...doc.text.matchAll(new RegExp(`\\b${surface}\\b`, 'gu'))];
  const at = matches[occurrence]?.index ?? -1;
  const mention = doc.mentions.find((m) => m.span.start === at && m.span.end === at + surface.length);
  assert.ok(mention, `no mention of "${surface}" #${occurrence}`);
  return doc.actors.find((a) => a.id === mention.actor)?.name;
}

describe('actors stage: names and aliases', () => {
  it('keeps an honorific in the aliases but not in the canonical name', async () => {
    const doc = await analyse(fixture('coalition-talks.txt'));
    const baloch = actorNamed(doc, 'Arif Hussain Baloch');
    assert.equal(baloch.type, 'PERSON');
    assert.ok(baloch.aliases.includes('Dr Arif Hussain Baloch'));
    const shah = actorNamed(doc, 'Mehmood Shah');
    assert.ok(shah.aliases.includes('Syed Mehmood Shah'));
  });

  it('joins a surname and a first name with a "Bhai" to the full name', async () => {
    const doc = await analyse(fixture('coalition-talks.txt'));
    const baloch = actorNamed(doc, 'Arif Hussain Baloch');
    assert.ok(baloch.aliases.includes('Baloch'));
    assert.ok(baloch.aliases.includes('Arif Bhai'));
    assert.equal(doc.actors.filter((a) => a.type === 'PERSON' && /Baloch|Arif/u.test(a.name)).length, 1);
  });

  it('gives every actor the ids of all mentions that refer to it', async () => {
    const doc = await analyse(fixture('coalition-talks.txt'));
    for (const actor of doc.actors) {
      for (const id of actor.mentions) assert.equal(doc.mentions.find((m) => m.id === id)?.actor, actor.id);
    }
  });

  it('resolves an office written alone to the person who holds it in the document', async () => {
    const doc = await analyse(fixture('coalition-talks.txt'));
    assert.equal(referent(doc, 'CM'), 'Jam Kamal');
    assert.equal(referent(doc, 'federal minister'), 'Khurram Dastgir');
    assert.ok(actorNamed(doc, 'Jam Kamal').aliases.includes('Chief Minister Jam Kamal'));
  });

  it('tells a bare office from a higher or lower rank of it', async () => {
    const doc = await analyse(
      'Party Convener Dr Farooq Sattar and Deputy Convener Amir Jamal met on Sunday. Later the convener said the talks went well.',
    );
    assert.equal(referent(doc, 'convener'), 'Farooq Sattar');
  });

  it('joins an acronym with a faction suffix to its long form', async () => {
    const doc = await analyse(fixture('party-names.txt'));
    const pmln = actorNamed(doc, 'Pakistan Muslim League-Nawaz');
    assert.equal(pmln.type, 'PARTY');
    assert.ok(pmln.aliases.includes('PML-N'));
    const anp = actorNamed(doc, 'Awami National Party');
    assert.ok(anp.aliases.includes('ANP'));
  });

  it('keeps a hyphenated surname whole', async () => {
    const doc = await analyse(fixture('party-names.txt'));
    assert.equal(actorNamed(doc, 'Asma Rana-Qureshi').type, 'PERSON');
    assert.equal(actorNamed(doc, 'Bilawal Bhutto-Zardari').type, 'PERSON');
  });

  it('reads an all-capitals dateline as a place and names it in ordinary case', async () => {
    const doc = await analyse(fixture('party-names.txt'));
    const peshawar = actorNamed(doc, 'Peshawar');
    assert.equal(peshawar.type, 'PLACE');
    assert.ok(peshawar.aliases.includes('PESHAWAR'));
    const quetta = actorNamed(await analyse(fixture('coalition-talks.txt')), 'Quetta');
    assert.ok(quetta.aliases.includes('QUETTA'));
  });

  it('joins a long form to the acronym the text defines in brackets, even when the initials differ', async () => {
    const doc = await analyse(fixture('new-parties.txt'));
    const wpa = actorNamed(doc, "Working People's Alliance");
    assert.equal(wpa.type, 'PARTY');
    assert.ok(wpa.aliases.includes('WPA'));
    assert.ok(actorNamed(doc, "Rural Workers' Front").aliases.includes('RWF-H'));
  });

  it('reads a party name whose first words look like an office: "National Justice Party"', async () => {
    const doc = await analyse(fixture('new-parties.txt'));
    assert.equal(actorNamed(doc, 'National Justice Party').type, 'PARTY');
    assert.ok(!doc.mentions.some((m) => m.type === 'TITLE' && doc.text.slice(m.span.start, m.span.end) === 'National Justice'));
  });

  it('reads a dateline of several words as one place, and places by the shape of their names', async () => {
    const doc = await analyse(fixture('new-parties.txt'));
    assert.ok(actorNamed(doc, 'New Kalapur').aliases.includes('NEW KALAPUR'));
    assert.equal(actorNamed(doc, 'Gulshan Town').type, 'PLACE');
    assert.equal(actorNamed(doc, 'Sanghabad').type, 'PLACE');
  });

  it('reads an office after a bracketed acronym: "(WPA) convener Sabeen Akhtar Jatoi"', async () => {
    const doc = await analyse(fixture('new-parties.txt'));
    assert.deepEqual(rolesOf(doc, 'Sabeen Akhtar Jatoi'), [{ title: 'convener', org: "Working People's Alliance" }]);
    assert.deepEqual(partiesOf(doc, 'Sabeen Akhtar Jatoi'), ["Working People's Alliance"]);
  });

  it('does not invent actors from common words, agreements or described groups', async () => {
    const doc = await analyse(fixture('coalition-talks.txt'));
    const names = doc.actors.flatMap((a) => [a.name, ...a.aliases]);
    for (const wrong of ['Centre', 'MoU', 'Quetta leaders', 'Water Resources', 'Speaking', 'A day']) {
      assert.ok(!names.includes(wrong), `${wrong} became an actor`);
    }
  });

  it('joins a bare cabinet or government to the body named with its jurisdiction', async () => {
    const doc = await analyse(fixture('coalition-talks.txt'));
    const cabinet = actorNamed(doc, 'provincial cabinet');
    assert.equal(cabinet.type, 'GOVBODY');
    assert.ok(cabinet.aliases.includes('cabinet'));
    const government = actorNamed(doc, 'federal government');
    assert.ok(government.aliases.includes('PML-N-led coalition government'));
    assert.equal(actorNamed(doc, 'Balochistan Assembly').type, 'GOVBODY');
  });
});

describe('actors stage: title-case headlines', () => {
  it('splits a title-case headline into the names in it, at its verbs and common words', async () => {
    const doc = await analyse('Vashti Dunmore Sends Orrin Pell A Warning About Taxes\n\nVashti Dunmore wrote to Orrin Pell on Monday, and Pell did not answer.');
    assert.deepEqual(doc.actors.map((a) => a.name).sort(), ['Orrin Pell', 'Vashti Dunmore']);
    assert.equal(referent(doc, 'Vashti Dunmore', 0), 'Vashti Dunmore');
    assert.equal(referent(doc, 'Orrin Pell', 0), 'Orrin Pell');
  });

  it('reads a title-case line by itself where the sentence runs on past it, and ends a name at the line break', async () => {
    const doc = await analyse('Pell Says Farmers Will Not Pay More Tax On The Street\nOrrin Pell, who leads the council, spoke on Monday and Pell was cheered.');
    assert.deepEqual(doc.actors.filter((a) => a.type === 'PERSON').map((a) => a.name), ['Orrin Pell']);
    assert.equal(referent(doc, 'Pell', 0), 'Orrin Pell');
  });

  it('reads a title-case quotation the same way', async () => {
    const doc = await analyse('Critics chanted "Dunmore Betrays Farmers" at the rally, and Vashti Dunmore laughed.');
    assert.deepEqual(doc.actors.map((a) => a.name), ['Vashti Dunmore']);
    assert.equal(referent(doc, 'Dunmore'), 'Vashti Dunmore');
  });

  it('keeps a common word of a headline in a name when the text uses it in that name', async () => {
    const doc = await analyse('Lorna Bush Says She Will Run\n\nLorna Bush told reporters she would run.');
    assert.deepEqual(doc.actors.map((a) => a.name), ['Lorna Bush']);
    assert.equal(referent(doc, 'Lorna Bush', 0), 'Lorna Bush');
  });

  it('leaves capitalised names in running text whole', async () => {
    const doc = await analyse('Delegates from the Harbor Workers Union met Lorna Bush and Orrin Pell in Dover.');
    assert.ok(doc.actors.some((a) => a.name === 'Harbor Workers Union'));
    assert.ok(doc.actors.some((a) => a.name === 'Lorna Bush'));
  });
});

describe('actors stage: shared surnames', () => {
  it('gives "Mr. Surname" to the person the article names first in full, not to a relative named later', async () => {
    const doc = await analyse('Darius Quell, the candidate, spoke on Monday. His brother, Tobias Quell, ran the family firm for years. Mr. Quell said he missed him.');
    assert.equal(referent(doc, 'Quell', 2), 'Darius Quell');
    assert.ok(!actorNamed(doc, 'Tobias Quell').aliases.includes('Mr. Quell'));
  });

  it('does not give "Mr. Surname" to a woman of that name, though she is named first', async () => {
    const doc = await analyse('Maryanne Quell introduced her brother, Darius Quell, at the dinner. Mr. Quell thanked the guests.');
    assert.equal(referent(doc, 'Quell', 2), 'Darius Quell');
  });

  it('reads a lone surname as the name that ends in it, not as the first word of another', async () => {
    const doc = await analyse('Darius Quell opened the exhibit. The hall that is Quell World drew crowds. Quell said he was pleased.');
    assert.equal(referent(doc, 'Quell', 2), 'Darius Quell');
  });

  it('ends a person\'s name where a place the gazetteer knows runs into it', async () => {
    const doc = await analyse('It was quiet at the Orrin Pell South Carolina victory party, and Pell left early.');
    assert.equal(referent(doc, 'Orrin Pell'), 'Orrin Pell');
    assert.equal(actorNamed(doc, 'South Carolina').type, 'PLACE');
  });

  it('does not join two long organisation names because their initials agree', async () => {
    const doc = await analyse('The Host Committee thanked the Hanley Corporation for its help.');
    assert.ok(!actorNamed(doc, 'Host Committee').aliases.includes('Hanley Corporation'));
    assert.equal(actorNamed(doc, 'Hanley Corporation').type, 'ORG');
  });
});

describe('actors stage: roles and memberships', () => {
  it('reads an office written before the name with its party: "PML-N Central Secretary General Ahsan Iqbal"', async () => {
    const doc = await analyse(fixture('coalition-talks.txt'));
    assert.deepEqual(rolesOf(doc, 'Ahsan Iqbal'), [{ title: 'Central Secretary General', org: 'PML-N' }]);
    assert.deepEqual(partiesOf(doc, 'Ahsan Iqbal'), ['PML-N']);
  });

  it('keeps a portfolio in the title: "Federal Minister for Water Resources and Power Khurram Dastgir"', async () => {
    const doc = await analyse(fixture('coalition-talks.txt'));
    assert.deepEqual(rolesOf(doc, 'Khurram Dastgir'), [{ title: 'Federal Minister for Water Resources and Power', org: undefined }]);
  });

  it('takes the body from "in": "Opposition Leader in Balochistan Assembly Malik Sikandar"', async () => {
    const doc = await analyse(fixture('coalition-talks.txt'));
    assert.deepEqual(rolesOf(doc, 'Malik Sikandar'), [{ title: 'Opposition Leader', org: 'Balochistan Assembly' }]);
    assert.deepEqual(partiesOf(doc, 'Malik Sikandar'), []);
  });

  it('reads an apposition: "Zahid Hamid, the minister for law and justice, said"', async () => {
    const doc = await analyse(fixture('coalition-talks.txt'));
    assert.deepEqual(rolesOf(doc, 'Zahid Hamid'), [{ title: 'minister for law and justice', org: undefined }]);
  });

  it('reads "X of the Y" after the office and after the name', async () => {
    const doc = await analyse(fixture('party-names.txt'));
    assert.deepEqual(rolesOf(doc, 'Sadiq Sanjrani'), [{ title: 'Chairman', org: 'Senate' }]);
    assert.deepEqual(partiesOf(doc, 'Farhatullah Babar'), ['Pakistan Peoples Party']);
  });

  it('reads the place of an office between the office and the name: "Chief Minister Sindh Murad Ali Shah"', async () => {
    const doc = await analyse('Chief Minister Sindh Murad Ali Shah met Chief Justice of Pakistan Gulzar Ahmed on Monday.');
    assert.deepEqual(rolesOf(doc, 'Murad Ali Shah'), [{ title: 'Chief Minister', org: undefined }]);
    assert.deepEqual(rolesOf(doc, 'Gulzar Ahmed'), [{ title: 'Chief Justice', org: undefined }]);
    assert.equal(actorNamed(doc, 'Sindh').type, 'PLACE');
    assert.equal(actorNamed(doc, 'Pakistan').type, 'PLACE');
  });

  it('gives a party office in a list the party of the office before it', async () => {
    const doc = await analyse(
      'Besides ANP President Asfandyar Wali, Senior Vice President Ameer Haider Hoti and MPA Khushdil Khan attended.',
    );
    assert.deepEqual(rolesOf(doc, 'Ameer Haider Hoti'), [{ title: 'Senior Vice President', org: 'ANP' }]);
    assert.deepEqual(rolesOf(doc, 'Khushdil Khan'), [{ title: 'MPA', org: undefined }]);
  });

  it('reads memberships from possessives, party leaders, appositions and delegations', async () => {
    const doc = await analyse(fixture('coalition-talks.txt'));
    assert.deepEqual(partiesOf(doc, 'Maryam Aurangzeb'), ['PML-N']);
    assert.deepEqual(partiesOf(doc, 'Aimal Wali'), ['ANP']);
    assert.deepEqual(rolesOf(doc, 'Aimal Wali'), []);
    assert.deepEqual(partiesOf(doc, 'Khurram Dastgir'), ['PML-N']);
    const other = await analyse(fixture('party-names.txt'));
    assert.deepEqual(partiesOf(other, 'Asma Rana-Qureshi'), ['Pakistan Muslim League-Nawaz']);
  });

  it('points every role and membership at evidence that contains both ends', async () => {
    const doc = await analyse(fixture('coalition-talks.txt'));
    for (const r of doc.roles) {
      const holder = doc.mentions.filter((m) => m.actor === r.person);
      assert.ok(holder.some((m) => r.evidence.start <= m.span.start && m.span.end <= r.evidence.end));
    }
    assert.ok(doc.memberships.every((m) => m.evidence.end > m.evidence.start));
  });
});

describe('actors stage: pronouns', () => {
  it('resolves "he" to the person named earlier in the sentence', async () => {
    const doc = await analyse(fixture('coalition-talks.txt'));
    assert.equal(referent(doc, 'he'), 'Arif Hussain Baloch');
  });

  it('resolves "him" to the last person named before it', async () => {
    const doc = await analyse(fixture('coalition-talks.txt'));
    assert.equal(referent(doc, 'him'), 'Arif Hussain Baloch');
  });

  it('skips people named inside a quotation when the pronoun is outside it', async () => {
    const doc = await analyse(
      'Speaking on the occasion, Asad Malik said, \u201CThe PM will visit Lahore. Imran Shah will come too,\u201D he added.',
    );
    assert.equal(referent(doc, 'he'), 'Asad Malik');
  });

  it('does not give "he" the person "him" just named: "assured him that he would"', async () => {
    const doc = await analyse('Nadia Khan said Omar Farooq had called Ali Raza and assured him that he would look into his demands.');
    assert.equal(referent(doc, 'him'), 'Ali Raza');
    assert.equal(referent(doc, 'he'), 'Omar Farooq');
    assert.equal(referent(doc, 'his'), 'Omar Farooq');
  });

  it('takes the subject of the previous sentence for a sentence-initial "He"', async () => {
    const doc = await analyse('Nadia Khan met Omar Farooq on Monday. He said the talks had failed.');
    assert.equal(referent(doc, 'He'), 'Nadia Khan');
  });
});
