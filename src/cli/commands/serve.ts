import { serve } from '@hono/node-server';
import { Option, type Command } from 'commander';
import { RecordError } from '../../record/index.js';
import { createApp } from '../../server/app.js';
import { openForServing } from '../../server/read-only.js';
import { resolveDbPath } from '../../store/index.js';
import { EXIT } from '../exit-codes.js';
import { dbOption } from '../options.js';

/**
 * `polity serve [--port N] [--host H] [--db FILE]`: the HTTP JSON API and the web page, on 127.0.0.1 unless
 * --host says otherwise. Read-only: the connection is switched to query_only once open, so no request can write,
 * and a record behind its articles is reported rather than brought up to date (that is ingest's job).
 */
export function register(program: Command): void {
  program
    .command('serve')
    .description('Serve the record read-only over HTTP: a JSON API (see openapi.json) and the web page at /.')
    .addOption(new Option('--port <n>', 'port to listen on').default(8080).argParser((v) => Number.parseInt(v, 10)))
    .addOption(new Option('--host <host>', 'address to listen on (give 0.0.0.0 to serve other machines)').default('127.0.0.1'))
    .addOption(dbOption())
    .action(async (opts: { db?: string; port: number; host: string }) => {
      let open;
      let stale;
      try {
        ({ open, stale } = openForServing(resolveDbPath(opts.db)));
      } catch (err) {
        if (!(err instanceof RecordError)) throw err;
        process.stderr.write(`polity: ${err.message}\n`);
        process.exitCode = EXIT.FAILED;
        return;
      }
      if (stale) {
        process.stderr.write(`polity: the record in ${open.store.path} is behind its stored articles; serving it as it is (run polity record rebuild to bring it up to date)\n`);
      }
      const server = serve({ fetch: createApp(open).fetch, port: opts.port, hostname: opts.host }, (info) => {
        process.stderr.write(`polity: serving ${open.store.path} at http://${opts.host}:${info.port}/ (Ctrl-C to stop)\n`);
      });
      await new Promise<void>((resolve, reject) => {
        server.on('error', (err) => reject(new Error(`cannot listen on ${opts.host}:${opts.port}: ${err.message}`)));
        const stop = () => server.close(() => { open.close(); resolve(); });
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}
