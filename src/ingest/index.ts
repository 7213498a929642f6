/**
 * Ingestion: any input — plain text, HTML page, JSON Lines, RSS/Atom feed, folder, URL — becomes
 * Documents. Reading never throws for a bad input: each one becomes an `{ ok: false }` item naming the
 * file (or `file:line`, or `feed#item`) and the reason, and the batch goes on.
 */
import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import type { Document } from '../document/document.js';
import { packagePath } from '../package-path.js';
import { documentFromText, type ArticleMeta } from './article.js';
import { parseFeed, looksLikeFeed, NotAFeedError, type FeedEntry } from './feed.js';
import { fetchText } from './fetch.js';
import { DEFAULT_MAX_BYTES, readTextFile, readTextLines, type FileLine } from './file.js';
import { articleFromHtmlPage, NoArticleError, textFromHtmlFragment } from './html.js';
import { parseDay } from './published.js';
import { expandSources, isUrl } from './sources.js';
import { STDIN_NAME, kindOfContent, readStdinText } from './stdin.js';
import { IngestError, type IngestItem, type IngestOptions, type SourceRef } from './types.js';

export { documentFromText, type ArticleMeta } from './article.js';
export { findDateline, type DatelineMatch } from './dateline.js';
export { parseDay, dayFromUrl } from './published.js';
export { expandSources } from './sources.js';
export { IngestError } from './types.js';
export { DEFAULT_FETCH_LIMITS, type FetchLimits } from './fetch.js';
export type { IngestItem, IngestOptions, SourceRef } from './types.js';

const FEED_MEDIA_TYPES = new Set(['application/rss+xml', 'application/atom+xml', 'application/xml', 'text/xml']);
const JSON_LINES_MEDIA_TYPES = new Set(['application/x-ndjson', 'application/ndjson', 'application/jsonl', 'application/x-jsonlines']);

export async function* ingestSources(inputs: string[], opts: IngestOptions = {}): AsyncGenerator<IngestItem> {
  for (const ref of await expandSources(inputs)) yield* readSource(ref, opts);
}

export async function* readSource(ref: SourceRef, opts: IngestOptions = {}): AsyncGenerator<IngestItem> {
  // Standard input is named "stdin" in errors ("stdin:3: invalid JSON"), not "-".
  const location = ref.kind === 'stdin' ? STDIN_NAME : ref.location;
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  let kind = ref.kind;
  let content: string;
  let url: string | undefined;
  try {
    if (kind === 'url' || isUrl(location)) {
      const fetched = await fetchText(location, {
        maxBytes,
        fetch: opts.fetch ?? globalThis.fetch,
        ...(opts.fetchLimits && { limits: opts.fetchLimits }),
        ...(opts.notice && { notice: (message: string) => opts.notice!(location, message) }),
      });
      content = fetched.text;
      url = fetched.url;
      if (kind === 'url') kind = kindOfResponse(fetched.mediaType, content);
    } else if (kind === 'jsonl') {
      // A local JSON Lines file is streamed: it may hold a whole corpus, so only each line is bounded.
      yield* articlesFromJsonLineStream(readTextLines(location, maxBytes), location, opts);
      return;
    } else if (kind === 'stdin') {
      content = await readStdinText(maxBytes);
      kind = kindOfContent(content);
    } else {
      content = await readTextFile(location, maxBytes);
    }
  } catch (err) {
    yield failure(location, err);
    return;
  }
  switch (kind) {
    case 'jsonl':
      yield* articlesFromJsonLines(content, location, opts);
      return;
    case 'feed':
      yield* articlesFromFeed(content, location, opts);
      return;
    case 'html':
      yield attempt(location, () => documentFromHtml(content, { origin: location }, opts, 'page', url));
      return;
    default:
      yield attempt(location, () => documentFromText(content, withUrl({ origin: location }, url), opts));
  }
}

function kindOfResponse(mediaType: string, text: string): SourceRef['kind'] {
  if (FEED_MEDIA_TYPES.has(mediaType) || looksLikeFeed(text.slice(0, 4096))) return 'feed';
  if (JSON_LINES_MEDIA_TYPES.has(mediaType)) return 'jsonl';
  if (mediaType === 'text/plain') return 'text';
  return 'html';
}

/** One `{url, title, published, text | html}` object per line; a bad line is refused alone. */
function* articlesFromJsonLines(content: string, location: string, opts: IngestOptions): Generator<IngestItem> {
  const lines = content.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') continue;
    const source = `${location}:${i + 1}`;
    yield attempt(source, () => documentFromJsonLine(line, source, location, opts));
  }
}

/** The same, from a file read line by line; a line that could not be read is refused alone. */
async function* articlesFromJsonLineStream(lines: AsyncIterable<FileLine>, location: string, opts: IngestOptions): AsyncGenerator<IngestItem> {
  try {
    for await (const l of lines) {
      const source = `${location}:${l.line}`;
      if ('error' in l) yield failure(source, new IngestError(source, l.error));
      else if (l.text.trim() !== '') yield attempt(source, () => documentFromJsonLine(l.text, source, location, opts));
    }
  } catch (err) {
    yield failure(location, err);
  }
}

/** A parsed JSON Lines row that passed the schema (src/ingest/jsonl-article.schema.json). */
interface JsonLinesArticle {
  url?: string | null;
  title?: string | null;
  published?: string | null;
  text?: string;
  html?: string;
}

let jsonLinesValidator: ValidateFunction<JsonLinesArticle> | undefined;

/** Why a row is not an article, in one line ("'text' must be string"), or undefined when it is one. */
function jsonLinesViolation(record: unknown): string | undefined {
  jsonLinesValidator ??= new Ajv({ allErrors: true }).compile<JsonLinesArticle>(
    JSON.parse(readFileSync(packagePath('src/ingest/jsonl-article.schema.json'), 'utf8')) as object,
  );
  if (jsonLinesValidator(record)) return undefined;
  const errors = jsonLinesValidator.errors ?? [];
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return 'expected a JSON object';
  const typeError = errors.find((e) => e.keyword === 'type' && e.instancePath !== '');
  if (typeError) return `'${typeError.instancePath.slice(1)}' ${typeError.message ?? 'has the wrong type'}`;
  return "no 'text' or 'html' string field";
}

function documentFromJsonLine(line: string, source: string, location: string, opts: IngestOptions): Document {
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch (err) {
    throw new IngestError(source, `invalid JSON: ${(err as Error).message}`);
  }
  const violation = jsonLinesViolation(record);
  if (violation) throw new IngestError(source, violation);
  // Own fields only: a row's "__proto__" or "constructor" key is data, never a way to another object.
  const fields = record as JsonLinesArticle;
  const own = <K extends keyof JsonLinesArticle>(key: K): JsonLinesArticle[K] => (Object.hasOwn(fields, key) ? fields[key] : undefined);
  const meta: ArticleMeta = { origin: source };
  for (const key of ['url', 'title', 'published'] as const) {
    const value = own(key);
    if (typeof value === 'string') meta[key] = value;
  }
  const text = own('text');
  if (typeof text === 'string') {
    if (text.trim() === '') throw new IngestError(source, "empty 'text'");
    return withOrigin(documentFromText(text, meta, opts), location);
  }
  const html = own('html')!;
  const isPage = /<(?:html|body)\b/iu.test(html);
  return withOrigin(documentFromHtml(html, meta, opts, isPage ? 'page' : 'fragment'), location);
}

function* articlesFromFeed(content: string, location: string, opts: IngestOptions): Generator<IngestItem> {
  let entries: FeedEntry[];
  try {
    entries = parseFeed(content);
  } catch (err) {
    yield failure(location, err instanceof NotAFeedError ? new IngestError(location, err.message) : err);
    return;
  }
  for (let i = 0; i < entries.length; i++) {
    const source = `${location}#${i + 1}`;
    yield attempt(source, () => documentFromFeedEntry(entries[i]!, source, location, opts));
  }
}

function documentFromFeedEntry(entry: FeedEntry, source: string, location: string, opts: IngestOptions): Document {
  if (!entry.content) throw new IngestError(source, 'feed item has no content or description');
  const text = entry.content.html ? textFromHtmlFragment(entry.content.value) : entry.content.value;
  if (text.trim() === '') throw new IngestError(source, 'feed item content is empty');
  const meta: ArticleMeta = { origin: source, format: entry.content.html ? 'text/html' : 'text/plain' };
  if (entry.title) meta.title = entry.title;
  if (entry.url) meta.url = entry.url;
  // A feed's own date is found, not given: one that does not parse is passed over for the next source.
  if (entry.published && parseDay(entry.published) !== undefined) {
    meta.published = entry.published;
    meta.publishedSource = 'feed';
  }
  return withOrigin(documentFromText(text, meta, opts), location);
}

/**
 * A page (through Readability) or a fragment (converted whole) as a Document. `meta` fields win over the
 * page's own; the URL a page was fetched from is used only when the page names no canonical URL.
 */
function documentFromHtml(
  html: string,
  meta: ArticleMeta,
  opts: IngestOptions,
  shape: 'page' | 'fragment',
  fetchedUrl?: string,
): Document {
  const source = meta.origin ?? 'html';
  let text: string;
  const found: ArticleMeta = { ...meta, format: 'text/html' };
  if (shape === 'page') {
    let article;
    try {
      article = articleFromHtmlPage(html);
    } catch (err) {
      if (err instanceof NoArticleError) throw new IngestError(source, err.message);
      throw err;
    }
    text = article.text;
    found.title ??= article.title;
    found.url ??= article.url ?? fetchedUrl;
    if (found.published === undefined && article.published !== undefined) found.published = article.published;
  } else {
    text = textFromHtmlFragment(html);
    if (text === '') throw new IngestError(source, 'no text in the HTML');
  }
  return documentFromText(text, dropUndefined(found), opts);
}

function withUrl(meta: ArticleMeta, url: string | undefined): ArticleMeta {
  return url === undefined ? meta : { ...meta, url };
}

/** Items of a file (JSON Lines, feed) are named `file:line` / `feed#n` in errors, but come from the file. */
function withOrigin(doc: Document, location: string): Document {
  doc.meta.origin = location;
  return doc;
}

function dropUndefined(meta: ArticleMeta): ArticleMeta {
  return Object.fromEntries(Object.entries(meta).filter(([, v]) => v !== undefined)) as ArticleMeta;
}

function attempt(source: string, read: () => Document): IngestItem {
  try {
    return { ok: true, source, doc: read() };
  } catch (err) {
    return failure(source, err);
  }
}

function failure(source: string, err: unknown): IngestItem {
  const error = err instanceof IngestError ? err : new IngestError(source, (err as Error).message ?? String(err));
  return { ok: false, source: error.source, error };
}
