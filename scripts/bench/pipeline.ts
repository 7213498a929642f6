/**
 * Whole-pipeline speed on one core: every article of the speed corpus (1,915 real articles) read as `polity
 * ingest` reads a text file and run through the default pipeline, CPU time per stage, tokens per CPU second,
 * beside compromise (`nlp(text)` with its people, organizations and places) and wink-nlp (tokenizer and
 * entities) on the same texts. Tokens are counted by the segment stage for all three, so the rates compare.
 *
 * `npm run bench -- pipeline` (add `POLITY_BENCH_FULL=1` to time compromise on every article, not one in four).
 */
import nlp from 'compromise';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Document } from '../../src/document/document.js';
import { documentFromText } from '../../src/ingest/article.js';
import { defaultPipeline } from '../../src/pipeline/default.js';
import type { StageContext } from '../../src/pipeline/stage.js';
import { speedCorpus } from './lib/corpus.js';
import type { BenchSection } from './lib/section.js';

/** CPU seconds used by this process since `from` (process.cpuUsage: user + system). */
function cpuSince(from: NodeJS.CpuUsage): number {
  const c = process.cpuUsage(from);
  return (c.user + c.system) / 1e6;
}

export const section: BenchSection = {
  name: 'pipeline',
  async run() {
    const corpus = speedCorpus();
    const pipeline = defaultPipeline();
    const ctx: StageContext = { warn: () => undefined };
    const read = (text: string, name: string): Document => documentFromText(text, { origin: name }, { published: '2020-01-14' });
    // Warm up: lexicons and the model load, the JIT sees every stage once.
    for (const { text, name } of corpus.slice(0, 5)) await pipeline.run(read(text, name));

    const stageCpu = new Map<string, number>(pipeline.stages.map((s) => [s.name, 0]));
    let tokens = 0;
    let chars = 0;
    const tokensOf: number[] = [];
    const wall0 = performance.now();
    const all0 = process.cpuUsage();
    for (const { text, name } of corpus) {
      const doc = read(text, name);
      for (const stage of pipeline.stages) {
        const c0 = process.cpuUsage();
        await stage.run(doc, ctx);
        stageCpu.set(stage.name, stageCpu.get(stage.name)! + cpuSince(c0));
      }
      tokens += doc.tokens.length;
      tokensOf.push(doc.tokens.length);
      chars += text.length;
    }
    const cpu = cpuSince(all0);
    const wall = (performance.now() - wall0) / 1000;
    const stagesCpu = [...stageCpu.values()].reduce((a, b) => a + b, 0);

    // compromise on a fixed sample (every fourth article) unless asked for all: it is the slow one.
    const step = process.env.POLITY_BENCH_FULL ? 1 : 4;
    const sample = corpus.map((c, i) => ({ ...c, tokens: tokensOf[i]! })).filter((_, i) => i % step === 0);
    const sampleTokens = sample.reduce((n, c) => n + c.tokens, 0);
    nlp(corpus[0]!.text).people().out('array');
    const cmp0 = process.cpuUsage();
    for (const { text } of sample) {
      const d = nlp(text);
      d.people().out('array');
      d.organizations().out('array');
      d.places().out('array');
    }
    const compromiseCpu = cpuSince(cmp0);

    const wink = winkNLP(model);
    wink.readDoc(corpus[0]!.text).entities().out();
    const w0 = process.cpuUsage();
    for (const { text } of corpus) wink.readDoc(text).entities().out();
    const winkCpu = cpuSince(w0);

    const ours = tokens / cpu;
    const theirs = sampleTokens / compromiseCpu;
    const rate = (n: number) => Math.round(n).toLocaleString('en-US');
    const lines = [
      `pipeline: ${corpus.length} articles (en-worldwide-newswire 991 + PolNeAR train 840 + dev 84), ${rate(tokens)} tokens, ${(chars / 1e6).toFixed(2)} M chars, one core`,
      `pipeline: whole default pipeline ${cpu.toFixed(1)} CPU s (${wall.toFixed(1)} s wall) = ${rate(ours)} tokens per CPU second, ${(corpus.length / cpu).toFixed(1)} articles per CPU second (reading the text file's meta included)`,
      `pipeline: compromise ${rate(theirs)} tokens per CPU second (${sample.length} articles${step > 1 ? `, one in ${step}` : ''}), polity / compromise = ${(ours / theirs).toFixed(2)}; wink-nlp tokenizer + entities ${rate(tokens / winkCpu)} tokens per CPU second`,
      'pipeline: CPU time by stage:',
    ];
    for (const [name, s] of stageCpu) {
      lines.push(`  ${name.padEnd(12)} ${s.toFixed(2).padStart(7)} CPU s  ${((100 * s) / stagesCpu).toFixed(1).padStart(5)}%  ${rate(tokens / s).padStart(11)} tokens/CPU-s`);
    }
    return lines;
  },
};
