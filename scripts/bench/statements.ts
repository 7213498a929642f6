import { createDocument } from '../../src/document/document.js';
import { segmentStage } from '../../src/stages/segment/segment.js';
import { attributeStatements } from '../../src/stages/statements/statements.js';
import { evaluatePolnear, formatPolnearReport } from '../eval-polnear.js';
import { newswireTexts } from './lib/corpus.js';
import type { BenchSection } from './lib/section.js';

export const section: BenchSection = {
  name: 'statements',
  async run() {
    const docs = newswireTexts().map((text) => {
      const doc = createDocument(text);
      segmentStage.run(doc, { warn: () => undefined });
      return doc;
    });
    attributeStatements(docs[0]!);
    let tokens = 0;
    let statements = 0;
    const t0 = performance.now();
    for (const doc of docs) {
      tokens += doc.tokens.length;
      statements += attributeStatements(doc).length;
    }
    const s = (performance.now() - t0) / 1000;
    return [
      `statements: ${docs.length} newswire articles, ${tokens} tokens, ${statements} statements in ${s.toFixed(2)} s = ${Math.round(tokens / s)} tokens/s (stage only, after segmentation, one core)`,
      ...formatPolnearReport(evaluatePolnear('dev')),
    ];
  },
};
