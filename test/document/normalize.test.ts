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
});
