/**
 * WAL checkpoints on a thread of their own, so the one writer never waits for them. In WAL mode a commit only
 * appends pages to the -wal file (no fsync with synchronous=NORMAL); a checkpoint copies them back into the
 * database file and fsyncs both, and SQLite runs it inside the commit that takes the WAL past
 * wal_autocheckpoint pages (1000 by default) — on the writer's thread, which then sits blocked on the disk.
 * Measured storing 240 analysed speed-corpus articles with the record on this machine (ext4 on a virtual disk):
 * the writer's thread spent 7-9 ms an article blocked (off CPU, in those fsyncs) beside 13-14 ms of CPU; with
 * this thread, 2.3 ms blocked and 12 ms of CPU.
 *
 * This thread holds its own connection and runs PASSIVE checkpoints (which never block a writer or a reader, and
 * never wait) every CHECKPOINT_EVERY commits the writer reports, or a second after the last one. The writer's own
 * automatic checkpoint stays as a backstop at WRITER_BACKSTOP_PAGES, should this thread fall far behind, so the
 * WAL stays bounded. Durability is SQLite's: a committed article is in the WAL whether or not it was
 * checkpointed, and a checkpoint cut short by a crash is redone on the next open.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { SqliteDb } from './sqlite-db.js';

/** Commits between two checkpoints: about wal_autocheckpoint's 1000 pages at ~100 pages an article with its record. */
export const CHECKPOINT_EVERY = 8;

/** The writer checkpoints itself only when the WAL holds this many pages (~40 MiB at 4 KiB pages). */
export const WRITER_BACKSTOP_PAGES = 10_000;

/** Index of the commit count and of the stop flag in the shared counters. */
const COMMITS = 0;
const STOP = 1;

/**
 * The thread's code, plain CommonJS (no loader needed, from the sources or the build): waits on the shared
 * commit count, checkpoints, and closes its connection when told to stop.
 */
const THREAD = `
const { workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const flags = new Int32Array(workerData.flags);
const db = new Database(workerData.path);
// The WAL starts over from its beginning only after a checkpoint that copied every frame in it; commits made while
// one runs leave a few frames behind, so it goes again over those (a short pass) a few times before it waits.
const checkpoint = () => {
  for (let pass = 0; pass < 4; pass++) {
    const [r] = db.pragma('wal_checkpoint(PASSIVE)');
    if (!r || r.log <= r.checkpointed) return;
  }
};
let last = 0;
for (;;) {
  const seen = Atomics.load(flags, ${COMMITS});
  if (Atomics.load(flags, ${STOP}) !== 0) break;
  if (seen - last >= workerData.every) {
    last = seen;
    checkpoint();
    continue;
  }
  // Woken by the next commit or the stop; after a quiet second, the commits since the last checkpoint are copied too.
  if (Atomics.wait(flags, ${COMMITS}, seen, 1000) === 'timed-out' && seen > last) {
    last = seen;
    checkpoint();
  }
}
db.close();
`;

export class WalCheckpointer {
  private readonly flags = new Int32Array(new SharedArrayBuffer(8));
  private readonly worker: Worker;
  private readonly exited: Promise<void>;
  private stopped = false;

  /** Starts the thread on the database file of `db` and moves the writer's automatic checkpoint to the backstop. */
  constructor(db: SqliteDb, path: string, every = CHECKPOINT_EVERY) {
    db.pragma(`wal_autocheckpoint = ${WRITER_BACKSTOP_PAGES}`);
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    this.worker = new Worker(THREAD, { eval: true, workerData: { driver, path, every, flags: this.flags.buffer } });
    this.exited = new Promise((resolve) => this.worker.once('exit', () => resolve()));
    // A checkpointer that fails (it cannot open the file) leaves checkpoints to the writer's backstop; nothing is lost.
    this.worker.on('error', () => undefined);
  }

  /** Tells the thread one more transaction was committed (no message, no wait: a shared counter). */
  committed(): void {
    Atomics.add(this.flags, COMMITS, 1);
    Atomics.notify(this.flags, COMMITS);
  }

  /** Stops the thread after the checkpoint it may be running; resolves when it has closed its connection. */
  stop(): Promise<void> {
    if (!this.stopped) {
      this.stopped = true;
      Atomics.store(this.flags, STOP, 1);
      Atomics.add(this.flags, COMMITS, 1);
      Atomics.notify(this.flags, COMMITS);
    }
    return this.exited;
  }
}
