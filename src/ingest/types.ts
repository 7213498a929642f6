import type { Document } from '../document/document.js';

/** Settings for reading inputs. */
export interface IngestOptions {
  /** Publication date (YYYY-MM-DD) to use when the input gives none; `--published` on the CLI. */
  published?: string;
  /** Largest input accepted, in bytes (default 20 MiB); a larger one is rejected, not truncated. */
  maxBytes?: number;
  /** fetch used for feed and page URLs (tests pass a local one). */
  fetch?: typeof globalThis.fetch;
}

/** A reason an input was refused, with the file (or URL, or `file:line`) it concerns. */
export class IngestError extends Error {
  constructor(
    readonly source: string,
    readonly reason: string,
  ) {
    super(`${source}: ${reason}`);
    this.name = 'IngestError';
  }
}

/** One article read, or one input refused; a batch yields both and goes on. */
export type IngestItem =
  | { ok: true; source: string; doc: Document }
  | { ok: false; source: string; error: IngestError };

/** One input as given by the user, expanded: a file of a known kind, or a URL. */
export interface SourceRef {
  /** Path or URL. */
  location: string;
  /** stdin: standard input (`-`), its kind told from its content. */
  kind: 'text' | 'html' | 'jsonl' | 'feed' | 'url' | 'stdin';
}
