import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createDocument, type Document } from '../../../src/document/document.js';
import type { Statement } from '../../../src/document/layers.js';
import { packagePath } from '../../../src/package-path.js';
import { Pipeline } from '../../../src/pipeline/pipeline.js';
import { segmentStage } from '../../../src/stages/segment/segment.js';
import { statementsStage } from '../../../src/stages/statements/statements.js';
import { timeStage } from '../../../src/stages/time/time.js';
import { knownActorsStage, type KnownActor, type KnownPronoun } from './known-actors.js';

const fixture = (name: string) => readFileSync(packagePath(`test/fixtures/statements/${name}`), 'utf8');

async function statementsOf(text: string, actors: KnownActor[] = [], pronouns: KnownPronoun[] = [], published = '2020-01-14'): Promise<Document> {
  const doc = createDocument(text, { published });
  await new Pipeline([segmentStage, timeStage, knownActorsStage(actors, pronouns), statementsStage]).run(doc);
  return doc;
}

const textOf = (doc: Document, s: { start: number; end: number } | undefined) => (s ? doc.text.slice(s.start, s.end) : undefined);

/** The statement whose content starts with `prefix`; fails the test when there is none. */
function statementStarting(doc: Document, prefix: string): Statement {
  const found = doc.statements.find((s) => textOf(doc, s.content)!.startsWith(prefix));
  assert.ok(found, `no statement starting "${prefix}" in ${JSON.stringify(doc.statements.map((s) => textOf(doc, s.content)))}`);
  return found;
}

const QUOTE_ACTORS: KnownActor[] = [
  { id: 'qureshi', type: 'PERSON', names: ['Nadia Qureshi', 'Qureshi'] },
  { id: 'baloch', type: 'PERSON', names: ['Tariq Baloch', 'Baloch'] },
  { id: 'aup', type: 'PARTY', names: ['Awami Unity Party'] },
];

describe('direct quotes', async () => {
  const doc = await statementsOf(fixture('quote-shapes.txt'), QUOTE_ACTORS);

  it('attributes X said, "…" with straight marks to the named speaker', () => {
    const s = statementStarting(doc, 'We have prepared');
    assert.equal(s.kind, 'direct');
    assert.equal(s.speaker, 'qureshi');
    assert.equal(textOf(doc, s.content), 'We have prepared for this contest for a whole year.');
    assert.equal(s.cueLemma, 'say');
  });

  it('gives “…,” she added to the last speaker and keeps the comma out of the content', () => {
    const s = statementStarting(doc, 'Our candidates');
    assert.equal(s.speaker, 'qureshi');
    assert.equal(textOf(doc, s.content), 'Our candidates are ready and our workers are in the field');
    assert.equal(textOf(doc, s.cue), 'added');
    assert.equal(s.cueLemma, 'add');
  });

  it('attributes “…,” said X with the speaker after the cue', () => {
    assert.equal(statementStarting(doc, 'The people will decide').speaker, 'baloch');
  });

  it('attributes a colon-introduced quote', () => {
    const s = statementStarting(doc, 'We will not accept');
    assert.equal(s.speaker, 'qureshi');
    assert.equal(s.cueLemma, 'tell');
  });

  it('keeps a quote of two paragraphs as one statement of the speaker named before it', () => {
    const s = statementStarting(doc, 'The provincial government has failed');
    assert.equal(s.speaker, 'baloch');
    const content = textOf(doc, s.content)!;
    assert.ok(content.includes('failed the traders.'), content);
    assert.ok(content.endsWith('Nobody should test our patience'), content);
    assert.equal(doc.statements.filter((x) => textOf(doc, x.content)!.startsWith('We will hold a sit-in')).length, 0);
  });

  it('keeps a quote inside a quote in its outer statement', () => {
    const s = statementStarting(doc, 'My father told me');
    assert.equal(s.speaker, 'qureshi');
    assert.equal(textOf(doc, s.content), 'My father told me, ‘Never leave the people of Quetta,’ and I never will');
    assert.equal(doc.statements.filter((x) => textOf(doc, x.content)!.startsWith('Never leave')).length, 0);
  });

  it('does not count scare quotes as statements', () => {
    for (const phrase of ['so-called grand alliance', 'water for every village']) {
      assert.equal(doc.statements.filter((s) => textOf(doc, s.content) === phrase).length, 0, phrase);
    }
    const reported = statementStarting(doc, 'the party’s talks');
    assert.equal(reported.kind, 'indirect');
    assert.equal(textOf(doc, reported.content), 'the party’s talks with the “so-called grand alliance” had ended');
  });

  it('attributes a quote signed with a dash and a name', async () => {
    const d = await statementsOf('“The water has not come for three weeks.” ― Nadia Qureshi\n\nThe council did not reply.', QUOTE_ACTORS);
    const s = statementStarting(d, 'The water has not come');
    assert.equal(s.kind, 'direct');
    assert.equal(s.speaker, 'qureshi');
  });

  it('points evidence at the sentences that carry the statement', () => {
    const s = statementStarting(doc, 'The people will decide');
    assert.equal(textOf(doc, s.evidence), '“The people will decide who runs this city,” said Tariq Baloch, the party’s secretary general.');
  });
});

const REPORTED_ACTORS: KnownActor[] = [
  { id: 'rauf', type: 'PERSON', names: ['Saima Rauf', 'Rauf'] },
  { id: 'lodhi', type: 'PERSON', names: ['Hamid Lodhi', 'Lodhi'] },
  { id: 'aup', type: 'PARTY', names: ['Awami Unity Party'] },
  { id: 'finance-department', type: 'GOVBODY', names: ['finance department'] },
];

describe('indirect statements', async () => {
  const doc = await statementsOf(fixture('reported-speech.txt'), REPORTED_ACTORS);

  it('reads "X said Monday he would …": content after the day, date from the publication date', () => {
    const s = statementStarting(doc, 'she would present');
    assert.equal(s.kind, 'indirect');
    assert.equal(s.speaker, 'rauf');
    assert.equal(textOf(doc, s.content), 'she would present the budget in the first week of June');
    assert.equal(s.date?.value, '2020-01-13');
  });

  it('reads clarified, explained, claimed, denied and warned with their speakers', () => {
    const cases: [string, string, string][] = [
      ['the province had not borrowed', 'clarify', 'rauf'],
      ['the deficit had narrowed', 'explain', 'rauf'],
      ['the figures were inflated', 'claim', 'lodhi'],
      ['his party had walked out', 'deny', 'lodhi'],
      ['the opposition would block', 'warn', 'lodhi'],
    ];
    for (const [content, lemma, speaker] of cases) {
      const s = statementStarting(doc, content);
      assert.equal(s.cueLemma, lemma, content);
      assert.equal(s.speaker, speaker, content);
    }
  });

  it('skips the audience of assured and told', () => {
    const assured = statementStarting(doc, 'no new tax');
    assert.equal(textOf(doc, assured.speakerSpan), 'Officials');
    const told = statementStarting(doc, 'the budget would protect');
    assert.equal(told.speaker, 'rauf');
    assert.equal(textOf(doc, told.content), 'the budget would protect salaried workers');
  });

  it('gives a trailing ", adding that …" its own statement by the same speaker', () => {
    const s = statementStarting(doc, 'pensions would rise');
    assert.equal(s.speaker, 'rauf');
    assert.equal(s.cueLemma, 'add');
  });

  it('reads "according to X, …" with the source after the cue', () => {
    const s = statementStarting(doc, 'revenue rose');
    assert.equal(s.speaker, 'finance-department');
    assert.equal(textOf(doc, s.cue), 'According to');
    assert.equal(textOf(doc, s.content), 'revenue rose by 12 percent in the first quarter');
  });

  it('reads "…, sources said." with the group as the speaker as written', () => {
    const s = statementStarting(doc, 'The assembly will meet');
    assert.equal(s.speaker, undefined);
    assert.equal(textOf(doc, s.speakerSpan), 'sources');
    assert.equal(textOf(doc, s.content), 'The assembly will meet again on Friday');
  });

  it('gives "X’s senior leaders stated" to the party, keeping the group as written', () => {
    const s = statementStarting(doc, 'the party would stay');
    assert.equal(s.speaker, 'aup');
    assert.equal(textOf(doc, s.speakerSpan), 'The Awami Unity Party’s senior leaders');
  });

  it('ends the content before a trailing participle', () => {
    const s = statementStarting(doc, 'the session was a waste');
    assert.equal(textOf(doc, s.content), 'the session was a waste of time');
  });

  it('ignores a cue in a relative clause with no reported clause', () => {
    assert.equal(doc.statements.filter((s) => textOf(doc, s.content)!.includes('routine meeting')).length, 0);
  });

  it('reads a ", he said," aside inside the reported clause', async () => {
    const d = await statementsOf('Back in Quetta, he said, the party decided to contest every seat.');
    const s = statementStarting(d, 'Back in Quetta');
    assert.equal(textOf(d, s.speakerSpan), 'he');
    assert.equal(textOf(d, s.content), 'Back in Quetta, he said, the party decided to contest every seat');
  });

  it('reads "…, according to X." and gives "who said" to the name before it', async () => {
    const d = await statementsOf('Turnout fell to 31 percent, according to the election commission. The mayor met Saima Rauf, who said the roads would be repaired.', REPORTED_ACTORS);
    assert.equal(textOf(d, statementStarting(d, 'Turnout fell').speakerSpan), 'the election commission');
    assert.equal(statementStarting(d, 'the roads would').speaker, 'rauf');
  });

  it('finds no statement of speech where there is none', async () => {
    const plain = await statementsOf('The cabinet met on Monday. It approved the budget and a new tax on property.');
    // The learned cue model may read "approved the budget" as an attribution of another kind (cueType other).
    assert.deepEqual(plain.statements.filter((s) => s.cueType !== 'other'), []);
  });
});

const CHAIN_ACTORS: KnownActor[] = [
  { id: 'jatoi', type: 'PERSON', names: ['Imtiaz Jatoi', 'Jatoi'] },
  { id: 'ansari', type: 'PERSON', names: ['Farah Ansari', 'Ansari'] },
];

describe('speaker chains', async () => {
  // A coreference stage might tie "he" to the nearest name, which is inside the quote.
  const doc = await statementsOf(fixture('speaker-chain.txt'), CHAIN_ACTORS, [{ word: 'he', occurrence: 0, actor: 'ansari' }]);

  it('gives “…,” he added to the last speaker, not to a name inside the previous quote', () => {
    assert.equal(statementStarting(doc, 'The Prime Minister will visit').speaker, 'jatoi');
  });

  it('resolves "the federal minister said" to the last speaker', () => {
    assert.equal(statementStarting(doc, 'the visit was planned').speaker, 'jatoi');
  });

  it('moves to a new speaker when one is named, and chains "she" to her', () => {
    assert.equal(statementStarting(doc, 'she had not withdrawn').speaker, 'ansari');
    assert.equal(statementStarting(doc, 'We promised').speaker, 'ansari');
  });

  it('uses the actor of a pronoun mention when no one has spoken yet', async () => {
    const text = 'Farah Ansari reached Karachi on Sunday. She said the league would not rejoin the cabinet.';
    const d = await statementsOf(text, CHAIN_ACTORS, [{ word: 'She', occurrence: 0, actor: 'ansari' }]);
    assert.equal(statementStarting(d, 'the league would not').speaker, 'ansari');
  });

  it('keeps the speaker as written when no actor is known', async () => {
    const d = await statementsOf('A district official said the road would reopen on Friday.');
    const s = statementStarting(d, 'the road would reopen');
    assert.equal(s.speaker, undefined);
    assert.equal(textOf(d, s.speakerSpan), 'A district official');
  });
});
