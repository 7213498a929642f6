import { Option, type Command } from 'commander';
import { listActors, mergeActors, splitActor, type ActorSummary } from '../../record/index.js';
import { dbOption } from '../options.js';
import { answerFromRecord, jsonOption, withPaging } from './record.js';

const listing = (actors: ActorSummary[]): string =>
  actors.map((a) => `${a.id.padEnd(28)} ${a.type.padEnd(8)} ${a.name}  (${a.articles} article${a.articles === 1 ? '' : 's'}${a.aliases.length ? `; also ${a.aliases.join('; ')}` : ''})`).join('\n');

/** `polity actors [list|merge|split]`: the resolved actors, and manual corrections to the resolution. */
export function register(program: Command): void {
  const actors = program.command('actors').description('List resolved actors; merge or split them by hand (decisions persist and win over automatic resolution).');
  withPaging(actors
    .command('list', { isDefault: true })
    .description('Actors across articles, the most-named first, with their aliases (one page: --limit, --offset).'))
    .option('--name <text>', 'only actors this name may refer to')
    .addOption(new Option('--type <type>', 'only this type').choices(['PERSON', 'PARTY', 'ORG', 'GOVBODY', 'PLACE']))
    .addOption(dbOption())
    .addOption(jsonOption())
    .action((opts: { db?: string; json?: boolean; type?: ActorSummary['type']; name?: string; limit: number; offset: number }) => {
      answerFromRecord(opts, ({ db }) => listActors(db, { ...(opts.type && { type: opts.type }), ...(opts.name && { q: opts.name }), limit: opts.limit, offset: opts.offset }), listing);
    });
  actors
    .command('merge')
    .description('Merge two actors (names, aliases or ids) into one.')
    .argument('<a>')
    .argument('<b>')
    .addOption(dbOption())
    .addOption(jsonOption())
    .action((a: string, b: string, opts: { db?: string; json?: boolean }) => {
      answerFromRecord(opts, ({ store }) => mergeActors(store, a, b), (m) => `merged: ${listing([m])}`);
    });
  actors
    .command('split')
    .description('Split an actor: the per-article actors known by --alias NAME, or the one holding --mention ARTICLE:MENTION, become a separate actor.')
    .argument('<actor>')
    .option('--alias <name>', 'split off the parts known by this name')
    .option('--mention <id>', 'split off the part holding this mention (article id or prefix, colon, mention id)')
    .addOption(dbOption())
    .addOption(jsonOption())
    .action((actor: string, opts: { db?: string; json?: boolean; alias?: string; mention?: string }, cmd: Command) => {
      if (!opts.alias === !opts.mention) cmd.error('give exactly one of --alias NAME or --mention ID');
      answerFromRecord(opts, ({ store }) => splitActor(store, actor, opts.alias ? { alias: opts.alias } : { mention: opts.mention! }), (parts) => `split off:\n${listing(parts)}`);
    });
}
