import { Hono } from 'hono';
import type { CommitmentStatus } from '../../document/layers.js';
import { HTTPException } from 'hono/http-exception';
import { AmbiguousIdError } from '../../store/store.js';
import { dayOf, pageOf } from '../guard.js';
import type { ViewsData } from '../views-data.js';

const STATUSES = new Set(['open', 'in_progress', 'kept', 'overdue', 'broken', 'disputed']);

/** Most offices, memberships, relations and commitments on an actor's overview; most resolution entries (the page says "first N of M"). */
const OVERVIEW_ITEMS = 200;
const OVERVIEW_RESOLUTION = 50;
/** Most edges in one graph, most slider stops. */
const GRAPH_EDGES = 500;
const GRAPH_DAYS = 1000;

/**
 * The endpoints behind the web page's views (documented in openapi.json): each is one bounded read through
 * ViewsData, and every list is paged (limit ≤ 100, offset ≤ 10,000).
 */
export function viewRoutes(data: () => ViewsData): Hono {
  const app = new Hono();
  const actorOr404 = (views: ViewsData, name: string) => {
    const actor = views.findActor(name);
    if (!actor) throw new HTTPException(404, { message: `no actor matches "${name}"` });
    return actor;
  };

  app.get('/api/articles', (c) => c.json(data().articles(pageOf((n) => c.req.query(n)))));
  app.get('/api/articles/:id', (c) => {
    const id = c.req.param('id');
    if (!/^[0-9a-fA-F]{4,64}$/.test(id)) throw new HTTPException(400, { message: 'an article id is 4 to 64 hex digits' });
    let view;
    try {
      view = data().article(id);
    } catch (err) {
      if (err instanceof AmbiguousIdError) throw new HTTPException(400, { message: err.message });
      throw err;
    }
    if (!view) throw new HTTPException(404, { message: `no article ${id}` });
    return c.json(view);
  });

  app.get('/api/suggest', (c) => {
    const q = c.req.query('q') ?? '';
    return c.json(q.trim() ? data().suggestActors(q.trim(), pageOf((n) => c.req.query(n), 10).limit) : []);
  });
  app.get('/api/actors/:name/overview', (c) => {
    const views = data();
    return c.json(views.actorOverview(actorOr404(views, c.req.param('name')), OVERVIEW_ITEMS, OVERVIEW_RESOLUTION));
  });
  app.get('/api/actors/:name/quotes', (c) => {
    const views = data();
    return c.json(views.actorQuotes(actorOr404(views, c.req.param('name')).id, pageOf((n) => c.req.query(n))));
  });
  app.get('/api/actors/:name/events', (c) => {
    const views = data();
    return c.json(views.actorEvents(actorOr404(views, c.req.param('name')).id, pageOf((n) => c.req.query(n))));
  });
  app.get('/api/actors/:name/articles', (c) => {
    const views = data();
    return c.json(views.actorArticles(actorOr404(views, c.req.param('name')).id, pageOf((n) => c.req.query(n))));
  });

  app.get('/api/graph', (c) => {
    const views = data();
    const days = views.graphDays(GRAPH_DAYS);
    const asOf = dayOf(c.req.query('asOf'), 'asOf') ?? days.at(-1) ?? new Date().toISOString().slice(0, 10);
    return c.json({ days, ...views.graph(asOf, GRAPH_EDGES) });
  });

  app.get('/api/graph/edges/:id', (c) => {
    const edge = data().edgeEvidence(c.req.param('id'));
    if (!edge) throw new HTTPException(404, { message: `no graph edge ${c.req.param('id')}` });
    return c.json(edge);
  });

  app.get('/api/board', (c) => {
    const status = c.req.query('status') ?? '';
    if (!STATUSES.has(status)) throw new HTTPException(400, { message: `status must be one of ${[...STATUSES].join(', ')}` });
    return c.json(data().commitmentsWithStatus(status as CommitmentStatus, pageOf((n) => c.req.query(n))));
  });

  app.get('/api/events/weekly', (c) => {
    const views = data();
    const actorName = c.req.query('actor');
    const actor = actorName ? actorOr404(views, actorName).id : undefined;
    const place = c.req.query('place') || undefined;
    const from = dayOf(c.req.query('from'), 'from');
    const to = dayOf(c.req.query('to'), 'to');
    return c.json(views.eventsPerWeek({ ...(actor && { actor }), ...(place && { place }), ...(from && { from }), ...(to && { to }) }));
  });
  app.get('/api/places', (c) => c.json(data().places(pageOf((n) => c.req.query(n), 50).limit)));

  app.get('/api/search', (c) => {
    const q = c.req.query('q') ?? '';
    if (!q.trim()) throw new HTTPException(400, { message: 'q (the words to search for) is required' });
    return c.json(data().search(q, pageOf((n) => c.req.query(n))));
  });
  return app;
}
