import type { Document } from '../document/document.js';

/**
 * What storing a document did: it was new; an article with the same text was already stored and kept; or
 * (with `replace`) that article was replaced by the new analysis.
 */
export type PutStatus = 'added' | 'unchanged' | 'replaced';

export interface PutOptions {
  /** Replace an article with the same text (its layer rows too), e.g. after the pipeline has improved. */
  replace?: boolean;
  /**
   * The document's JSON, JSON.stringify(documentToJSON(doc)), when it was made already (by the analysis worker
   * thread, so the one writer does not spend its time on it). It must be the JSON of `doc`.
   */
  json?: string;
}

/** One stored article, as listed (no layers). */
export interface ArticleSummary {
  id: string;
  contentHash: string;
  title?: string;
  url?: string;
  origin?: string;
  /** Publication date, YYYY-MM-DD. */
  published?: string;
  datelinePlace?: string;
  /** When the article was stored (ISO 8601, UTC). */
  ingestedAt: string;
  /** Length of the original text in UTF-16 code units. */
  chars: number;
}

/** Where analysed documents are kept. One article is written whole or not at all. */
export interface Store {
  /** Stores an analysed document; a text already stored (same content hash) is left as it is unless `replace`. */
  putDocument(doc: Document, opts?: PutOptions): PutStatus;
  /** True when an article with this text (SHA-256 hex) is stored, so callers can skip analysing it again. */
  hasContent(contentHash: string): boolean;
  /** The document whose id is `idOrPrefix` or starts with it; undefined when none does. */
  getDocument(idOrPrefix: string): Document | undefined;
  /** Every stored article, by publication date then id. */
  listArticles(): ArticleSummary[];
  close(): void;
}

/** A store could not be opened, migrated or read; the message names the file and what to do. */
export class StoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreError';
  }
}

/** An id prefix matched more than one article; `candidates` are the full ids it matched. */
export class AmbiguousIdError extends StoreError {
  constructor(
    readonly prefix: string,
    readonly candidates: string[],
  ) {
    super(`id prefix ${prefix} matches ${candidates.length} articles (${candidates.slice(0, 5).join(', ')}${candidates.length > 5 ? ', …' : ''}); give more digits`);
    this.name = 'AmbiguousIdError';
  }
}
