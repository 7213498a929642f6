import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ResponseCache } from '../../src/server/cache.js';
import type { Db } from '../../src/store/sql/db.js';

/** A Db whose change counter the test sets: the cache reads nothing else of it. */
function counterDb(): Db & { version: number } {
  const db = { version: 1, changeCounter: () => db.version };
  return db as unknown as Db & { version: number };
}

const entry = (bytes: number) => ({ status: 200, body: new ArrayBuffer(bytes), type: 'application/json', etag: `"${bytes}"` });

describe('ResponseCache', () => {
  it('keeps at most maxEntries answers, dropping the least recently used', () => {
    const cache = new ResponseCache(counterDb(), { maxEntries: 2 });
    cache.set('/a', entry(10));
    cache.set('/b', entry(10));
    assert.ok(cache.get('/a'));
    cache.set('/c', entry(10));
    assert.equal(cache.size, 2);
    assert.ok(cache.get('/a'), '/a was used last, so /b went');
    assert.equal(cache.get('/b'), undefined);
    assert.ok(cache.get('/c'));
  });

  it('keeps at most maxBytes of bodies, and does not keep an answer larger than an eighth of them', () => {
    const cache = new ResponseCache(counterDb(), { maxBytes: 800 });
    cache.set('/big', entry(101));
    assert.equal(cache.get('/big'), undefined);
    for (let i = 0; i < 10; i++) cache.set(`/${i}`, entry(100));
    assert.equal(cache.bytes, 800);
    assert.equal(cache.size, 8);
    assert.equal(cache.get('/0'), undefined);
    assert.ok(cache.get('/9'));
    // An answer given again for a key replaces the old one, counted once.
    cache.set('/9', entry(50));
    assert.equal(cache.bytes, 750);
  });

  it('drops every answer when the database changes', () => {
    const db = counterDb();
    const cache = new ResponseCache(db);
    cache.set('/a', entry(10));
    assert.ok(cache.get('/a'));
    db.version++;
    assert.equal(cache.get('/a'), undefined);
    assert.equal(cache.size, 0);
    assert.equal(cache.stats.cleared, 1);
  });
});
