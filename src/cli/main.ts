#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import { readFileSync } from 'node:fs';
import { COMMANDS } from './commands/index.js';
import { EXIT } from './exit-codes.js';
import { packagePath } from '../package-path.js';
import { oneLine } from '../document/printable.js';

// `polity show ID | head` closes stdout early; that is the reader being done, not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? EXIT.OK);
  throw err;
});

const { version } = JSON.parse(readFileSync(packagePath('package.json'), 'utf8')) as { version: string };

const program = new Command('polity')
  .description('Reads political news and keeps an evidence-linked record of who holds what, who said what, and who promised what.')
  .version(version)
  .showHelpAfterError()
  .exitOverride()
  .addHelpText(
    'after',
    `
Exit codes:
  ${EXIT.OK}  everything asked for was done
  ${EXIT.SOME_FAILED}  some inputs were refused (each named on stderr as "polity: SOURCE: reason"); the rest were processed
  ${EXIT.USAGE}  the command line was wrong (unknown option, missing argument, unreadable --published date)
  ${EXIT.FAILED}  nothing could be done (unopenable database, unknown article id, missing gold directory)

Environment:
  POLITY_DB  database file used when --db is not given (default ./polity.db)
  NO_COLOR   set to turn colours off`,
  );
for (const register of COMMANDS) register(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) {
    process.exitCode = err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.exitCode === 0 ? EXIT.OK : EXIT.USAGE;
  } else {
    process.stderr.write(`polity: ${oneLine(err instanceof Error ? err.message : String(err))}\n`);
    process.exitCode = EXIT.FAILED;
  }
}
