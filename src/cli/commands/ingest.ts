import { availableParallelism } from 'node:os';
import { Option, type Command } from 'commander';
import { expandSources } from '../../ingest/index.js';
import { ANALYSES_PER_WORKER, AnalysisPool, DEFAULT_ARTICLE_TIMEOUT_S } from '../../pipeline/pool.js';
import { openStore, resolveDbPath, storeArticles, type StoreOutcome } from '../../store/index.js';
import { oneLine, terminalSafeJson } from '../../document/printable.js';
import { attachRecord, ensureRecord } from '../../record/index.js';
import { EXIT } from '../exit-codes.js';
import { dbOption, positiveInteger, positiveSeconds, publishedOption } from '../options.js';
import { ArticleEstimate, countBatch } from '../article-count.js';
import { BatchProgress, type BatchCounts } from '../progress.js';

interface IngestCommandOptions {
  db?: string;
  published?: string;
  json?: boolean;
  reanalyze?: boolean;
  workers: number;
  articleTimeout: number;
}

/**
 * `polity ingest PATH|URL... [--db FILE] [--published DATE] [--reanalyze] [--workers N] [--article-timeout S] [--json]`:
 * reads articles here, analyses them on N worker threads and stores them here, one writer, in input order.
 */
export function register(program: Command): void {
  program
    .command('ingest')
    .description('Read articles (text, HTML, JSON Lines, RSS/Atom feeds, folders, URLs), analyse each one and store it. An article already stored (same text) is left unchanged.')
    .argument('<sources...>', 'files, folders or http(s) URLs; - reads standard input')
    .addOption(dbOption())
    .addOption(publishedOption())
    .option('--reanalyze', 'analyse articles already stored again and replace them (after the pipeline has changed)')
    .addOption(new Option('--workers <n>', 'analysis worker threads').argParser(positiveInteger).default(availableParallelism(), 'the number of cores'))
    .addOption(new Option('--article-timeout <seconds>', "time budget of one article's analysis; an article over it is refused and the batch goes on").argParser(positiveSeconds).default(DEFAULT_ARTICLE_TIMEOUT_S))
    .option('--json', 'print the outcome of every article and the totals as JSON on stdout')
    .action(async (sources: string[], opts: IngestCommandOptions) => {
      const started = performance.now();
      // Each article is linked into the cross-article record in its own transaction (bounded work per article).
      const store = attachRecord(openStore(resolveDbPath(opts.db)));
      // WAL checkpoints (and their fsyncs) on a thread of their own, so the one writer never waits for the disk.
      store.checkpointInBackground();
      // Workers start when the first article needs analysing, so a batch of stored articles costs no start-up.
      const pool = new AnalysisPool({ workers: opts.workers, articleTimeoutS: opts.articleTimeout });
      const counts: BatchCounts = { added: 0, unchanged: 0, replaced: 0, failed: 0 };
      const outcomes: StoreOutcome[] = [];
      // If catching the record up after the batch fails, the articles are stored all the same, the summary is
      // still printed, and the next query (or `polity record rebuild`) catches it up.
      let recordProblem: string | undefined;
      try {
        const refs = await expandSources(sources);
        const estimate = new ArticleEstimate(await countBatch(refs));
        const progress = new BatchProgress('ingest', estimate.total);
        try {
          const storeOpts = {
            reanalyze: opts.reanalyze ?? false,
            ...(opts.published && { published: opts.published }),
            notice: (source: string, message: string) => progress.message(`polity: ${oneLine(source)}: ${oneLine(message)}`),
            analyze: (doc: Parameters<AnalysisPool['analyze']>[0]) => pool.analyze(doc),
            // Articles read ahead per worker, so a worker always holds its next article while the writer waits for an earlier one.
            concurrency: ANALYSES_PER_WORKER * pool.size,
          };
          let done = 0;
          for await (const outcome of storeArticles(store, refs, storeOpts)) {
            counts[outcome.status]++;
            done++;
            progress.setTotal(estimate.add(outcome.ref));
            if (opts.json) outcomes.push(outcome);
            if (outcome.status === 'failed') progress.message(`polity: ${oneLine(outcome.source)}: ${oneLine(outcome.reason)}`);
            progress.update(done, counts);
          }
          progress.setTotal(done);
          progress.update(done, counts);
          await pool.close();
          // Each article joined the record as it was stored; articles stored before without the record, or a
          // re-analysis (which rebuilds it), are taken in now, waiting for another writer (a second ingest)
          // rather than failing.
          progress.phase('record');
          try {
            store.whenNotBusy(() => ensureRecord(store));
          } catch (err) {
            recordProblem = err instanceof Error ? err.message : String(err);
          }
        } finally {
          progress.stop();
          await pool.close();
        }
      } finally {
        for (const w of store.warnings()) process.stderr.write(`polity: warning: ${oneLine(w)}\n`);
        store.close();
        await store.closed();
      }
      const read = counts.added + counts.unchanged + counts.replaced + counts.failed;
      const seconds = (performance.now() - started) / 1000;
      const replaced = opts.reanalyze ? ` ${counts.replaced} replaced,` : '';
      const summary = `${read} read, ${counts.added} added, ${counts.unchanged} unchanged,${replaced} ${counts.failed} failed in ${seconds.toFixed(1)}s`;
      if (recordProblem) process.stderr.write(`polity: the record was not brought up to date (the next query rebuilds it): ${oneLine(recordProblem)}\n`);
      if (opts.json) {
        process.stdout.write(terminalSafeJson(`${JSON.stringify({ read, ...counts, seconds: Number(seconds.toFixed(3)), articles: outcomes.map(({ ref: _ref, ...o }) => o) }, null, 2)}\n`));
        process.stderr.write(`${summary}\n`);
      } else {
        process.stdout.write(`${summary}\n`);
      }
      process.exitCode = counts.failed > 0 ? EXIT.SOME_FAILED : EXIT.OK;
    });
}
