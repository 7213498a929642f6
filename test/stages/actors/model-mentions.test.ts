/**
 * How the tagger's entities and the rule mentions are merged (model-mentions.ts), on sentences written for the
 * test, with the tagger's entities given by hand so that the mechanism, not the model, is what is tested.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createDocument } from '../../../src/document/document.js';
import { segmentStage } from '../../../src/stages/segment/segment.js';
import { actorLexicon } from '../../../src/stages/actors/lexicon.js';
import { spanOf, type Candidate } from '../../../src/stages/actors/mentions.js';
import { mergeModelMentions, type ModelEntity } from '../../../src/stages/actors/model-mentions.js';
import { buildWords, type Word } from '../../../src/stages/actors/words.js';

function wordsOf(text: string): Word[] {
  const doc = createDocument(text);
  segmentStage.run(doc, { warn: () => undefined });
  return buildWords(doc);
}

/** The word range of `phrase` (its first occurrence at or after word `after`). */
function range(words: readonly Word[], phrase: string, after = 0): { from: number; to: number } {
  const parts = phrase.split(' ');
  for (let from = after; from + parts.length <= words.length; from++) {
    if (parts.every((p, k) => words[from + k]!.text === p)) return { from, to: from + parts.length };
  }
  throw new Error(`no "${phrase}"`);
}

function rulePerson(words: readonly Word[], phrase: string, after = 0): Candidate {
  const { from, to } = range(words, phrase, after);
  return { type: 'PERSON', from, to, span: spanOf(words, from, to), nameFrom: from, nameTo: to, source: 'rule' };
}

function ruleOrg(words: readonly Word[], phrase: string): Candidate {
  const { from, to } = range(words, phrase);
  return { type: 'ORG', from, to, span: spanOf(words, from, to), source: 'rule' };
}

function entity(words: readonly Word[], phrase: string, label: string, after = 0): ModelEntity {
  return { ...range(words, phrase, after), label };
}

const read = (words: readonly Word[], out: readonly Candidate[]) => out.map((c) => `${c.type} ${words.slice(c.from, c.to).map((w) => w.text).join(' ')}`);

describe('merging tagger entities with rule mentions', () => {
  const lex = actorLexicon();

  it('gives a plain person guess the place or organisation reading the tagger has for the same words, even when they recur', () => {
    const words = wordsOf('Drilling in Kestrel Basin resumed. Kestrel Basin holds gas, and the Kestrel Basin Authority agreed.');
    const out = mergeModelMentions(
      [rulePerson(words, 'Kestrel Basin'), rulePerson(words, 'Kestrel Basin', 5), rulePerson(words, 'Kestrel Basin Authority')],
      [entity(words, 'Kestrel Basin', 'Location'), entity(words, 'Kestrel Basin', 'Location', 5), entity(words, 'Kestrel Basin Authority', 'Organization')],
      words,
      lex,
    );
    assert.deepEqual(read(words, out), ['PLACE Kestrel Basin', 'PLACE Kestrel Basin', 'ORG Kestrel Basin Authority']);
  });

  it('keeps a recurring name that starts with a given name a person where the tagger reads it as an organisation or place', () => {
    const words = wordsOf('Donors backed Teresa Okafor and the party. Okafor thanked them. Critics said Teresa Okafor had changed.');
    const out = mergeModelMentions(
      [rulePerson(words, 'Teresa Okafor'), rulePerson(words, 'Okafor', 4), rulePerson(words, 'Teresa Okafor', 6)],
      [entity(words, 'Teresa Okafor', 'Organization'), entity(words, 'Teresa Okafor', 'Location', 6)],
      words,
      lex,
    );
    assert.deepEqual(read(words, out), ['PERSON Teresa Okafor', 'PERSON Okafor', 'PERSON Teresa Okafor']);
  });

  it('keeps a lone surname of a person named in full a person', () => {
    const words = wordsOf('Sana Baloch spoke first. Later Baloch left the hall.');
    const surname = range(words, 'Baloch', 2);
    const out = mergeModelMentions([rulePerson(words, 'Sana Baloch'), rulePerson(words, 'Baloch', 2)], [entity(words, 'Sana Baloch', 'Person'), { ...surname, label: 'Location' }], words, lex);
    assert.deepEqual(read(words, out), ['PERSON Sana Baloch', 'PERSON Baloch']);
  });

  it('leaves out capitalised common words glued before a name the tagger reads without them', () => {
    const words = wordsOf('If Nadia Rana wins, the council will meet.');
    const out = mergeModelMentions([rulePerson(words, 'If Nadia Rana')], [entity(words, 'Nadia Rana', 'Person')], words, lex);
    assert.deepEqual(read(words, out), ['PERSON Nadia Rana']);
    assert.equal(out[0]!.nameFrom, out[0]!.from);
  });

  it('replaces a person guess inside an organisation the tagger reads around it', () => {
    const words = wordsOf('The Centre for Marsh Ecology and Development opened a lab.');
    const out = mergeModelMentions([rulePerson(words, 'Marsh Ecology')], [entity(words, 'Centre for Marsh Ecology and Development', 'Organization')], words, lex);
    assert.deepEqual(read(words, out), ['ORG Centre for Marsh Ecology and Development']);
  });

  it('drops a person guess no rule supports when the tagger sees no name in its words, and keeps it when it does', () => {
    const words = wordsOf('The Teacher Education fund grew, and Omar Zaidi praised it.');
    const guesses = [rulePerson(words, 'Teacher Education'), rulePerson(words, 'Omar Zaidi')];
    assert.deepEqual(read(words, mergeModelMentions(guesses, [], words, lex)), []);
    assert.deepEqual(read(words, mergeModelMentions(guesses, [entity(words, 'Omar Zaidi', 'Person')], words, lex)), ['PERSON Omar Zaidi']);
  });

  it('keeps a name opening with a given name a person where the tagger reads the same words as an organisation or a place', () => {
    const words = wordsOf('Voters said they would rather back Miriam Castellano than anyone else. Few expected Miriam Castellano to win.');
    const out = mergeModelMentions(
      [rulePerson(words, 'Miriam Castellano'), rulePerson(words, 'Miriam Castellano', 10)],
      [entity(words, 'Miriam Castellano', 'Organization'), entity(words, 'Miriam Castellano', 'Location', 10)],
      words,
      lex,
    );
    assert.deepEqual(read(words, out), ['PERSON Miriam Castellano', 'PERSON Miriam Castellano']);
  });

  it('reads a name the tagger reads as a person at one of its mentions as a person at the others', () => {
    const words = wordsOf('Donors favour candidates such as Zoltan Brackley in 2012. Later Zoltan Brackley said he would not run.');
    const out = mergeModelMentions(
      [rulePerson(words, 'Zoltan Brackley'), rulePerson(words, 'Zoltan Brackley', 8)],
      [entity(words, 'Zoltan Brackley', 'Organization'), entity(words, 'Zoltan Brackley', 'Person', 8)],
      words,
      lex,
    );
    assert.deepEqual(read(words, out), ['PERSON Zoltan Brackley', 'PERSON Zoltan Brackley']);
  });

  it('keeps a full name a person where the tagger reads it as a place but the article uses its surname alone for a person', () => {
    const words = wordsOf('The campaign found a new leader in Zoltan Brackley. Brackley said he would lead.');
    const out = mergeModelMentions(
      [rulePerson(words, 'Zoltan Brackley'), rulePerson(words, 'Brackley', 9)],
      [entity(words, 'Zoltan Brackley', 'Location')],
      words,
      lex,
    );
    assert.deepEqual(read(words, out), ['PERSON Zoltan Brackley', 'PERSON Brackley']);
  });

  it('joins organisation pieces the tagger reads as one name, without a joining word between them', () => {
    const words = wordsOf('The Harbour Guard Navy seized a boat.');
    const out = mergeModelMentions([ruleOrg(words, 'Harbour Guard'), ruleOrg(words, 'Navy')], [entity(words, 'Harbour Guard Navy', 'Organization')], words, lex);
    assert.deepEqual(read(words, out), ['ORG Harbour Guard Navy']);
  });
});
