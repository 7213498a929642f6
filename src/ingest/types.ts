import { oneLine } from '../document/printable.js';
import type { Document } from '../document/document.js';
import type { FetchLimits } from './fetch.js';

/** Settings for reading inputs. */
export interface IngestOptions {
  /** Publication date (YYYY-MM-DD) to use when the input gives none; `--published` on the CLI. */
  published?: string;
  /** Largest input accepted, in bytes (default 20 MiB); a larger one is rejected, not truncated. */
  maxBytes?: number;
  /** fetch used for feed and page URLs (tests pass a local one). */
  fetch?: typeof globalThis.fetch;
  /** Time bounds and redirect limit for URLs (defaults: DEFAULT_FETCH_LIMITS). */
  fetchLimits?: Partial<FetchLimits>;
  /** Told of what does not refuse an input but should be known (a redirect to another host). */
  notice?: (source: string, message: string) => void;
}

/**
 * A reason an input was refused, with the file (or URL, or `file:line`) it concerns. The message is always one
 * printable line, whatever the file name or the reason holds (newlines, escape sequences are shown escaped).
 */
export class IngestError extends Error {
  constructor(
    readonly source: string,
    readonly reason: string,
  ) {
    super(`${oneLine(source)}: ${oneLine(reason)}`);
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
