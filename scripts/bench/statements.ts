import { createDocument } from '../../src/document/document.js';
import { actorsStage } from '../../src/stages/actors/actors.js';
import { segmentStage } from '../../src/stages/segment/segment.js';
import { attributeStatements } from '../../src/stages/statements/statements.js';
import { evaluatePolnear, formatPolnearReport } from '../eval-polnear.js';
import { newswireTexts } from './lib/corpus.js';
import type { BenchSection } from './lib/section.js';

/** Articles timed; the actors stage runs first on the same ones, as in the pipeline, and is timed for comparison. */
const ARTICLES = 300;

export const section: BenchSection = {
  name: 'statements',
  async run() {
    const ctx = { warn: () => undefined };
    const docs = newswireTexts(ARTICLES).map((text) => {
      const doc = createDocument(text);
      segmentStage.run(doc, ctx);
      return doc;
    });
    const tokens = docs.reduce((sum, d) => sum + d.tokens.length, 0);
    const t0 = performance.now();
    for (const doc of docs) await actorsStage.run(doc, ctx);
    const actorsSeconds = (performance.now() - t0) / 1000;
    let statements = 0;
    const t1 = performance.now();
    for (const doc of docs) statements += attributeStatements(doc).length;
    const seconds = (performance.now() - t1) / 1000;
    return [
      `statements: ${docs.length} newswire articles, ${tokens} tokens, ${statements} statements in ${seconds.toFixed(2)} s = ${Math.round(tokens / seconds)} tokens/s (one core; actors stage on the same articles: ${Math.round(tokens / actorsSeconds)} tokens/s)`,
      ...formatPolnearReport(evaluatePolnear('dev')),
    ];
  },
};
