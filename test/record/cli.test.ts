import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { before, describe, it } from 'node:test';
import { packagePath } from '../../src/package-path.js';
import { openStore } from '../../src/store/index.js';
import { miniArc } from './mini-arc.js';
import { TestDbs, dialects } from '../helpers/test-db.js';

for (const dialect of dialects()) {
const dbs = new TestDbs(dialect, 'polity-record-cli');
const db = dbs.at('cli.db');

before(() => {
  const store = openStore(db);
  for (const doc of miniArc()) store.putDocument(doc);
  store.close();
});

function polity(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', packagePath('src/cli/main.ts'), ...args], { encoding: 'utf8', cwd: packagePath('.') });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe(`record commands (${dialect})`, () => {
  it('polity actor prints a profile under a spelling variant, as text and as JSON', () => {
    const text = polity('actor', 'Tariq Mehmud Qureshi', '--db', db);
    assert.equal(text.status, 0, text.stderr);
    assert.match(text.stdout, /^Tariq Mehmood Qureshi \(PERSON/);
    assert.match(text.stdout, /Federal Minister for Ports and Shipping: … → 2024-01-11/);
    assert.match(text.stdout, /closed \[[0-9a-f]{8} 2024-01-12 s0 @\d+\] "resigned as Federal Minister for Ports and Shipping"/);
    const json = JSON.parse(polity('actor', 'Qureshi', '--db', db, '--json').stdout) as { actor: { id: string } };
    assert.match(json.actor.id, /^tariq-mehmood-qureshi-[0-9a-f]{10}$/);
  });

  it('polity actor quotes at most --evidence sources per item and gives the full count', () => {
    type Profile = { events: { sources: unknown[]; sourceCount?: number }[] };
    const all = JSON.parse(polity('actor', 'Qureshi', '--db', db, '--json', '--evidence', 'all').stdout) as Profile;
    const one = JSON.parse(polity('actor', 'Qureshi', '--db', db, '--json', '--evidence', '1').stdout) as Profile;
    assert.ok(all.events.some((e) => e.sources.length > 1), 'the arc has an event with several reports');
    assert.equal(one.events.length, all.events.length);
    one.events.forEach((e, k) => {
      assert.equal(e.sources.length, 1);
      assert.equal(e.sourceCount ?? 1, all.events[k]!.sourceCount ?? all.events[k]!.sources.length);
    });
    const bad = polity('actor', 'Qureshi', '--db', db, '--evidence', '0');
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /'0' is not a count of 1 or more, or "all"/);
  });

  it('polity state --as-of tells who held the ports ministry', () => {
    assert.match(polity('state', '--as-of', '2024-01-05', '--db', db).stdout, /Tariq Mehmood Qureshi: Federal Minister for Ports and Shipping/);
    const between = polity('state', '--as-of', '2024-02-01', '--db', db).stdout;
    assert.doesNotMatch(between, /: Federal Minister for Ports and Shipping/);
    assert.match(polity('state', '--as-of', '2024-02-20', '--db', db).stdout, /Imran Baloch: Federal Minister for Ports and Shipping \(since 2024-02-09\)/);
  });

  it('polity commitments filters by status', () => {
    const broken = JSON.parse(polity('commitments', '--status', 'broken', '--db', db, '--json').stdout) as { what: { text: string } }[];
    assert.deepEqual(broken.map((c) => c.what.text), ['set up a Port Qasimabad Development Authority']);
    assert.match(polity('commitments', '--db', db).stdout, /\[kept\] Faisal Rehman Chaudhry → Rural People's League: "visit Port Qasimabad"/);
  });

  it('polity quotes, timeline and search answer with evidence', () => {
    assert.match(polity('quotes', '--speaker', 'Nadia Baloch', '--about', 'Port Qasimabad', '--db', db).stdout, /Nadia Baloch \(indirect\): "the government would not set up/);
    const timeline = polity('timeline', '--actor', 'Faisal Rehman Chaudhry', '--from', '2024-03-01', '--db', db).stdout;
    assert.match(timeline, /2024-03-04 {2}CONSULT: Faisal Rehman Chaudhry \(2 reports\)/);
    assert.match(timeline, /Faisal Rehman Chaudhry kept: visit Port Qasimabad/);
    assert.match(polity('search', 'still', 'released', '--db', db).stdout, /quote {3}[0-9a-f]{8}:s1 .*\[still\]/);
  });

  it('polity actors split and merge persist and change the answers', () => {
    const split = polity('actors', 'split', 'Tariq Mehmood Qureshi', '--alias', 'Tariq Mehmud Qureshi', '--db', db);
    assert.equal(split.status, 0, split.stderr);
    assert.match(polity('actors', '--type', 'PERSON', '--db', db).stdout, /tariq-mehmud-qureshi-[0-9a-f]{10} +PERSON +Tariq Mehmud Qureshi/);
    assert.equal(polity('actors', 'merge', 'Tariq Mehmood Qureshi', 'Tariq Mehmud Qureshi', '--db', db).status, 0);
    assert.doesNotMatch(polity('actors', '--db', db).stdout, /tariq-mehmud-qureshi/);
    assert.equal(polity('actors', 'split', 'Qureshi', '--db', db).status, 2);
  });

  it('polity record rebuild reports what it built', () => {
    assert.match(polity('record', 'rebuild', '--db', db).stdout, /^\d+ articles, \d+ actors, \d+ offices, \d+ relations, 2 events, 3 commitments, 4 statements in [\d.]+s\n$/);
  });

  it('fails with exit code 3 and a message for an unknown actor or a missing database', () => {
    const unknown = polity('actor', 'Nobody Known', '--db', db);
    assert.equal(unknown.status, 3);
    assert.match(unknown.stderr, /no actor matches "Nobody Known"/);
    const missing = polity('state', '--db', `${dbs.tmp}/missing.db`);
    assert.equal(missing.status, 3);
    assert.match(missing.stderr, /no database .*missing\.db/);
    assert.equal(polity('state', '--as-of', 'yesterday', '--db', db).status, 2);
  });
});
}
