/**
 * Which failed analyses would fail again: an article over a size or sentence bound, or one a stage throws on,
 * is refused for what it is, so a job queue should not try it again; a time-out, a crashed worker thread or a
 * closed pool say nothing about the article.
 */
import { ArticleBoundsError } from './budget.js';
import { PipelineError } from './pipeline.js';

/** An analysis refused in a worker thread for a reason that refuses it again (refusesAgain held there). */
export class AnalysisRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AnalysisRefusedError';
  }
}

/** True when analysing the same document again, with the same code, fails the same way. */
export function refusesAgain(err: unknown): boolean {
  return err instanceof AnalysisRefusedError || err instanceof PipelineError || (err instanceof ArticleBoundsError && err.repeatable);
}
