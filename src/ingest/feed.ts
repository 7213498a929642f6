/**
 * RSS 2.0 and Atom feeds → one entry per item, each with the richest content the feed gives
 * (content:encoded, then description for RSS; content, then summary for Atom).
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { textFromHtmlFragment } from './html.js';

export interface FeedEntry {
  title?: string;
  url?: string;
  /** pubDate / published / updated, as written. */
  published?: string;
  /** The item's content and how it is encoded. */
  content: { value: string; html: boolean } | undefined;
}

/** Why a text is not a feed; the caller names the source. */
export class NotAFeedError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'NotAFeedError';
  }
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  // Titles such as "2020" must stay strings.
  parseTagValue: false,
  isArray: (name) => name === 'item' || name === 'entry' || name === 'link',
  // DOCTYPE entities are expanded one level, never recursively ("billion laughs" stays "&lol9;"), and within
  // these bounds; an external entity (<!ENTITY x SYSTEM "file:…">) makes the parser refuse the feed.
  processEntities: { maxEntitySize: 10_000, maxEntityCount: 100, maxTotalExpansions: 10_000, maxExpandedLength: 1_000_000 },
});

type XmlValue = string | { '#text'?: string; [key: string]: unknown } | undefined;

/** True when a text's opening reads as an RSS or Atom document. */
export function looksLikeFeed(head: string): boolean {
  return /^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:rss|feed)\b/iu.test(head);
}

export function parseFeed(xml: string): FeedEntry[] {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new NotAFeedError(`not XML: ${valid.err.msg} (line ${valid.err.line})`);
  const root = parser.parse(xml) as Record<string, unknown>;
  const rss = root.rss as { channel?: { item?: Record<string, unknown>[] } } | undefined;
  if (rss) return (rss.channel?.item ?? []).map(rssEntry);
  const atom = root.feed as { entry?: Record<string, unknown>[] } | undefined;
  if (atom) return (atom.entry ?? []).map(atomEntry);
  throw new NotAFeedError('XML but neither RSS nor Atom');
}

function rssEntry(item: Record<string, unknown>): FeedEntry {
  const links = (item.link as XmlValue[] | undefined) ?? [];
  const guid = item.guid as XmlValue;
  const guidIsLink = typeof guid === 'object' ? guid['@_isPermaLink'] !== 'false' : true;
  const url = textOf(links[0]) ?? (guidIsLink ? textOf(guid)?.match(/^https?:\/\/\S+$/u)?.[0] : undefined);
  const value = textOf(item['content:encoded'] as XmlValue) ?? textOf(item.description as XmlValue);
  return entry(
    textOf(item.title as XmlValue),
    url,
    textOf(item.pubDate as XmlValue) ?? textOf(item['dc:date'] as XmlValue),
    value === undefined ? undefined : { value, html: true },
  );
}

function atomEntry(item: Record<string, unknown>): FeedEntry {
  const links = ((item.link as XmlValue[] | undefined) ?? []).filter((l) => typeof l === 'object');
  const link = links.find((l) => (l as Record<string, unknown>)['@_rel'] === 'alternate' || !(l as Record<string, unknown>)['@_rel']);
  const url = link ? String((link as Record<string, unknown>)['@_href'] ?? '') || undefined : undefined;
  // <content src="..."/> points elsewhere and holds no text; the summary is then the best there is.
  const body = ([item.content, item.summary] as XmlValue[]).find((v) => textOf(v) !== undefined || isXhtml(v));
  const type = typeof body === 'object' ? String(body['@_type'] ?? 'text') : 'text';
  const value = type === 'xhtml' ? xhtmlText(body) : textOf(body);
  const title = item.title as XmlValue;
  const titleIsHtml = typeof title === 'object' && (title['@_type'] === 'html' || title['@_type'] === 'xhtml');
  const titleText = titleIsHtml ? textFromHtmlFragment(textOf(title) ?? '') : textOf(title);
  return entry(
    titleText,
    url,
    textOf(item.published as XmlValue) ?? textOf(item.updated as XmlValue),
    value === undefined ? undefined : { value, html: !['text', 'xhtml', 'text/plain'].includes(type) },
  );
}

function isXhtml(value: XmlValue): boolean {
  return typeof value === 'object' && value['@_type'] === 'xhtml';
}

function entry(title: string | undefined, url: string | undefined, published: string | undefined, content: FeedEntry['content']): FeedEntry {
  const e: FeedEntry = { content };
  if (title) e.title = title;
  if (url) e.url = url;
  if (published) e.published = published;
  return e;
}

function textOf(value: XmlValue): string | undefined {
  const text = typeof value === 'object' ? value['#text'] : value;
  const trimmed = typeof text === 'string' ? text.trim() : undefined;
  return trimmed ? trimmed : undefined;
}

/** Atom's inline XHTML arrives parsed; its text nodes, one block per element, are the content. */
function xhtmlText(value: unknown): string | undefined {
  const parts: string[] = [];
  const visit = (v: unknown) => {
    if (typeof v === 'string') parts.push(v.trim());
    else if (Array.isArray(v)) v.forEach(visit);
    else if (typeof v === 'object' && v !== null) {
      for (const [key, child] of Object.entries(v)) if (!key.startsWith('@_')) visit(child);
    }
  };
  visit(value);
  const text = parts.filter((p) => p !== '').join('\n\n');
  return text === '' ? undefined : text;
}
