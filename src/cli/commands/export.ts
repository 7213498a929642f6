import type { Command } from 'commander';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { EXPORT_FORMATS, exportChunks, exportSourceFromDocuments, exportSourceFromStore, type ExportFormat, type ExportSource } from '../../export/index.js';
import { openStore } from '../../store/index.js';
import { analyzeInputs } from '../analyze-inputs.js';
import { EXIT } from '../exit-codes.js';
import { dbOption, existingDbPath, publishedOption } from '../options.js';

interface ExportCommandOptions {
  format: string;
  db?: string;
  out?: string;
  published?: string;
}

async function writeAll(out: Writable, chunks: Iterable<string>): Promise<void> {
  for (const chunk of chunks) if (!out.write(chunk)) await once(out, 'drain');
}

/**
 * `polity export --format plover|csv|graphml|gexf|jsonl [--db FILE] [--out FILE] [--published DATE] [FILE...]`:
 * the record in the database, or the record of the files given (analysed on the fly, not stored).
 */
export function register(program: Command): void {
  program
    .command('export')
    .description(`Export the record (docs/exports.md): PLOVER event JSON Lines, event CSV, the alliance graph as GraphML or GEXF, or the whole record as JSON Lines. From the database, or from the files given, analysed on the fly ("-" reads standard input).`)
    .argument('[files...]', 'inputs to analyse instead of reading the database')
    .requiredOption('--format <format>', EXPORT_FORMATS.join(', '))
    .addOption(dbOption())
    .addOption(publishedOption())
    .option('--out <file>', 'write here instead of standard output')
    .action(async (files: string[], opts: ExportCommandOptions) => {
      if (!EXPORT_FORMATS.includes(opts.format as ExportFormat)) {
        process.stderr.write(`polity: unknown export format ${JSON.stringify(opts.format)}; use ${EXPORT_FORMATS.join(', ')}\n`);
        process.exitCode = EXIT.USAGE;
        return;
      }
      const format = opts.format as ExportFormat;
      let failures: string[] = [];
      let source: ExportSource;
      let close = (): void => {};
      if (files.length > 0) {
        const analysed = await analyzeInputs(files, opts.published ? { published: opts.published } : {});
        failures = analysed.failures;
        source = exportSourceFromDocuments(analysed.docs);
      } else {
        const path = existingDbPath(opts.db);
        if (!path) return;
        const store = openStore(path);
        close = () => store.close();
        source = exportSourceFromStore(store);
      }
      try {
        for (const f of failures) process.stderr.write(`polity: ${f}\n`);
        const out = opts.out ? createWriteStream(opts.out, 'utf8') : process.stdout;
        await writeAll(out, exportChunks(source, format));
        if (opts.out) {
          out.end();
          await once(out, 'finish');
        }
      } finally {
        close();
      }
      process.exitCode = failures.length > 0 ? EXIT.SOME_FAILED : EXIT.OK;
    });
}
