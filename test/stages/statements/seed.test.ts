import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createDocument } from '../../../src/document/document.js';
import { loadGold, scoreDocument } from '../../../src/eval/index.js';
import { packagePath } from '../../../src/package-path.js';
import { defaultPipeline } from '../../../src/pipeline/default.js';

describe('statements on the seed article through the default pipeline (shared gold, read at run time)', () => {
  it('finds ≥ 95% of the gold quotes and attributes ≥ 95% of them to the right speaker', async () => {
    const gold = loadGold(packagePath('../shared/gold/seed.gold.json'));
    const text = readFileSync(packagePath(`../shared/${gold.file}`), 'utf8');
    const doc = createDocument(text, { published: gold.published });
    await defaultPipeline().until('statements').run(doc);
    const score = scoreDocument(gold, doc);
    const found = score.attributes['quotes.found'];
    const speaker = score.attributes['quotes.speaker'];
    const misses = score.errors.filter((e) => e.layer === 'quotes').map((e) => `${e.kind}: ${e.item}`);
    assert.ok(found.accuracy !== null && found.accuracy >= 0.95, `quote recall ${found.correct}/${found.total}\n${misses.join('\n')}`);
    assert.ok(speaker.accuracy !== null && speaker.accuracy >= 0.95, `speaker accuracy ${speaker.correct}/${speaker.total}\n${misses.join('\n')}`);
    assert.equal(score.layers.quotes.fp, 0, misses.join('\n'));
  });
});
