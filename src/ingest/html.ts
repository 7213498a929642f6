/**
 * HTML → article text. Pages go through @mozilla/readability (over linkedom's DOM) to find the main
 * content; fragments (a feed item's content, a JSON Lines `html` field) are converted as they are. Either
 * way paragraphs come out as blank-line separated blocks, with white space inside a block collapsed.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { parseDay } from './published.js';

/**
 * The slice of the DOM this module walks; linkedom's nodes satisfy it. Children are walked by firstChild and
 * nextSibling: linkedom builds a new list on every `childNodes` read, so indexing it in a loop is quadratic.
 */
interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  firstChild: DomNode | null;
  nextSibling: DomNode | null;
}
interface DomElement extends DomNode {
  getAttribute(name: string): string | null;
  replaceChildren(...nodes: DomNode[]): void;
}
interface DomDocument {
  body: DomElement | null;
  documentElement: DomElement | null;
  createElement(name: string): DomElement;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

/**
 * Bounds that keep one page cheap. Readability's cost grows with the square of the nesting depth (1,000
 * levels took 3.6 CPU-s, 10,000 overflowed the stack), so elements deeper than MAX_DEPTH are flattened into
 * plain paragraphs of their text; real pages nest 20–40 levels. Each element costs linkedom a few hundred
 * bytes, so a page of more than MAX_TAGS tags is refused rather than built (real pages have 1,000–30,000).
 */
export const HTML_LIMITS = { maxDepth: 64, maxTags: 250_000, maxParseDepth: 5_000 } as const;

// Elements that never nest (void) or that the parser closes by itself when the next one opens ("<p>a<p>b").
const NOT_NESTING = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr',
  'p', 'li', 'dt', 'dd', 'option', 'optgroup', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'rp', 'rt', '!doctype',
]);
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'noscript', 'template']);
const RAW_TEXT_END = new Map([...RAW_TEXT].map((name) => [name, new RegExp(`</${name}`, 'giu')]));
const TAG = /<(\/?)([A-Za-z!][^\s/>]*)[^>]*?(\/?)>/gu;

/**
 * How deep the page's tags nest, read from the markup before it is parsed: linkedom's parser itself slows
 * with the square of the depth (100,000 levels: 9 CPU-s), so a page nested beyond MAX_PARSE_DEPTH is refused
 * unparsed. Unclosed tags count as open; a rough count, generous where it errs.
 */
function markupDepth(html: string): number {
  let depth = 0;
  let deepest = 0;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(html); m; m = TAG.exec(html)) {
    const name = m[2]!.toLowerCase();
    if (RAW_TEXT.has(name) && m[1] !== '/') {
      // Script and style content is not markup ("var a = '<div>'"): skip to the element's end tag.
      const close = RAW_TEXT_END.get(name)!;
      close.lastIndex = TAG.lastIndex;
      TAG.lastIndex = close.exec(html)?.index ?? html.length;
      continue;
    }
    if (NOT_NESTING.has(name) || m[3] === '/') continue;
    if (m[1] === '/') depth = Math.max(0, depth - 1);
    else if (++depth > deepest) deepest = depth;
  }
  return deepest;
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
  constructor(reason = 'no article body found in the HTML') {
    super(reason);
    this.name = 'NoArticleError';
  }
}

/** The parsed page, refused when it has too many tags or no document element; deep nesting flattened. */
function parsePage(html: string): DomDocument {
  let tags = 0;
  for (let i = html.indexOf('<'); i >= 0; i = html.indexOf('<', i + 1)) tags++;
  if (tags > HTML_LIMITS.maxTags) throw new NoArticleError(`HTML has ${tags} tags, over the limit of ${HTML_LIMITS.maxTags}`);
  const depth = markupDepth(html);
  if (depth > HTML_LIMITS.maxParseDepth) throw new NoArticleError(`HTML nested ${depth} levels deep, over the limit of ${HTML_LIMITS.maxParseDepth}`);
  const { document } = parseHTML(html) as unknown as { document: DomDocument };
  if (!document?.documentElement || !document.body) throw new NoArticleError('not an HTML document (no <html> or <body> element)');
  flattenDeepNesting(document, document.documentElement);
  return document;
}

/**
 * Every element at depth MAX_DEPTH that still has element children gets its subtree replaced by one <p> per
 * text block of it, so the depth is bounded and the text, in order and in blocks, is kept.
 */
function flattenDeepNesting(document: DomDocument, root: DomElement): void {
  const stack: [DomNode, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType !== ELEMENT_NODE) continue;
      if (depth + 1 < HTML_LIMITS.maxDepth) stack.push([child, depth + 1]);
      else if (hasElementChild(child)) {
        const paragraphs = blocksOf(child).map((block) => {
          const p = document.createElement('p');
          p.textContent = block;
          return p;
        });
        (child as DomElement).replaceChildren(...paragraphs);
      }
    }
  }
}

function hasElementChild(node: DomNode): boolean {
  for (let child = node.firstChild; child; child = child.nextSibling) if (child.nodeType === ELEMENT_NODE) return true;
  return false;
}

export function articleFromHtmlPage(html: string): HtmlArticle {
  const document = parsePage(html);
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
  const document = parsePage(`<!doctype html><html><body>${html}</body></html>`);
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
  // Depth first with an explicit stack (a page may nest thousands of levels); a block element is entered
  // and left through a marker, so its text is flushed as a block of its own.
  const stack: (DomNode | 'leave')[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node === 'leave') {
      flush();
      continue;
    }
    if (node.nodeType === TEXT_NODE) {
      current += (node.textContent ?? '').replace(/\s+/gu, ' ');
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE) continue;
    const name = node.nodeName.toUpperCase();
    if (SKIPPED.has(name)) continue;
    if (name === 'BR') {
      current += '\n';
      continue;
    }
    const block = BLOCKS.has(name);
    if (block) {
      flush();
      stack.push('leave');
    }
    const children: DomNode[] = [];
    for (let child = node.firstChild; child; child = child.nextSibling) children.push(child);
    for (let k = children.length - 1; k >= 0; k--) stack.push(children[k]!);
  }
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
