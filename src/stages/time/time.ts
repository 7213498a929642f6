import type { Document } from '../../document/document.js';
import type { Stage } from '../../pipeline/stage.js';
import { extractTimes } from './extract.js';

/** Time expressions, normalized relative to the publication date (doc.meta.published). */
export const timeStage: Stage = {
  name: 'time',
  reads: ['sentences'],
  adds: ['times'],
  run(doc: Document) {
    const found = extractTimes(doc.text, {
      ...(doc.meta.published ? { published: doc.meta.published } : {}),
      sentences: doc.sentences.map((s) => s.span),
    });
    doc.times = found.map((t, i) => ({ id: `t${i + 1}`, span: t.span, value: t.value }));
  },
};
