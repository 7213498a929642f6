import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadRecord, rebuildRecord, recordIsStale, type CrossRecord } from '../../src/record/index.js';
import { checkDatabase, openStore } from '../../src/store/index.js';
import { TestDbs, dialects } from '../helpers/test-db.js';

const writer = fileURLToPath(new URL('./fixtures/pg-writer.ts', import.meta.url));
const ARTICLES = 21;

function write(url: string, seed: number): Promise<{ added: number; unchanged: number }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', writer, url, String(seed), String(ARTICLES)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    proc.stdout.on('data', (c: Buffer) => (out += c.toString()));
    proc.stderr.on('data', (c: Buffer) => (err += c.toString()));
    proc.on('error', reject);
    proc.on('close', (code) => (code === 0 ? resolve(JSON.parse(out) as { added: number; unchanged: number }) : reject(new Error(`writer ${seed} exited ${code}: ${err}`))));
  });
}

/** The record with every list in a fixed order: what must not depend on the order the articles were taken in. */
function canonical(r: CrossRecord) {
  const byJson = <T>(xs: T[]): T[] => [...xs].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  return {
    actors: byJson(r.actors.map((a) => ({ ...a, aliases: [...a.aliases].sort(), members: byJson(a.members) }))),
    offices: byJson(r.offices), memberships: byJson(r.memberships), relations: byJson(r.relations), events: byJson(r.events),
    commitments: byJson(r.commitments), agreements: byJson(r.agreements), statements: byJson(r.statements), newest: r.newest,
  };
}

it('three processes writing the same articles to one PostgreSQL schema at once: each article once, the record equal to a rebuild',
  { skip: !dialects().includes('postgres'), timeout: 300_000 }, async () => {
    const dbs = new TestDbs('postgres', 'polity-pg-concurrent');
    const url = dbs.at('shared');
    openStore(url).close(); // the schema and its migrations first, so the writers race on articles, not on DDL
    // All three in record order: every article is taken in once, by whichever writer stores it first, and the
    // record lock makes those writes follow one another in that order, so the record must equal a rebuild's.
    const results = await Promise.all([write(url, 0), write(url, 0), write(url, 0)]);
    assert.equal(results.reduce((n, r) => n + r.added, 0), ARTICLES, JSON.stringify(results));
    assert.equal(results.reduce((n, r) => n + r.unchanged, 0), 2 * ARTICLES);
    const store = openStore(url);
    try {
      const count = (table: string) => store.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get();
      assert.equal(count('articles'), ARTICLES);
      assert.equal(count('record_articles'), ARTICLES);
      assert.equal(recordIsStale(store.db), false);
      const incremental = canonical(loadRecord(store.db));
      rebuildRecord(store);
      assert.deepEqual(incremental, canonical(loadRecord(store.db)));
    } finally {
      store.close();
    }
    assert.deepEqual(checkDatabase(url).problems, []);
  });
