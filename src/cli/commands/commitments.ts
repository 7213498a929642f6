import { Option, type Command } from 'commander';
import type { CommitmentStatus } from '../../document/layers.js';
import { describeCommitment } from '../../record/index.js';
import { renderCommitment } from '../../record/render.js';
import { dbOption } from '../options.js';
import { answerFromRecord, dayOption, jsonOption } from './record.js';

const STATUSES: CommitmentStatus[] = ['open', 'kept', 'overdue', 'broken', 'disputed'];

/** `polity commitments [--status S] [--as-of DATE]`. */
export function register(program: Command): void {
  program
    .command('commitments')
    .description('Promises, assurances and agreement terms across articles with their follow-up: kept, overdue, broken or open, and the evidence that decided it.')
    .addOption(new Option('--status <status>', 'only commitments with this status').choices(STATUSES))
    .addOption(dayOption('--as-of <date>', 'status as known on this day (default: the newest article)'))
    .addOption(dbOption())
    .addOption(jsonOption())
    .action((opts: { db?: string; json?: boolean; status?: string; asOf?: string }) => {
      answerFromRecord(opts, ({ record, quote }) => record.commitments
        .filter((c) => !opts.asOf || !c.made || c.made <= opts.asOf)
        .map((c) => describeCommitment(record, c, quote, opts.asOf))
        .filter((c) => !opts.status || c.status === opts.status),
      (list) => list.map(renderCommitment).join('\n'));
    });
}
