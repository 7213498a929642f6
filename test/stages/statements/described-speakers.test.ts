/**
 * Speakers written as descriptions, offices and pronouns that refer back (issue 11), on sentences written
 * for these tests, with the real actors stage.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createDocument, type Document } from '../../../src/document/document.js';
import { Pipeline } from '../../../src/pipeline/pipeline.js';
import { segmentStage } from '../../../src/stages/segment/segment.js';
import { timeStage } from '../../../src/stages/time/time.js';
import { actorsStage } from '../../../src/stages/actors/actors.js';
import { statementsStage } from '../../../src/stages/statements/statements.js';

const pipeline = new Pipeline([segmentStage, timeStage, actorsStage, statementsStage]);

async function speakers(text: string): Promise<[string, string][]> {
  const doc: Document = createDocument(text, { published: '2022-07-20' });
  await pipeline.run(doc);
  const slice = (s: { start: number; end: number }) => doc.text.slice(s.start, s.end);
  // Attributions that are not something said ("took aim at Anan", cueType other) are not quotes.
  return doc.statements.filter((s) => s.cueType !== 'other').map((s) => [
    s.speaker ? doc.actors.find((a) => a.id === s.speaker)!.name : `"${s.speakerSpan ? slice(s.speakerSpan) : ''}"`,
    slice(s.content),
  ]);
}

describe('described speakers', () => {
  it("gives a person's office to the person, and a spokesperson and \"it\" after it to the same speaker", async () => {
    const found = await speakers('Levi\u2019s office denied that he pressured the doctor. \u201CIt is regrettable that a civil servant went to the media,\u201D a spokesperson said. \u201CNobody was threatened,\u201D it continued.');
    assert.deepEqual(found.map(([who]) => who), ['Levi', 'Levi', 'Levi']);
  });

  it('resolves "the official" after a quote to the last speaker', async () => {
    const found = await speakers('Cabinet Chief Ana Ruiz said the strike was a mistake. \u201CWe do not agree with this strike,\u201D said the official.');
    assert.deepEqual(found.map(([who]) => who), ['Ana Ruiz', 'Ana Ruiz']);
  });

  it('reads the head of a speaker before its "of" complement: a person of a party is the person', async () => {
    const found = await speakers('Rep. Park Min-ho of the Unity Party asked the minister whether any refugees had been returned.');
    assert.deepEqual(found, [['Park Min-ho', 'whether any refugees had been returned']]);
  });

  it('does not give a quote to a "he" who is named inside it in the third person', async () => {
    const found = await speakers('Prime Minister Anan Sri said the economy had recovered. \u201CWe have done our best,\u201D he said.\n\nOpposition leader Somchai Wong took aim at Anan during the debate, accusing the prime minister of weak leadership.\n\n\u201CIf Anan were a product, nobody would buy it any longer,\u201D he said.');
    assert.deepEqual(found.map(([who]) => who), ['Anan Sri', 'Anan Sri', 'Somchai Wong']);
  });
});
