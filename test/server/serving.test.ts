import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { packagePath } from '../../src/package-path.js';
import { rebuildRecord } from '../../src/record/index.js';
import { createApp } from '../../src/server/app.js';
import { openForServing } from '../../src/server/read-only.js';
import { openStore } from '../../src/store/index.js';
import { miniArc } from '../record/mini-arc.js';
import { TestDbs, dialects } from '../helpers/test-db.js';

let dir: string;
let current: string;

/** The mini arc stored with its record in a fresh database. */
function build(path: string): void {
  const store = openStore(path);
  for (const doc of miniArc()) store.putDocument(doc);
  rebuildRecord(store);
  if (store.db.dialect === 'sqlite') store.db.pragma('wal_checkpoint(TRUNCATE)');
  store.close();
}

const digest = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'polity-serving-'));
  current = join(dir, 'current.db');
  build(current);
});

after(() => rmSync(dir, { recursive: true, force: true }));

describe('serving a database', () => {
  it('opens a current database without writing or taking the write lock, even while another process holds it', { timeout: 30_000 }, () => {
    const before = digest(current);
    const writer = new Database(current);
    writer.exec('BEGIN IMMEDIATE');
    try {
      // Were the open to migrate or write, it would wait for this lock (and the test would time out).
      const { open, stale } = openForServing(current);
      assert.equal(stale, false);
      assert.ok((open.db.prepare('SELECT count(*) FROM record_actors').pluck().get() as number) > 0);
      open.close();
    } finally {
      writer.exec('ROLLBACK');
      writer.close();
    }
    assert.equal(digest(current), before);
  });

  it('refuses a database that needs a migration, naming it, and applies it only when asked', () => {
    const old = join(dir, 'old.db');
    build(old);
    const db = new Database(old);
    const newest = db.prepare('SELECT max(version) FROM schema_migrations').pluck().get() as number;
    const name = db.prepare('SELECT name FROM schema_migrations WHERE version = ?').pluck().get(newest) as string;
    // As if the newest migration had not shipped yet when this database was made.
    db.prepare('DELETE FROM schema_migrations WHERE version = ?').run(newest);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const before = digest(old);
    assert.throws(() => openForServing(old), new RegExp(`needs migration ${String(newest).padStart(3, '0')}_${name} \\(run polity serve --migrate`));
    assert.equal(digest(old), before);
    // With --migrate the migration runs (its SQL is re-applied, so drop what it made first when it creates indexes).
    const fix = new Database(old);
    for (const index of fix.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL").pluck().all() as string[]) {
      if (readFileSync(packagePath(`src/store/sqlite/migrations/${String(newest).padStart(3, '0')}_${name}.sql`), 'utf8').includes(`INDEX ${index} `)) fix.exec(`DROP INDEX ${index}`);
    }
    fix.close();
    const { open } = openForServing(old, { migrate: true });
    assert.equal(open.db.prepare('SELECT max(version) FROM schema_migrations').pluck().get(), newest);
    open.close();
  });
});

describe('the answer cache', () => {
  it('answers again from the cache with an ETag, 304 for a client that has it, until another connection commits', async () => {
    const { open } = openForServing(current);
    const app = createApp(open, { cache: true });
    try {
      const first = await app.request('/api/actors?limit=2');
      const body = await first.text();
      assert.equal(first.headers.get('x-cache'), 'miss');
      const etag = first.headers.get('etag')!;
      assert.match(etag, /^"[\w-]{22}"$/);
      const again = await app.request('/api/actors?limit=2');
      assert.equal(again.headers.get('x-cache'), 'hit');
      assert.equal(again.headers.get('etag'), etag);
      assert.equal(await again.text(), body);
      // Security headers are on cached answers too.
      assert.equal(again.headers.get('x-content-type-options'), 'nosniff');
      const notModified = await app.request('/api/actors?limit=2', { headers: { 'if-none-match': etag } });
      assert.equal(notModified.status, 304);
      assert.equal(await notModified.text(), '');
      // Another URL is another answer; an error is never kept.
      assert.equal((await app.request('/api/actors?limit=3')).headers.get('x-cache'), 'miss');
      assert.equal((await app.request('/api/actors/nobody-at-all')).status, 404);
      assert.notEqual((await app.request('/api/actors/nobody-at-all')).headers.get('x-cache'), 'hit');
      // Another process commits (here: a manual decision row): every kept answer is dropped.
      const other = new Database(current);
      other.prepare("INSERT INTO record_meta (key, value) VALUES ('cache-test', '1')").run();
      other.close();
      const after = await app.request('/api/actors?limit=2');
      assert.equal(after.headers.get('x-cache'), 'miss');
      assert.equal(after.headers.get('etag'), etag, 'same answer, same ETag');
    } finally {
      open.close();
    }
  });
});

describe('gzipped answers', () => {
  it('gives a kept answer of 1 KiB or more gzipped to a client that accepts gzip, with its own ETag, and plain to one that does not', async () => {
    const { open } = openForServing(current);
    const app = createApp(open, { cache: true });
    try {
      const plain = await app.request('/api/actors?limit=50');
      const body = Buffer.from(await plain.arrayBuffer());
      assert.ok(body.length >= 1024);
      assert.equal(plain.headers.get('content-encoding'), null);
      assert.equal(plain.headers.get('vary'), 'Accept-Encoding');
      for (const accept of ['gzip', 'br, gzip;q=0.5', 'gzip, deflate, br']) {
        const zipped = await app.request('/api/actors?limit=50', { headers: { 'accept-encoding': accept } });
        assert.equal(zipped.headers.get('content-encoding'), 'gzip', accept);
        assert.deepEqual(gunzipSync(Buffer.from(await zipped.arrayBuffer())), body);
        assert.notEqual(zipped.headers.get('etag'), plain.headers.get('etag'));
        assert.equal((await app.request('/api/actors?limit=50', { headers: { 'accept-encoding': accept, 'if-none-match': zipped.headers.get('etag')! } })).status, 304);
      }
      for (const accept of ['identity', 'gzip;q=0', 'br']) {
        assert.equal((await app.request('/api/actors?limit=50', { headers: { 'accept-encoding': accept } })).headers.get('content-encoding'), null, accept);
      }
      // A small answer is given plain whatever the client accepts.
      const small = await app.request('/api/actors?limit=1', { headers: { 'accept-encoding': 'gzip' } });
      assert.equal(small.headers.get('content-encoding'), null);
    } finally {
      open.close();
    }
  });
});

for (const dialect of dialects()) {
  describe(`the answer cache on ${dialect}`, () => {
    const dbs = new TestDbs(dialect, 'polity-cache');
    it('keeps answers until another connection commits, in a transaction or outside one', async () => {
      const at = dbs.at('cache.db');
      build(at);
      const { open } = openForServing(at);
      const writer = openStore(at);
      const app = createApp(open, { cache: true });
      const status = async () => (await app.request('/api/actors?limit=2')).headers.get('x-cache');
      try {
        assert.equal(await status(), 'miss');
        assert.equal(await status(), 'hit');
        // Another connection's write, in a transaction and then outside one (committed at once): answers are dropped.
        writer.db.transaction(() => writer.db.prepare("INSERT INTO record_meta (key, value) VALUES ('cache-test', '1')").run())();
        assert.equal(await status(), 'miss');
        assert.equal(await status(), 'hit');
        writer.db.prepare("UPDATE record_meta SET value = '2' WHERE key = 'cache-test'").run();
        assert.equal(await status(), 'miss');
        assert.equal(await status(), 'hit');
        // A transaction rolled back changes nothing the server sees: no need to drop answers, but dropping is allowed.
        assert.throws(() => writer.db.transaction(() => {
          writer.db.prepare("UPDATE record_meta SET value = '3' WHERE key = 'cache-test'").run();
          throw new Error('abandoned');
        })(), /abandoned/);
        const after = await status();
        assert.ok(after === 'hit' || after === 'miss');
      } finally {
        writer.close();
        open.close();
      }
    });
  });
}

describe('polity serve --processes', () => {
  it('serves from several processes on one port and stops them all on SIGTERM', { timeout: 120_000 }, async () => {
    const proc = spawn(process.execPath, ['--import', 'tsx', packagePath('src/cli/main.ts'), 'serve', '--db', current, '--port', '0', '--processes', '2'], {
      cwd: packagePath('.'), stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    const base = await new Promise<string>((resolve, reject) => {
      proc.stderr.on('data', (c: Buffer) => {
        stderr += c.toString();
        const m = /at (http:\/\/127\.0\.0\.1:\d+)\/ with 2 processes/.exec(stderr);
        if (m) resolve(m[1]!);
      });
      proc.on('exit', (code) => reject(new Error(`serve exited ${code}: ${stderr}`)));
    });
    const answers = await Promise.all(Array.from({ length: 6 }, () => fetch(`${base}/api/actors?limit=1`).then((r) => r.status)));
    assert.deepEqual(answers, [200, 200, 200, 200, 200, 200]);
    const code = await new Promise<number | null>((resolve) => {
      proc.removeAllListeners('exit');
      proc.on('exit', resolve);
      proc.kill('SIGTERM');
    });
    assert.equal(code, 0, stderr);
  });
});
