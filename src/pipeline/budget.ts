/**
 * Bounds on the work one article may cost, checked by the pipeline: the text's size bounds before the first
 * stage (documents built in code skip ingestion's checks), the length of every sentence once the text is
 * segmented, and the time spent so far after every stage. A stage is not interrupted (that needs a worker
 * thread and a timeout around the whole analysis); the next one is not started.
 */
import type { Document } from '../document/document.js';
import { sizeViolation, TEXT_LIMITS } from '../document/text-checks.js';

/** Default time budget for one article's analysis, wall clock (a 1 MB article takes ~15 CPU-s). */
export const DEFAULT_ARTICLE_BUDGET_MS = 60_000;

/** An article over a bound: refused with a one-line reason, the batch going on. */
export class ArticleBoundsError extends Error {
  constructor(
    message: string,
    /**
     * The same text is refused again on any machine, at any load: a size or sentence bound. The time budget is
     * not (a loaded machine runs out of it where an idle one would not).
     */
    readonly repeatable = true,
  ) {
    super(message);
    this.name = 'ArticleBoundsError';
  }
}

export function checkTextBounds(doc: Document): void {
  const violation = sizeViolation(doc.text);
  if (violation) throw new ArticleBoundsError(violation);
}

/** Once tokens exist: no sentence longer than TEXT_LIMITS.maxSentenceTokens tokens. */
export function checkSentenceBounds(doc: Document): void {
  if (doc.tokens.length <= TEXT_LIMITS.maxSentenceTokens) return;
  const perSentence = new Map<number, number>();
  for (const t of doc.tokens) {
    const n = (perSentence.get(t.sentence) ?? 0) + 1;
    if (n > TEXT_LIMITS.maxSentenceTokens) {
      throw new ArticleBoundsError(`sentence ${t.sentence + 1} has more than ${TEXT_LIMITS.maxSentenceTokens} tokens (the limit)`);
    }
    perSentence.set(t.sentence, n);
  }
}

/** The time an article's analysis may take; `check` after each stage throws once it is spent. */
export function articleBudget(ms: number = DEFAULT_ARTICLE_BUDGET_MS): { check(stage: string): void } {
  const started = performance.now();
  return {
    check(stage) {
      const spent = performance.now() - started;
      if (spent > ms) throw new ArticleBoundsError(`analysis took over ${Math.round(ms / 1000)} s (stopped after stage ${stage})`, false);
    },
  };
}
