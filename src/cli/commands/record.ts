import { InvalidArgumentError, Option, type Command } from 'commander';
import { DEFAULT_EVIDENCE, RecordError, UnknownActorError, openRecord, rebuildRecord, type OpenRecord } from '../../record/index.js';
import { openStore, resolveDbPath, withBusyRetry } from '../../store/index.js';
import { EXIT } from '../exit-codes.js';
import { dbOption, existingDbPath } from '../options.js';
import { oneLine, terminalSafe, terminalSafeJson } from '../../document/printable.js';

/** `--json`: print the result as JSON instead of text. */
export function jsonOption(): Option {
  return new Option('--json', 'print the result as JSON (every item with its evidence)');
}

/** `--as-of DATE` style options: a YYYY-MM-DD date, refused on the command line otherwise. */
export function dayOption(flags: string, description: string): Option {
  return new Option(flags, description).argParser((value) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) throw new InvalidArgumentError(`'${value}' is not a date (YYYY-MM-DD).`);
    return value;
  });
}

/** `--limit N` and `--offset N`: one page of a list (every record query is paged). */
export function pageOptions(): Option[] {
  const int = (name: string) => (v: string): number => {
    const n = Number.parseInt(v, 10);
    if (!/^\d+$/.test(v) || Number.isNaN(n)) throw new InvalidArgumentError(`'${v}' is not a ${name}.`);
    return n;
  };
  return [
    new Option('--limit <n>', 'at most this many items per list').default(50).argParser(int('count')),
    new Option('--offset <n>', 'skip this many items of each list').default(0).argParser(int('count')),
  ];
}

/** `--evidence N|all`: how many sources and follow-ups each event, office or commitment quotes. */
export function evidenceOption(): Option {
  return new Option('--evidence <n>', `quote at most this many sources and follow-ups per item ("all" for every one kept; the full count is shown)`)
    .default(DEFAULT_EVIDENCE)
    .argParser((v: string): number => {
      if (v === 'all') return Infinity;
      if (!/^\d+$/.test(v) || Number.parseInt(v, 10) < 1) throw new InvalidArgumentError(`'${v}' is not a count of 1 or more, or "all".`);
      return Number.parseInt(v, 10);
    });
}

/** Adds the paging options to a command. */
export function withPaging(cmd: Command): Command {
  for (const o of pageOptions()) cmd.addOption(o);
  return cmd;
}

/**
 * Runs a record query for a command: opens the record in --db (rebuilding it if stale), runs `query` (again
 * while the database is busy, see busy.ts: it must be one read or one transaction), prints what it
 * returns (as JSON with --json, else as its text), and turns a missing database or unknown actor into a
 * message and exit code 3.
 */
export function answerFromRecord<T>(opts: { db?: string; json?: boolean }, query: (open: OpenRecord) => T, text: (result: T) => string): void {
  let open: OpenRecord | undefined;
  try {
    open = openRecord(resolveDbPath(opts.db));
    const record = open;
    // Reads wait for another process's lock as writes do (busy.ts), instead of failing with "database is locked".
    const result = withBusyRetry(() => query(record));
    // Record text comes from stored articles: control and escape characters are shown, never sent to the terminal.
    const out = opts.json ? terminalSafeJson(JSON.stringify(result, null, 2)) : terminalSafe(text(result));
    process.stdout.write(out.endsWith('\n') || out === '' ? out : `${out}\n`);
    process.exitCode = EXIT.OK;
  } catch (err) {
    if (!(err instanceof RecordError || err instanceof UnknownActorError)) throw err;
    process.stderr.write(`polity: ${oneLine(err.message)}\n`);
    process.exitCode = EXIT.FAILED;
  } finally {
    open?.close();
  }
}

/** `polity record rebuild [--db FILE]`: recompute the whole cross-document record from the stored articles. */
export function register(program: Command): void {
  const record = program.command('record').description('Maintain the cross-document record (resolved actors, state over time, follow-up).');
  record
    .command('rebuild')
    .description('Re-cluster the record from scratch: take every stored article in again (streamed, in date order) with the manual merge/split decisions.')
    .addOption(dbOption())
    .addOption(jsonOption())
    .action((opts: { db?: string; json?: boolean }) => {
      const path = existingDbPath(opts.db);
      if (!path) return;
      const store = openStore(path);
      try {
        const started = performance.now();
        rebuildRecord(store);
        const count = (table: string): number => store.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
        const counts = { articles: count('record_articles'), actors: count('record_actors'), offices: count('record_offices'), relations: count('record_relations'), events: count('record_events'), commitments: count('record_commitments'), statements: count('record_statements') };
        const seconds = ((performance.now() - started) / 1000).toFixed(2);
        process.stdout.write(opts.json ? `${JSON.stringify({ ...counts, seconds: Number(seconds) })}\n`
          : `${Object.entries(counts).map(([k, v]) => `${v} ${k}`).join(', ')} in ${seconds}s\n`);
      } finally {
        for (const w of store.warnings()) process.stderr.write(`polity: warning: ${oneLine(w)}\n`);
        store.close();
      }
    });
}
