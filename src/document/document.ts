import { createHash } from 'node:crypto';
import type { Span } from './span.js';
import { LAYER_NAMES, type Layers } from './layers.js';
import { wellFormed } from './text-checks.js';

export const DOCUMENT_SCHEMA = 'polity/1';

export interface Dateline {
  /** The dateline segment in the original text ("KARACHI               -"). */
  span: Span;
  /** The place as a name ("Karachi"). */
  place: string;
  /** A news agency given in the dateline ("Reuters"). */
  agency?: string;
}

/** Where the publication date came from, in order of trust. */
export type PublishedSource = 'metadata' | 'feed' | 'url' | 'option' | 'text';

export interface DocumentMeta {
  /** Stable id: the first 16 hex digits of the SHA-256 of the original text. */
  id: string;
  /** SHA-256 (hex) of the original text; the store uses it to make ingestion idempotent. */
  contentHash: string;
  title?: string;
  url?: string;
  /** The file, feed or URL the article was read from. */
  origin?: string;
  /** Publication date, YYYY-MM-DD. */
  published?: string;
  publishedSource?: PublishedSource;
  dateline?: Dateline;
  /** Media type of the input the text was extracted from ("text/plain", "text/html"). */
  format?: string;
}

/**
 * The single source of truth for one article: the original text, kept exactly as read, and every
 * annotation layer as spans into it. Stages read and add layers; nothing else holds text.
 */
export interface Document extends Layers {
  readonly text: string;
  meta: DocumentMeta;
}

export function contentHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * A new Document. Unpaired surrogates (which UTF-8 cannot hold: SQLite would store them as other bytes and read
 * back a longer string, shifting every span after them) become U+FFFD here, before the hash, in the text and
 * in every metadata string, so the id, the stored text and the document JSON all describe the same string.
 * A text that differs from another only by a lone surrogate where the other has U+FFFD is the same article.
 */
export function createDocument(given: string, meta: Omit<DocumentMeta, 'id' | 'contentHash'> = {}): Document {
  const text = wellFormed(given);
  const hash = contentHash(text);
  const doc = { text, meta: { ...wellFormedStrings(meta), id: hash.slice(0, 16), contentHash: hash } } as Document;
  for (const name of LAYER_NAMES) (doc as unknown as Record<string, unknown[]>)[name] = [];
  return doc;
}

function wellFormedStrings<T>(value: T): T {
  if (typeof value === 'string') return wellFormed(value) as T;
  if (Array.isArray(value)) return value.map(wellFormedStrings) as T;
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, wellFormedStrings(v)])) as T;
  }
  return value;
}

export function textOf(doc: Pick<Document, 'text'>, s: Span): string {
  return doc.text.slice(s.start, s.end);
}

/** Versioned JSON form of a document (validated by schema/document.schema.json). */
export type DocumentJSON = { schema: typeof DOCUMENT_SCHEMA; text: string; meta: DocumentMeta } & Layers;

export function documentToJSON(doc: Document): DocumentJSON {
  const out = { schema: DOCUMENT_SCHEMA, meta: doc.meta, text: doc.text } as DocumentJSON;
  for (const name of LAYER_NAMES) (out as unknown as Record<string, unknown>)[name] = doc[name];
  return out;
}

export class DocumentFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DocumentFormatError';
  }
}

export function documentFromJSON(json: unknown): Document {
  if (typeof json !== 'object' || json === null) throw new DocumentFormatError('document JSON must be an object');
  const j = json as Partial<DocumentJSON>;
  if (j.schema !== DOCUMENT_SCHEMA) {
    throw new DocumentFormatError(`unsupported document schema ${JSON.stringify(j.schema)}; expected ${DOCUMENT_SCHEMA}`);
  }
  if (typeof j.text !== 'string' || typeof j.meta !== 'object' || j.meta === null) {
    throw new DocumentFormatError('document JSON needs text and meta');
  }
  const doc = { text: j.text, meta: j.meta } as Document;
  for (const name of LAYER_NAMES) {
    (doc as unknown as Record<string, unknown>)[name] = Array.isArray(j[name]) ? j[name] : [];
  }
  return doc;
}

/** Makes ids unique within a layer: `prefix` + running number ("m12", "a3"). */
export function nextId(layer: readonly { id: string }[], prefix: string): string {
  return `${prefix}${layer.length + 1}`;
}
