/**
 * The queue and its workers over real connections: pg-boss on the machine's PostgreSQL (a schema of this run's
 * own, dropped after) and worker processes writing one store. Nothing here waits on a clock: each step waits
 * for a state (articles stored, jobs active, processes exited).
 */
import { strict as assert } from 'node:assert';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { packagePath } from '../../src/package-path.js';
import { ArticleQueue, ARTICLE_QUEUE, parseQueueUrl } from '../../src/queue/index.js';
import { attachRecord, loadRecord, rebuildRecord, type CrossRecord } from '../../src/record/index.js';
import { openStore } from '../../src/store/index.js';
import { runPolity } from '../cli/run-polity.js';
import { TestDbs, dialects } from '../helpers/test-db.js';

const dir = mkdtempSync(join(tmpdir(), 'polity-queue-'));
const QUEUE = `postgres://root@127.0.0.1:5432/test?schema=pgboss_test_${randomBytes(4).toString('hex')}`;
/**
 * The store the workers write: a PostgreSQL schema of this run's own, as on a shared server (a SQLite file when
 * POLITY_TEST_DIALECTS leaves PostgreSQL out: several processes can write one file too).
 */
const dbs = new TestDbs(dialects().includes('postgres') ? 'postgres' : 'sqlite', 'polity-queue');
const DB = dbs.at('shared.db');

let admin: ArticleQueue;
before(async () => {
  admin = await ArticleQueue.open(QUEUE);
});
/** Every worker started, so none outlives a failing test. */
const started: ChildProcess[] = [];
after(async () => {
  for (const p of started) if (p.exitCode === null && p.signalCode === null) p.kill('SIGKILL');
  await admin.dropSchema();
  await admin.stop();
  rmSync(dir, { recursive: true, force: true });
});

const PROVINCES = ['Sindh', 'Punjab', 'Balochistan', 'Khyber Pakhtunkhwa', 'Gilgit-Baltistan'];
const MINISTERS = ['Amina Shah', 'Tariq Lodhi', 'Zainab Marri', 'Imtiaz Gul', 'Rafia Noor', 'Sohail Baig', 'Nadia Khattak'];
const PARTIES = ['the Unity Party', 'the Progressive Front', 'the National League'];

/** The first `count` of 40 short articles written for this test, as a JSON Lines file, published over two months. */
function articles(count: number, name: string): string {
  const rows = [];
  for (let k = 0; k < count; k++) {
    const province = PROVINCES[k % PROVINCES.length]!;
    const minister = MINISTERS[k % MINISTERS.length]!;
    const party = PARTIES[k % PARTIES.length]!;
    const day = String(1 + (k % 28)).padStart(2, '0');
    const month = k % 2 === 0 ? '03' : '04';
    rows.push(JSON.stringify({
      title: `${province} cabinet approves ${k + 3} schemes`,
      published: `2024-${month}-${day}`,
      text: `KARACHI - The ${province} cabinet approved ${k + 3} development schemes on Monday, Minister ${minister} of ${party} said.\n\n` +
        `"We will complete the first ${k + 2} schemes by June," ${minister} told reporters after the meeting.`,
    }));
  }
  const file = join(dir, name);
  writeFileSync(file, `${rows.join('\n')}\n`);
  return file;
}

interface Proc {
  proc: ChildProcess;
  stdout: string;
  stderr: string;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** A `polity worker` holding 2 jobs (its thread's share), so the first worker up leaves jobs for the others. */
function startWorker(extra: string[] = []): Proc {
  const proc = spawn(process.execPath, ['--import', 'tsx', packagePath('src/cli/main.ts'), 'worker', '--db', DB, '--queue', QUEUE, '--workers', '1', '--jobs-per-thread', '2', '--check-interval', '1', ...extra], {
    cwd: packagePath('.'),
    env: { ...process.env, NO_COLOR: '1', POLITY_DB: undefined, POLITY_QUEUE: undefined },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(proc);
  const p: Proc = { proc, stdout: '', stderr: '', exit: new Promise((resolve) => proc.on('exit', (code, signal) => resolve({ code, signal }))) };
  proc.stdout!.on('data', (c: Buffer) => (p.stdout += c.toString()));
  proc.stderr!.on('data', (c: Buffer) => (p.stderr += c.toString()));
  return p;
}

/** Waits (polling, no deadline of its own: the test's timeout is the bound) until `ready()` holds. */
async function until(ready: () => boolean | Promise<boolean>, what: string, alive: Proc[] = []): Promise<void> {
  for (;;) {
    if (await ready()) return;
    for (const p of alive) if (p.proc.exitCode !== null) throw new Error(`a worker exited while waiting for ${what}: ${p.stderr}`);
    await sleep(200);
  }
}

const { schema } = parseQueueUrl(QUEUE);
interface JobRow {
  id: string;
  kind: 'article' | 'url';
  state: string;
  retry_count: number;
  output: { message?: string; name?: string } | null;
}
async function jobs(): Promise<JobRow[]> {
  const { rows } = await admin.boss.getDb().executeSql(
    `SELECT id::text AS id, data->>'kind' AS kind, state::text AS state, retry_count, output FROM ${schema}.job WHERE name = $1`, [ARTICLE_QUEUE]);
  return rows as JobRow[];
}

/** What a record concludes whatever order its articles came in: who is one actor, and how many of each thing. */
function conclusions(record: CrossRecord) {
  const clusters = record.actors.map((a) => a.members.map((m) => `${m.article}/${m.local}`).sort().join(' ')).sort();
  const { actors: _a, newest, ...rest } = record;
  return { clusters, newest, counts: Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, (v as unknown[]).length])) };
}

describe('polity enqueue and polity worker', () => {
  it('store every article exactly once with a worker killed mid-job, the record consistent, failures kept with their reason', { timeout: 900_000 }, async () => {
    const some = articles(10, 'first.jsonl');
    const all40 = articles(40, 'all.jsonl');
    // Two workers wait on the empty queue, so both take jobs from the first one on.
    const a = startWorker();
    const b = startWorker();
    await until(() => [a, b].every((p) => /worker: ready, 1 analysis thread taking jobs\n/u.test(p.stderr)), 'both workers to be ready', [a, b]);
    // A URL nothing answers at: fetched by a worker, tried twice, then kept as failed.
    const bad = await runPolity(['enqueue', 'http://127.0.0.1:9/gone', '--queue', QUEUE, '--retries', '1']);
    assert.match(bad.stdout, /^1 read, 1 queued/u, bad.stderr);
    // An article refused for what it is (a sentence over the token limit): failed at its first try, not retried.
    const long = join(dir, 'long.txt');
    writeFileSync(long, `LAHORE - ${Array.from({ length: 2_100 }, (_, i) => (i % 7 === 0 ? 'council' : 'members')).join(' ')} met.\n`);
    const refused = await runPolity(['enqueue', long, '--queue', QUEUE, '--published', '2024-03-02']);
    assert.match(refused.stdout, /^1 read, 1 queued/u, refused.stderr);
    const first = await runPolity(['enqueue', some, '--queue', QUEUE, '--job-expiry', '10']);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /^10 read, 10 queued, 0 already queued, 0 failed in [\d.]+s\n$/u);

    // Both store articles, each in its own transaction with its record update, at the same time.
    const working = (p: Proc) => /: added\n/u.test(p.stderr);
    await until(() => working(a) && working(b), 'both workers to store an article', [a, b]);
    // B is sent SIGTERM: it finishes the jobs in its hand and exits by itself, while A goes on. (A is not frozen
    // before B is gone: frozen inside its transaction, it would hold the store's write lock that B waits for.)
    b.proc.kill('SIGTERM');
    const bExit = await b.exit;
    assert.equal(bExit.signal, null, b.stderr);
    assert.ok(bExit.code === 0 || bExit.code === 1, b.stderr);
    assert.match(b.stdout, /^\d+ jobs, \d+ added, \d+ unchanged, \d+ failed in [\d.]+s\n$/u);
    a.proc.kill('SIGSTOP');
    // A is frozen (it can neither finish a job nor take one; with B gone, no one waits for a lock it may hold),
    // and the rest of the articles are queued for it: enqueueing is keyed on each article's content
    // hash, so the first ten are not queued twice.
    const rest = await runPolity(['enqueue', all40, '--queue', QUEUE, '--job-expiry', '10']);
    assert.match(rest.stdout, /^40 read, 30 queued, 10 already queued, 0 failed/u, rest.stderr);
    const again = await runPolity(['enqueue', all40, '--queue', QUEUE]);
    assert.match(again.stdout, /^40 read, 0 queued, 40 already queued, 0 failed/u);
    // What A sent before it was frozen (a job's completion) may still be committing: the jobs A holds are the
    // active ones once two reads agree.
    const activeNow = async (): Promise<JobRow[]> => {
      for (let before = await jobs(); ;) {
        await sleep(300);
        const now = await jobs();
        const key = (js: JobRow[]) => js.map((j) => `${j.id}:${j.state}`).sort().join(' ');
        if (key(now) === key(before)) return now;
        before = now;
      }
    };
    let held: string[] = [];
    for (;;) {
      const now = await activeNow();
      held = now.filter((j) => j.state === 'active').map((j) => j.id);
      if (held.length > 0) break;
      assert.ok(now.some((j) => j.state === 'created' || j.state === 'retry'), 'jobs left for A to take when it is killed');
      // A was between two jobs: let it take the next one. Resumed for 5 ms at a time, less than any job takes, so
      // it is caught holding one instead of finishing the queue's jobs between looks (50 ms windows let it do so).
      a.proc.kill('SIGCONT');
      await sleep(5);
      a.proc.kill('SIGSTOP');
    }
    a.proc.kill('SIGKILL');
    assert.equal((await a.exit).signal, 'SIGKILL');
    // A third worker finishes the queue, the killed worker's jobs too once they expire.
    const c = startWorker(['--idle-exit', '3']);
    const cExit = await c.exit;
    assert.ok(cExit.code === 0 || cExit.code === 1, c.stderr);

    // Every job is done but the URL; the jobs A held when it was killed expired and were taken again.
    const all = await jobs();
    const articlesDone = all.filter((j) => j.kind === 'article' && j.state === 'completed');
    assert.equal(articlesDone.length, 40, JSON.stringify(all.filter((j) => j.state !== 'completed')));
    const refusedJob = all.find((j) => j.kind === 'article' && j.state === 'failed');
    assert.ok(refusedJob, 'the over-long article failed');
    assert.equal(refusedJob.retry_count, 0, 'a refused article is not tried again');
    assert.equal(refusedJob.output?.name, 'JobRefusedError');
    assert.match(refusedJob.output?.message ?? '', /sentence \d+ has more than 2000 tokens/u);
    for (const id of held) {
      const j = all.find((x) => x.id === id)!;
      if (j.kind === 'url') continue;
      assert.equal(j.state, 'completed');
      assert.ok(j.retry_count >= 1, `job ${id}, held by the killed worker, was taken again`);
    }
    assert.ok(!all.some((j) => j.output?.message?.includes('shut down while active')), 'SIGTERM let B finish its jobs');
    const status = await runPolity(['queue', 'status', '--queue', QUEUE]);
    assert.equal(status.code, 0, status.stderr);
    const [counts, ...failures] = status.stdout.trimEnd().split('\n');
    assert.equal(counts, '0 waiting, 0 active, 40 done, 2 failed');
    assert.deepEqual(failures.map((l) => l.replace(/^(.*?: .*?): .*$/u, '$1')).sort(), [`failed: http://127.0.0.1:9/gone`, `refused (not retried): ${long}`].sort(), status.stdout);

    // Every article exactly once.
    const store = openStore(DB);
    const stored = store.listArticles();
    assert.equal(stored.length, 40);
    assert.equal(new Set(stored.map((s) => s.contentHash)).size, 40);
    // The record several workers wrote at once is the record of its articles taken in one after the other, in
    // the order they committed: no update lost or applied twice.
    // (Each article here names someone, so its actors' member rows, in insertion order, give the commit order.)
    const order = store.db.prepare('SELECT article_id FROM record_actor_members GROUP BY article_id ORDER BY min(rowid)').pluck().all() as string[];
    assert.equal(order.length, 40);
    const serial = attachRecord(openStore(dbs.at('serial.db')));
    for (const id of order) serial.putDocument(store.getDocument(id)!);
    const concurrent = loadRecord(store.db);
    assert.deepEqual(concurrent, loadRecord(serial.db));
    // `polity record rebuild` takes the articles in publication order instead: actor ids (made from an actor's
    // first article) and which report came first differ, the conclusions do not.
    rebuildRecord(store);
    assert.deepEqual(conclusions(loadRecord(store.db)), conclusions(concurrent));
    serial.close();
    store.close();
  });
});
