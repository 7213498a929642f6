/** Turning what the user named (files, folders, URLs) into a sorted list of inputs of known kinds. */
import { open, readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { looksLikeFeed } from './feed.js';
import { looksLikeHtml } from './html.js';
import { STDIN } from './stdin.js';
import type { SourceRef } from './types.js';

const KIND_BY_EXTENSION: Readonly<Record<string, SourceRef['kind']>> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'text',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.rss': 'feed',
  '.atom': 'feed',
  '.xml': 'feed',
};

/** How much of a file of unknown extension is read to tell HTML and feeds from plain text. */
const SNIFF_CHARS = 4096;

export function isUrl(input: string): boolean {
  return /^https?:\/\//iu.test(input);
}

export async function expandSources(inputs: string[]): Promise<SourceRef[]> {
  const refs: SourceRef[] = [];
  for (const input of inputs) {
    if (input === STDIN) {
      refs.push({ location: STDIN, kind: 'stdin' });
      continue;
    }
    if (isUrl(input)) {
      refs.push({ location: input, kind: 'url' });
      continue;
    }
    const info = await stat(input).catch(() => undefined);
    if (info?.isDirectory()) refs.push(...(await expandFolder(input)));
    // A missing or unreadable path is passed on, so that reading it reports the error in the batch.
    else refs.push({ location: input, kind: await kindOfFile(input) });
  }
  return refs;
}

/**
 * Every article file under a folder, depth first in name order. Hidden entries are skipped, and so are
 * files that are not articles: documentation (README, LICENSE, Markdown) and data, code and image files
 * (.json, .csv, .png …). A file named on the command line is always read.
 */
async function expandFolder(folder: string): Promise<SourceRef[]> {
  const entries = (await readdir(folder, { withFileTypes: true }))
    .filter((e) => !e.name.startsWith('.'))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const refs: SourceRef[] = [];
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) refs.push(...(await expandFolder(path)));
    else if (entry.isFile() && isArticleFileName(entry.name)) refs.push({ location: path, kind: await kindOfFile(path) });
  }
  return refs;
}

const NOT_ARTICLES = /^(?:readme|licen[cs]e|copying|changelog|notice|authors)(?:\.|$)/iu;
const NOT_ARTICLE_EXTENSIONS: ReadonlySet<string> = new Set([
  '.md', '.markdown', '.rst', '.json', '.csv', '.tsv', '.yml', '.yaml', '.toml', '.lock', '.js', '.mjs', '.ts',
  '.css', '.png', '.jpg', '.jpeg', '.gif', '.svg', '.webp', '.pdf', '.zip', '.gz', '.db', '.sqlite',
]);

function isArticleFileName(name: string): boolean {
  return !NOT_ARTICLES.test(name) && !NOT_ARTICLE_EXTENSIONS.has(extname(name).toLowerCase());
}

async function kindOfFile(path: string): Promise<SourceRef['kind']> {
  const known = KIND_BY_EXTENSION[extname(path).toLowerCase()];
  if (known) return known;
  const head = await readHead(path);
  if (looksLikeFeed(head)) return 'feed';
  if (looksLikeHtml(head)) return 'html';
  return 'text';
}

async function readHead(path: string): Promise<string> {
  try {
    const file = await open(path, 'r');
    try {
      const { buffer, bytesRead } = await file.read({ buffer: Buffer.alloc(SNIFF_CHARS), position: 0 });
      return buffer.subarray(0, bytesRead).toString('utf8');
    } finally {
      await file.close();
    }
  } catch {
    return '';
  }
}
