import type { Document } from '../document/document.js';
import type { LayerName } from '../document/layers.js';

/** What every stage gets besides the document: the run's settings and a place to report. */
export interface StageContext {
  /** Warnings a stage wants a user to see; the document is still produced. */
  warn(message: string): void;
}

/**
 * One job in the pipeline. A stage declares the layers it reads and the ones it adds; the pipeline checks
 * that every read layer is added by an earlier stage, so stages can be added without touching the others.
 */
export interface Stage {
  readonly name: string;
  readonly reads: readonly LayerName[];
  readonly adds: readonly LayerName[];
  run(doc: Document, ctx: StageContext): void | Promise<void>;
}
