import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { after, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { checkDatabase, openStore, withBusyRetry } from '../../src/store/index.js';
import { packagePath } from '../../src/package-path.js';

const dir = mkdtempSync(join(tmpdir(), 'polity-concurrent-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function polity(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', packagePath('src/cli/main.ts'), ...args], {
      cwd: packagePath('.'),
      env: { ...process.env, NO_COLOR: '1', POLITY_DB: undefined },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    proc.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    proc.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    proc.on('error', reject);
    proc.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const PROVINCES = ['Sindh', 'Punjab', 'Balochistan', 'Khyber Pakhtunkhwa'];
const MINISTERS = ['Amina Shah', 'Tariq Lodhi', 'Zainab Marri', 'Imtiaz Gul', 'Rafia Noor'];

/** Short distinct articles written for this test: `count` of them in a new folder. */
function articles(folder: string, count: number, offset: number): string {
  mkdirSync(folder, { recursive: true });
  for (let i = 0; i < count; i++) {
    const k = offset + i;
    const province = PROVINCES[k % PROVINCES.length]!;
    const minister = MINISTERS[k % MINISTERS.length]!;
    writeFileSync(join(folder, `article-${k}.txt`),
      `KARACHI - The ${province} cabinet approved ${k + 3} development schemes on Monday, Minister ${minister} said.\n\n` +
      `"We will complete the first ${k + 2} schemes by June," ${minister} told reporters after the meeting.`);
  }
  return folder;
}

describe('concurrent writers', () => {
  it('retries an operation while another process holds the write lock, instead of failing', { timeout: 60_000 }, async () => {
    const path = join(dir, 'locked.db');
    const setup = new Database(path);
    setup.pragma('journal_mode = WAL');
    setup.exec('CREATE TABLE t (x INTEGER)');
    setup.close();
    // A child takes the write lock and keeps it for 1.5 s.
    const holder = spawn(process.execPath, ['-e', `
      const D = require(${JSON.stringify(createRequire(import.meta.url).resolve('better-sqlite3'))});
      const db = new D(${JSON.stringify(path)});
      db.exec('BEGIN IMMEDIATE'); db.exec('INSERT INTO t VALUES (1)');
      console.log('locked');
      setTimeout(() => { db.exec('COMMIT'); db.close(); }, 1500);`], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve) => holder.stdout.once('data', () => resolve()));
    const db = new Database(path);
    db.pragma('busy_timeout = 0');
    let retries = 0;
    withBusyRetry(() => db.prepare('INSERT INTO t VALUES (2)').run(), { onRetry: () => retries++ });
    assert.ok(retries > 0);
    assert.deepEqual(db.prepare('SELECT x FROM t ORDER BY x').pluck().all(), [1, 2]);
    db.close();
    await new Promise((resolve) => holder.on('close', resolve));
  });

  it('lets two ingests and a reader share one database: nothing lost, every process exits 0', { timeout: 600_000 }, async () => {
    const db = join(dir, 'shared.db');
    const first = await polity(['ingest', articles(join(dir, 'seed'), 1, 100), '--db', db]);
    assert.equal(first.code, 0, first.stderr);
    const seedId = openStore(db).listArticles()[0]!.id;
    const a = articles(join(dir, 'a'), 12, 0);
    const b = articles(join(dir, 'b'), 12, 12);
    const reads = async () => {
      const results = [];
      for (let i = 0; i < 4; i++) results.push(await polity(['show', seedId, '--db', db, '--no-color']));
      return results;
    };
    const [ra, rb, reader] = await Promise.all([polity(['ingest', a, '--db', db]), polity(['ingest', b, '--db', db]), reads()]);
    for (const r of [ra, rb, ...reader]) assert.equal(r.code, 0, r.stderr);
    assert.match(ra.stdout, /^12 read, 12 added, 0 unchanged, 0 failed in [\d.]+s\n$/u);
    assert.match(rb.stdout, /^12 read, 12 added, 0 unchanged, 0 failed in [\d.]+s\n$/u);
    assert.ok(!/locked|busy/iu.test(ra.stderr + rb.stderr), ra.stderr + rb.stderr);
    for (const r of reader) assert.match(r.stdout, /cabinet approved 103 development schemes/u);
    const store = openStore(db);
    assert.equal(store.listArticles().length, 25);
    store.close();
    assert.deepEqual(checkDatabase(db).problems, []);
  });
});
