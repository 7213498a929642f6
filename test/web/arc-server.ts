import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { analyze } from '../../src/analyze.js';
import { ingestSources } from '../../src/ingest/index.js';
import { packagePath } from '../../src/package-path.js';
import { updateRecord } from '../../src/record/index.js';
import { createApp } from '../../src/server/app.js';
import { openForServing } from '../../src/server/read-only.js';
import { openStore } from '../../src/store/index.js';

export interface ArcServer {
  /** http://127.0.0.1:PORT */
  base: string;
  /** The test's temporary folder (the database and the screenshots). */
  dir: string;
  stop(): Promise<void>;
}

/**
 * The bundled arc (examples/arc.jsonl) ingested through the real pipeline into a fresh SQLite file, the web page
 * built from web/src as `npm run build` builds it, and `polity serve`'s app over them on a free loopback port.
 */
export async function serveArc(): Promise<ArcServer> {
  execFileSync(process.execPath, ['--import', 'tsx', packagePath('scripts/build-web.ts')], { stdio: 'inherit' });
  const dir = mkdtempSync(join(tmpdir(), 'polity-web-'));
  const path = join(dir, 'arc.db');
  const store = openStore(path);
  for await (const item of ingestSources([packagePath('examples/arc.jsonl')])) {
    if (!item.ok) throw item.error;
    await analyze(item.doc);
    store.putDocument(item.doc);
  }
  updateRecord(store);
  store.close();
  // Served as `polity serve` serves it: query_only, so an endpoint that wrote would fail its test.
  const { open: record } = openForServing(path);
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: createApp(record).fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    dir,
    async stop() {
      await new Promise((resolve) => server.close(resolve));
      record.close();
    },
  };
}
