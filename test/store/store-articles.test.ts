import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { analyze } from '../../src/analyze.js';
import { ArticleBoundsError } from '../../src/pipeline/budget.js';
import type { Document } from '../../src/document/document.js';
import { expandSources } from '../../src/ingest/index.js';
import { packagePath } from '../../src/package-path.js';
import { openStore, storeArticles, type StoreArticlesOptions, type StoreOutcome } from '../../src/store/index.js';
import { harbourDocument } from './fixtures/articles.js';
import { TestDbs, dialects } from '../helpers/test-db.js';

for (const dialect of dialects()) {
const dbs = new TestDbs(dialect, 'polity-store-articles');

const batch = packagePath('test/cli/fixtures/batch');

async function run(db: string, opts: StoreArticlesOptions = {}): Promise<StoreOutcome[]> {
  const store = openStore(db);
  try {
    const outcomes: StoreOutcome[] = [];
    for await (const o of storeArticles(store, await expandSources([batch]), opts)) outcomes.push(o);
    return outcomes;
  } finally {
    store.close();
  }
}

const statuses = (outcomes: StoreOutcome[]) => outcomes.map((o) => `${o.source.split('/').pop()} ${o.status}`);

describe(`storeArticles (${dialect})`, () => {
  it('analyses and stores each article once, and does not analyse a stored text again', async () => {
    const db = dbs.at('once.db');
    const analysed: string[] = [];
    const counting = (doc: Document) => {
      analysed.push(doc.meta.origin!);
      return analyze(doc);
    };
    const first = await run(db, { analyze: counting });
    assert.deepEqual(statuses(first), ['budget-vote.txt added', 'coalition-talks.txt added', 'mayor-resigns.txt added', 'not-text.txt failed']);
    assert.deepEqual(first.map((o) => o.ref), [0, 1, 2, 3]);
    assert.equal(analysed.length, 3);
    const again = await run(db, { analyze: counting });
    assert.deepEqual(statuses(again), ['budget-vote.txt unchanged', 'coalition-talks.txt unchanged', 'mayor-resigns.txt unchanged', 'not-text.txt failed']);
    assert.equal(analysed.length, 3, 'stored texts are not analysed again');
  });

  it('replaces stored articles and their layer rows when asked to reanalyse', async () => {
    const db = dbs.at('again.db');
    await run(db);
    const store = openStore(db);
    const before = store.db.prepare('SELECT count(*) FROM articles').pluck().get();
    store.close();
    const redone = await run(db, { reanalyze: true });
    assert.deepEqual(statuses(redone).slice(0, 3), ['budget-vote.txt replaced', 'coalition-talks.txt replaced', 'mayor-resigns.txt replaced']);
    const after = openStore(db);
    assert.equal(after.db.prepare('SELECT count(*) FROM articles').pluck().get(), before);
    after.close();
  });

  it('reports an article whose analysis fails and stores the others', async () => {
    const db = dbs.at('failing.db');
    const outcomes = await run(db, {
      analyze: (doc) => {
        if (doc.meta.origin!.endsWith('coalition-talks.txt')) throw new Error('stage actors failed: out of memory');
        return analyze(doc);
      },
    });
    const failed = outcomes.find((o) => o.source.endsWith('coalition-talks.txt'))!;
    assert.equal(failed.status, 'failed');
    assert.equal(failed.status === 'failed' && failed.reason, 'stage actors failed: out of memory');
    // Not a refusal: a plain error may not happen again.
    assert.equal(failed.status === 'failed' && failed.refused, undefined);
    const store = openStore(db);
    assert.equal(store.listArticles().length, 2);
    store.close();
  });

  it('marks an article refused for what it is (a bound) apart from one that ran out of time', async () => {
    const outcomes = await run(dbs.at('bounds.db'), {
      analyze: (doc) => {
        if (doc.meta.origin!.endsWith('coalition-talks.txt')) throw new ArticleBoundsError('sentence 4 has more than 2000 tokens (the limit)');
        if (doc.meta.origin!.endsWith('budget-vote.txt')) throw new ArticleBoundsError('analysis took over 60 s (stopped after stage time)', false);
        return analyze(doc);
      },
    });
    const failures = outcomes.flatMap((o) => (o.status === 'failed' ? [`${o.source.split('/').pop()} ${o.refused ? 'refused' : 'may pass again'}`] : []));
    assert.deepEqual(failures, ['budget-vote.txt may pass again', 'coalition-talks.txt refused', 'not-text.txt may pass again']);
  });
});

describe(`SqliteStore.putDocument with replace (${dialect})`, () => {
  it('swaps the article and its layer rows for the new analysis in one step', () => {
    const store = openStore(dbs.at('replace.db'));
    const doc = harbourDocument();
    store.putDocument(doc);
    const fewer = harbourDocument();
    fewer.mentions.splice(2);
    fewer.actors[0]!.mentions = ['m2'];
    assert.equal(store.putDocument(fewer, { replace: true }), 'replaced');
    assert.equal(store.db.prepare('SELECT count(*) FROM mentions').pluck().get(), 2);
    assert.equal(store.getDocument(doc.meta.id)!.mentions.length, 2);
    assert.equal(store.putDocument(harbourDocument(7), { replace: true }), 'added');
    store.close();
  });
});
}
