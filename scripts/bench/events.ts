import { createDocument } from '../../src/document/document.js';
import { eventPipeline, formatGsr, scoreGsr } from '../eval-plover.js';
import type { BenchSection } from './lib/section.js';
import { newswireTexts } from './lib/corpus.js';

const ARTICLES = 150;

export const section: BenchSection = {
  name: 'events',
  async run() {
    const pipeline = eventPipeline();
    const texts = newswireTexts(ARTICLES);
    let tokens = 0;
    let eventsMs = 0;
    let relationsMs = 0;
    let events = 0;
    for (const text of texts) {
      const run = await pipeline.run(createDocument(text));
      tokens += run.doc.tokens.length;
      events += run.doc.events.length;
      eventsMs += run.timings.find((t) => t.stage === 'events')?.ms ?? 0;
      relationsMs += run.timings.find((t) => t.stage === 'relations')?.ms ?? 0;
    }
    const gsr = await scoreGsr(pipeline);
    return [
      `events: ${texts.length} en-worldwide-newswire articles, ${tokens} tokens, ${events} events; events stage ${(eventsMs / 1000).toFixed(2)} s = ${Math.round(tokens / (eventsMs / 1000))} tokens/s, relations stage ${Math.round(tokens / (relationsMs / 1000))} tokens/s (one core, stage time only)`,
      ...formatGsr(gsr),
    ];
  },
};
