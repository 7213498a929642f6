/**
 * HTML → article text. Pages go through @mozilla/readability (over linkedom's DOM) to find the main
 * content; fragments (a feed item's content, a JSON Lines `html` field) are converted as they are. Either
 * way paragraphs come out as blank-line separated blocks, with white space inside a block collapsed.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { parseDay } from './published.js';

/** The slice of the DOM this module walks; linkedom's nodes satisfy it. */
interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}
interface DomElement extends DomNode {
  getAttribute(name: string): string | null;
}
interface DomDocument {
  body: DomNode | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;
const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM',
  'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'TABLE',
  'TBODY', 'TD', 'TH', 'THEAD', 'TR', 'UL',
]);
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'SVG', 'CANVAS', 'OBJECT', 'HEAD']);

/** What a page says about itself, next to the article text. */
export interface HtmlArticle {
  text: string;
  title?: string;
  url?: string;
  /** The first publication date in the page's metadata that reads as a day, as written. */
  published?: string;
}

/** Why a page gave no article; the caller names the source. */
export class NoArticleError extends Error {
  constructor() {
    super('no article body found in the HTML');
    this.name = 'NoArticleError';
  }
}

export function articleFromHtmlPage(html: string): HtmlArticle {
  const { document } = parseHTML(html) as unknown as { document: DomDocument };
  // Metadata first: Readability rewrites the DOM it reads.
  const title = metaContent(document, ['meta[property="og:title"]', 'meta[name="twitter:title"]']);
  const url =
    document.querySelector('link[rel="canonical"]')?.getAttribute('href')?.trim() ||
    metaContent(document, ['meta[property="og:url"]']);
  const dates = publishedCandidates(document);
  const pageTitle = document.querySelector('title')?.textContent?.trim();
  const parsed = new Readability(document as never, { charThreshold: 100 }).parse();
  const text = parsed?.content ? textFromHtmlFragment(parsed.content) : '';
  if (text === '') throw new NoArticleError();
  if (parsed?.publishedTime) dates.push(parsed.publishedTime);
  const article: HtmlArticle = { text };
  const chosenTitle = title || parsed?.title?.trim() || pageTitle;
  if (chosenTitle) article.title = chosenTitle;
  if (url) article.url = url;
  const published = dates.find((d) => parseDay(d) !== undefined);
  if (published) article.published = published;
  return article;
}

export function textFromHtmlFragment(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`) as unknown as {
    document: DomDocument;
  };
  return document.body ? blocksOf(document.body).join('\n\n') : '';
}

/** True when a text's opening reads as an HTML page or fragment rather than plain text. */
export function looksLikeHtml(head: string): boolean {
  return /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype html|html|head|body|article|p|div)\b/iu.test(head);
}

function blocksOf(root: DomNode): string[] {
  const blocks: string[] = [];
  let current = '';
  const flush = () => {
    const block = current
      .split('\n')
      .map((line) => line.replace(/[ \t\r\f\u00A0]+/gu, ' ').trim())
      .filter((line) => line !== '')
      .join('\n');
    if (block !== '') blocks.push(block);
    current = '';
  };
  const walk = (node: DomNode) => {
    if (node.nodeType === TEXT_NODE) {
      current += (node.textContent ?? '').replace(/\s+/gu, ' ');
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const name = node.nodeName.toUpperCase();
    if (SKIPPED.has(name)) return;
    if (name === 'BR') {
      current += '\n';
      return;
    }
    const block = BLOCKS.has(name);
    if (block) flush();
    for (let i = 0; i < node.childNodes.length; i++) walk(node.childNodes[i]!);
    if (block) flush();
  };
  walk(root);
  flush();
  return blocks;
}

function metaContent(document: DomDocument, selectors: string[]): string | undefined {
  for (const selector of selectors) {
    const value = document.querySelector(selector)?.getAttribute('content')?.trim();
    if (value) return value;
  }
  return undefined;
}

/** Publication dates a page states, most specific first. */
function publishedCandidates(document: DomDocument): string[] {
  const dates: string[] = [];
  for (const selector of [
    'meta[property="article:published_time"]',
    'meta[name="article:published_time"]',
    'meta[itemprop="datePublished"]',
    'meta[name="pubdate"]',
    'meta[name="publishdate"]',
    'meta[name="publish-date"]',
    'meta[name="parsely-pub-date"]',
    'meta[name="dc.date.issued"]',
    'meta[name="DC.date.issued"]',
    'meta[name="date"]',
  ]) {
    const value = document.querySelector(selector)?.getAttribute('content')?.trim();
    if (value) dates.push(value);
  }
  const scripts = document.querySelectorAll('script[type="application/ld+json"]');
  for (let i = 0; i < scripts.length; i++) dates.push(...jsonLdDates(scripts[i]!.textContent ?? ''));
  const times = document.querySelectorAll('time[datetime]');
  for (let i = 0; i < times.length; i++) {
    const value = times[i]!.getAttribute('datetime')?.trim();
    if (value) dates.push(value);
  }
  return dates;
}

/** datePublished from JSON-LD, also inside @graph arrays ({"@graph": [{"@type": "NewsArticle", ...}]}). */
function jsonLdDates(json: string): string[] {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return [];
  }
  const found: string[] = [];
  const visit = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (typeof value === 'object' && value !== null) {
      const record = value as Record<string, unknown>;
      if (typeof record.datePublished === 'string') found.push(record.datePublished);
      if (record['@graph'] !== undefined) visit(record['@graph']);
    }
  };
  visit(data);
  return found;
}
