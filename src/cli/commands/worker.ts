import { availableParallelism } from 'node:os';
import { Option, type Command } from 'commander';
import { oneLine } from '../../document/printable.js';
import { AnalysisPool, DEFAULT_ARTICLE_TIMEOUT_S } from '../../pipeline/pool.js';
import { ArticleQueue, DEFAULT_JOBS_PER_THREAD, runWorker, timeArticleHook } from '../../queue/index.js';
import { processCpuMs } from '../../queue/thread-cpu.js';
import { attachRecord, ensureRecord } from '../../record/index.js';
import { PgDb, openStore, resolveDbPath } from '../../store/index.js';
import { EXIT } from '../exit-codes.js';
import { dbOption, positiveInteger, positiveSeconds, queueOption, resolveQueueUrl } from '../options.js';

/** How long a stopped worker waits for what is left open to close before it exits anyway. */
const EXIT_GRACE_MS = 5_000;

interface WorkerCommandOptions {
  db?: string;
  queue?: string;
  workers: number;
  jobsPerThread: number;
  articleTimeout: number;
  idleExit?: number;
  drain: number;
  checkInterval: number;
  json?: boolean;
}

/**
 * `polity worker --db STORE --queue URL [--workers N] [--jobs-per-thread N] [--idle-exit S]`: takes article jobs from the queue,
 * analyses each on N threads and stores it (with the record), until stopped (SIGTERM/SIGINT finish the jobs in
 * hand first) or, with --idle-exit, until the queue has been empty that long. Any number may run, anywhere.
 */
export function register(program: Command): void {
  program
    .command('worker')
    .description('Take articles from the job queue (put there by polity enqueue), analyse and store each one; run as many as you like, on any machine.')
    .addOption(dbOption())
    .addOption(queueOption())
    .addOption(new Option('--workers <n>', 'analysis threads').argParser(positiveInteger).default(availableParallelism(), 'the number of cores'))
    .addOption(new Option('--jobs-per-thread <n>', 'jobs taken and held per analysis thread (each by a queue loop that waits half a second after every job, so keep it well above 1)').argParser(positiveInteger).default(DEFAULT_JOBS_PER_THREAD))
    .addOption(new Option('--article-timeout <seconds>', "time budget of one article's analysis (keep it under the jobs' --job-expiry)").argParser(positiveSeconds).default(DEFAULT_ARTICLE_TIMEOUT_S))
    .addOption(new Option('--idle-exit <seconds>', 'exit once no job has been waiting or running on the queue for this long').argParser(positiveSeconds))
    .addOption(new Option('--drain <seconds>', 'on SIGTERM/SIGINT, time the jobs in hand have to finish (after it they go back to the queue)').argParser(positiveSeconds).default(60))
    .addOption(new Option('--check-interval <seconds>', 'how often expired jobs (their worker died) are sent back to the queue').argParser(positiveSeconds).default(10))
    .option('--json', 'at exit, print the totals and where the time went (analysis, store, record, CPU) as JSON on stdout')
    .action(async (opts: WorkerCommandOptions) => {
      const url = resolveQueueUrl(opts.queue);
      if (!url) return;
      const started = performance.now();
      const store = openStore(resolveDbPath(opts.db));
      const record = timeArticleHook(store);
      attachRecord(store);
      // On PostgreSQL the statements run in the server process of the store's connection: its CPU is the
      // database's share of storing (readable when the server runs on this machine).
      const backend = store.db instanceof PgDb ? store.db.backendPid() : undefined;
      const serverCpu = (): number | undefined => (backend === undefined ? undefined : processCpuMs(backend));
      const serverCpu0 = serverCpu();
      const pool = new AnalysisPool({ workers: opts.workers, articleTimeoutS: opts.articleTimeout });
      let failedJobs = 0;
      const cpu0 = process.cpuUsage();
      try {
        const queue = await ArticleQueue.open(url, { checkIntervalS: Math.max(1, Math.round(opts.checkInterval)), connections: 2 + opts.workers });
        const worker = runWorker(queue, store, pool, {
          ...(opts.idleExit !== undefined && { idleExitS: opts.idleExit }),
          jobsPerThread: opts.jobsPerThread,
          onReady: () => process.stderr.write(`polity: worker: ready, ${pool.size} analysis thread${pool.size === 1 ? '' : 's'} taking jobs\n`),
          onJob: (job, outcomes, failure) => {
            if (failure !== undefined) {
              failedJobs++;
              process.stderr.write(`polity: ${oneLine(job.source)}: ${oneLine(failure)}\n`);
            } else {
              process.stderr.write(`polity: worker: ${oneLine(job.source)}: ${outcomes.map((o) => o.status).join(', ')}\n`);
            }
          },
        });
        const onSignal = (): void => worker.stop(opts.drain);
        process.once('SIGTERM', onSignal);
        process.once('SIGINT', onSignal);
        const totals = await worker.done;
        process.off('SIGTERM', onSignal);
        process.off('SIGINT', onSignal);
        await pool.close();
        // Articles stored before without the record (an older ingest) are taken in now; usually a no-op.
        store.whenNotBusy(() => ensureRecord(store));
        const seconds = (performance.now() - started) / 1000;
        if (opts.json) {
          const cpu = process.cpuUsage(cpu0);
          const ms = (n: number) => Math.round(n);
          const server = serverCpu();
          const json = {
            ...totals, analysisMs: ms(totals.analysisMs), storeMs: ms(totals.storeMs), workCpuMs: ms(totals.workCpuMs), recordMs: ms(record.ms),
            ...(record.cpuMs !== undefined && { recordCpuMs: record.cpuMs }),
            ...(server !== undefined && serverCpu0 !== undefined && { storeServerCpuMs: server - serverCpu0 }), seconds: Number(seconds.toFixed(3)), cpuSeconds: Number(((cpu.user + cpu.system) / 1e6).toFixed(3)),
          };
          process.stdout.write(`${JSON.stringify(json)}\n`);
        } else {
          process.stdout.write(`${totals.jobs} jobs, ${totals.added} added, ${totals.unchanged} unchanged, ${totals.failed} failed in ${seconds.toFixed(1)}s\n`);
        }
      } finally {
        await pool.close();
        for (const w of store.warnings()) process.stderr.write(`polity: warning: ${oneLine(w)}\n`);
        store.close();
      }
      process.exitCode = failedJobs > 0 ? EXIT.SOME_FAILED : EXIT.OK;
      // Everything is closed (queue, analysis threads, store). A worker must not outlive its work: a timer left
      // behind by a library (one survivor of a kill run stayed up with a Timeout and nothing else) would keep it
      // up, and its supervisor waiting. Unref'd, so a process that can end does so at once.
      setTimeout(() => {
        process.stderr.write(`polity: worker: stopped, exiting with ${oneLine(process.getActiveResourcesInfo().join(', '))} still open\n`);
        process.exit();
      }, EXIT_GRACE_MS).unref();
    });
}
