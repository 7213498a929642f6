import { createDocument, type Document } from '../../src/document/document.js';
import { evaluateGoldDir } from '../../src/eval/index.js';
import { NerModel } from '../../src/models/ner/model.js';
import { packagePath } from '../../src/package-path.js';
import { defaultPipeline } from '../../src/pipeline/default.js';
import { annotateActors } from '../../src/stages/actors/actors.js';
import { actorLexicon } from '../../src/stages/actors/lexicon.js';
import { findCandidates } from '../../src/stages/actors/mentions.js';
import { modelEntities } from '../../src/stages/actors/model-mentions.js';
import { buildWords } from '../../src/stages/actors/words.js';
import { segmentStage } from '../../src/stages/segment/segment.js';
import type { BenchSection } from './lib/section.js';
import { newswireTexts } from './lib/corpus.js';

const ARTICLES = 300;

function segmented(texts: readonly string[]): Document[] {
  return texts.map((text) => {
    const doc = createDocument(text);
    segmentStage.run(doc, { warn: () => undefined });
    return doc;
  });
}

interface Timing {
  wall: number;
  /** Seconds of CPU the process used: on a shared machine, the measure that does not count waiting for a core. */
  cpu: number;
}

function timed(run: () => void): Timing {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  run();
  const c = process.cpuUsage(c0);
  return { wall: (performance.now() - t0) / 1000, cpu: (c.user + c.system) / 1e6 };
}

export const section: BenchSection = {
  name: 'actors',
  async run() {
    const lines: string[] = [];
    let t0 = performance.now();
    const lex = actorLexicon();
    const lexMs = performance.now() - t0;
    t0 = performance.now();
    const model = NerModel.load();
    const modelMs = performance.now() - t0;
    lines.push(`actors: lexicon and gazetteer loaded in ${lexMs.toFixed(0)} ms, NER model in ${modelMs.toFixed(0)} ms`);

    const texts = newswireTexts(ARTICLES);
    const docs = segmented(texts);
    const tokens = docs.reduce((n, d) => n + d.tokens.length, 0);
    annotateActors(segmented(texts.slice(0, 3))[0]!);
    const stage = timed(() => docs.forEach((d) => annotateActors(d)));
    const both = timed(() =>
      texts.forEach((text) => {
        const doc = createDocument(text);
        segmentStage.run(doc, { warn: () => undefined });
        annotateActors(doc);
      }),
    );
    const perS = (t: Timing) => `${Math.round(tokens / t.wall)} tokens/s (${Math.round(tokens / t.cpu)} per CPU second)`;
    lines.push(`actors: ${docs.length} newswire articles, ${tokens} tokens; actors stage alone ${perS(stage)}; segment + actors ${perS(both)}; one core`);

    // Where the time goes: the stage's parts run one by one on the same documents.
    const fresh = segmented(texts);
    const words = fresh.map(buildWords);
    const wordsS = timed(() => fresh.forEach((d) => buildWords(d)));
    const rulesS = timed(() => words.forEach((w) => findCandidates(w, lex, -1)));
    const taggerS = timed(() => fresh.forEach((d, k) => modelEntities(d, words[k]!, model, lex)));
    const share = (t: Timing) => `${((100 * t.cpu) / stage.cpu).toFixed(0)}%`;
    lines.push(
      `actors: time split — words ${share(wordsS)}, rule mentions ${share(rulesS)}, NER tagger ${share(taggerS)}, ` +
        `aliases, roles and coreference the rest (shares of CPU time)`,
    );

    const report = await evaluateGoldDir(packagePath('../shared/gold'), {
      layers: ['entities', 'roles', 'memberships'],
      pipeline: defaultPipeline().until('actors'),
    });
    const f1 = (l: 'entities' | 'roles' | 'memberships') => {
      const s = report.layers[l];
      return `${l} P ${pct(s.precision)} R ${pct(s.recall)} F1 ${pct(s.f1)}`;
    };
    lines.push(`actors: gold (${report.documents.length} article${report.documents.length === 1 ? '' : 's'}): ${f1('entities')}; ${f1('roles')}; ${f1('memberships')}`);
    const dev = model.meta['devF1'] as { personOrganizationLocation: number; all: number } | undefined;
    if (dev) lines.push(`actors: NER model dev exact-span F1 (newswire dev split): Person+Organization+Location ${dev.personOrganizationLocation}, all classes ${dev.all}; test split: scripts/eval-ner.ts`);
    return lines;
  },
};

function pct(x: number | null): string {
  return x === null ? '—' : (100 * x).toFixed(1);
}
