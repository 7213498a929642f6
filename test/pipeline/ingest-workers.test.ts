import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { documentToJSON, type Document } from '../../src/document/document.js';
import { expandSources } from '../../src/ingest/index.js';
import { packagePath } from '../../src/package-path.js';
import { attachRecord } from '../../src/record/index.js';
import { openStore, storeArticles, type StoreOutcome } from '../../src/store/index.js';
import { runPolity } from '../cli/run-polity.js';
import { createPipeline } from './fixtures/trouble-pipeline.js';

const dir = mkdtempSync(join(tmpdir(), 'polity-ingest-workers-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const wire = packagePath('test/pipeline/fixtures/wire');

interface Outcome {
  source: string;
  status: string;
  id?: string;
  reason?: string;
  warnings?: string[];
}

/**
 * Every row of every record table, in a stable order, with the times of the run (when each article was stored
 * and linked) masked: what the record concluded, to compare across runs.
 */
function recordRows(db: string): Record<string, unknown[]> {
  const store = openStore(db);
  try {
    const tables = store.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'record_%' ORDER BY name").pluck().all() as string[];
    const stamp = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z$/u;
    return Object.fromEntries(tables.map((t) => {
      const rows = (store.db.prepare(`SELECT * FROM ${t}`).all() as Record<string, unknown>[])
        .map((r) => JSON.stringify(Object.entries(r).map(([k, v]) => [k, typeof v === 'string' && stamp.test(v) ? '(time)' : v])))
        .sort();
      return [t, rows];
    }));
  } finally {
    store.close();
  }
}

/** Every stored document as JSON, by id. */
function storedDocuments(db: string): Map<string, unknown> {
  const store = openStore(db);
  try {
    return new Map(store.listArticles().map((a) => [a.id, documentToJSON(store.getDocument(a.id)!)]));
  } finally {
    store.close();
  }
}

const EXPECTED = [
  '01-harbour-bill.txt added',
  '02-council-walkout.txt added',
  '03-copy-of-harbour-bill.txt unchanged',
  '04-ceasefire-talks.txt added',
  '05-blank.txt failed',
  '06-budget-deal.txt added',
];
const statuses = (outcomes: readonly Outcome[]) => outcomes.map((o) => `${o.source.split('/').pop()} ${o.status}`);

describe('storeArticles with analyses in parallel', () => {
  it('stores in input order when later analyses finish first, and analyses a text read twice once', async () => {
    const store = openStore(join(dir, 'order.db'));
    const analysed: string[] = [];
    const pipeline = createPipeline();
    let remaining = 6;
    // Each analysis waits for more turns of the event loop than the next one, so they finish in reverse order.
    const reverse = async (doc: Document) => {
      analysed.push(doc.meta.origin!.split('/').pop()!);
      for (let turns = remaining-- * 3; turns > 0; turns--) await new Promise((r) => setImmediate(r));
      return pipeline.run(doc);
    };
    try {
      const outcomes: StoreOutcome[] = [];
      for await (const o of storeArticles(store, await expandSources([wire]), { analyze: reverse, concurrency: 4 })) outcomes.push(o);
      assert.deepEqual(statuses(outcomes), EXPECTED);
      assert.deepEqual(analysed, ['01-harbour-bill.txt', '02-council-walkout.txt', '04-ceasefire-talks.txt', '06-budget-deal.txt'], 'the copy waits for the first and is not analysed');
      assert.deepEqual(store.listArticles().map((a) => a.origin?.split('/').pop()).sort(), ['01-harbour-bill.txt', '02-council-walkout.txt', '04-ceasefire-talks.txt', '06-budget-deal.txt']);
    } finally {
      store.close();
    }
  });

  it('analyses the copy after all when the first analysis of its text fails', async () => {
    const store = openStore(join(dir, 'copy-after-failure.db'));
    const pipeline = createPipeline();
    let first = true;
    const failOnce = async (doc: Document) => {
      if (first && doc.meta.origin!.endsWith('01-harbour-bill.txt')) {
        first = false;
        throw new Error('stage actors failed: out of memory');
      }
      return pipeline.run(doc);
    };
    try {
      const outcomes: StoreOutcome[] = [];
      for await (const o of storeArticles(store, await expandSources([wire]), { analyze: failOnce, concurrency: 4 })) outcomes.push(o);
      assert.deepEqual(statuses(outcomes).slice(0, 3), ['01-harbour-bill.txt failed', '02-council-walkout.txt added', '03-copy-of-harbour-bill.txt added']);
    } finally {
      store.close();
    }
  });
});

describe('polity ingest --workers', () => {
  it('stores the same documents, the same record and the same outcomes on 1 worker, on 2 workers and in this thread', async () => {
    const here = join(dir, 'here.db');
    // With the record attached, as `polity ingest` does.
    const store = attachRecord(openStore(here));
    const inThread: StoreOutcome[] = [];
    try {
      for await (const o of storeArticles(store, await expandSources([wire]))) inThread.push(o);
    } finally {
      store.close();
    }
    const runs = [];
    for (const workers of ['1', '2']) {
      const db = join(dir, `workers-${workers}.db`);
      const run = await runPolity(['ingest', wire, '--db', db, '--workers', workers, '--json']);
      assert.equal(run.code, 1, `one blank file is refused: ${run.stderr}`);
      assert.match(run.stderr, /^polity: .*05-blank\.txt: empty file \(only white space\)$/mu);
      runs.push({ db, outcomes: (JSON.parse(run.stdout) as { articles: Outcome[] }).articles });
    }
    const withoutRef = inThread.map(({ ref: _ref, ...o }) => o as Outcome);
    assert.deepEqual(statuses(withoutRef), EXPECTED);
    const expectedDocs = storedDocuments(here);
    assert.equal(expectedDocs.size, 4);
    const expectedRecord = recordRows(here);
    assert.ok((expectedRecord.record_actors ?? []).length > 0, 'the record holds the articles\' actors');
    for (const { db, outcomes } of runs) {
      assert.deepEqual(outcomes, withoutRef);
      assert.deepEqual(storedDocuments(db), expectedDocs);
      assert.deepEqual(recordRows(db), expectedRecord);
    }
  });

  it('refuses a worker count or a budget that is not a positive number', async () => {
    const zero = await runPolity(['ingest', wire, '--db', join(dir, 'never.db'), '--workers', '0']);
    assert.equal(zero.code, 2);
    assert.match(zero.stderr, /'0' is not a whole number of 1 or more/u);
    const budget = await runPolity(['ingest', wire, '--db', join(dir, 'never.db'), '--article-timeout', 'soon']);
    assert.equal(budget.code, 2);
    assert.match(budget.stderr, /'soon' is not a number of seconds above 0/u);
  });

  const built = packagePath('dist/src/pipeline/worker.js');
  it('runs its workers from the built package (dist/) too', { skip: existsSync(built) ? false : 'no build in dist/ (npm run build)' }, () => {
    const db = join(dir, 'dist.db');
    const run = spawnSync(process.execPath, [packagePath('dist/src/cli/main.js'), 'ingest', wire, '--db', db, '--workers', '2', '--json'], { encoding: 'utf8' });
    assert.equal(run.status, 1, run.stderr);
    assert.deepEqual(statuses((JSON.parse(run.stdout) as { articles: Outcome[] }).articles), EXPECTED);
    assert.deepEqual([...storedDocuments(db).keys()].sort(), [...storedDocuments(join(dir, 'here.db')).keys()].sort());
  });
});
