/**
 * The learned cue model (cue-model.json, trained on PolNeAR train) and the content it reads: noun-phrase
 * objects of cue verbs, infinitive complements, light-verb cues, and what it must not read (passives,
 * prepositional adjuncts). Sentences written for these tests.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createDocument } from '../../../src/document/document.js';
import { segmentStage } from '../../../src/stages/segment/segment.js';
import { findAttributions } from '../../../src/stages/statements/attribute.js';
import { sentenceWords } from '../../../src/stages/statements/clauses.js';
import { crudeStem, cueProbability } from '../../../src/stages/statements/cue-model.js';
import { cueTypeOf } from '../../../src/stages/statements/cue-type.js';

function attributions(text: string) {
  const doc = createDocument(text);
  segmentStage.run(doc, { warn: () => undefined });
  const slice = (s: { start: number; end: number } | undefined) => (s ? doc.text.slice(s.start, s.end) : undefined);
  return findAttributions(doc).map((a) => ({ source: slice(a.source), cue: slice(a.cue), content: slice(a.content)!, nounContent: a.nounContent === true }));
}

function probability(text: string, word: string): number {
  const doc = createDocument(text);
  segmentStage.run(doc, { warn: () => undefined });
  const words = sentenceWords(doc)[0]!.words;
  return cueProbability(words, words.findIndex((w) => w.lower === word));
}

describe('learned cue model', () => {
  it('scores a reporting verb as a cue and an ordinary verb as none', () => {
    assert.ok(probability('The mayor criticized the new parking rules.', 'criticized') >= 0.5);
    assert.ok(probability('The mayor opened the new parking garage.', 'opened') < 0.5);
  });

  it('joins the forms of a verb in one stem', () => {
    assert.deepEqual(['criticized', 'criticizes', 'criticizing'].map(crudeStem), ['criticiz', 'criticiz', 'criticiz']);
  });

  it('reads the noun-phrase object of a cue as content, stopping before an adjunct', () => {
    const found = attributions('The mayor criticized the new parking rules in a radio interview.');
    assert.deepEqual(found, [{ source: 'The mayor', cue: 'criticized', content: 'the new parking rules', nounContent: true }]);
  });

  it('keeps an infinitive that completes the object ("called on X to …")', () => {
    const found = attributions('The union called on the ministry to reopen the talks before the harvest.');
    assert.deepEqual(found.map((a) => [a.source, a.cue, a.content]), [['The union', 'called on', 'the ministry to reopen the talks']]);
  });

  it('reads a light-verb cue with its preposition ("took aim at")', () => {
    const found = attributions('Opposition leader Somchai Wong took aim at Anan during the debate.');
    assert.deepEqual(found.map((a) => [a.source, a.cue, a.content]), [['Opposition leader Somchai Wong', 'took aim at', 'Anan']]);
  });

  it('ends an object before a participle clause, which is a statement of its own', () => {
    const found = attributions('The council blasted the water company, saying its prices were too high.');
    assert.deepEqual(found.map((a) => [a.source, a.content]), [['The council', 'the water company'], ['The council', 'its prices were too high']]);
  });

  it('reads no content from a passive or from a preposition after the cue', () => {
    assert.deepEqual(attributions('The budget was criticized by the opposition.'), []);
    assert.deepEqual(attributions('The spokesman did not respond to requests for comment.'), []);
  });

  it('gives a cue only the model knows the cue type "other", so a filter to speech leaves it out', () => {
    assert.equal(cueTypeOf('attack', 'the mayor'), 'other');
    assert.equal(cueTypeOf('say', 'the mayor'), 'speech');
  });
});

describe('learned cue model scoring', () => {
  it('gives exactly the probability of the feature names, for every verb and noun', async () => {
    const { readFileSync } = await import('node:fs');
    const { packagePath } = await import('../../../src/package-path.js');
    const { cueFeatures, scoreFeatures, CUE_HEAD_POS } = await import('../../../src/stages/statements/cue-model.js');
    const file = JSON.parse(readFileSync(packagePath('src/stages/statements/cue-model.json'), 'utf8')) as { weights: Record<string, number> };
    const weights = new Map(Object.entries(file.weights));
    const texts = [
      'The mayor criticized the new parking rules in a radio interview, saying they were unfair.',
      'Republicans worry that the deal would fail, officials said on Monday.',
      'Trump\u2019s claim that the vote was rigged was rejected by the court.',
      'She has repeatedly called for a review of the \u201Cplan\u201D.',
      'The committee reported | findings | that the minister denied.',
    ];
    let checked = 0;
    for (const text of texts) {
      const doc = createDocument(text);
      segmentStage.run(doc, { warn: () => undefined });
      for (const { words } of sentenceWords(doc)) {
        words.forEach((w, k) => {
          if (!CUE_HEAD_POS.has(w.pos)) return;
          assert.equal(cueProbability(words, k), scoreFeatures(weights, cueFeatures(words, k)), w.lower);
          checked++;
        });
      }
    }
    assert.ok(checked > 10);
  });
});
