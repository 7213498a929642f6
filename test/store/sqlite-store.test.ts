import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { documentToJSON } from '../../src/document/document.js';
import { AmbiguousIdError, openStore, resolveDbPath, StoreError } from '../../src/store/index.js';
import { harbourDocument } from './fixtures/articles.js';
import { TestDbs, dialects } from '../helpers/test-db.js';

function count(db: ReturnType<typeof openStore>['db'], table: string): number {
  return db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
}

for (const dialect of dialects()) {
const dbs = new TestDbs(dialect, 'polity-store');
const dir = dbs.tmp;
let n = 0;
const freshPath = () => dbs.at(`store-${++n}.db`);

describe(`SqlStore (${dialect})`, () => {
  it('stores a document and reads the same JSON back by id and by id prefix', () => {
    const store = openStore(freshPath());
    const doc = harbourDocument();
    assert.equal(store.putDocument(doc), 'added');
    assert.deepEqual(documentToJSON(store.getDocument(doc.meta.id)!), documentToJSON(doc));
    assert.deepEqual(documentToJSON(store.getDocument(doc.meta.id.slice(0, 6))!), documentToJSON(doc));
    assert.equal(store.getDocument('ffffffffffffffffff'), undefined);
    store.close();
  });

  it('leaves the store unchanged when the same text is stored twice', () => {
    const store = openStore(freshPath());
    assert.equal(store.putDocument(harbourDocument()), 'added');
    const again = harbourDocument();
    again.meta.title = 'A different headline for the same text';
    assert.equal(store.putDocument(again), 'unchanged');
    assert.equal(count(store.db, 'articles'), 1);
    assert.equal(count(store.db, 'mentions'), 5);
    assert.equal(store.listArticles()[0]!.title, 'Alliance backs dredging bill');
    assert.ok(store.hasContent(again.meta.contentHash));
    store.close();
  });

  it('fills the per-layer tables and the article row from the document', () => {
    const store = openStore(freshPath());
    const doc = harbourDocument();
    store.putDocument(doc);
    const row = store.db.prepare('SELECT * FROM articles').get() as Record<string, unknown>;
    assert.equal(row.content_hash, doc.meta.contentHash);
    assert.equal(row.published, '2024-03-05');
    assert.equal(row.dateline_place, 'Port Salwa');
    assert.equal(row.text, doc.text);
    for (const [table, layer] of [['actors', 'actors'], ['mentions', 'mentions'], ['roles', 'roles'], ['memberships', 'memberships'],
      ['statements', 'statements'], ['events', 'events'], ['commitments', 'commitments']] as const) {
      assert.equal(count(store.db, table), doc[layer].length, table);
    }
    const quote = store.db.prepare("SELECT content_start, content_end FROM statements WHERE kind = 'direct'").get() as { content_start: number; content_end: number };
    assert.equal(doc.text.slice(quote.content_start, quote.content_end), 'We will fund the new quay before the monsoon,');
    const meeting = store.db.prepare("SELECT recipient_ids FROM events WHERE type = 'CONSULT'").pluck().get() as string;
    assert.deepEqual(JSON.parse(meeting), ['a3']);
    store.close();
  });

  it('rolls back the whole article when a layer row fails to insert', () => {
    const store = openStore(freshPath());
    const broken = harbourDocument();
    broken.mentions.push({ ...broken.mentions[0]! }); // the same mention id twice violates the primary key
    assert.throws(() => store.putDocument(broken), /UNIQUE constraint failed: mentions|duplicate key value violates unique constraint "mentions_pkey"/);
    assert.equal(count(store.db, 'articles'), 0);
    assert.equal(count(store.db, 'actors'), 0);
    assert.equal(count(store.db, 'mentions'), 0);
    assert.equal(store.hasContent(broken.meta.contentHash), false);
    assert.equal(store.putDocument(harbourDocument()), 'added', 'the same text stores once it is well-formed');
    store.close();
  });

  it('keeps articles across close and reopen, listed by publication date', () => {
    const path = freshPath();
    const store = openStore(path);
    const late = harbourDocument(1);
    late.meta.published = '2024-05-01';
    const undated = harbourDocument(2);
    delete undated.meta.published;
    store.putDocument(late);
    store.putDocument(undated);
    store.putDocument(harbourDocument());
    store.close();
    const again = openStore(path);
    const list = again.listArticles();
    assert.deepEqual(list.map((a) => a.published), ['2024-03-05', '2024-05-01', undefined]);
    assert.equal(list[0]!.chars, harbourDocument().text.length);
    assert.equal(again.getDocument(late.meta.id)!.meta.published, '2024-05-01');
    again.close();
  });

  it('names every candidate when an id prefix is ambiguous', () => {
    const store = openStore(freshPath());
    // 17 distinct ids in 16 possible first hex digits: at least two share their first digit.
    const ids = Array.from({ length: 17 }, (_, i) => {
      const d = harbourDocument(i);
      store.putDocument(d);
      return d.meta.id;
    });
    const shared = ids.map((id) => id[0]!).find((c, i, all) => all.indexOf(c) !== i)!;
    assert.throws(() => store.getDocument(shared), (err: unknown) => {
      assert.ok(err instanceof AmbiguousIdError);
      assert.deepEqual(err.candidates, ids.filter((id) => id.startsWith(shared)).sort());
      return true;
    });
    assert.equal(store.getDocument('%'), undefined, 'a prefix is matched literally');
    store.close();
  });

  it('opens the database in WAL mode (SQLite) with foreign keys enforced', () => {
    const store = openStore(freshPath());
    if (dialect === 'sqlite') {
      assert.equal(store.db.pragma('journal_mode', { simple: true }), 'wal');
      assert.equal(store.db.pragma('foreign_keys', { simple: true }), 1);
    }
    assert.throws(() => store.db.prepare("INSERT INTO mentions VALUES ('nope', 'm1', 'PERSON', NULL, 0, 1, 'rule')").run(), /FOREIGN KEY|violates foreign key constraint/);
    store.close();
  });

  it('refuses a path it cannot open with a StoreError naming the file (or URL, without its password)', () => {
    if (dialect === 'postgres') {
      assert.throws(() => openStore('postgres://root:secret@127.0.0.1:1/test'), (err: unknown) => err instanceof StoreError && err.message.startsWith('postgres://root:***@127.0.0.1:1/test: cannot connect'));
      return;
    }
    const bad = join(dir, 'no-such-dir', 'x.db');
    assert.throws(() => openStore(bad), (err: unknown) => err instanceof StoreError && err.message.startsWith(bad));
  });

  it('takes the database path from the argument, then POLITY_DB, then ./polity.db', { skip: dialect !== 'sqlite' }, () => {
    const saved = process.env.POLITY_DB;
    try {
      process.env.POLITY_DB = '/tmp/env.db';
      assert.equal(resolveDbPath('given.db'), 'given.db');
      assert.equal(resolveDbPath(), '/tmp/env.db');
      delete process.env.POLITY_DB;
      assert.equal(resolveDbPath(), './polity.db');
    } finally {
      if (saved === undefined) delete process.env.POLITY_DB;
      else process.env.POLITY_DB = saved;
    }
  });
});
}
