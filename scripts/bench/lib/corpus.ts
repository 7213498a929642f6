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
