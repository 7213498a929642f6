/** Attribution kinds (PolNeAR's definition) and document authors, on sentences written for the test. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createDocument, type Document } from '../../../src/document/document.js';
import { Pipeline } from '../../../src/pipeline/pipeline.js';
import { segmentStage } from '../../../src/stages/segment/segment.js';
import { actorsStage } from '../../../src/stages/actors/actors.js';
import { statementsStage } from '../../../src/stages/statements/statements.js';
import { timeStage } from '../../../src/stages/time/time.js';
import { cueTypeOf } from '../../../src/stages/statements/cue-type.js';

async function analyse(text: string): Promise<Document> {
  const doc = createDocument(text, { published: '2022-07-20' });
  await new Pipeline([segmentStage, timeStage, actorsStage, statementsStage]).run(doc);
  return doc;
}

describe('cueType', () => {
  it('types a cue by its lemma and its source', () => {
    assert.equal(cueTypeOf('say', 'the minister'), 'speech');
    assert.equal(cueTypeOf('believe', 'he'), 'belief');
    assert.equal(cueTypeOf('vow', 'she'), 'intention');
    assert.equal(cueTypeOf('say', 'the report'), 'document');
    assert.equal(cueTypeOf('find', 'a survey by the institute'), 'poll');
    assert.equal(cueTypeOf(undefined, undefined), 'speech');
  });

  it('lets a user keep only speech', async () => {
    const doc = await analyse('Governor Ada Obi said the roads would be rebuilt. Obi believes the budget is enough.');
    assert.deepEqual(doc.statements.map((s) => s.cueType), ['speech', 'belief']);
  });
});

describe('document authors', () => {
  it('gives "it said" and "the statement said" to the author of the statement issued before', async () => {
    const doc = await analyse(
      'A statement issued in Accra by Mr Kwame Asante, the Minister of Roads, said the bridge would open in May.\n\n' +
        'It said the contractor had been paid.\n\nThe statement said tolls would be charged.',
    );
    const asante = doc.actors.find((a) => a.name === 'Kwame Asante')!;
    assert.equal(doc.statements.length, 3);
    for (const s of doc.statements) {
      assert.equal(s.speaker, asante.id);
      assert.equal(s.cueType, 'document');
    }
  });
});

describe('reported clauses in unseen news', () => {
  it('reads a reported question, a fronted phrase, a name opening the clause and "replied" without "that"', async () => {
    const doc = await analyse(
      'Kim Dae-ho asked Minister Lee Jun-seo whether there had been cases of abuse. ' +
        'The ministry said for a first offender, the fine may be halved. ' +
        'Ada Obi said Act 12 created new courts. Lee Jun-seo replied his office had no record.',
    );
    const contents = doc.statements.map((s) => doc.text.slice(s.content.start, s.content.end));
    assert.ok(contents.includes('whether there had been cases of abuse'), JSON.stringify(contents));
    assert.ok(contents.includes('for a first offender, the fine may be halved'), JSON.stringify(contents));
    assert.ok(contents.includes('Act 12 created new courts'), JSON.stringify(contents));
    assert.ok(contents.includes('his office had no record'), JSON.stringify(contents));
  });
});
