import type { Command } from 'commander';
import { oneLine, terminalSafeJson } from '../../document/printable.js';
import { ArticleQueue } from '../../queue/index.js';
import { queueOption, resolveQueueUrl } from '../options.js';

/** `polity queue status --queue URL [--json]`: how many jobs wait, run, are done and failed, and why the last failed. */
export function register(program: Command): void {
  const queue = program.command('queue').description('Look at the job queue that polity enqueue fills and polity worker empties.');
  queue
    .command('status')
    .description('Count the jobs waiting, active, done and failed, and list the latest failures with their reasons.')
    .addOption(queueOption())
    .option('--json', 'print the counts and failures as JSON')
    .action(async (opts: { queue?: string; json?: boolean }) => {
      const url = resolveQueueUrl(opts.queue);
      if (!url) return;
      const q = await ArticleQueue.open(url);
      try {
        const counts = await q.counts();
        const failed = counts.failed > 0 ? await q.failed() : [];
        if (opts.json) {
          process.stdout.write(terminalSafeJson(`${JSON.stringify({ ...counts, failures: failed }, null, 2)}\n`));
          return;
        }
        process.stdout.write(`${counts.waiting} waiting, ${counts.active} active, ${counts.done} done, ${counts.failed} failed\n`);
        for (const f of failed) process.stdout.write(`${f.refused ? 'refused (not retried)' : 'failed'}: ${oneLine(f.source)}: ${oneLine(f.reason)}\n`);
      } finally {
        await q.stop();
      }
    });
}
