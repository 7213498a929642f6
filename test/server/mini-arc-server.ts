import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rebuildRecord } from '../../src/record/index.js';
import { openStore } from '../../src/store/index.js';
import { serveRecord } from '../helpers/serve-record.js';
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
  const served = await serveRecord(path);
  return {
    base: served.base,
    async stop() {
      await served.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
