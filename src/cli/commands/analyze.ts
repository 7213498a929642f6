import type { Command } from 'commander';
import { documentToJSON } from '../../document/document.js';
import { analyzeInputs } from '../analyze-inputs.js';
import { EXIT } from '../exit-codes.js';
import { publishedOption } from '../options.js';
import { renderHeader, renderLayerCounts, renderLayerLists } from '../render-annotations.js';
import { oneLine, terminalSafeJson } from '../../document/printable.js';

/** `polity analyze FILE [--json] [--published DATE]`: analyses without storing. */
export function register(program: Command): void {
  program
    .command('analyze')
    .description('Analyse one input and print the result without storing it: a summary, or the document JSON (schema/document.schema.json) with --json.')
    .argument('<file>', 'a text, HTML, JSON Lines or feed file, or an http(s) URL')
    .addOption(publishedOption())
    .option('--json', 'print the document JSON; an input holding several articles prints one JSON document per line')
    .action(async (file: string, opts: { published?: string; json?: boolean }) => {
      const { docs, failures, notices } = await analyzeInputs([file], opts.published ? { published: opts.published } : {});
      for (const n of notices) process.stderr.write(`polity: ${oneLine(n)}\n`);
      for (const f of failures) process.stderr.write(`polity: ${oneLine(f)}\n`);
      if (opts.json) {
        const json = docs.map((d) => documentToJSON(d));
        process.stdout.write(terminalSafeJson(json.length === 1 ? `${JSON.stringify(json[0], null, 2)}\n` : json.map((j) => `${JSON.stringify(j)}\n`).join('')));
      } else {
        const parts = docs.map((d) => [...renderHeader(d), renderLayerCounts(d), ...renderLayerLists(d, { color: false })].join('\n'));
        if (parts.length > 0) process.stdout.write(`${parts.join('\n\n')}\n`);
      }
      process.exitCode = failures.length > 0 ? EXIT.SOME_FAILED : EXIT.OK;
    });
}
