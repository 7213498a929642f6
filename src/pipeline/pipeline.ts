import type { Document } from '../document/document.js';
import type { LayerName } from '../document/layers.js';
import { articleBudget, checkSentenceBounds, checkTextBounds } from './budget.js';
import type { Stage, StageContext } from './stage.js';

export interface StageTiming {
  stage: string;
  ms: number;
}

export interface PipelineRun {
  doc: Document;
  timings: StageTiming[];
  warnings: string[];
}

export class PipelineError extends Error {
  constructor(message: string, readonly stage?: string) {
    super(message);
    this.name = 'PipelineError';
  }
}

/** A fixed, validated sequence of stages. */
export class Pipeline {
  readonly stages: readonly Stage[];

  constructor(
    stages: readonly Stage[],
    /** Time one article's analysis may take (default DEFAULT_ARTICLE_BUDGET_MS). */
    private readonly budgetMs?: number,
  ) {
    const added = new Set<LayerName>();
    for (const stage of stages) {
      const missing = stage.reads.filter((l) => !added.has(l));
      if (missing.length > 0) {
        throw new PipelineError(`stage ${stage.name} reads ${missing.join(', ')}, which no earlier stage adds`, stage.name);
      }
      stage.adds.forEach((l) => added.add(l));
    }
    this.stages = stages;
  }

  /** The pipeline up to and including the named stage. */
  until(stageName: string): Pipeline {
    const idx = this.stages.findIndex((s) => s.name === stageName);
    if (idx < 0) throw new PipelineError(`no stage named ${stageName}`);
    return new Pipeline(this.stages.slice(0, idx + 1), this.budgetMs);
  }

  async run(doc: Document): Promise<PipelineRun> {
    const timings: StageTiming[] = [];
    const warnings: string[] = [];
    const ctx: StageContext = { warn: (m) => warnings.push(m) };
    // Over a bound, the article is refused with an ArticleBoundsError (one line) before more work is done.
    checkTextBounds(doc);
    const budget = articleBudget(this.budgetMs);
    for (const stage of this.stages) {
      const t0 = performance.now();
      try {
        await stage.run(doc, ctx);
      } catch (err) {
        const reason = err instanceof Error ? err.message : String(err);
        throw new PipelineError(`stage ${stage.name} failed: ${reason}`, stage.name);
      }
      timings.push({ stage: stage.name, ms: performance.now() - t0 });
      if (stage.adds.includes('tokens')) checkSentenceBounds(doc);
      budget.check(stage.name);
    }
    return { doc, timings, warnings };
  }
}
