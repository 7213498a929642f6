import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packagePath } from '../../../src/package-path.js';

/** The shared data folder beside the project (../shared/data), where benchmarks read public corpora. */
export const SHARED_DATA = packagePath('../shared/data');

/** Article texts of en-worldwide-newswire (first line, the source URL, dropped). */
export function newswireTexts(limit = Infinity): string[] {
  const dir = join(SHARED_DATA, 'en-worldwide-newswire/original_articles');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .slice(0, limit)
    .map((f) => readFileSync(join(dir, f), 'utf8').split('\n').slice(1).join('\n'));
}

/** A named article text of the speed corpus. */
export interface CorpusText {
  name: string;
  text: string;
}

/**
 * The pipeline-speed corpus: every en-worldwide-newswire article (991, URL line dropped) and every PolNeAR
 * train and dev text (840 + 84) — 1,915 real articles of different lengths and styles.
 */
export function speedCorpus(): CorpusText[] {
  const out: CorpusText[] = newswireTexts().map((text, i) => ({ name: `newswire#${i}`, text }));
  for (const split of ['train', 'dev']) {
    const dir = join(SHARED_DATA, 'polnear/data', split, 'text');
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.txt')).sort()) {
      out.push({ name: `polnear/${split}/${f}`, text: readFileSync(join(dir, f), 'utf8') });
    }
  }
  return out;
}
