import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp } from '../../src/server/app.js';
import { openForServing } from '../../src/server/read-only.js';

export interface ServedRecord {
  /** http://127.0.0.1:PORT */
  base: string;
  /** Closes the server, then the database connection. */
  stop(): Promise<void>;
}

/**
 * `polity serve`'s app over the database at `location` (a SQLite file or a PostgreSQL URL), on a free loopback
 * port. Opened as `serve` opens it: query_only, so an endpoint that wrote would fail its test.
 */
export async function serveRecord(location: string): Promise<ServedRecord> {
  const { open: record } = openForServing(location);
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: createApp(record).fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async stop() {
      await new Promise((resolve) => server.close(resolve));
      record.close();
    },
  };
}
