import { segmentText } from '../../src/stages/segment/segment.js';
import type { BenchSection } from './lib/section.js';
import { newswireTexts } from './lib/corpus.js';

export const section: BenchSection = {
  name: 'segment',
  async run() {
    const texts = newswireTexts();
    segmentText(texts[0] ?? '');
    let tokens = 0;
    const t0 = performance.now();
    for (const text of texts) tokens += segmentText(text).tokens.length;
    const s = (performance.now() - t0) / 1000;
    return [`segment: ${texts.length} articles, ${tokens} tokens in ${s.toFixed(2)} s = ${Math.round(tokens / s)} tokens/s (one core)`];
  },
};
