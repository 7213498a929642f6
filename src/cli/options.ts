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

/** `--queue URL`: the article queue (PostgreSQL, see src/queue); unset means $POLITY_QUEUE. */
export function queueOption(): Option {
  return new Option('--queue <url>', 'the job queue: postgres://user@host:port/database[?schema=NAME] (default: $POLITY_QUEUE)');
}

/** The queue URL given, else $POLITY_QUEUE; undefined after saying neither is set (exit code 2). */
export function resolveQueueUrl(given: string | undefined): string | undefined {
  const url = given ?? process.env.POLITY_QUEUE;
  if (url) return url;
  process.stderr.write('polity: no queue: give --queue postgres://… or set POLITY_QUEUE\n');
  process.exitCode = EXIT.USAGE;
  return undefined;
}

/** A whole number of 1 or more, for counts on the command line (`--workers`). */
export function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`'${value}' is not a whole number of 1 or more.`);
  return n;
}

/** A number of seconds above 0 (`--article-timeout`, `--idle-exit`). */
export function positiveSeconds(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError(`'${value}' is not a number of seconds above 0.`);
  return n;
}

/** A whole number of 0 or more (`--retries`). */
export function wholeNumber(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError(`'${value}' is not a whole number of 0 or more.`);
  return n;
}
