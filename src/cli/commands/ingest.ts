import type { Command } from 'commander';
import { expandSources } from '../../ingest/index.js';
import { openStore, resolveDbPath, storeArticles, type StoreOutcome } from '../../store/index.js';
import { attachRecord, ensureRecord } from '../../record/index.js';
import { EXIT } from '../exit-codes.js';
import { dbOption, publishedOption } from '../options.js';
import { ArticleEstimate, countBatch } from '../article-count.js';
import { BatchProgress, type BatchCounts } from '../progress.js';

interface IngestCommandOptions {
  db?: string;
  published?: string;
  json?: boolean;
  reanalyze?: boolean;
}

/** `polity ingest PATH|URL... [--db FILE] [--published DATE] [--reanalyze] [--json]`: reads, analyses and stores articles. */
export function register(program: Command): void {
  program
    .command('ingest')
    .description('Read articles (text, HTML, JSON Lines, RSS/Atom feeds, folders, URLs), analyse each one and store it. An article already stored (same text) is left unchanged.')
    .argument('<sources...>', 'files, folders or http(s) URLs; - reads standard input')
    .addOption(dbOption())
    .addOption(publishedOption())
    .option('--reanalyze', 'analyse articles already stored again and replace them (after the pipeline has changed)')
    .option('--json', 'print the outcome of every article and the totals as JSON on stdout')
    .action(async (sources: string[], opts: IngestCommandOptions) => {
      const started = performance.now();
      // Each article is linked into the cross-article record in its own transaction (bounded work per article).
      const store = attachRecord(openStore(resolveDbPath(opts.db)));
      const counts: BatchCounts = { added: 0, unchanged: 0, replaced: 0, failed: 0 };
      const outcomes: StoreOutcome[] = [];
      try {
        const refs = await expandSources(sources);
        const estimate = new ArticleEstimate(await countBatch(refs));
        const progress = new BatchProgress('ingest', estimate.total);
        try {
          const storeOpts = { reanalyze: opts.reanalyze ?? false, ...(opts.published && { published: opts.published }) };
          let done = 0;
          for await (const outcome of storeArticles(store, refs, storeOpts)) {
            counts[outcome.status]++;
            done++;
            progress.setTotal(estimate.add(outcome.ref));
            if (opts.json) outcomes.push(outcome);
            if (outcome.status === 'failed') progress.message(`polity: ${outcome.source}: ${outcome.reason}`);
            progress.update(done, counts);
          }
          progress.setTotal(done);
          progress.update(done, counts);
          // Each article joined the record as it was stored; articles stored before without the record, or a
          // re-analysis (which rebuilds it), are taken in now.
          progress.phase('record');
          ensureRecord(store);
        } finally {
          progress.stop();
        }
      } finally {
        store.close();
      }
      const read = counts.added + counts.unchanged + counts.replaced + counts.failed;
      const seconds = (performance.now() - started) / 1000;
      const replaced = opts.reanalyze ? ` ${counts.replaced} replaced,` : '';
      const summary = `${read} read, ${counts.added} added, ${counts.unchanged} unchanged,${replaced} ${counts.failed} failed in ${seconds.toFixed(1)}s`;
      if (opts.json) {
        process.stdout.write(`${JSON.stringify({ read, ...counts, seconds: Number(seconds.toFixed(3)), articles: outcomes.map(({ ref: _ref, ...o }) => o) }, null, 2)}\n`);
        process.stderr.write(`${summary}\n`);
      } else {
        process.stdout.write(`${summary}\n`);
      }
      process.exitCode = counts.failed > 0 ? EXIT.SOME_FAILED : EXIT.OK;
    });
}
