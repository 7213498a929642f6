import { extractTimes } from '../../src/stages/time/extract.js';
import { evaluateTempEval } from '../eval-tempeval.js';
import type { BenchSection } from './lib/section.js';
import { newswireTexts } from './lib/corpus.js';

export const section: BenchSection = {
  name: 'time',
  async run() {
    const quality = evaluateTempEval();
    const texts = newswireTexts();
    extractTimes(texts[0] ?? '', { published: '2020-01-14' });
    let found = 0;
    let chars = 0;
    const t0 = performance.now();
    for (const text of texts) {
      found += extractTimes(text, { published: '2020-01-14' }).length;
      chars += text.length;
    }
    const s = (performance.now() - t0) / 1000;
    return [
      `tempeval3 (all ${quality.documents} training documents, ${quality.gold} TIMEX3): extraction recall ${quality.recall.toFixed(3)}, strict value accuracy ${quality.valueAccuracy.toFixed(3)} (of found), extracted overlapping no gold ${quality.spuriousRate.toFixed(3)}`,
      `time: ${texts.length} newswire articles, ${found} expressions in ${s.toFixed(2)} s = ${Math.round(texts.length / s)} articles/s, ${Math.round(chars / s / 1000)} k chars/s (one core)`,
    ];
  },
};
