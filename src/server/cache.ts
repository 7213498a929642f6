/**
 * Answers kept while the database stays the same. Every API answer is a pure function of the URL and the
 * database, and the server never writes, so an answer can be given again until another process (an ingest, a
 * record rebuild) commits. Db.changeCounter tells exactly that — SQLite's `PRAGMA data_version`, PostgreSQL's
 * polity_changes row, bumped by every write transaction as it commits: one cheap call per request, no polling,
 * no clock.
 *
 * Kept per process in an LRU (the lru-cache package) bounded by entries and by body bytes; each answer carries a
 * strong ETag (a hash of its body), so a client that already has it gets 304 without a body.
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { LRUCache } from 'lru-cache';
import type { Db } from '../store/sql/db.js';
import type { MiddlewareHandler } from 'hono';

export interface ResponseCacheOptions {
  /** Most answers kept (default 2,000). */
  maxEntries?: number;
  /** Most body bytes kept in all (default 64 MiB); a larger answer is given but not kept. */
  maxBytes?: number;
  /** Which paths to keep answers for (default: every path under /api/, and /openapi.json). */
  cacheable?: (path: string) => boolean;
}

interface Entry {
  status: number;
  body: ArrayBuffer;
  type: string;
  etag: string;
  /** The body gzipped, for a client that accepts it (kept with the answer: compressed once, given many times). */
  gzip?: ArrayBuffer;
}

/** Bodies at least this long are also kept gzipped: below it the saving is smaller than the headers. */
const GZIP_FROM = 1024;

/** True when an Accept-Encoding header takes gzip (and does not refuse it with q=0). */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  return header.split(',').some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    if (coding !== 'gzip' && coding !== '*') return false;
    const q = params.map((x) => /^\s*q=([\d.]+)\s*$/.exec(x)?.[1]).find((x) => x !== undefined);
    return q === undefined || Number(q) > 0;
  });
}

/** The ETag of a body: a quoted, truncated SHA-1 (identifies the bytes; not a security measure). */
function etagOf(body: ArrayBuffer): string {
  return `"${createHash('sha1').update(new Uint8Array(body)).digest('base64url').slice(0, 22)}"`;
}

/** True when the If-None-Match header names this ETag (or is `*`). */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.trim() === '*' || ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
}

export class ResponseCache {
  private readonly entries: LRUCache<string, Entry>;
  private version: number;
  private readonly db: Db;
  /** Answers given from the cache, answers computed (for the bench and tests). */
  readonly stats = { hits: 0, misses: 0, cleared: 0 };

  /** Whether the database can tell when to drop answers (see Db.changeCounter). */
  static supported(db: Db): boolean {
    return db.changeCounter() !== undefined;
  }

  constructor(db: Db, opts: ResponseCacheOptions = {}) {
    const maxBytes = opts.maxBytes ?? 64 * 2 ** 20;
    this.entries = new LRUCache<string, Entry>({
      max: opts.maxEntries ?? 2_000,
      maxSize: maxBytes,
      // A larger answer is given but not kept: one answer may take at most an eighth of the bytes.
      maxEntrySize: Math.floor(maxBytes / 8),
      sizeCalculation: (e) => Math.max(1, e.body.byteLength + (e.gzip?.byteLength ?? 0)),
    });
    this.db = db;
    this.version = db.changeCounter() ?? 0;
  }

  /** Drops every answer when another connection has committed since the last look. */
  private checkVersion(): void {
    const now = this.db.changeCounter() ?? 0;
    if (now === this.version) return;
    this.version = now;
    this.entries.clear();
    this.stats.cleared++;
  }

  get(key: string): Entry | undefined {
    this.checkVersion();
    return this.entries.get(key);
  }

  set(key: string, entry: Entry): void {
    this.entries.set(key, entry);
  }

  get size(): number {
    return this.entries.size;
  }

  /** Body bytes kept in all. */
  get bytes(): number {
    return this.entries.calculatedSize;
  }

  /**
   * The middleware: a GET or HEAD of a cacheable path is answered from the cache when the database has not
   * changed; otherwise the route answers and a 200 JSON answer is kept. Every answer gets its ETag, and
   * `Cache-Control: no-cache` (a browser may keep it but asks again, getting 304 while it holds). An answer of
   * 1 KiB or more is also kept gzipped, and given so to a client that accepts gzip (its own ETag, `Vary:
   * Accept-Encoding`): compressed once when computed, then each time a fifth of the bytes to send.
   */
  middleware(opts: Pick<ResponseCacheOptions, 'cacheable'> = {}): MiddlewareHandler {
    const cacheable = opts.cacheable ?? ((path: string) => path.startsWith('/api/') || path === '/openapi.json');
    return async (c, next) => {
      if ((c.req.method !== 'GET' && c.req.method !== 'HEAD') || !cacheable(c.req.path)) return next();
      const url = c.req.url;
      const key = url.slice(url.indexOf('/', url.indexOf('//') + 2));
      const answer = (e: Entry, hit: boolean): Response => {
        const zipped = e.gzip !== undefined && acceptsGzip(c.req.header('accept-encoding'));
        // A strong ETag names one representation: the gzipped body has its own.
        const etag = zipped ? `${e.etag.slice(0, -1)}-gz"` : e.etag;
        const headers: Record<string, string> = { 'content-type': e.type, etag, 'cache-control': 'no-cache', 'x-cache': hit ? 'hit' : 'miss' };
        if (e.gzip) headers.vary = 'Accept-Encoding';
        if (zipped) headers['content-encoding'] = 'gzip';
        if (matches(c.req.header('if-none-match'), etag)) return new Response(null, { status: 304, headers });
        return new Response(c.req.method === 'HEAD' ? null : zipped ? e.gzip! : e.body, { status: e.status, headers });
      };
      const kept = this.get(key);
      if (kept) {
        this.stats.hits++;
        return answer(kept, true);
      }
      this.stats.misses++;
      await next();
      const res = c.res;
      const type = res.headers.get('content-type') ?? '';
      if (res.status !== 200 || !type.startsWith('application/json')) return;
      const body = await res.arrayBuffer();
      const entry: Entry = { status: res.status, body, type, etag: etagOf(body), ...(body.byteLength >= GZIP_FROM && { gzip: new Uint8Array(gzipSync(new Uint8Array(body))).buffer }) };
      this.set(key, entry);
      // Hono copies the headers the route set onto the new answer.
      c.res = answer(entry, false);
    };
  }
}
