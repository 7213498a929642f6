import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { describe, it } from 'node:test';
import { buildRecord } from '../../src/record/build.js';
import { mergeActors, splitActor } from '../../src/record/decisions.js';
import {
  ensureRecord, evidenceQuoter, loadRecord, readDecisions, rebuildRecord, recordIsStale, searchRecord, updateRecord,
} from '../../src/record/record-store.js';
import { AmbiguousActorError, UnknownActorError, actorNamed } from '../../src/record/queries.js';
import { openStore } from '../../src/store/sqlite/sqlite-store.js';
import { packagePath } from '../../src/package-path.js';
import { miniArc } from './mini-arc.js';
import { Article } from './fixture.js';
import { attachRecord } from '../../src/record/index.js';
import { TestDbs, dialects } from '../helpers/test-db.js';

for (const dialect of dialects()) {
const dbs = new TestDbs(dialect, 'polity-record');

describe(`the record in ${dialect}`, () => {
  it('updates after each stored article and reads back what buildRecord computes', () => {
    const store = openStore(dbs.at('update.db'));
    const docs = miniArc();
    for (const [i, doc] of docs.entries()) {
      store.putDocument(doc);
      updateRecord(store);
      const stored = loadRecord(store.db);
      assert.deepEqual(stored, buildRecord(docs.slice(0, i + 1)));
    }
    assert.equal(recordIsStale(store.db), false);
    store.close();
  });

  it('counts, dates and names every actor an article touches, the later article after the earlier', () => {
    const store = attachRecord(openStore(dbs.at('refresh.db')));
    const first = new Article('Senator Ilse Varga met Mayor Tomas Brandt and the Harbour Party on Monday. Varga said Brandt had agreed.', '2024-05-10');
    first.actor('p1', 'PERSON', 'Ilse Varga', ['Varga']).actor('p2', 'PERSON', 'Tomas Brandt', ['Brandt']).actor('o1', 'PARTY', 'Harbour Party');
    // Stored second but published first: the seen dates move back, the counts go up, the names stay the full ones.
    const second = new Article('Ilse Varga, who leads the Harbour Party, spoke on Friday.', '2024-03-01');
    second.actor('p1', 'PERSON', 'Ilse Varga').actor('o1', 'PARTY', 'Harbour Party');
    store.putDocument(first.doc);
    store.putDocument(second.doc);
    const rows = store.db.prepare('SELECT name, aliases, type, articles, first_seen, last_seen FROM record_actors ORDER BY name').all();
    assert.deepEqual(rows, [
      { name: 'Harbour Party', aliases: '[]', type: 'PARTY', articles: 2, first_seen: '2024-03-01', last_seen: '2024-05-10' },
      { name: 'Ilse Varga', aliases: '["Varga"]', type: 'PERSON', articles: 2, first_seen: '2024-03-01', last_seen: '2024-05-10' },
      { name: 'Tomas Brandt', aliases: '["Brandt"]', type: 'PERSON', articles: 1, first_seen: '2024-05-10', last_seen: '2024-05-10' },
    ]);
    store.close();
  });

  it('quotes evidence from the stored article text', () => {
    const store = openStore(dbs.at('update.db'));
    const record = loadRecord(store.db);
    const quote = evidenceQuoter(store.db);
    const resignation = record.events.find((e) => e.type === 'RETREAT')!;
    assert.equal(quote(resignation.sources[0]!).text, 'resigned');
    store.close();
  });

  it('notices new articles and rebuilds before answering', () => {
    const store = openStore(dbs.at('stale.db'));
    const docs = miniArc();
    for (const doc of docs.slice(0, 2)) store.putDocument(doc);
    assert.equal(recordIsStale(store.db), true);
    ensureRecord(store);
    assert.equal(loadRecord(store.db).events.length, 1);
    store.putDocument(docs[2]!);
    assert.equal(recordIsStale(store.db), true);
    ensureRecord(store);
    assert.equal(loadRecord(store.db).commitments.length, 3);
    store.close();
  });

  it('says when a name fits several actors, and lists them, instead of picking one', () => {
    const store = openStore(dbs.at('update.db'));
    assert.throws(() => actorNamed(store.db, 'Baloch', { unique: true }), (err: unknown) => {
      assert.ok(err instanceof AmbiguousActorError);
      assert.deepEqual(err.candidates.map((a) => a.name).sort(), ['Imran Baloch', 'Nadia Baloch']);
      assert.match(err.message, /^"Baloch" fits 2 actors: .*give an id or a fuller name$/u);
      return true;
    });
    assert.equal(actorNamed(store.db, 'Nadia Baloch', { unique: true }).name, 'Nadia Baloch');
    assert.equal(actorNamed(store.db, 'Qureshi', { unique: true }).name, 'Tariq Mehmood Qureshi');
    assert.throws(() => actorNamed(store.db, 'Zardari', { unique: true }), (err: unknown) => err instanceof UnknownActorError && !(err instanceof AmbiguousActorError));
    store.close();
  });

  it('searches statements and articles with FTS5, including punctuation in the query', () => {
    const store = openStore(dbs.at('update.db'));
    const hits = searchRecord(store.db, 'development authority');
    assert.ok(hits.some((h) => h.kind === 'statement'));
    assert.ok(hits.some((h) => h.kind === 'article'));
    assert.match(hits[0]!.snippet, /\[(development|authority)\]/i);
    assert.deepEqual(searchRecord(store.db, 'RPL-S "family'), searchRecord(store.db, 'RPL-S family'));
    assert.equal(searchRecord(store.db, 'desalination').length, 0);
    store.close();
  });

  it('keeps manual merges and splits across rebuilds and reopening', () => {
    const path = dbs.at('decisions.db');
    let store = openStore(path);
    for (const doc of miniArc()) store.putDocument(doc);
    rebuildRecord(store);
    const parts = splitActor(store, 'Tariq Mehmood Qureshi', { alias: 'Tariq Mehmud Qureshi' });
    assert.equal(parts.length, 1);
    assert.equal(parts[0]!.name, 'Tariq Mehmud Qureshi');
    store.close();
    store = openStore(path);
    rebuildRecord(store);
    assert.equal(loadRecord(store.db).actors.filter((a) => a.name.startsWith('Tariq')).length, 2);
    const merged = mergeActors(store, 'Tariq Mehmood Qureshi', 'Tariq Mehmud Qureshi');
    assert.ok(merged.aliases.includes('Tariq Mehmud Qureshi'));
    assert.equal(readDecisions(store.db).length, 2);
    assert.throws(() => mergeActors(store, 'Tariq Mehmood Qureshi', 'Tariq Mehmud Qureshi'), /already one actor/);
    assert.throws(() => splitActor(store, 'Nadia Baloch', { alias: 'Nobody' }), /nothing in nadia-baloch-[0-9a-f]{10} \(Nadia Baloch\) matches/);
    store.close();
  });

  it('splits by mention id', () => {
    const store = openStore(dbs.at('mention.db'));
    const docs = miniArc();
    for (const doc of docs) store.putDocument(doc);
    rebuildRecord(store);
    const parts = splitActor(store, 'Faisal Rehman Chaudhry', { mention: `${docs[5]!.meta.id.slice(0, 8)}:m1` });
    assert.deepEqual(parts.map((p) => p.name), ['Chaudhry']);
    store.close();
  });

  it('leaves the record tables whole when the writer is killed mid-ingest', async () => {
    const path = dbs.at('kill.db');
    const child = spawn(process.execPath, ['--import', 'tsx', packagePath('test/record/kill-child.ts'), path], { stdio: ['ignore', 'pipe', 'inherit'] });
    let stored = 0;
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stored += chunk.toString().split('\n').filter((l) => l.startsWith('stored')).length;
        if (stored >= 8) { child.kill('SIGKILL'); resolve(); }
      });
    });
    await new Promise((resolve) => child.on('exit', resolve));
    const store = openStore(path);
    if (dialect === 'sqlite') assert.equal(store.db.pragma('integrity_check', { simple: true }), 'ok');
    const articles = store.db.prepare('SELECT count(*) FROM articles').pluck().get() as number;
    assert.ok(articles >= 8);
    // The record was built from some prefix of the stored articles: its members all belong to stored articles, and
    // each article it covers is covered whole.
    const covered = store.db.prepare(`SELECT a.id, (SELECT count(*) FROM actors x WHERE x.article_id = a.id) AS actors,
      (SELECT count(*) FROM record_actor_members m WHERE m.article_id = a.id) AS members FROM articles a`).all() as { actors: number; members: number }[];
    assert.ok(covered.every((c) => c.members === 0 || c.members === c.actors));
    assert.ok(covered.filter((c) => c.members > 0).length >= articles - 1);
    const orphans = store.db.prepare('SELECT count(*) FROM record_actor_members WHERE actor_id NOT IN (SELECT id FROM record_actors)').pluck().get();
    assert.equal(orphans, 0);
    ensureRecord(store);
    assert.equal(recordIsStale(store.db), false);
    assert.ok(covered.length === (store.db.prepare('SELECT count(DISTINCT article_id) FROM record_actor_members').pluck().get() as number));
    store.close();
  });
});

describe(`re-analysed articles (${dialect})`, () => {
  it('rebuilds the record and the search index when an article is stored again with a new analysis', () => {
    const store = openStore(dbs.at('replace.db'));
    const docs = miniArc();
    for (const doc of docs) store.putDocument(doc);
    ensureRecord(store);
    assert.equal(searchRecord(store.db, 'unanimous').length, 2);
    const again = miniArc()[0]!;
    again.statements = [];
    assert.equal(store.putDocument(again, { replace: true }), 'replaced');
    assert.equal(recordIsStale(store.db), true);
    ensureRecord(store);
    assert.equal(searchRecord(store.db, 'unanimous').filter((h) => h.kind === 'statement').length, 0);
    assert.equal(loadRecord(store.db).statements.length, 3);
    store.close();
  });
});
}
