import type { Command } from 'commander';
import { oneLine } from '../../document/printable.js';
import { checkDatabase, resolveDbPath } from '../../store/index.js';
import { EXIT } from '../exit-codes.js';
import { dbOption } from '../options.js';

/** `polity check [--db FILE]`: verifies a database; one line per problem, exit 1 when there is any. */
export function register(program: Command): void {
  program
    .command('check')
    .description('Verify a database: SQLite integrity and foreign keys, every article complete and agreeing with its document JSON, the record up to date. Exits 1 on any problem, one line each.')
    .addOption(dbOption())
    .option('--json', 'print the problems as JSON')
    .action((opts: { db?: string; json?: boolean }) => {
      const path = resolveDbPath(opts.db);
      const { articles, problems } = checkDatabase(path);
      if (opts.json) process.stdout.write(`${JSON.stringify({ path, articles, problems }, null, 2)}\n`);
      else {
        for (const p of problems) process.stdout.write(`polity: ${oneLine(path)}: ${p.kind}: ${oneLine(p.message)}\n`);
        process.stdout.write(`${articles} article${articles === 1 ? '' : 's'} checked, ${problems.length} problem${problems.length === 1 ? '' : 's'}\n`);
      }
      process.exitCode = problems.some((p) => p.kind === 'open') ? EXIT.FAILED : problems.length > 0 ? EXIT.SOME_FAILED : EXIT.OK;
    });
}
