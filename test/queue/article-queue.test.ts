import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { createDocument, documentToJSON } from '../../src/document/document.js';
import { QueueError, jobIdOf, parseQueueUrl, type ArticleJob } from '../../src/queue/index.js';

const article = (text: string): ArticleJob => ({ kind: 'article', source: 'a.txt', doc: documentToJSON(createDocument(text)) });

describe('the queue URL', () => {
  it('takes the schema from ?schema= and passes the rest to PostgreSQL', () => {
    assert.deepEqual(parseQueueUrl('postgres://root@127.0.0.1:5432/test?schema=jobs_a&sslmode=disable'), {
      connectionString: 'postgres://root@127.0.0.1:5432/test?sslmode=disable',
      schema: 'jobs_a',
    });
    assert.equal(parseQueueUrl('postgresql://root@db/test').schema, 'pgboss');
  });

  it('refuses what is not a PostgreSQL URL, and a schema name that is not a plain identifier', () => {
    assert.throws(() => parseQueueUrl('redis://127.0.0.1:6379'), QueueError);
    assert.throws(() => parseQueueUrl('polity.db'), QueueError);
    assert.throws(() => parseQueueUrl('postgres://db/test?schema=x;drop'), /lower-case letters/u);
  });
});

describe('job ids', () => {
  it('are the same UUID for the same article text wherever it was read from, and differ for another text', () => {
    const a = article('The cabinet met on Monday.');
    const b = { ...article('The cabinet met on Monday.'), source: 'elsewhere.jsonl:3' };
    assert.equal(jobIdOf(a), jobIdOf(b as ArticleJob));
    assert.notEqual(jobIdOf(a), jobIdOf(article('The cabinet met on Tuesday.')));
    assert.match(jobIdOf(a), /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/u);
  });

  it('of a URL job are made from the URL', () => {
    const u = (url: string): ArticleJob => ({ kind: 'url', url });
    assert.equal(jobIdOf(u('https://example.org/a')), jobIdOf(u('https://example.org/a')));
    assert.notEqual(jobIdOf(u('https://example.org/a')), jobIdOf(u('https://example.org/b')));
  });
});
