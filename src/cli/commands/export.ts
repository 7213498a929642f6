import type { Command } from 'commander';
import { writeFileSync } from 'node:fs';
import type { Document } from '../../document/document.js';
import { toEventCsv, toPloverJsonLines } from '../../export/index.js';
import { openStore, resolveDbPath } from '../../store/index.js';
import { analyzeInputs } from '../analyze-inputs.js';
import { EXIT } from '../exit-codes.js';
import { dbOption, publishedOption } from '../options.js';

const FORMATS = ['plover', 'csv'] as const;
type ExportFormat = (typeof FORMATS)[number];

/** `polity export --format plover|csv [--db FILE] [--out FILE] [--published DATE] [FILE...]`: events from the store, or from files analysed on the fly. */
export function register(program: Command): void {
  program
    .command('export')
    .description('Export events as PLOVER JSON Lines or CSV (docs/exports.md): from the store, or from the files given, analysed on the fly.')
    .argument('[files...]', 'inputs to analyse instead of reading the store')
    .requiredOption('--format <format>', 'plover (JSON Lines) or csv')
    .addOption(dbOption())
    .addOption(publishedOption())
    .option('--out <file>', 'write here instead of standard output')
    .action(async (files: string[], opts: { format: string; db?: string; out?: string; published?: string }) => {
      if (!FORMATS.includes(opts.format as ExportFormat)) {
        process.stderr.write(`polity: unknown export format ${JSON.stringify(opts.format)}; use plover or csv\n`);
        process.exitCode = EXIT.USAGE;
        return;
      }
      let docs: Document[];
      let failures: string[] = [];
      if (files.length > 0) {
        ({ docs, failures } = await analyzeInputs(files, opts.published ? { published: opts.published } : {}));
      } else {
        const store = openStore(resolveDbPath(opts.db));
        try {
          docs = store.listArticles().flatMap((a) => store.getDocument(a.id) ?? []);
        } finally {
          store.close();
        }
      }
      for (const f of failures) process.stderr.write(`polity: ${f}\n`);
      const output = opts.format === 'csv' ? toEventCsv(docs) : toPloverJsonLines(docs);
      if (opts.out) writeFileSync(opts.out, output, 'utf8');
      else process.stdout.write(output);
      process.exitCode = failures.length > 0 ? EXIT.SOME_FAILED : EXIT.OK;
    });
}
