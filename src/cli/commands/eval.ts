import { Option, type Command } from 'commander';
import { terminalSafe } from '../../document/printable.js';
import { EVAL_LAYERS, evaluateGoldDir, formatReport, type EvalLayer } from '../../eval/index.js';
import { evaluateCross, formatCross } from '../../eval/cross.js';
import { existingDbPath } from '../options.js';

/** `polity eval --gold DIR [--json] [--layer L...] [--errors]`: scores polity's output against gold files. */
export function register(program: Command): void {
  program
    .command('eval')
    .description('Analyse the article of every *.gold.json in a directory and score the output per layer (P/R/F1).')
    .option('--gold <dir>', 'directory of polity-gold/1 files; each names its article relative to the directory\'s parent')
    .option('--cross <file>', 'a polity-cross/1 gold file: ingest the corpus it names into a fresh database and score the cross-document record')
    .option('--cross-db <file>', 'with --cross: score this database (already holding the corpus) instead of ingesting')
    .addOption(new Option('--layer <layer...>', 'score only these layers').choices(EVAL_LAYERS))
    .option('--json', 'print the report as JSON (per document and micro-averaged, with every miss)')
    .option('--errors', 'also list every missed gold row, spurious system record and wrong attribute')
    .action(async (opts: { gold?: string; cross?: string; crossDb?: string; layer?: EvalLayer[]; json?: boolean; errors?: boolean }, cmd: Command) => {
      if (opts.cross) {
        // A --cross-db that is not there is refused (exit 3), not scored as an empty record.
        const db = opts.crossDb === undefined ? undefined : existingDbPath(opts.crossDb);
        if (opts.crossDb !== undefined && db === undefined) return;
        const cross = await evaluateCross(opts.cross, db ? { db } : {});
        process.stdout.write(opts.json ? `${JSON.stringify(cross, null, 2)}\n` : `${formatCross(cross).join('\n')}\n`);
        return;
      }
      if (!opts.gold) cmd.error('give --gold DIR (per-article gold) or --cross FILE (cross-document gold)');
      const report = await evaluateGoldDir(opts.gold!, opts.layer ? { layers: opts.layer } : {});
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
        return;
      }
      const lines = formatReport(report);
      if (opts.errors) {
        for (const doc of report.documents) {
          lines.push('', `${doc.doc} (${doc.file})`);
          for (const e of doc.errors) lines.push(`  ${e.kind.padEnd(8)}  ${(e.attribute ?? e.layer).padEnd(18)}  ${e.item}`);
        }
      }
      process.stdout.write(`${terminalSafe(lines.join('\n'))}\n`);
    });
}
