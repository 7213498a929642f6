import cluster from 'node:cluster';
import type { AddressInfo } from 'node:net';
import { availableParallelism } from 'node:os';
import { serve } from '@hono/node-server';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { RecordError } from '../../record/index.js';
import { createApp } from '../../server/app.js';
import { openForServing } from '../../server/read-only.js';
import { resolveDbPath } from '../../store/index.js';
import { EXIT } from '../exit-codes.js';
import { dbOption } from '../options.js';

interface ServeOptions { db?: string; port: number; host: string; processes: number; migrate?: boolean }

/** Opens the database as served; a message and exit code 3 when it cannot be (missing, needs a migration). */
function openOrReport(path: string, migrate: boolean): ReturnType<typeof openForServing> | undefined {
  try {
    return openForServing(path, { migrate });
  } catch (err) {
    if (!(err instanceof RecordError)) throw err;
    process.stderr.write(`polity: ${err.message}\n`);
    process.exitCode = EXIT.FAILED;
    return undefined;
  }
}

/** Says that the record is served as it is although articles were stored that it has not taken in. */
function warnStale(path: string): void {
  process.stderr.write(`polity: the record in ${path} is behind its stored articles; serving it as it is (run polity record rebuild to bring it up to date)\n`);
}

/** One server in this process until SIGINT or SIGTERM (or, in a cluster worker, until the primary disconnects). */
async function serveHere(path: string, opts: ServeOptions, announce: boolean): Promise<void> {
  const opened = openOrReport(path, opts.migrate ?? false);
  if (!opened) return;
  const { open, stale } = opened;
  if (stale && announce) warnStale(open.store.path);
  const server = serve({ fetch: createApp(open).fetch, port: opts.port, hostname: opts.host }, (info) => {
    if (announce) process.stderr.write(`polity: serving ${open.store.path} at http://${opts.host}:${info.port}/ (Ctrl-C to stop)\n`);
  });
  await new Promise<void>((resolve) => {
    server.on('error', (err) => {
      process.stderr.write(`polity: cannot listen on ${opts.host}:${opts.port}: ${err.message}\n`);
      process.exitCode = EXIT.FAILED;
      open.close();
      // A cluster worker stays connected to its primary: leave, so the primary sees it fail.
      if (cluster.isWorker) process.exit(EXIT.FAILED);
      resolve();
    });
    const stop = () => server.close(() => { open.close(); resolve(); });
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    if (cluster.isWorker) process.once('disconnect', stop);
  });
}

/**
 * The primary of `--processes N`: checks the database once (migrating it first with --migrate), then forks N
 * workers that each open it read-only and share the listening socket (node:cluster hands connections out in
 * turn). better-sqlite3 is synchronous, so one process answers one query at a time; N processes answer N.
 * A worker that dies is replaced (at most N times); SIGINT or SIGTERM stops them all.
 */
async function servePrimary(path: string, opts: ServeOptions): Promise<void> {
  const checked = openOrReport(path, opts.migrate ?? false);
  if (!checked) return;
  const { open, stale } = checked;
  open.close();
  if (stale) warnStale(path);
  let announced = false;
  let stopping = false;
  let restarts = 0;
  const fork = () => cluster.fork({ POLITY_SERVE_WORKER: '1' });
  await new Promise<void>((resolve) => {
    cluster.on('listening', (_worker, address: AddressInfo | { port: number }) => {
      if (announced) return;
      announced = true;
      process.stderr.write(`polity: serving ${path} at http://${opts.host}:${address.port}/ with ${opts.processes} processes (Ctrl-C to stop)\n`);
    });
    const living = () => Object.values(cluster.workers ?? {}).filter((w) => w && !w.isDead()).length;
    cluster.on('exit', (_worker, code) => {
      const alive = living();
      if (stopping) {
        if (alive === 0) resolve();
        return;
      }
      // A worker that could not start (the port is taken) makes the others fail the same way: stop.
      if (!announced || restarts >= opts.processes) {
        if (code !== 0) process.exitCode = EXIT.FAILED;
        stopping = true;
        for (const w of Object.values(cluster.workers ?? {})) w?.kill();
        if (alive === 0) resolve();
        return;
      }
      restarts++;
      process.stderr.write(`polity: a server process exited (${code}); starting another\n`);
      fork();
    });
    const stop = () => {
      stopping = true;
      if (living() === 0) resolve();
      for (const w of Object.values(cluster.workers ?? {})) w?.disconnect();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    for (let i = 0; i < opts.processes; i++) fork();
  });
}

/**
 * `polity serve [--port N] [--host H] [--processes N] [--migrate] [--db FILE]`: the HTTP JSON API and the web
 * page, on 127.0.0.1 unless --host says otherwise. Read-only: the connection is switched to query_only once
 * open, so no request can write; a database that is current is never written at start, one that needs a
 * migration is refused unless --migrate; and a record behind its articles is reported rather than brought up to
 * date (that is ingest's job).
 */
export function register(program: Command): void {
  program
    .command('serve')
    .description('Serve the record read-only over HTTP: a JSON API (see openapi.json) and the web page at /.')
    .addOption(new Option('--port <n>', 'port to listen on').default(8080).argParser((v) => Number.parseInt(v, 10)))
    .addOption(new Option('--host <host>', 'address to listen on (give 0.0.0.0 to serve other machines)').default('127.0.0.1'))
    .addOption(new Option('--processes <n>', 'server processes sharing the port').default(availableParallelism(), 'the number of cores').argParser((v) => {
      const n = Number.parseInt(v, 10);
      if (!/^\d+$/.test(v) || n < 1 || n > 64) throw new InvalidArgumentError(`'${v}' is not a number of processes (1–64).`);
      return n;
    }))
    .option('--migrate', 'apply pending schema migrations first (without it, a database that needs one is refused)')
    .addOption(dbOption())
    .action(async (opts: ServeOptions) => {
      const path = resolveDbPath(opts.db);
      if (cluster.isWorker) return serveHere(path, { ...opts, migrate: false }, false);
      if (opts.processes <= 1) return serveHere(path, opts, true);
      return servePrimary(path, opts);
    });
}
