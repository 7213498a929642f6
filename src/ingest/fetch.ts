/**
 * Fetching a page or feed URL, with the same limits and checks as a file, and time bounds on every phase:
 * Node's fetch gives up connecting after 10 s; the response headers must arrive within `headersMs` of the start
 * and the whole body within `totalMs` (so a server trickling one byte a second is cut off, not waited for);
 * the body may not exceed maxBytes. Redirects are followed by hand, at most `maxRedirects`, only to http(s)
 * URLs, and one that changes host is reported through `notice`.
 */
import { decodeText } from './file.js';
import { IngestError } from './types.js';

export interface FetchedText {
  text: string;
  /** Media type from Content-Type, lower case, without parameters ("text/html"). */
  mediaType: string;
  /** The URL after redirects. */
  url: string;
}

export interface FetchLimits {
  /** From the request to the response headers (connecting included). */
  headersMs: number;
  /** From the request to the last byte of the body. */
  totalMs: number;
  maxRedirects: number;
}

export const DEFAULT_FETCH_LIMITS: FetchLimits = { headersMs: 15_000, totalMs: 60_000, maxRedirects: 5 };

const ACCEPT = 'text/html, application/rss+xml, application/atom+xml, application/xml;q=0.9, text/plain;q=0.8, */*;q=0.5';

export interface FetchSettings {
  maxBytes: number;
  fetch: typeof globalThis.fetch;
  limits?: Partial<FetchLimits>;
  /** Told about what the caller should know but that does not refuse the input (a redirect to another host). */
  notice?: (message: string) => void;
}

export async function fetchText(url: string, settings: FetchSettings): Promise<FetchedText> {
  const limits = { ...DEFAULT_FETCH_LIMITS, ...settings.limits };
  const abort = new AbortController();
  let phase: 'headers' | 'body' = 'headers';
  const timeoutReason = () =>
    phase === 'headers' ? `no response within ${seconds(limits.headersMs)}` : `response not complete within ${seconds(limits.totalMs)}`;
  const headersTimer = setTimeout(() => abort.abort(), limits.headersMs);
  const totalTimer = setTimeout(() => abort.abort(), limits.totalMs);
  try {
    let current = url;
    let response: Response;
    for (let hops = 0; ; hops++) {
      try {
        response = await settings.fetch(current, { redirect: 'manual', signal: abort.signal, headers: { accept: ACCEPT } });
      } catch (err) {
        if (abort.signal.aborted) throw new IngestError(url, timeoutReason());
        const cause = (err as Error & { cause?: Error }).cause;
        throw new IngestError(url, `fetch failed: ${cause?.message ?? (err as Error).message}`);
      }
      const location = response.status >= 300 && response.status < 400 ? response.headers.get('location') : null;
      if (location === null) break;
      await response.body?.cancel();
      if (hops >= limits.maxRedirects) throw new IngestError(url, `more than ${limits.maxRedirects} redirects`);
      const next = redirectTarget(url, current, location);
      if (new URL(next).host !== new URL(current).host) settings.notice?.(`redirected to another host: ${next}`);
      current = next;
    }
    clearTimeout(headersTimer);
    phase = 'body';
    if (!response.ok) {
      await response.body?.cancel();
      throw new IngestError(url, `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
    }
    const declared = Number(response.headers.get('content-length') ?? NaN);
    if (declared > settings.maxBytes) {
      await response.body?.cancel();
      throw new IngestError(url, `response is ${declared} bytes, over the limit of ${settings.maxBytes}`);
    }
    const bytes = await readLimited(response, url, settings.maxBytes, () => (abort.signal.aborted ? timeoutReason() : undefined));
    const contentType = response.headers.get('content-type') ?? '';
    const [mediaType = '', ...params] = contentType.split(';').map((p) => p.trim());
    const charset = params.find((p) => /^charset=/iu.test(p))?.slice('charset='.length).replace(/"/gu, '') || undefined;
    return { text: decodeText(bytes, url, charset), mediaType: mediaType.toLowerCase(), url: current };
  } finally {
    clearTimeout(headersTimer);
    clearTimeout(totalTimer);
  }
}

/** The absolute URL a Location header points to, refused unless it is http(s). */
function redirectTarget(source: string, from: string, location: string): string {
  let next: URL;
  try {
    next = new URL(location, from);
  } catch {
    throw new IngestError(source, `redirect to an invalid URL '${location}'`);
  }
  if (next.protocol !== 'http:' && next.protocol !== 'https:') throw new IngestError(source, `redirect to a ${next.protocol} URL refused (only http and https are followed)`);
  return next.href;
}

function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(3))} s`;
}

/** The body, read in chunks so that an oversized response without Content-Length is cut off early. */
async function readLimited(response: Response, url: string, maxBytes: number, timedOut: () => string | undefined): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  if (!response.body) return new Uint8Array();
  const reader = response.body.getReader();
  for (;;) {
    let chunk: Awaited<ReturnType<typeof reader.read>>;
    try {
      chunk = await reader.read();
    } catch (err) {
      throw new IngestError(url, timedOut() ?? `fetch failed while reading: ${(err as Error).message}`);
    }
    if (chunk.done) break;
    total += chunk.value.length;
    if (total > maxBytes) {
      await reader.cancel();
      throw new IngestError(url, `response is over the limit of ${maxBytes} bytes`);
    }
    chunks.push(chunk.value);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.length;
  }
  return bytes;
}
