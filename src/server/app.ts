import { readFileSync } from 'node:fs';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import { packagePath } from '../package-path.js';
import {
  UnknownActorError, actorNamed, actorProfile, describeCommitment, findActors, quotesBy, stateAsOf, timeline,
  type OpenRecord,
} from '../record/index.js';
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

const STATUSES = new Set(['open', 'kept', 'overdue', 'broken', 'disputed']);

/**
 * The HTTP JSON API over a record (documented in openapi.json at the package root), plus the web page (web/,
 * built into web/dist by `npm run build`) at `/`. The server is a thin shell: every answer comes from the
 * same query functions as the CLI, lists are paged, and every request passes requestGuard first.
 */
export function createApp(open: OpenRecord): Hono {
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
    const { limit, offset } = pageOf((n) => c.req.query(n), 100);
    return c.json(actors.slice(offset, offset + limit).map((a) => ({ id: a.id, type: a.type, name: a.name, aliases: a.aliases, articles: a.members.length })));
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
    const { limit, offset } = pageOf((n) => c.req.query(n), 100);
    return c.json(timeline(record, quote, { ...(actor && { actor: actorNamed(record, actor) }), ...(from && { from }), ...(to && { to }) }).slice(offset, offset + limit));
  });
  app.get('/api/quotes', (c) => {
    const { record, quote } = current();
    const speaker = c.req.query('speaker');
    const about = c.req.query('about');
    const aboutActor = about ? findActors(record, about)[0] : undefined;
    const { limit, offset } = pageOf((n) => c.req.query(n), 100);
    return c.json(quotesBy(record, quote, {
      ...(speaker && { speaker: actorNamed(record, speaker) }),
      ...(aboutActor ? { aboutActor } : about ? { about } : {}),
    }).slice(offset, offset + limit));
  });
  app.get('/api/commitments', (c) => {
    const { record, quote } = current();
    const status = c.req.query('status');
    if (status && !STATUSES.has(status)) throw new HTTPException(400, { message: `status must be one of ${[...STATUSES].join(', ')}` });
    const asOf = dayParam(c.req.query('asOf'), 'asOf');
    const { limit, offset } = pageOf((n) => c.req.query(n), 100);
    return c.json(record.commitments
      .filter((x) => !asOf || !x.made || x.made <= asOf)
      .map((x) => describeCommitment(record, x, quote, asOf))
      .filter((x) => !status || x.status === status)
      .slice(offset, offset + limit));
  });
  app.get('/api/state', (c) => {
    const { record, quote } = current();
    const asOf = dayParam(c.req.query('asOf'), 'asOf') ?? record.newest ?? new Date().toISOString().slice(0, 10);
    return c.json(stateAsOf(record, quote, asOf));
  });
  app.route('/', viewRoutes(() => new ViewsData(open.store.db, open.store)));
  app.get('/openapi.json', (c) => c.json(JSON.parse(readFileSync(packagePath('openapi.json'), 'utf8')) as object));
  app.get('/', serveStatic({ path: packagePath('web/index.html') }));
  app.use('/assets/*', serveStatic({ root: packagePath('web/dist'), rewriteRequestPath: (path) => path.replace(/^\/assets/, '') }));
  return app;
}
