import { readFileSync } from 'node:fs';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import { packagePath } from '../package-path.js';
import type { CommitmentStatus } from '../document/layers.js';
import {
  DEFAULT_EVIDENCE, UnknownActorError, actorNamed, actorProfile, findActors, listActors, listCommitments, quotesBy, stateAsOf, timeline,
  type ActorSummary, type OpenRecord,
} from '../record/index.js';
import { ResponseCache } from './cache.js';
import { pageOf, requestGuard } from './guard.js';
import { viewRoutes } from './routes/views.js';
import { ViewsData } from './views-data.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A query parameter that must be a day, or absent. */
function dayParam(value: string | undefined, name: string): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (!DAY.test(value) || Number.isNaN(Date.parse(value))) throw new HTTPException(400, { message: `${name} must be a date (YYYY-MM-DD), not '${value}'` });
  return value;
}

const STATUSES = new Set(['open', 'in_progress', 'kept', 'overdue', 'broken', 'disputed']);

/** Most sources and most follow-ups an event or a commitment quotes in an answer (the earliest; sourceCount, followUpCount say how many in all). */
const EVIDENCE = DEFAULT_EVIDENCE;

/**
 * The HTTP JSON API over a record (documented in openapi.json at the package root), plus the web page (web/,
 * built into web/dist by `npm run build`) at `/`. The server is a thin shell: every answer comes from the
 * same indexed, paged query functions as the CLI, every request passes requestGuard first, and no request
 * ever writes: the record is kept up to date by ingest.
 */
export function createApp(open: OpenRecord, opts: { cache?: boolean } = {}): Hono {
  const app = new Hono();
  app.use(secureHeaders({
    // The page loads only its own bundle; the chart and graph libraries set inline styles, nothing runs inline.
    contentSecurityPolicy: {
      defaultSrc: ["'none'"], scriptSrc: ["'self'"], styleSrc: ["'self'", "'unsafe-inline'"], imgSrc: ["'self'", 'data:', 'blob:'],
      connectSrc: ["'self'"], fontSrc: ["'self'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'self'"],
    },
    crossOriginResourcePolicy: 'same-origin',
    // Served over plain HTTP on loopback by default: HSTS would only confuse a browser that later meets the host over HTTPS.
    strictTransportSecurity: false,
    xFrameOptions: 'DENY',
    referrerPolicy: 'no-referrer',
  }));
  app.use(requestGuard());
  const db = open.db;
  // Answers are kept until another process commits to the database (see cache.ts and Db.changeCounter, on both
  // dialects); POLITY_API_CACHE=0 turns it off.
  if ((opts.cache ?? process.env.POLITY_API_CACHE !== '0') && ResponseCache.supported(db)) app.use(new ResponseCache(db).middleware());
  /** limit (1–100, default 50) and offset (0–10,000): every list endpoint is paged and bounded. */
  const paged = (c: { req: { query: (k: string) => string | undefined } }, fallback = 50) => pageOf((n) => c.req.query(n), fallback);
  /**
   * The answers made of several lists (a profile, a state) page them all with one limit and offset, 20 by default,
   * each item quoting at most EVIDENCE sources and follow-ups (sourceCount and followUpCount give the totals), and
   * carry `next`, the URL of the following page, while any list filled its page.
   */
  const withNext = <T extends object>(c: { req: { url: string } }, page: { limit: number; offset: number }, body: T, lists: unknown[][]) => {
    if (!lists.some((l) => l.length >= page.limit)) return body;
    const url = new URL(c.req.url);
    url.searchParams.set('limit', String(page.limit));
    url.searchParams.set('offset', String(page.offset + page.limit));
    return { ...body, next: `${url.pathname}${url.search}` };
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
  app.get('/api/actors/:name', (c) => {
    const page = paged(c, 20);
    const p = actorProfile(db, actorNamed(db, c.req.param('name')), open.quote, { ...page, evidence: EVIDENCE });
    return c.json(withNext(c, page, p, [p.resolution, p.offices, p.memberships, p.relations, p.quotes, p.events, p.commitments]));
  });
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
      ...(status && { status: status as CommitmentStatus }), ...(asOf && { asOf }), ...(actor && { actor: actorNamed(db, actor) }), ...paged(c), evidence: EVIDENCE,
    }));
  });
  app.get('/api/state', (c) => {
    const asOf = dayParam(c.req.query('asOf'), 'asOf') ?? open.newest() ?? new Date().toISOString().slice(0, 10);
    const page = paged(c, 20);
    const state = stateAsOf(db, open.quote, asOf, { ...page, evidence: EVIDENCE });
    return c.json(withNext(c, page, state, [state.offices, state.memberships, state.relations, state.commitments]));
  });
  app.route('/', viewRoutes(() => new ViewsData(open.store.db, open.store, open.quote)));
  // Files of the package, read once: they do not change while the server runs.
  let openapi: string | undefined;
  app.get('/openapi.json', (c) => {
    openapi ??= JSON.stringify(JSON.parse(readFileSync(packagePath('openapi.json'), 'utf8')));
    return c.body(openapi, 200, { 'content-type': 'application/json' });
  });
  let page: string | undefined;
  app.get('/', (c) => c.html(page ??= readFileSync(packagePath('web/index.html'), 'utf8')));
  app.use('/assets/*', serveStatic({ root: packagePath('web/dist'), rewriteRequestPath: (path) => path.replace(/^\/assets/, '') }));
  return app;
}
