import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { openStore } from '../../src/store/index.js';
import { TestDbs, dialects } from '../helpers/test-db.js';

for (const dialect of dialects()) {
const dbs = new TestDbs(dialect, 'polity-kill');

const child = fileURLToPath(new URL('./fixtures/ingest-until-killed.ts', import.meta.url));

/** Runs the child until it reports `atLeast` committed articles, then SIGKILLs it; returns the ids it reported. */
function ingestThenKill(db: string, atLeast: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', child, db], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    proc.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.split('\n').length > atLeast) proc.kill('SIGKILL');
    });
    proc.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    proc.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`child ended by itself (code ${code}): ${err}`));
      else resolve(out.split('\n').filter((l) => /^[0-9a-f]{16}$/.test(l)));
    });
  });
}

it(`leaves only whole articles and a sound database when the ingesting process is killed (${dialect})`, async () => {
  const path = dbs.at('killed.db');
  const reported = await ingestThenKill(path, 30);
  const store = openStore(path);
  if (dialect === 'sqlite') {
    assert.equal(store.db.pragma('integrity_check', { simple: true }), 'ok');
    assert.deepEqual(store.db.pragma('foreign_key_check'), []);
  }
  const stored = store.listArticles();
  const storedIds = new Set(stored.map((a) => a.id));
  for (const id of reported) assert.ok(storedIds.has(id), `article ${id} was reported committed but is missing`);
  const mentionRows = store.db.prepare('SELECT count(*) FROM mentions WHERE article_id = ?').pluck();
  for (const a of stored) {
    const doc = store.getDocument(a.id)!;
    assert.equal(doc.mentions.length, 405);
    assert.equal(mentionRows.get(a.id), doc.mentions.length, `article ${a.id} has all its mention rows`);
  }
  store.close();
});
}
