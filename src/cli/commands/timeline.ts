import type { Command } from 'commander';
import { actorNamed, timeline } from '../../record/index.js';
import { renderTimeline } from '../../record/render.js';
import { dbOption } from '../options.js';
import { answerFromRecord, dayOption, jsonOption, withPaging } from './record.js';

/** `polity timeline [--actor NAME] [--from DATE] [--to DATE]`. */
export function register(program: Command): void {
  withPaging(program
    .command('timeline'))
    .description('Dated happenings in order: events (de-duplicated), offices and relations opening and closing, commitments made, kept and broken.')
    .option('--actor <name>', 'only what concerns this actor')
    .addOption(dayOption('--from <date>', 'from this day (YYYY-MM-DD)'))
    .addOption(dayOption('--to <date>', 'up to this day (YYYY-MM-DD)'))
    .addOption(dbOption())
    .addOption(jsonOption())
    .action((opts: { db?: string; json?: boolean; actor?: string; from?: string; to?: string; limit: number; offset: number }) => {
      answerFromRecord(opts, ({ db, quote }) => timeline(db, quote, {
        ...(opts.actor && { actor: actorNamed(db, opts.actor) }),
        limit: opts.limit, offset: opts.offset,
        ...(opts.from && { from: opts.from }),
        ...(opts.to && { to: opts.to }),
      }), renderTimeline);
    });
}
