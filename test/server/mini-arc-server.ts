import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { rebuildRecord } from '../../src/record/index.js';
import { createApp } from '../../src/server/app.js';
import { openForServing } from '../../src/server/read-only.js';
import { openStore } from '../../src/store/index.js';
import { miniArc } from '../record/mini-arc.js';

export interface RunningServer {
  /** http://127.0.0.1:PORT */
  base: string;
  stop(): Promise<void>;
}

/**
 * The API over a fresh record of the hand-built mini arc, on a free loopback port: in a temp SQLite file, or in
 * the database `location` names (a test's own PostgreSQL schema).
 */
export async function serveMiniArc(location?: string): Promise<RunningServer> {
  const dir = mkdtempSync(join(tmpdir(), 'polity-server-'));
  const path = location ?? join(dir, 'record.db');
  const store = openStore(path);
  for (const doc of miniArc()) store.putDocument(doc);
  rebuildRecord(store);
  store.close();
  // Served as `polity serve` serves it: query_only, so an endpoint that wrote would fail its test.
  const { open: record } = openForServing(path);
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: createApp(record).fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async stop() {
      await new Promise((resolve) => server.close(resolve));
      record.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
