import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { plainEquivalent, TextPattern, unicodeSensitive } from '../../src/document/text-pattern.js';

const all = (re: RegExp, text: string) => [...text.matchAll(re)].map((m) => [m.index, m[0]]);

describe('TextPattern', () => {
  it('drops the u flag only for patterns of ASCII and caseless punctuation without \\p or \\u{…}', () => {
    assert.ok(plainEquivalent(String.raw`\b(this|next|last)\s+week\b`));
    assert.ok(plainEquivalent(String.raw`\b(?:won’t|wouldn't)\s+([a-z]+)\b`));
    assert.ok(!plainEquivalent(String.raw`^\p{Lu}`));
    assert.ok(!plainEquivalent(String.raw`\u{1F600}`));
    assert.ok(!plainEquivalent('\\bcafé\\b'));
    const p = new TextPattern(String.raw`\b(this|next|last)\s+week\b`, 'giu');
    assert.equal(p.plain.flags, 'gi');
    assert.equal(new TextPattern('\\bcafé\\b', 'giu').plain.flags, 'giu');
  });

  it('uses the u form on a text where the plain one could match differently', () => {
    // U+017F folds to "s" and U+212A to "k" under iu; a surrogate pair is one character only with u.
    for (const text of ['Next weeſ', 'this \u212Aing', 'last week 😀 and next week']) assert.ok(unicodeSensitive(text), text);
    assert.ok(!unicodeSensitive('Next week, “this week” – last week…'));
    const p = new TextPattern(String.raw`\b[a-z]+s\b|.`, 'giu');
    for (const text of ['Kiss the Boſs', 'it was \u212Aind', '😀 ok 😀', 'Last weeks’ plans — done…']) {
      assert.deepEqual(all(p.for(text), text), all(p.unicode, text), text);
    }
    assert.equal(p.for('plain text'), p.plain);
    assert.equal(p.for('plain 😀'), p.unicode);
  });
});
