import { documentToJSON } from '../document/document.js';
import { readSource } from '../ingest/index.js';
import type { IngestOptions, SourceRef } from '../ingest/types.js';
import type { ArticleJob, ArticleQueue, SendOptions } from './article-queue.js';

/** What became of one article (or URL) given to enqueue: put on the queue, already there, or refused when read. */
export type EnqueueOutcome =
  | { ref: number; source: string; status: 'queued' | 'already-queued' }
  | { ref: number; source: string; status: 'failed'; reason: string };

export type EnqueueOptions = IngestOptions & SendOptions;

/**
 * Reads the inputs as `ingest` does and puts each article on the queue as one job: a file, folder, JSON Lines
 * row, feed item or standard input is read here and its article (text and metadata, unanalysed) is the job; a
 * URL is put on the queue as it is, for a worker to fetch. Jobs are keyed on the article's content hash (or the
 * URL), so enqueueing the same articles again adds nothing.
 */
export async function* enqueueSources(queue: ArticleQueue, refs: readonly SourceRef[], opts: EnqueueOptions = {}): AsyncGenerator<EnqueueOutcome> {
  const send = { ...(opts.expirySeconds !== undefined && { expirySeconds: opts.expirySeconds }), ...(opts.retryLimit !== undefined && { retryLimit: opts.retryLimit }) };
  for (let ref = 0; ref < refs.length; ref++) {
    const r = refs[ref]!;
    if (r.kind === 'url') {
      const job: ArticleJob = { kind: 'url', url: r.location, ...(opts.published && { published: opts.published }) };
      yield { ref, source: r.location, status: (await queue.send(job, send)) ? 'queued' : 'already-queued' };
      continue;
    }
    for await (const item of readSource(r, opts)) {
      if (!item.ok) {
        yield { ref, source: item.source, status: 'failed', reason: item.error.reason };
        continue;
      }
      const job: ArticleJob = { kind: 'article', source: item.source, doc: documentToJSON(item.doc) };
      yield { ref, source: item.source, status: (await queue.send(job, send)) ? 'queued' : 'already-queued' };
    }
  }
}
