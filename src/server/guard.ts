/**
 * What every request must satisfy before a route sees it, and the shared paging parameters. A request that
 * breaks a bound is answered 400 with the reason, never passed on to a query where it could cost time or
 * surface as a 500.
 */
import type { MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { Page } from './views-data.js';

/** Longest URL (path and query) accepted. */
export const MAX_URL = 2048;
/** Longest value of one query or path parameter. */
export const MAX_PARAM = 200;
/** Most items one page of any list holds. */
export const MAX_LIMIT = 100;
/** Deepest offset into a list: beyond it, narrow the query instead. */
export const MAX_OFFSET = 10_000;

// C0 and C1 controls (NUL, ESC, …), lone surrogates and non-characters have no place in a name, a date or search words.
const JUNK = /[\u0000-\u001f\u007f-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function bad(message: string): never {
  throw new HTTPException(400, { message });
}

/** A percent-decoded URL part, or 400 when its encoding is malformed ("%E0%A4", "%zz"). */
function decoded(part: string, what: string): string {
  try {
    return decodeURIComponent(part.replace(/\+/g, ' '));
  } catch {
    return bad(`${what} is not valid percent-encoded UTF-8`);
  }
}

/** Refuses methods other than GET and HEAD, over-long URLs, and parameters that are too long or hold control characters. */
export function requestGuard(): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      return c.json({ error: `${c.req.method} is not allowed: the API is read-only` }, 405, { allow: 'GET, HEAD' });
    }
    const url = c.req.url;
    const pathAndQuery = url.slice(url.indexOf('/', url.indexOf('//') + 2));
    if (pathAndQuery.length > MAX_URL) bad(`the URL is longer than ${MAX_URL} characters`);
    const q = pathAndQuery.indexOf('?');
    const path = q < 0 ? pathAndQuery : pathAndQuery.slice(0, q);
    for (const segment of path.split('/')) {
      const value = decoded(segment, 'the path');
      if (value.length > MAX_PARAM) bad(`a path segment is longer than ${MAX_PARAM} characters`);
      if (JUNK.test(value)) bad('the path holds control characters');
    }
    if (q >= 0) {
      for (const pair of pathAndQuery.slice(q + 1).split('&')) {
        if (pair === '') continue;
        const eq = pair.indexOf('=');
        const name = decoded(eq < 0 ? pair : pair.slice(0, eq), 'a query parameter name');
        const value = decoded(eq < 0 ? '' : pair.slice(eq + 1), `query parameter ${name.slice(0, 40)}`);
        if (name.length > 40 || JUNK.test(name)) bad('a query parameter name is too long or holds control characters');
        if (value.length > MAX_PARAM) bad(`${name} is longer than ${MAX_PARAM} characters`);
        if (JUNK.test(value)) bad(`${name} holds control characters`);
      }
    }
    await next();
  };
}

function integer(value: string | undefined, name: string, fallback: number, min: number, max: number): number {
  if (value === undefined || value === '') return fallback;
  if (!/^\d{1,9}$/.test(value)) bad(`${name} must be a whole number, not '${value}'`);
  const n = Number(value);
  if (n < min || n > max) bad(`${name} must be between ${min} and ${max}`);
  return n;
}

/** `limit` (1–100, default `fallback`) and `offset` (0–10,000) from the query. */
export function pageOf(query: (name: string) => string | undefined, fallback = 20): Page {
  return { limit: integer(query('limit'), 'limit', fallback, 1, MAX_LIMIT), offset: integer(query('offset'), 'offset', 0, 0, MAX_OFFSET) };
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A query parameter that must be a day (YYYY-MM-DD), or absent. */
export function dayOf(value: string | undefined, name: string): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (!DAY.test(value) || Number.isNaN(Date.parse(value))) bad(`${name} must be a date (YYYY-MM-DD), not '${value}'`);
  return value;
}
