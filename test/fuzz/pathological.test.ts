import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../src/analyze.js';
import { createDocument } from '../../src/document/document.js';
import { printable } from './printable-check.js';
import { ArticleBoundsError } from '../../src/pipeline/budget.js';
import { documentFromText, IngestError } from '../../src/ingest/index.js';
import { prng, GOOD_ARTICLES } from './hostile-inputs.js';

/** Analysing what ingestion lets through must end; the timeouts are generous bounds, not speed assertions. */
describe('pathological articles', () => {
  it('refuses 1 MB without a space and 8.9 MB on one line at ingestion, with one line each', { timeout: 60_000 }, () => {
    assert.throws(() => documentFromText('a'.repeat(1024 * 1024), { origin: 'nospace.txt' }),
      (err: unknown) => err instanceof IngestError && err.message === 'nospace.txt: text is 1048576 characters, over the limit of 1000000');
    const line = 'The minister said the talks would resume on Monday after the budget '.repeat(130_000);
    assert.throws(() => documentFromText(line, { origin: 'one-line.txt' }), (err: unknown) => err instanceof IngestError && /^one-line\.txt: text is \d+ characters, over the limit/u.test(err.message));
    assert.throws(() => documentFromText(`KARACHI - ${'x'.repeat(5_000)} said.`, { origin: 'long-token.txt' }), /long-token\.txt: a run of 5000 characters without white space at offset 10/u);
  });

  it('analyses 10,000 short "X said" sentences to the end, in paragraphs; refuses them as one 348 KB line', { timeout: 300_000 }, async () => {
    const names = ['Khan', 'Baloch', 'Siddiqui', 'Qureshi', 'Rana'];
    const sentences = Array.from({ length: 10_000 }, (_, i) => `${names[i % 5]} said the talks would go on.`);
    assert.throws(() => documentFromText(sentences.join(' '), { origin: 'said-one-line.txt' }), /said-one-line\.txt: line 1 is 347999 characters, over the limit of 200000$/u);
    const text = sentences.map((s, i) => (i % 50 === 49 ? `${s}\n\n` : `${s} `)).join('').trim();
    const doc = documentFromText(text, { origin: 'said.txt' }, { published: '2021-06-01' });
    await analyze(doc);
    assert.equal(doc.sentences.length, 10_000);
    assert.ok(doc.statements.length >= 9_000, `${doc.statements.length} statements`);
  });

  it('refuses in the pipeline what skipped ingestion: an oversized text, an endless sentence', { timeout: 120_000 }, async () => {
    await assert.rejects(analyze(createDocument('b'.repeat(2_000_000))), (err: unknown) => err instanceof ArticleBoundsError && /over the limit of 1000000/u.test(err.message));
    const endless = `LAHORE - ${'the committee and '.repeat(3_000)}the council met.`;
    await assert.rejects(analyze(createDocument(endless)), (err: unknown) => err instanceof ArticleBoundsError && /^sentence \d+ has more than 2000 tokens \(the limit\)$/u.test(err.message));
  });

  it('survives 60 random mutations of good articles: each read and analysed, or refused with one line', { timeout: 600_000 }, async () => {
    const rand = prng(7);
    const noise = ['\x00', '\x1b[31m', '\u202e', '\ud800', '\udfff', '"', '“', '”', '(', ')', '&amp;', '<p>', '\n\n', '\r', '\t', '\ufeff', '\u0000\u0001', '…', '—'];
    for (let k = 0; k < 60; k++) {
      let text = GOOD_ARTICLES[k % GOOD_ARTICLES.length]!;
      for (let m = 0; m < 1 + Math.floor(rand() * 12); m++) {
        const at = Math.floor(rand() * text.length);
        const r = rand();
        if (r < 0.5) text = text.slice(0, at) + noise[Math.floor(rand() * noise.length)]!.repeat(1 + Math.floor(rand() * 50)) + text.slice(at);
        else if (r < 0.8) text = text.slice(0, at) + text.slice(at + Math.floor(rand() * 40));
        else text = text.slice(0, at);
      }
      let doc;
      try {
        doc = documentFromText(text, { origin: `mutant-${k}` }, { published: '2021-06-01' });
      } catch (err) {
        assert.ok(err instanceof IngestError, `mutant ${k}: ${String(err)}`);
        assert.ok(printable(err.message) && err.message.startsWith(`mutant-${k}: `), err.message);
        continue;
      }
      await analyze(doc);
      assert.equal(doc.text.length, text.length);
      for (const m of doc.mentions) assert.ok(m.span.start >= 0 && m.span.end <= doc.text.length);
    }
  });
});
