import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { createDocument, documentToJSON } from '../../src/document/document.js';
import { expandSources } from '../../src/ingest/index.js';
import { AnalysisPool, AnalysisTimeoutError, workerEntry } from '../../src/pipeline/pool.js';
import { openStore, storeArticles, type StoreOutcome } from '../../src/store/index.js';
import { createPipeline } from './fixtures/trouble-pipeline.js';

const dir = mkdtempSync(join(tmpdir(), 'polity-pool-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const trouble = new URL('./fixtures/trouble-pipeline.ts', import.meta.url);
const broken = new URL('./fixtures/broken-pipeline.ts', import.meta.url);

/** A folder of short articles, one per line of `texts`, named 1.txt, 2.txt … in order. */
function folder(name: string, texts: string[]): string {
  const path = join(dir, name);
  mkdirSync(path);
  texts.forEach((t, i) => writeFileSync(join(path, `${i + 1}.txt`), t));
  return path;
}

/** Ingests the folder through `pool` into a new SQLite file; the outcomes and what was stored. */
async function ingest(name: string, texts: string[], pool: AnalysisPool): Promise<{ outcomes: StoreOutcome[]; stored: number }> {
  const store = openStore(join(dir, `${name}.db`));
  try {
    const outcomes: StoreOutcome[] = [];
    const refs = await expandSources([folder(name, texts)]);
    for await (const o of storeArticles(store, refs, { analyze: (d) => pool.analyze(d), concurrency: 2 * pool.size })) outcomes.push(o);
    return { outcomes, stored: store.listArticles().length };
  } finally {
    store.close();
    await pool.close();
  }
}

/** Each outcome as a line; "failed (refused)" is an article that would fail the same way again (refusesAgain). */
const summary = (outcomes: StoreOutcome[]) => outcomes.map((o) => `${o.source.split('/').pop()} ${o.status === 'failed' ? `failed${o.refused ? ' (refused)' : ''}: ${o.reason}` : o.status}`);

describe('AnalysisPool', () => {
  it('analyses documents on worker threads and fills their layers in place, as the same pipeline does here', async () => {
    const pool = new AnalysisPool({ workers: 2, pipelineModule: trouble });
    try {
      await pool.ready();
      const texts = ['The council met on Monday.', 'Envoys resumed talks in Dorvan.', 'The mayor resigned.', 'Voters went to the polls.'];
      const docs = texts.map((t) => createDocument(t));
      const results = await Promise.all(docs.map((d) => pool.analyze(d)));
      assert.deepEqual(results.map((r) => r.timings.map((t) => t.stage)), texts.map(() => ['words', 'trouble']));
      for (const [i, text] of texts.entries()) {
        const here = await createPipeline().run(createDocument(text));
        assert.deepEqual(documentToJSON(docs[i]!), documentToJSON(here.doc));
        // The JSON the store keeps, made in the worker, is that of the document filled in place here.
        assert.equal(results[i]!.json, JSON.stringify(documentToJSON(docs[i]!)));
      }
      assert.equal(pool.startupMs.length, 2, 'two workers started, none replaced');
    } finally {
      await pool.close();
    }
  });

  it('refuses an article whose analysis runs over the time budget, replaces its worker and goes on with the batch', async () => {
    const pool = new AnalysisPool({ workers: 1, articleTimeoutS: 2, pipelineModule: trouble });
    const { outcomes, stored } = await ingest('slow', ['The council met.', 'The count [loops] for ever.', 'The mayor resigned.'], pool);
    assert.deepEqual(summary(outcomes), ['1.txt added', '2.txt failed: analysis took longer than 2 s', '3.txt added']);
    assert.equal(stored, 2);
    assert.equal(pool.startupMs.length, 2, 'the stuck worker was replaced once');
  });

  it('counts the budget from when the worker starts an article, not from when it was handed the article', async () => {
    // Each article holds the one worker for 2 s of a 3 s budget; the second waits 2 s in the worker behind the first.
    const pool = new AnalysisPool({ workers: 1, articleTimeoutS: 3, pipelineModule: trouble });
    const { outcomes, stored } = await ingest('budget', ['The council [stalls 2000] met.', 'The mayor [stalls 2000] resigned.', 'Voters went to the polls.'], pool);
    assert.deepEqual(summary(outcomes), ['1.txt added', '2.txt added', '3.txt added']);
    assert.equal(stored, 3);
    assert.equal(pool.startupMs.length, 1, 'no worker was replaced');
  });

  it('gives a worker its next article before it finishes one, so it goes on while this thread is blocked', async () => {
    const pool = new AnalysisPool({ workers: 1, pipelineModule: trouble });
    try {
      await pool.ready();
      const signal = new SharedArrayBuffer(4);
      const first = createDocument('The council [stalls 200] met.');
      const second = createDocument('The mayor [signals] resigned.');
      (second.meta as { signal?: SharedArrayBuffer }).signal = signal;
      const done = Promise.all([pool.analyze(first), pool.analyze(second)]);
      // This thread blocks now, as it does in a long store write: it cannot read the first result or send anything.
      // The worker sets the flag when it analyses the second article, which it can only do if it holds it already.
      const woke = Atomics.wait(new Int32Array(signal), 0, 0, 60_000);
      assert.notEqual(woke, 'timed-out', 'the worker started the second article while this thread was blocked');
      const results = await done;
      assert.deepEqual(results.map((r) => r.timings.map((t) => t.stage)), [['words', 'trouble'], ['words', 'trouble']]);
    } finally {
      await pool.close();
    }
  });

  it('refuses the article of a worker that crashes or exits, and the others are stored', async () => {
    const pool = new AnalysisPool({ workers: 2, pipelineModule: trouble });
    const texts = ['The council met.', 'The clerk [exits] early.', 'The mayor resigned.', 'A timer [crashes] later.', 'The vote [fails] to parse.', 'Envoys met again.'];
    const { outcomes, stored } = await ingest('crash', texts, pool);
    assert.deepEqual(summary(outcomes), [
      '1.txt added',
      '2.txt failed: analysis worker exited with code 7',
      '3.txt added',
      '4.txt failed: analysis worker crashed: lost the thread in a callback',
      // A stage that throws on the text throws again on a retry; a crashed or exited thread says nothing of the article.
      '5.txt failed (refused): stage trouble failed: no verb found',
      '6.txt added',
    ]);
    assert.equal(stored, 3);
  });

  it('refuses every article, once, when no worker can load its pipeline', async () => {
    const pool = new AnalysisPool({ workers: 2, pipelineModule: broken });
    const { outcomes, stored } = await ingest('broken', ['The council met.', 'The mayor resigned.'], pool);
    assert.deepEqual(summary(outcomes), ['1.txt failed: analysis worker could not start: lexicon file missing', '2.txt failed: analysis worker could not start: lexicon file missing']);
    assert.equal(stored, 0);
  });

  it('names the budget in seconds as given', () => {
    assert.equal(new AnalysisTimeoutError(30).message, 'analysis took longer than 30 s');
    assert.equal(new AnalysisTimeoutError(0.5).message, 'analysis took longer than 0.5 s');
  });
});

describe('workerEntry', () => {
  it('starts worker.js beside a built module and worker.ts beside a source module', () => {
    const built = join(dir, 'built');
    mkdirSync(built);
    writeFileSync(join(built, 'pool.js'), '');
    writeFileSync(join(built, 'worker.js'), '');
    assert.equal(workerEntry(pathToFileURL(join(built, 'pool.js'))).href, pathToFileURL(join(built, 'worker.js')).href);
    const source = join(dir, 'source');
    mkdirSync(source);
    writeFileSync(join(source, 'pool.ts'), '');
    writeFileSync(join(source, 'worker.ts'), '');
    assert.equal(workerEntry(pathToFileURL(join(source, 'pool.ts'))).href, pathToFileURL(join(source, 'worker.ts')).href);
  });
});
