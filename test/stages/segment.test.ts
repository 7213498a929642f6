import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { segmentText } from '../../src/stages/segment/segment.js';

const sentencesOf = (text: string, dateline?: { start: number; end: number }) =>
  segmentText(text, dateline).sentences.map((s) => text.slice(s.span.start, s.span.end));

describe('segmentText', () => {
  it('does not split after Dr, Mr, Rs., No. or initials', () => {
    const text = 'Dr. Ali met Mr. Khan at No. 5 and paid Rs. 300 to J. R. Shah. He then left.';
    assert.deepEqual(sentencesOf(text), ['Dr. Ali met Mr. Khan at No. 5 and paid Rs. 300 to J. R. Shah.', 'He then left.']);
  });

  it('keeps a quotation of several sentences in one segment', () => {
    const text = 'The minister spoke. \u201CWe came. We stayed. We won,\u201D she said. Reporters left.';
    assert.deepEqual(sentencesOf(text), [
      'The minister spoke.',
      '\u201CWe came. We stayed. We won,\u201D she said.',
      'Reporters left.',
    ]);
  });

  it('makes the dateline its own segment', () => {
    const text = 'QUETTA - The provincial cabinet met on Monday. It approved the budget.';
    const { sentences } = segmentText(text, { start: 0, end: 8 });
    assert.equal(sentences[0]?.dateline, true);
    assert.deepEqual(
      sentences.map((s) => text.slice(s.span.start, s.span.end)),
      ['QUETTA -', 'The provincial cabinet met on Monday.', 'It approved the budget.'],
    );
  });

  it('never lets a sentence cross a paragraph break, and numbers paragraphs', () => {
    const text = 'The party met\n\nThe cabinet resigned.';
    const { sentences } = segmentText(text);
    assert.deepEqual(sentences.map((s) => [text.slice(s.span.start, s.span.end), s.paragraph]), [
      ['The party met', 0],
      ['The cabinet resigned.', 1],
    ]);
  });

  it('gives every token an offset span whose text is the token', () => {
    const text = 'PML-N\u2019s leader said\u00A0\u201Cno\u201D on Rs. 5,000.';
    const { tokens } = segmentText(text);
    assert.ok(tokens.length > 5);
    for (const t of tokens) {
      const s = text.slice(t.span.start, t.span.end);
      assert.equal(s.trim(), s);
      assert.ok(s.length > 0);
    }
    // Hyphens are tokens of their own, as in the newswire NER training data ("PML", "-", "N").
    assert.deepEqual(tokens.slice(0, 3).map((t) => text.slice(t.span.start, t.span.end)), ['PML', '-', 'N']);
  });

  it('does not split before a word in lower case, a closing bracket or a signature dash', () => {
    const text = 'Senator Ruth Okafor (D-Wis.) said the vote failed. \u201CWe will win.\u201D \u2015 Ruth Okafor';
    assert.deepEqual(sentencesOf(text), [
      'Senator Ruth Okafor (D-Wis.) said the vote failed.',
      '\u201CWe will win.\u201D \u2015 Ruth Okafor',
    ]);
  });

  it('joins hard-wrapped lines of a text without blank lines but keeps short headline lines apart', () => {
    const text =
      'Coalition talks stall in the capital\nThe governing party and its junior partner failed on Tuesday to agree on\nthe cabinet seats the partner demands. Talks resume next week.';
    assert.deepEqual(sentencesOf(text), [
      'Coalition talks stall in the capital',
      'The governing party and its junior partner failed on Tuesday to agree on\nthe cabinet seats the partner demands.',
      'Talks resume next week.',
    ]);
  });
});

describe('segmentText across documents', () => {
  const tokensOf = (text: string) => segmentText(text).tokens.map((t) => `${text.slice(t.span.start, t.span.end)}/${t.pos}`);
  const later = 'Feeds later shifted to Halloran’s speech in Tampa.';

  it('tokenizes a text the same whatever was read before it', () => {
    const fresh = tokensOf(later);
    assert.ok(fresh.includes('’s/PART'), fresh.join(' '));
    // wink keeps "Halloran’s" whole before a comma and, unchecked, remembers it as a word for later texts.
    tokensOf('No donor gave to any campaign except Halloran’s, the filings show.');
    assert.deepEqual(tokensOf(later), fresh);
  });

  it('tokenizes the same after wink is rebuilt to drop what it read', async () => {
    const { setRebuildLimit } = await import('../../src/stages/segment/wink.js');
    const fresh = tokensOf(later);
    setRebuildLimit(5);
    try {
      for (let k = 0; k < 4; k++) tokensOf(`Qorvath${k}’s, Zembla${k} and Ulnish${k} met Brandt${k}’s, aides said.`);
      assert.deepEqual(tokensOf(later), fresh);
    } finally {
      setRebuildLimit(200_000);
    }
  });
});

describe('segmentText on CRLF text', () => {
  it('reads "\\r\\n\\r\\n" as a paragraph break, also when the text has "\\n\\n" elsewhere', () => {
    const text = 'First paragraph ends here.\r\n\r\n“Quoted words open the second\r\n\r\nThird paragraph.\n\n(Report 12.)';
    const { sentences } = segmentText(text);
    assert.deepEqual(sentences.map((s) => s.paragraph), [0, 1, 2, 3]);
    assert.deepEqual(sentences.map((s) => text.slice(s.span.start, s.span.end)), [
      'First paragraph ends here.', '“Quoted words open the second', 'Third paragraph.', '(Report 12.)',
    ]);
  });
});
