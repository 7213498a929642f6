import { Option, type Command } from 'commander';
import { mergeActors, splitActor, type RecordActor } from '../../record/index.js';
import { dbOption } from '../options.js';
import { answerFromRecord, jsonOption } from './record.js';

const listing = (actors: RecordActor[]): string =>
  actors.map((a) => `${a.id.padEnd(28)} ${a.type.padEnd(8)} ${a.name}  (${a.members.length} article${a.members.length === 1 ? '' : 's'}${a.aliases.length ? `; also ${a.aliases.join('; ')}` : ''})`).join('\n');

/** `polity actors [list|merge|split]`: the resolved actors, and manual corrections to the resolution. */
export function register(program: Command): void {
  const actors = program.command('actors').description('List resolved actors; merge or split them by hand (decisions persist and win over automatic resolution).');
  actors
    .command('list', { isDefault: true })
    .description('Every actor across articles, with its aliases.')
    .addOption(new Option('--type <type>', 'only this type').choices(['PERSON', 'PARTY', 'ORG', 'GOVBODY', 'PLACE']))
    .addOption(dbOption())
    .addOption(jsonOption())
    .action((opts: { db?: string; json?: boolean; type?: string }) => {
      answerFromRecord(opts, ({ record }) => record.actors.filter((a) => !opts.type || a.type === opts.type), listing);
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
