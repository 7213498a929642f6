import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { normalizeText } from '../../src/document/normalize.js';

describe('normalizeText', () => {
  it('straightens curly quotes and dashes and maps every offset back to the original', () => {
    const original = '\u201CWe will\u201D \u2013 said\u00A0Umar';
    const view = normalizeText(original);
    assert.equal(view.text, '"We will" - said Umar');
    const at = view.text.indexOf('Umar');
    const back = view.spanToOriginal({ start: at, end: at + 4 });
    assert.equal(original.slice(back.start, back.end), 'Umar');
  });

  it('decodes HTML entities on the view while spans still cover the entity in the original', () => {
    const original = 'PTI &amp; MQM-P &#8220;allies&#8221;';
    const view = normalizeText(original);
    assert.equal(view.text, 'PTI & MQM-P "allies"');
    const q = view.text.indexOf('"allies"');
    const back = view.spanToOriginal({ start: q, end: q + '"allies"'.length });
    assert.equal(original.slice(back.start, back.end), '&#8220;allies&#8221;');
  });

  it('drops soft hyphens and zero-width spaces from the view only', () => {
    const original = 'Bhutto\u00AD-Zardari\u200B said';
    const view = normalizeText(original);
    assert.equal(view.text, 'Bhutto-Zardari said');
    const s = view.text.indexOf('said');
    assert.equal(original.slice(view.toOriginal(s), view.toOriginal(s) + 4), 'said');
  });

  it('turns an ellipsis into three dots that all map back to it, and maps the offsets around it', () => {
    const original = 'Wait\u2026 and see';
    const view = normalizeText(original);
    assert.equal(view.text, 'Wait... and see');
    assert.deepEqual(view.spanToOriginal({ start: 4, end: 7 }), { start: 4, end: 5 });
    assert.deepEqual(view.spanToOriginal({ start: 5, end: 6 }), { start: 4, end: 5 });
    assert.equal(view.toOriginal(8), 6);
    assert.equal(view.toOriginal(view.text.length), original.length);
    assert.deepEqual(view.spanToOriginal({ start: 12, end: 99 }), { start: 10, end: original.length });
  });

  it('gives a plain text as its own view, offsets unchanged, the end and beyond mapped to the length', () => {
    const original = 'The council met on Monday.';
    const view = normalizeText(original);
    assert.equal(view.text, original);
    assert.equal(view.toOriginal(4), 4);
    assert.equal(view.toOriginal(400), original.length);
    assert.deepEqual(view.spanToOriginal({ start: 4, end: 11 }), { start: 4, end: 11 });
    assert.deepEqual(view.spanToOriginal({ start: 20, end: 20 }), { start: 20, end: 20 });
    assert.deepEqual(view.spanToOriginal({ start: 30, end: 30 }), { start: original.length, end: original.length });
    assert.deepEqual(view.spanToOriginal({ start: 19, end: 40 }), { start: 19, end: original.length });
  });
});
