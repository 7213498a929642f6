import type { Command } from 'commander';
import { actorNamed, findActors, quotesBy } from '../../record/index.js';
import { renderQuotes } from '../../record/render.js';
import { dbOption } from '../options.js';
import { answerFromRecord, jsonOption, withPaging } from './record.js';

/** `polity quotes [--speaker NAME] [--about TEXT]`. */
export function register(program: Command): void {
  withPaging(program
    .command('quotes'))
    .description('Statements (direct and reported), by speaker across all spellings of their name, optionally about an actor or a word.')
    .option('--speaker <name>', 'only statements by this actor')
    .option('--about <name>', 'only statements that mention this actor (any of its names) or this word')
    .addOption(dbOption())
    .addOption(jsonOption())
    .action((opts: { db?: string; json?: boolean; speaker?: string; about?: string; limit: number; offset: number }) => {
      answerFromRecord(opts, ({ db, quote }) => {
        const aboutActor = opts.about ? findActors(db, opts.about, { limit: 1 })[0] : undefined;
        return quotesBy(db, quote, {
          ...(opts.speaker && { speaker: actorNamed(db, opts.speaker) }),
          ...(aboutActor ? { aboutActor } : opts.about ? { about: opts.about } : {}),
          limit: opts.limit, offset: opts.offset,
        });
      }, renderQuotes);
    });
}
