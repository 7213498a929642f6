import type { Command } from 'commander';
import { stateAsOf } from '../../record/index.js';
import { renderState } from '../../record/render.js';
import { dbOption } from '../options.js';
import { answerFromRecord, dayOption, evidenceOption, jsonOption, withPaging } from './record.js';

/** `polity state --as-of DATE`. */
export function register(program: Command): void {
  withPaging(program
    .command('state'))
    .description('Who held which office, who belonged to which party, which parties were allied, in coalition, negotiating or in opposition, and each commitment\'s status, on a given day.')
    .addOption(dayOption('--as-of <date>', 'the day (YYYY-MM-DD); default: the newest article'))
    .addOption(evidenceOption())
    .addOption(dbOption())
    .addOption(jsonOption())
    .action((opts: { db?: string; json?: boolean; asOf?: string; limit: number; offset: number; evidence: number }) => {
      answerFromRecord(opts, ({ db, quote, newest }) => stateAsOf(db, quote, opts.asOf ?? newest() ?? new Date().toISOString().slice(0, 10), opts), renderState);
    });
}
