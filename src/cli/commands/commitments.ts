import { Option, type Command } from 'commander';
import type { CommitmentStatus } from '../../document/layers.js';
import { actorNamed, listCommitments } from '../../record/index.js';
import { renderCommitment } from '../../record/render.js';
import { dbOption } from '../options.js';
import { answerFromRecord, dayOption, evidenceOption, jsonOption, withPaging } from './record.js';

const STATUSES: CommitmentStatus[] = ['open', 'in_progress', 'kept', 'overdue', 'broken', 'disputed'];

/** `polity commitments [--status S] [--as-of DATE]`. */
export function register(program: Command): void {
  withPaging(program
    .command('commitments'))
    .option('--actor <name>', 'only commitments by or to this actor')
    .description('Promises, assurances and agreement terms across articles with their follow-up: kept, overdue, broken or open, and the evidence that decided it.')
    .addOption(new Option('--status <status>', 'only commitments with this status').choices(STATUSES))
    .addOption(dayOption('--as-of <date>', 'status as known on this day (default: the newest article)'))
    .addOption(evidenceOption())
    .addOption(dbOption())
    .addOption(jsonOption())
    .action((opts: { db?: string; json?: boolean; status?: CommitmentStatus; asOf?: string; actor?: string; limit: number; offset: number; evidence: number }) => {
      answerFromRecord(opts, ({ db, quote }) => listCommitments(db, quote, {
        ...(opts.status && { status: opts.status }), ...(opts.asOf && { asOf: opts.asOf }), ...(opts.actor && { actor: actorNamed(db, opts.actor) }),
        limit: opts.limit, offset: opts.offset, evidence: opts.evidence,
      }),
      (list) => list.map(renderCommitment).join('\n'));
    });
}
