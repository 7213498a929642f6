import { readFileSync } from 'node:fs';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { packagePath } from '../package-path.js';
import type { CommitmentStatus } from '../document/layers.js';
import {
  DEFAULT_LIMIT, UnknownActorError, actorNamed, actorProfile, explainHits, findActors, listActors, listCommitments, quotesBy, searchRecord, stateAsOf,
  timeline, type ActorSummary, type OpenRecord,
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
 * every request reads the database afresh (indexed, paged queries), so articles ingested meanwhile are seen, and
 * no request ever writes.
 */
export function createApp(open: OpenRecord): Hono {
  const app = new Hono();
  const db = open.db;
  /** limit / offset query parameters (every list endpoint is paged). */
  const paged = (c: { req: { query: (k: string) => string | undefined } }) => {
    const int = (name: string, fallback: number): number => {
      const v = c.req.query(name);
      if (v === undefined || v === '') return fallback;
      if (!/^\d+$/.test(v)) throw new HTTPException(400, { message: `${name} must be a whole number, not '${v}'` });
      return Number(v);
    };
    return { limit: int('limit', DEFAULT_LIMIT), offset: int('offset', 0) };
  };
  app.onError((err, c) => {
    if (err instanceof UnknownActorError) return c.json({ error: err.message }, 404);
    if (err instanceof HTTPException) return c.json({ error: err.message }, err.status);
    return c.json({ error: `internal error: ${err.message}` }, 500);
  });
  app.notFound((c) => c.json({ error: `no route ${c.req.method} ${c.req.path}` }, 404));

  // Every handler only reads: the record is kept up to date by ingest, never by a request.
  app.get('/api/actors', (c) => {
    const q = c.req.query('q');
    const type = c.req.query('type') as ActorSummary['type'] | undefined;
    return c.json(listActors(db, { ...(q && { q }), ...(type && { type }), ...paged(c) }));
  });
  app.get('/api/actors/:name', (c) => c.json(actorProfile(db, actorNamed(db, c.req.param('name')), open.quote, paged(c))));
  app.get('/api/timeline', (c) => {
    const actor = c.req.query('actor');
    const from = dayParam(c.req.query('from'), 'from');
    const to = dayParam(c.req.query('to'), 'to');
    return c.json(timeline(db, open.quote, { ...(actor && { actor: actorNamed(db, actor) }), ...(from && { from }), ...(to && { to }), ...paged(c) }));
  });
  app.get('/api/quotes', (c) => {
    const speaker = c.req.query('speaker');
    const about = c.req.query('about');
    const aboutActor = about ? findActors(db, about, { limit: 1 })[0] : undefined;
    return c.json(quotesBy(db, open.quote, {
      ...(speaker && { speaker: actorNamed(db, speaker) }),
      ...(aboutActor ? { aboutActor } : about ? { about } : {}),
      ...paged(c),
    }));
  });
  app.get('/api/commitments', (c) => {
    const status = c.req.query('status');
    if (status && !STATUSES.has(status)) throw new HTTPException(400, { message: `status must be one of ${[...STATUSES].join(', ')}` });
    const asOf = dayParam(c.req.query('asOf'), 'asOf');
    const actor = c.req.query('actor');
    return c.json(listCommitments(db, open.quote, {
      ...(status && { status: status as CommitmentStatus }), ...(asOf && { asOf }), ...(actor && { actor: actorNamed(db, actor) }), ...paged(c),
    }));
  });
  app.get('/api/state', (c) => {
    const asOf = dayParam(c.req.query('asOf'), 'asOf') ?? open.newest() ?? new Date().toISOString().slice(0, 10);
    return c.json(stateAsOf(db, open.quote, asOf, paged(c)));
  });
  app.get('/api/search', (c) => {
    const q = c.req.query('q') ?? '';
    if (!q.trim()) throw new HTTPException(400, { message: 'q (the words to search for) is required' });
    const limit = Math.min(100, Math.max(1, Number.parseInt(c.req.query('limit') ?? '20', 10) || 20));
    const offset = Math.max(0, Number.parseInt(c.req.query('offset') ?? '0', 10) || 0);
    return c.json(explainHits(db, open.quote, searchRecord(db, q, limit, offset)));
  });
  app.get('/openapi.json', (c) => c.json(JSON.parse(readFileSync(packagePath('openapi.json'), 'utf8')) as object));
  const page = (file: string, type: string) => (c: { body: (data: string, status: 200, headers: Record<string, string>) => Response }) =>
    c.body(readFileSync(packagePath(`web/${file}`), 'utf8'), 200, { 'content-type': type });
  app.get('/', page('index.html', 'text/html; charset=utf-8'));
  app.get('/app.js', page('app.js', 'text/javascript; charset=utf-8'));
  return app;
}
