import type { Command } from 'commander';
import { actorNamed, actorProfile } from '../../record/index.js';
import { renderProfile } from '../../record/render.js';
import { dbOption } from '../options.js';
import { answerFromRecord, evidenceOption, jsonOption, withPaging } from './record.js';

/** `polity actor NAME`: one actor's profile across articles. */
export function register(program: Command): void {
  withPaging(program
    .command('actor'))
    .description("An actor's profile across articles: how it was resolved, offices over time, memberships, relations, quotes, events, commitments — each with evidence.")
    .argument('<name>', 'a name, alias or spelling variant ("Qureshi", "Tariq Mehmud Qureshi") or a record actor id; a name several actors fit lists them')
    .addOption(evidenceOption())
    .addOption(dbOption())
    .addOption(jsonOption())
    .action((name: string, opts: { db?: string; json?: boolean; limit: number; offset: number; evidence: number }) => {
      answerFromRecord(opts, ({ db, quote }) => actorProfile(db, actorNamed(db, name, { unique: true }), quote, opts), renderProfile);
    });
}
