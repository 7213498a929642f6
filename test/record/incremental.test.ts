import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Document } from '../../src/document/document.js';
import {
  actorIn, actorNamed, applyStats, attachRecord, buildRecord, documentReads, ensureRecord, findActors, loadRecord, rebuildRecord,
} from '../../src/record/index.js';
import { openStore } from '../../src/store/sqlite/sqlite-store.js';
import { Article } from './fixture.js';
import { miniArc } from './mini-arc.js';
import { TestDbs, dialects } from '../helpers/test-db.js';


/** The record without the times it was written: what must not depend on how it was built. */
function comparable(db: Parameters<typeof loadRecord>[0]) {
  return loadRecord(db);
}

for (const dialect of dialects()) {
const dbs = new TestDbs(dialect, 'polity-incremental');

describe(`the incremental record (${dialect})`, () => {
  it('ingesting articles one by one gives the same record as rebuilding from scratch', () => {
    const store = attachRecord(openStore(dbs.at('one-by-one.db')));
    for (const doc of miniArc()) store.putDocument(doc);
    const incremental = comparable(store.db);
    rebuildRecord(store);
    assert.deepEqual(comparable(store.db), incremental);
    assert.deepEqual(incremental, buildRecord(miniArc()));
    store.close();
  });

  it('links each article in its own transaction, reading no other stored article', () => {
    const store = attachRecord(openStore(dbs.at('bounded.db')));
    const docs = miniArc();
    for (const doc of docs.slice(0, 3)) store.putDocument(doc);
    // Instrument: every statement the record prepares from now on, and every document it reads back.
    const prepared: string[] = [];
    const prepare = store.db.prepare.bind(store.db);
    store.db.prepare = ((sql: string) => { prepared.push(sql); return prepare(sql); }) as typeof store.db.prepare;
    const readsBefore = documentReads.count;
    const appliedBefore = applyStats.articles;
    for (const doc of docs.slice(3)) store.putDocument(doc);
    assert.equal(applyStats.articles - appliedBefore, docs.length - 3);
    assert.equal(documentReads.count, readsBefore, 'an ingest reads no stored document');
    assert.ok(!prepared.some((sql) => /document_json|FROM articles(?! WHERE id = \?)/.test(sql)), prepared.filter((s) => /articles/.test(s)).join('\n'));
    assert.equal(store.db.prepare('SELECT count(*) FROM record_articles').pluck().get(), docs.length);
    store.close();
  });

  it('takes in articles stored without the record when the record is next opened', () => {
    const path = dbs.at('catch-up.db');
    const plain = openStore(path);
    for (const doc of miniArc()) plain.putDocument(doc);
    const reads = documentReads.count;
    ensureRecord(plain);
    assert.equal(documentReads.count - reads, miniArc().length);
    assert.deepEqual(loadRecord(plain.db), buildRecord(miniArc()));
    plain.close();
  });
});

/** A short news article naming `names` (each a person), written for these tests. */
function article(text: string, published: string, people: string[]): Document {
  const a = new Article(text, published);
  people.forEach((name, i) => a.actor(`p${i + 1}`, 'PERSON', name));
  return a.doc;
}

describe(`record actor ids (${dialect})`, () => {
  it('are stable and collision-free where slugs with counters collided ("Ted Cruz—35" and the 35th Ted Cruz)', () => {
    const store = attachRecord(openStore(dbs.at('ids.db')));
    // A mangled name whose slug is "ted-cruz-35", then many distinct people all called "Ted Cruz" by slug.
    store.putDocument(article('AUSTIN - A poll put Ted Cruz—35 to 12 percent ahead, the campaign said.', '2016-01-02', ['Ted Cruz—35']));
    for (let i = 0; i < 40; i++) {
      // Each a different given name, so none merges: "Ted Cruz" the senator, then "Teddy Cruz", "Tad Cruz" … all distinct people.
      store.putDocument(article(`HOUSTON - Councillor Ted${'x'.repeat(i)} Cruz spoke at the meeting on item ${i}.`, '2016-01-03', [`Ted${'x'.repeat(i)} Cruz`]));
    }
    const ids = store.db.prepare('SELECT id FROM record_actors').pluck().all() as string[];
    assert.equal(new Set(ids).size, ids.length);
    assert.ok(ids.every((id) => /^[a-z0-9-]+-[0-9a-f]{10}$/.test(id)), ids.join(' '));
    const first = actorNamed(store.db, 'Ted Cruz').id;
    store.putDocument(article('DALLAS - Ted Cruz campaigned in Dallas on Monday.', '2016-01-05', ['Ted Cruz']));
    assert.equal(actorNamed(store.db, 'Ted Cruz').id, first, 'an id does not change when the actor grows');
    store.close();
  });
});

describe(`look-alikes stay apart (${dialect})`, () => {
  const docs = [
    article('WASHINGTON - Hillary Clinton spoke in Ohio on Monday. Clinton said the plan would pass.', '2016-03-01', ['Hillary Clinton', 'Clinton']),
    article('LITTLE ROCK - Former President Bill Clinton opened a library wing on Tuesday.', '2016-03-02', ['Bill Clinton']),
    article('NEW YORK - Donald Trump held a rally. Donald Trump Jr. introduced his father.', '2016-03-03', ['Donald Trump', 'Donald Trump Jr.']),
    article('MIAMI - Jeb Bush campaigned in Florida, where George W. Bush once campaigned for him.', '2016-03-04', ['Jeb Bush', 'George W. Bush']),
    article('TAMPA - Hillary Clinton returned to Florida on Friday.', '2016-03-05', ['Hillary Clinton']),
    article('DES MOINES - Mrs. Clinton spoke about trade on Saturday.', '2016-03-06', ['Mrs. Clinton']),
    article('CHICAGO - Trump Jr. spoke to donors in Chicago.', '2016-03-07', ['Trump Jr.']),
    article('AUSTIN - George H.W. Bush sent a letter to the convention.', '2016-03-08', ['George H.W. Bush']),
  ];
  const record = buildRecord(docs);
  const idOf = (name: string): string => actorIn(record, name)!.id;

  it('Bill and Hillary Clinton, Donald Trump and Donald Trump Jr., Jeb, George W. and George H.W. Bush are different actors', () => {
    const ids = ['Hillary Clinton', 'Bill Clinton', 'Donald Trump', 'Donald Trump Jr.', 'Jeb Bush', 'George W. Bush', 'George H.W. Bush'].map(idOf);
    assert.equal(new Set(ids).size, ids.length);
  });

  it('a bare "Clinton" in an article that names Hillary Clinton is her, with the reason', () => {
    const hillary = actorIn(record, 'Hillary Clinton')!;
    const bare = hillary.members.find((m) => m.name === 'Clinton')!;
    assert.ok(bare, hillary.members.map((m) => m.name).join(', '));
    assert.match(bare.reasons.join('; '), /is the article's "Hillary Clinton"/);
  });

  it('the same full name in a later article joins the cluster of that name; "Mrs. Clinton" and "Trump Jr." go to the right relatives', () => {
    const hillary = actorIn(record, 'Hillary Clinton')!;
    assert.ok(hillary.members.some((m) => m.article === docs[4]!.meta.id));
    assert.ok(hillary.members.some((m) => m.article === docs[5]!.meta.id && m.name === 'Mrs. Clinton'));
    assert.ok(actorIn(record, 'Donald Trump Jr.')!.members.some((m) => m.name === 'Trump Jr.'));
    assert.ok(!actorIn(record, 'Donald Trump')!.members.some((m) => m.name === 'Trump Jr.'));
  });

  it('finds actors in the store by any title-prefixed form of the name', () => {
    const store = attachRecord(openStore(dbs.at('apart.db')));
    for (const d of docs) store.putDocument(d);
    assert.equal(findActors(store.db, 'Former President Bill Clinton')[0]!.name, 'Bill Clinton');
    assert.equal(findActors(store.db, 'Sen. Jeb Bush')[0]!.name, 'Jeb Bush');
    store.close();
  });
});
}
