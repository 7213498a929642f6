/** Reads the English Worldwide Newswire BIO files: first line the source URL, then token TAB tag, blank lines between sentences. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { newswireSplit, type SplitName } from './split.js';

export interface TaggedSentence {
  tokens: string[];
  /** BIO tags ("B-Person", "I-Person", "O"), one per token; the first tag column when a token has two. */
  tags: string[];
}

export interface NewswireFile {
  name: string;
  split: SplitName;
  sentences: TaggedSentence[];
}

export function readNewswireFile(path: string, name: string): NewswireFile {
  const lines = readFileSync(path, 'utf8').split(/\r?\n/u);
  const sentences: TaggedSentence[] = [];
  let current: TaggedSentence = { tokens: [], tags: [] };
  const flush = () => {
    if (current.tokens.length > 0) sentences.push(current);
    current = { tokens: [], tags: [] };
  };
  for (const line of lines.slice(1)) {
    if (line.trim() === '') {
      flush();
      continue;
    }
    const [token, tag] = line.split('\t');
    if (!token) continue;
    current.tokens.push(token);
    current.tags.push(tag && /^[BIES]-|^O$/u.test(tag) ? tag : 'O');
  }
  flush();
  return { name, split: newswireSplit(name), sentences };
}

export function readNewswire(dir: string, splits: readonly SplitName[]): NewswireFile[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.tsv'))
    .sort()
    .map((f) => readNewswireFile(join(dir, f), f))
    .filter((f) => splits.includes(f.split));
}
