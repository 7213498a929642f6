import { Option, type Command } from 'commander';
import { searchRecord } from '../../record/index.js';
import { renderSearch } from '../../record/render.js';
import { dbOption } from '../options.js';
import { answerFromRecord, jsonOption } from './record.js';

/** `polity search TEXT`. */
export function register(program: Command): void {
  program
    .command('search')
    .description('Full-text search (SQLite FTS5) over stored articles and statements; every word must occur.')
    .argument('<text...>', 'words to search for')
    .addOption(new Option('--limit <n>', 'at most this many hits').default(20).argParser((v) => Number.parseInt(v, 10)))
    .addOption(new Option('--offset <n>', 'skip this many hits').default(0).argParser((v) => Number.parseInt(v, 10)))
    .addOption(dbOption())
    .addOption(jsonOption())
    .action((words: string[], opts: { db?: string; json?: boolean; limit: number; offset: number }) => {
      answerFromRecord(opts, ({ db }) => searchRecord(db, words.join(' '), opts.limit, opts.offset), renderSearch);
    });
}
