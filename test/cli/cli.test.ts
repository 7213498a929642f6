import { strict as assert } from 'node:assert';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { EXIT } from '../../src/cli/exit-codes.js';
import { packagePath } from '../../src/package-path.js';
import { openStore } from '../../src/store/index.js';
import { recordIsStale } from '../../src/record/index.js';
import { validateDocument } from '../schema/validate.js';
import { harbourDocument } from '../store/fixtures/articles.js';
import { runPolity } from './run-polity.js';
import { TestDbs, dialects } from '../helpers/test-db.js';

const dir = mkdtempSync(join(tmpdir(), 'polity-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const batch = packagePath('test/cli/fixtures/batch');
const SUMMARY = /^(\d+) read, (\d+) added, (\d+) unchanged, (\d+) failed in \d+\.\ds$/m;

for (const dialect of dialects()) {
const dbs = new TestDbs(dialect, 'polity-cli-ingest');
const dir = dbs.tmp;

describe(`polity ingest (${dialect})`, () => {
  it('stores every good article of a batch, names the bad file, and exits 1', async () => {
    const db = dbs.at('batch.db');
    const first = await runPolity(['ingest', batch, '--db', db]);
    assert.equal(first.code, EXIT.SOME_FAILED, first.stderr);
    assert.deepEqual(SUMMARY.exec(first.stdout)?.slice(1), ['4', '3', '0', '1']);
    assert.match(first.stderr, /^polity: .*not-text\.txt: binary file, not text$/m);
    const other = first.stderr.trim().split('\n').filter((l) => !l.includes('not-text.txt'));
    assert.ok(other.every((l) => /^polity: ingest: (?:\d+\/4 articles, \d+ added, \d+ unchanged, \d+ failed|record)$/.test(l)), 'on a non-terminal, only plain progress lines besides the refusal');
    const store = openStore(db);
    assert.deepEqual(store.listArticles().map((a) => a.origin!.split('/').pop()).sort(), ['budget-vote.txt', 'coalition-talks.txt', 'mayor-resigns.txt']);
    const budget = store.listArticles().find((a) => a.origin!.endsWith('budget-vote.txt'))!;
    assert.equal(budget.datelinePlace, 'Velmora');
    assert.ok(store.getDocument(budget.id)!.sentences.length >= 4, 'stored documents are analysed');
    assert.equal(recordIsStale(store.db), false, 'the cross-article record is brought up to date by the ingest');
    assert.ok((store.db.prepare('SELECT count(*) FROM record_actors').pluck().get() as number) > 0);
    store.close();

    const again = await runPolity(['ingest', batch, '--db', db]);
    assert.equal(again.code, EXIT.SOME_FAILED);
    assert.deepEqual(SUMMARY.exec(again.stdout)?.slice(1), ['4', '0', '3', '1'], 'a second ingest changes nothing');
  });

  it('reports each article as JSON, takes the database from POLITY_DB, and exits 0 when nothing fails', async () => {
    const db = dbs.at('env.db');
    const good = join(dir, 'good');
    mkdirSync(good);
    copyFileSync(join(batch, 'mayor-resigns.txt'), join(good, 'mayor-resigns.txt'));
    writeFileSync(join(good, 'briefly.txt'), 'ORAN BAY - The Civic Union named a new spokesperson on Sunday, a day before talks resume.\n');
    const run = await runPolity(['ingest', good, '--json', '--published', '2024-04-07'], { POLITY_DB: db });
    assert.equal(run.code, EXIT.OK, run.stderr);
    const report = JSON.parse(run.stdout) as { read: number; added: number; articles: { source: string; status: string; id: string }[] };
    assert.equal(report.read, 2);
    assert.equal(report.added, 2);
    assert.deepEqual(report.articles.map((a) => [a.source.split('/').pop(), a.status]), [['briefly.txt', 'added'], ['mayor-resigns.txt', 'added']]);
    assert.match(run.stderr, SUMMARY, 'with --json the summary goes to stderr');
    const store = openStore(db);
    assert.equal(store.getDocument(report.articles[0]!.id)!.meta.published, '2024-04-07');
    store.close();
  });

  it('refuses an unreadable --published date as a usage error', async () => {
    const run = await runPolity(['ingest', batch, '--db', join(dir, 'never.db'), '--published', 'the other day']);
    assert.equal(run.code, EXIT.USAGE);
    assert.match(run.stderr, /'the other day' is not a calendar date/);
  });
});
}

describe('polity analyze', () => {
  it('prints schema-valid document JSON with the given publication date', async () => {
    const run = await runPolity(['analyze', join(batch, 'mayor-resigns.txt'), '--json', '--published', '14 March 2024']);
    assert.equal(run.code, EXIT.OK, run.stderr);
    const json = JSON.parse(run.stdout);
    assert.deepEqual(validateDocument(json), []);
    assert.equal(json.meta.published, '2024-03-14');
    assert.equal(json.meta.publishedSource, 'option');
    assert.equal(json.meta.dateline.place, 'Port Salwa');
  });

  it('prints a short summary without --json, and exits 1 on an input it refuses', async () => {
    const run = await runPolity(['analyze', join(batch, 'budget-vote.txt')]);
    assert.equal(run.code, EXIT.OK, run.stderr);
    assert.match(run.stdout, /^Opposition walks out of budget session$/m);
    assert.match(run.stdout, /dateline Velmora/);
    assert.match(run.stdout, /\d+ sentences, \d+ mentions, \d+ actors/);
    const bad = await runPolity(['analyze', join(batch, 'not-text.txt'), '--json']);
    assert.equal(bad.code, EXIT.SOME_FAILED);
    assert.equal(bad.stdout, '');
    assert.match(bad.stderr, /^polity: .*not-text\.txt: binary file, not text$/m);
  });
});

for (const dialect of dialects()) {
const dbs = new TestDbs(dialect, 'polity-cli-show');

describe(`polity show (${dialect})`, () => {
  const db = dbs.at('show.db');
  const doc = harbourDocument();
  const store = openStore(db);
  store.putDocument(doc);
  store.close();

  it('prints a stored article with mentions, quotes and triggers marked, a legend and the layer lists', async () => {
    const run = await runPolity(['show', doc.meta.id.slice(0, 5), '--db', db]);
    assert.equal(run.code, EXIT.OK, run.stderr);
    assert.match(run.stdout, /^legend: /m);
    assert.ok(run.stdout.includes('[Harbour Minister]TTL [Dana Okafor]PER said on <Tuesday> that «the [Coastal Alliance]PTY would *back*SUPPORT the dredging bill».'), run.stdout);
    assert.ok(run.stdout.includes('«We will fund the new quay before the monsoon,»'));
    assert.doesNotMatch(run.stdout, /\x1b\[/, 'no colours into a pipe');
    assert.match(run.stdout, /^Statements \(2\)$/m);
    assert.match(run.stdout, /q2 direct — Dana Okafor \(tell\): “We will fund the new quay before the monsoon,”\n\s+"We will fund the new quay before the monsoon," Okafor told reporters/);
    assert.match(run.stdout, /e2 CONSULT \/ meet \/ CAMEO 040: Dana Okafor → Ilyas Brandt — trigger “meeting”/);
    assert.match(run.stdout, /k1 promise by Dana Okafor \[open\]: “fund the new quay”/);
  });

  it('colours the output when asked, even into a pipe', async () => {
    const run = await runPolity(['show', doc.meta.id, '--db', db, '--color']);
    assert.equal(run.code, EXIT.OK, run.stderr);
    assert.ok(run.stdout.includes('\x1b[36m[\x1b[0m\x1b[36mDana Okafor\x1b[0m\x1b[36m]\x1b[0m'), 'a person in cyan, brackets included');
    assert.match(run.stdout, /\x1b\[4mWe will fund/, 'quoted content underlined');
  });

  it('analyses a file on the fly, and exits 3 for an id it cannot find', async () => {
    const file = await runPolity(['show', join(batch, 'coalition-talks.txt')]);
    assert.equal(file.code, EXIT.OK, file.stderr);
    assert.match(file.stdout, /^Coalition partners resume talks over portfolios$/m);
    assert.match(file.stdout, /dateline Oran Bay \(Wirepost\)/);
    const missing = await runPolity(['show', 'deadbeef', '--db', db]);
    assert.equal(missing.code, EXIT.FAILED);
    assert.match(missing.stderr, /no article in .*show(\.db)? whose id starts with deadbeef/);
  });
});
}
