export {
  ARTICLE_QUEUE, ArticleQueue, DEFAULT_JOB_EXPIRY_S, DEFAULT_QUEUE_SCHEMA, DEFAULT_RETRY_LIMIT, QueueError, isQueueUrl, jobIdOf, parseQueueUrl,
  type ArticleJob, type FailedJob, type OpenQueueOptions, type QueueCounts, type QueueLocation, type SendOptions,
} from './article-queue.js';
export { enqueueSources, type EnqueueOptions, type EnqueueOutcome } from './enqueue.js';
export { DEFAULT_JOBS_PER_THREAD, JobFailedError, runWorker, timeArticleHook, type WorkerOptions, type WorkerTotals } from './worker.js';
