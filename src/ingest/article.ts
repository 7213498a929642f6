import { createDocument, type Document, type DocumentMeta } from '../document/document.js';
import { languageViolation, sizeViolation, wellFormed } from '../document/text-checks.js';
import { findDateline, looksLikeTitle } from './dateline.js';
import { resolvePublished, UnknownDateError, type PublishedCandidate } from './published.js';
import { IngestError, type IngestOptions } from './types.js';

/** What an input says about an article besides its text. */
export interface ArticleMeta {
  title?: string;
  url?: string;
  /** The file, feed or URL the article was read from; names the source in errors. */
  origin?: string;
  /** Media type the text was extracted from (default "text/plain"). */
  format?: string;
  /** A publication date the input states for this article; it must parse. */
  published?: string;
  /** Where `published` comes from (default 'metadata'). */
  publishedSource?: 'metadata' | 'feed';
}

/**
 * An article's text as a Document, with its dateline and publication date. When no title is given and
 * the text opens with a headline line, that line becomes the title (it stays in the text).
 */
export function documentFromText(given: string, meta: ArticleMeta = {}, opts: IngestOptions = {}): Document {
  const source = meta.origin ?? meta.url ?? 'text';
  // Same length, so the dateline and headline found below stay valid for the Document's text.
  const text = wellFormed(given);
  if (text.trim() === '') throw new IngestError(source, 'empty text');
  const refusal = sizeViolation(text) ?? languageViolation(text);
  if (refusal) throw new IngestError(source, refusal);
  const found = findDateline(text);
  const candidates: PublishedCandidate[] = [
    { source: meta.publishedSource ?? 'metadata', value: meta.published, given: true },
    { source: 'url', value: meta.url },
    { source: 'option', value: opts.published, given: true },
    { source: 'text', value: found?.dateText },
  ];
  let date: ReturnType<typeof resolvePublished>;
  try {
    date = resolvePublished(candidates);
  } catch (err) {
    if (err instanceof UnknownDateError) throw new IngestError(source, err.message);
    throw err;
  }
  const docMeta: Omit<DocumentMeta, 'id' | 'contentHash'> = { format: meta.format ?? 'text/plain' };
  const title = meta.title?.trim() || headline(text, found?.dateline.span.start);
  if (title) docMeta.title = title;
  if (meta.url) docMeta.url = meta.url;
  if (meta.origin) docMeta.origin = meta.origin;
  if (date) Object.assign(docMeta, date);
  if (found) docMeta.dateline = found.dateline;
  return createDocument(text, docMeta);
}

/** The opening line when it reads as a headline and is not itself the dateline's line. */
function headline(text: string, datelineStart: number | undefined): string | undefined {
  const lines = text.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  const [first] = lines;
  if (first === undefined || lines.length < 2 || !looksLikeTitle(first)) return undefined;
  const firstEnd = text.indexOf(first) + first.length;
  return datelineStart !== undefined && datelineStart < firstEnd ? undefined : first;
}
