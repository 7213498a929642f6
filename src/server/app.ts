import { readFileSync } from 'node:fs';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { packagePath } from '../package-path.js';
import {
  UnknownActorError, actorNamed, actorProfile, describeCommitment, explainHits, findActors, quotesBy, searchRecord, stateAsOf, timeline,
  type OpenRecord,
} from '../record/index.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A query parameter that must be a day, or absent. */
function dayParam(value: string | undefined, name: string): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (!DAY.test(value) || Number.isNaN(Date.parse(value))) throw new HTTPException(400, { message: `${name} must be a date (YYYY-MM-DD), not '${value}'` });
  return value;
}

const STATUSES = new Set(['open', 'kept', 'overdue', 'broken', 'disputed']);

/**
 * The HTTP JSON API over a record (documented in openapi.json at the package root), plus the static search page
 * in web/ at `/`. The server is a thin shell: every answer comes from the same query functions as the CLI, and
 * the record is refreshed before each request so articles ingested meanwhile are seen.
 */
export function createApp(open: OpenRecord): Hono {
  const app = new Hono();
  const current = () => {
    const record = open.refresh();
    return { record, quote: open.quote };
  };
  app.onError((err, c) => {
    if (err instanceof UnknownActorError) return c.json({ error: err.message }, 404);
    if (err instanceof HTTPException) return c.json({ error: err.message }, err.status);
    return c.json({ error: `internal error: ${err.message}` }, 500);
  });
  app.notFound((c) => c.json({ error: `no route ${c.req.method} ${c.req.path}` }, 404));

  app.get('/api/actors', (c) => {
    const { record } = current();
    const q = c.req.query('q');
    const type = c.req.query('type');
    const actors = (q ? findActors(record, q) : record.actors).filter((a) => !type || a.type === type);
    return c.json(actors.map((a) => ({ id: a.id, type: a.type, name: a.name, aliases: a.aliases, articles: a.members.length })));
  });
  app.get('/api/actors/:name', (c) => {
    const { record, quote } = current();
    return c.json(actorProfile(record, actorNamed(record, c.req.param('name')), quote));
  });
  app.get('/api/timeline', (c) => {
    const { record, quote } = current();
    const actor = c.req.query('actor');
    const from = dayParam(c.req.query('from'), 'from');
    const to = dayParam(c.req.query('to'), 'to');
    return c.json(timeline(record, quote, { ...(actor && { actor: actorNamed(record, actor) }), ...(from && { from }), ...(to && { to }) }));
  });
  app.get('/api/quotes', (c) => {
    const { record, quote } = current();
    const speaker = c.req.query('speaker');
    const about = c.req.query('about');
    const aboutActor = about ? findActors(record, about)[0] : undefined;
    return c.json(quotesBy(record, quote, {
      ...(speaker && { speaker: actorNamed(record, speaker) }),
      ...(aboutActor ? { aboutActor } : about ? { about } : {}),
    }));
  });
  app.get('/api/commitments', (c) => {
    const { record, quote } = current();
    const status = c.req.query('status');
    if (status && !STATUSES.has(status)) throw new HTTPException(400, { message: `status must be one of ${[...STATUSES].join(', ')}` });
    const asOf = dayParam(c.req.query('asOf'), 'asOf');
    return c.json(record.commitments
      .filter((x) => !asOf || !x.made || x.made <= asOf)
      .map((x) => describeCommitment(record, x, quote, asOf))
      .filter((x) => !status || x.status === status));
  });
  app.get('/api/state', (c) => {
    const { record, quote } = current();
    const asOf = dayParam(c.req.query('asOf'), 'asOf') ?? record.newest ?? new Date().toISOString().slice(0, 10);
    return c.json(stateAsOf(record, quote, asOf));
  });
  app.get('/api/search', (c) => {
    const { record, quote } = current();
    const q = c.req.query('q') ?? '';
    if (!q.trim()) throw new HTTPException(400, { message: 'q (the words to search for) is required' });
    const limit = Math.min(100, Math.max(1, Number.parseInt(c.req.query('limit') ?? '20', 10) || 20));
    return c.json(explainHits(record, quote, searchRecord(open.store.db, q, limit)));
  });
  app.get('/openapi.json', (c) => c.json(JSON.parse(readFileSync(packagePath('openapi.json'), 'utf8')) as object));
  const page = (file: string, type: string) => (c: { body: (data: string, status: 200, headers: Record<string, string>) => Response }) =>
    c.body(readFileSync(packagePath(`web/${file}`), 'utf8'), 200, { 'content-type': type });
  app.get('/', page('index.html', 'text/html; charset=utf-8'));
  app.get('/app.js', page('app.js', 'text/javascript; charset=utf-8'));
  return app;
}
