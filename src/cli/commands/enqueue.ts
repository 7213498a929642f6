import { Option, type Command } from 'commander';
import { expandSources } from '../../ingest/index.js';
import { oneLine, terminalSafeJson } from '../../document/printable.js';
import { ArticleQueue, DEFAULT_JOB_EXPIRY_S, DEFAULT_RETRY_LIMIT, enqueueSources, type EnqueueOutcome } from '../../queue/index.js';
import { ArticleEstimate, countBatch } from '../article-count.js';
import { EXIT } from '../exit-codes.js';
import { positiveSeconds, publishedOption, queueOption, resolveQueueUrl, wholeNumber } from '../options.js';
import { BatchProgress, type BatchCounts } from '../progress.js';

interface EnqueueCommandOptions {
  queue?: string;
  published?: string;
  jobExpiry: number;
  retries: number;
  json?: boolean;
}

/**
 * `polity enqueue PATH|URL... --queue URL [--published DATE] [--job-expiry S] [--retries N] [--json]`: reads
 * articles here and puts each on the queue for `polity worker` (on this machine or any other) to analyse and store.
 */
export function register(program: Command): void {
  program
    .command('enqueue')
    .description('Put articles (text, HTML, JSON Lines, RSS/Atom feeds, folders, URLs) on the job queue for polity worker to analyse and store. An article already on the queue is not added again.')
    .argument('<sources...>', 'files, folders or http(s) URLs (fetched by the worker); - reads standard input')
    .addOption(queueOption())
    .addOption(publishedOption())
    .addOption(new Option('--job-expiry <seconds>', 'time a worker has for one job; a job still unfinished then (its worker died) goes back to the queue').argParser(positiveSeconds).default(DEFAULT_JOB_EXPIRY_S))
    .addOption(new Option('--retries <n>', 'times a failed or expired job is tried again before it is kept as failed').argParser(wholeNumber).default(DEFAULT_RETRY_LIMIT))
    .option('--json', 'print the outcome of every article and the totals as JSON on stdout')
    .action(async (sources: string[], opts: EnqueueCommandOptions) => {
      const url = resolveQueueUrl(opts.queue);
      if (!url) return;
      const started = performance.now();
      const queue = await ArticleQueue.open(url);
      // The progress line's "added" are jobs put on the queue, "unchanged" articles already on it.
      const counts: BatchCounts = { added: 0, unchanged: 0, replaced: 0, failed: 0 };
      const outcomes: EnqueueOutcome[] = [];
      try {
        const refs = await expandSources(sources);
        const estimate = new ArticleEstimate(await countBatch(refs));
        const progress = new BatchProgress('enqueue', estimate.total);
        try {
          let done = 0;
          const enqueueOpts = { expirySeconds: Math.ceil(opts.jobExpiry), retryLimit: opts.retries, ...(opts.published && { published: opts.published }) };
          for await (const outcome of enqueueSources(queue, refs, enqueueOpts)) {
            if (outcome.status === 'failed') {
              counts.failed++;
              progress.message(`polity: ${oneLine(outcome.source)}: ${oneLine(outcome.reason)}`);
            } else if (outcome.status === 'queued') counts.added++;
            else counts.unchanged++;
            done++;
            progress.setTotal(estimate.add(outcome.ref));
            progress.update(done, counts);
            if (opts.json) outcomes.push(outcome);
          }
        } finally {
          progress.stop();
        }
      } finally {
        await queue.stop();
      }
      const read = counts.added + counts.unchanged + counts.failed;
      const seconds = (performance.now() - started) / 1000;
      const summary = `${read} read, ${counts.added} queued, ${counts.unchanged} already queued, ${counts.failed} failed in ${seconds.toFixed(1)}s`;
      if (opts.json) {
        const json = { read, queued: counts.added, alreadyQueued: counts.unchanged, failed: counts.failed, seconds: Number(seconds.toFixed(3)), articles: outcomes.map(({ ref: _ref, ...o }) => o) };
        process.stdout.write(terminalSafeJson(`${JSON.stringify(json, null, 2)}\n`));
        process.stderr.write(`${summary}\n`);
      } else {
        process.stdout.write(`${summary}\n`);
      }
      process.exitCode = counts.failed > 0 ? EXIT.SOME_FAILED : EXIT.OK;
    });
}
