import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createDocument, type Document } from '../../../src/document/document.js';
import { defaultPipeline } from '../../../src/pipeline/default.js';
import { findQuoteRegions } from '../../../src/stages/statements/quotes.js';

const whole = (text: string) => [{ start: 0, end: text.length }];
const contents = (text: string) => findQuoteRegions(text, whole(text)).map((r) => text.slice(r.content.start, r.content.end));

describe('a closing quote mark used as the opener', () => {
  it('opens a quote right after a colon', () => {
    const text = 'The mayor spoke briefly, adding:\u201DThe bridge will open in May.\u201D Work resumed on Monday.';
    assert.deepEqual(contents(text), ['The bridge will open in May.']);
  });

  it('opens a quote after "said," with a space', () => {
    const text = 'Okafor said, \u201D We have no money left for the clinics.\u201D';
    assert.deepEqual(contents(text), ['We have no money left for the clinics.']);
  });

  it('still closes an open quote after a comma', () => {
    const text = '\u201CWe will win,\u201D she said, \u201Cand we will govern.\u201D';
    assert.deepEqual(contents(text), ['We will win', 'and we will govern.']);
  });

  it('is not an opener when no closing mark follows it in the paragraph (a stray mark)', () => {
    const text = 'He called the plan a sham,\u201D one aide said, and left the hall.';
    assert.deepEqual(contents(text), []);
  });
});

describe('a wrong-way opener in an article', async () => {
  const doc: Document = createDocument(
    'Governor Amaka Okafor toured the flooded district on Tuesday. She praised the volunteers, adding:\u201DThere will be compensation for every family that lost a home.\u201D',
    { published: '2024-03-01' },
  );
  await defaultPipeline().run(doc);

  it('gives a direct quote attributed to the speaker of the participle cue', () => {
    const found = doc.statements.find((s) => doc.text.slice(s.content.start, s.content.end).startsWith('There will be compensation'));
    assert.ok(found, JSON.stringify(doc.statements.map((s) => doc.text.slice(s.content.start, s.content.end))));
    assert.equal(found.kind, 'direct');
    assert.equal(doc.actors.find((a) => a.id === found.speaker)?.name, 'Amaka Okafor');
  });
});
