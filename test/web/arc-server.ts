import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze } from '../../src/analyze.js';
import { ingestSources } from '../../src/ingest/index.js';
import { packagePath } from '../../src/package-path.js';
import { updateRecord } from '../../src/record/index.js';
import { openStore } from '../../src/store/index.js';
import { serveRecord } from '../helpers/serve-record.js';

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
  const served = await serveRecord(path);
  return { base: served.base, dir, stop: () => served.stop() };
}
