/**
 * The article queue between `polity enqueue` and `polity worker`: pg-boss (v10, the last line on Node 20) on
 * PostgreSQL. PostgreSQL because the shared server already needs it for the store, so jobs and articles live in
 * one service with one backup, and pg-boss because it gives what the workers need on plain tables: a job is
 * taken by one worker at a time (SELECT … FOR UPDATE SKIP LOCKED), retried up to a limit when it fails, and
 * expired back to the queue when its worker vanishes (killed, machine lost) before completing it.
 *
 * The queue is named by a URL: `postgres://user@host:port/database[?schema=NAME]` (schema default `pgboss`),
 * so tests and separate deployments keep their jobs apart in one database.
 */
import { createHash } from 'node:crypto';
import PgBoss from 'pg-boss';
import type { DocumentJSON } from '../document/document.js';
import { redactUrl } from '../store/sqlite/sqlite-store.js';

/** The pg-boss queue polity's articles go through. */
export const ARTICLE_QUEUE = 'polity-articles';
/** pg-boss's own default schema. */
export const DEFAULT_QUEUE_SCHEMA = 'pgboss';
/** Seconds a worker has to finish a job before the job goes back to the queue for another worker (default). */
export const DEFAULT_JOB_EXPIRY_S = 60;
/** Times a failed or expired job is tried again before it is kept as failed (default). */
export const DEFAULT_RETRY_LIMIT = 3;

/** One job: an article already read (its text and metadata, not yet analysed), or a URL for the worker to fetch. */
export type ArticleJob =
  | { kind: 'article'; source: string; doc: DocumentJSON }
  | { kind: 'url'; url: string; published?: string };

/** The queue could not be reached or its URL is wrong; the message says which. */
export class QueueError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QueueError';
  }
}

export interface QueueLocation {
  /** The connection string without the `schema` parameter. */
  connectionString: string;
  schema: string;
}

/** True when `location` names a PostgreSQL queue (postgres:// or postgresql://). */
export function isQueueUrl(location: string): boolean {
  return /^postgres(?:ql)?:\/\//iu.test(location);
}

export function parseQueueUrl(location: string): QueueLocation {
  if (!isQueueUrl(location)) throw new QueueError(`${location}: a queue is a PostgreSQL URL (postgres://user@host:port/database[?schema=NAME])`);
  let url: URL;
  try {
    url = new URL(location);
  } catch {
    throw new QueueError(`${location}: not a valid URL`);
  }
  const schema = url.searchParams.get('schema') ?? DEFAULT_QUEUE_SCHEMA;
  // An identifier pg-boss puts into its SQL unquoted: letters, digits and underscores only.
  if (!/^[a-z_][a-z0-9_]*$/u.test(schema)) throw new QueueError(`${location}: schema '${schema}' must be lower-case letters, digits and underscores`);
  url.searchParams.delete('schema');
  return { connectionString: url.toString(), schema };
}

/** The job id of an article or URL: a UUID made from its content hash (or URL), so a second enqueue is refused. */
export function jobIdOf(job: ArticleJob): string {
  const key = job.kind === 'article' ? `article:${job.doc.meta.contentHash}` : `url:${job.url}`;
  const h = createHash('sha256').update(key).digest('hex');
  // RFC 9562 layout, version 8 (custom) and the variant bits, so it is a well-formed UUID.
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export interface QueueCounts {
  /** Waiting to be taken (new, or back for a retry). */
  waiting: number;
  active: number;
  done: number;
  failed: number;
}

export interface FailedJob {
  id: string;
  source: string;
  reason: string;
  /** Failed at once, not retried: its article was refused for what it is (see JobRefusedError). */
  refused: boolean;
}

/** The error name a job fails with when its article is refused for what it is; such a job is not retried. */
export const REFUSED_JOB = 'JobRefusedError';

export interface OpenQueueOptions {
  /** How often (seconds) expired jobs are looked for and sent back; pg-boss's maintenance interval. */
  checkIntervalS?: number;
  /** Connections this process keeps to PostgreSQL for the queue. */
  connections?: number;
}

export interface SendOptions {
  expirySeconds?: number;
  retryLimit?: number;
}

/** The article queue, open: to send jobs, take them, count them. */
export class ArticleQueue {
  private constructor(
    readonly boss: PgBoss,
    readonly location: QueueLocation,
  ) {}

  /** Connects, installing pg-boss's tables in the schema the first time, and makes sure the article queue exists. */
  static async open(url: string, opts: OpenQueueOptions = {}): Promise<ArticleQueue> {
    const location = parseQueueUrl(url);
    const boss = new PgBoss({
      connectionString: location.connectionString,
      schema: location.schema,
      max: opts.connections ?? 4,
      application_name: 'polity',
      maintenanceIntervalSeconds: opts.checkIntervalS ?? 10,
      // Counting states is for pg-boss's own monitor event, which polity does not use.
      monitorStateIntervalSeconds: 3600,
      schedule: false,
    });
    // pg-boss reports background errors (a maintenance query while PostgreSQL restarts) as events; without a
    // listener Node would end the process. Job errors are kept on the jobs; these are worth a line.
    boss.on('error', (err) => process.stderr.write(`polity: queue: ${err.message.split('\n')[0]}\n`));
    try {
      await boss.start();
      await boss.createQueue(ARTICLE_QUEUE, { name: ARTICLE_QUEUE, retryLimit: DEFAULT_RETRY_LIMIT, expireInSeconds: DEFAULT_JOB_EXPIRY_S });
    } catch (err) {
      await boss.stop({ graceful: false, wait: true }).catch(() => undefined);
      throw new QueueError(`${redactUrl(url)}: cannot open the queue: ${err instanceof Error ? err.message : String(err)}`);
    }
    return new ArticleQueue(boss, location);
  }

  /** Puts a job on the queue; false when the same article (or URL) is already there. */
  async send(job: ArticleJob, opts: SendOptions = {}): Promise<boolean> {
    const id = await this.boss.send(ARTICLE_QUEUE, job, {
      id: jobIdOf(job),
      singletonKey: job.kind === 'article' ? job.doc.meta.contentHash : job.url,
      retryLimit: opts.retryLimit ?? DEFAULT_RETRY_LIMIT,
      expireInSeconds: opts.expirySeconds ?? DEFAULT_JOB_EXPIRY_S,
    });
    return id !== null;
  }

  async counts(): Promise<QueueCounts> {
    const counts: QueueCounts = { waiting: 0, active: 0, done: 0, failed: 0 };
    // Finished jobs move from the job table to the archive after a while (pg-boss's archiving): both are counted.
    const s = this.location.schema;
    const { rows } = await this.boss.getDb().executeSql(
      `SELECT state::text AS state, count(*)::int AS n FROM (
         SELECT state FROM ${s}.job WHERE name = $1 UNION ALL SELECT state FROM ${s}.archive WHERE name = $1) j GROUP BY state`,
      [ARTICLE_QUEUE],
    );
    for (const { state, n } of rows as { state: string; n: number }[]) {
      if (state === 'created' || state === 'retry') counts.waiting += n;
      else if (state === 'active') counts.active += n;
      else if (state === 'completed') counts.done += n;
      else if (state === 'failed') counts.failed += n;
    }
    return counts;
  }

  /** Jobs not finished anywhere (waiting or being worked on): a worker with --idle-exit waits for them. */
  async unfinished(): Promise<number> {
    const { rows } = await this.boss.getDb().executeSql(
      `SELECT count(*)::int AS n FROM ${this.location.schema}.job WHERE name = $1 AND state IN ('created', 'retry', 'active')`,
      [ARTICLE_QUEUE],
    );
    return (rows[0] as { n: number }).n;
  }

  /** The failed jobs, newest first, with what they held and why they failed (one line). */
  async failed(limit = 20): Promise<FailedJob[]> {
    const s = this.location.schema;
    const { rows } = await this.boss.getDb().executeSql(
      `SELECT id::text AS id, data, output FROM (
         SELECT id, data, output, completed_on FROM ${s}.job WHERE name = $1 AND state = 'failed'
         UNION ALL SELECT id, data, output, completed_on FROM ${s}.archive WHERE name = $1 AND state = 'failed') j
       ORDER BY completed_on DESC NULLS LAST LIMIT $2`,
      [ARTICLE_QUEUE, limit],
    );
    return (rows as { id: string; data: ArticleJob; output: { message?: string; value?: string; name?: string } | null }[]).map((r) => ({
      id: r.id,
      source: r.data.kind === 'article' ? r.data.source : r.data.url,
      reason: (r.output?.message ?? r.output?.value ?? 'no reason recorded').split('\n')[0]!,
      refused: r.output?.name === REFUSED_JOB,
    }));
  }

  /**
   * The job fails for good when it fails next (its retries used up): pg-boss retries a failed job while its
   * retry count is below its limit, and has no call to fail one without retrying.
   */
  async noRetry(id: string): Promise<void> {
    await this.boss.getDb().executeSql(`UPDATE ${this.location.schema}.job SET retry_limit = retry_count WHERE name = $1 AND id = $2`, [ARTICLE_QUEUE, id]);
  }

  /**
   * Calls `handle` for each job taken, `concurrency` at a time; a job whose handler resolves is completed (with
   * what it resolved to as output), one whose handler throws is failed with the error and retried while it has
   * retries left. Returns when the handlers are registered; `stop` ends taking.
   */
  async work(concurrency: number, pollSeconds: number, handle: (job: PgBoss.Job<ArticleJob>) => Promise<object>): Promise<void> {
    for (let i = 0; i < concurrency; i++) {
      await this.boss.work<ArticleJob>(ARTICLE_QUEUE, { batchSize: 1, pollingIntervalSeconds: pollSeconds }, async ([job]) => handle(job!));
    }
  }

  /**
   * Stops taking jobs, waits up to `drainSeconds` for those in hand to finish (a job still running then is failed
   * and so retried), and disconnects.
   */
  async stop(drainSeconds = 0): Promise<void> {
    await this.boss.stop({ graceful: drainSeconds > 0, wait: true, timeout: Math.max(1, drainSeconds) * 1000 });
  }

  /** Drops the queue's whole schema (its jobs and pg-boss's tables): for tests and benchmarks on a schema of their own. */
  async dropSchema(): Promise<void> {
    await this.boss.getDb().executeSql(`DROP SCHEMA IF EXISTS ${this.location.schema} CASCADE`, []);
  }
}
