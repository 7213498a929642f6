import { InvalidArgumentError, Option } from 'commander';
import { parseDay } from '../ingest/index.js';
import { DEFAULT_DB_PATH, databaseExists, resolveDbPath } from '../store/index.js';
import { EXIT } from './exit-codes.js';

/** `--db FILE`: the SQLite file; unset means $POLITY_DB, then ./polity.db (see resolveDbPath). */
export function dbOption(): Option {
  return new Option('--db <file|url>', `SQLite database file, or a postgres:// URL (?schema=NAME for a schema) (default: $POLITY_DB, else ${DEFAULT_DB_PATH})`);
}

/** `--published DATE`: the publication date for inputs that give none; refused on the command line if unreadable. */
export function publishedOption(): Option {
  return new Option('--published <date>', 'publication date for articles that state none (YYYY-MM-DD or e.g. "14 January 2020")').argParser((value) => {
    const day = parseDay(value);
    if (day === undefined) throw new InvalidArgumentError(`'${value}' is not a calendar date.`);
    return day;
  });
}

/** `--color`: colours even into a pipe. With `--no-color` beside it, the default is to colour only a terminal. */
export function colorOption(): Option {
  return new Option('--color', 'colour the output even when it is not a terminal');
}

export function noColorOption(): Option {
  return new Option('--no-color', 'never colour the output');
}

/** Colours on a terminal by default, unless NO_COLOR is set; `--color`/`--no-color` decide outright. */
export function useColor(flag: boolean | undefined, stream: NodeJS.WriteStream = process.stdout): boolean {
  return flag ?? (Boolean(stream.isTTY) && !process.env.NO_COLOR);
}

/**
 * The database a command reads (--db, else $POLITY_DB, else ./polity.db), or undefined after saying it is missing
 * (exit code 3): a missing file is an error rather than a new empty database, since it almost always means a
 * mistyped --db.
 */
export function existingDbPath(db: string | undefined): string | undefined {
  const path = resolveDbPath(db);
  if (databaseExists(path)) return path;
  process.stderr.write(`polity: no database ${path} (run polity ingest first, or give --db)\n`);
  process.exitCode = EXIT.FAILED;
  return undefined;
}
