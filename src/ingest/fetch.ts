/** Fetching a page or feed URL, with the same limits and checks as a file. */
import { decodeText } from './file.js';
import { IngestError } from './types.js';

export interface FetchedText {
  text: string;
  /** Media type from Content-Type, lower case, without parameters ("text/html"). */
  mediaType: string;
  /** The URL after redirects. */
  url: string;
}

export async function fetchText(url: string, maxBytes: number, fetchImpl: typeof globalThis.fetch): Promise<FetchedText> {
  let response: Response;
  try {
    response = await fetchImpl(url, { redirect: 'follow', headers: { accept: 'text/html, application/rss+xml, application/atom+xml, application/xml;q=0.9, text/plain;q=0.8, */*;q=0.5' } });
  } catch (err) {
    const cause = (err as Error & { cause?: Error }).cause;
    throw new IngestError(url, `fetch failed: ${cause?.message ?? (err as Error).message}`);
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new IngestError(url, `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
  }
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw new IngestError(url, `response is ${declared} bytes, over the limit of ${maxBytes}`);
  }
  const bytes = await readLimited(response, url, maxBytes);
  const contentType = response.headers.get('content-type') ?? '';
  const [mediaType = '', ...params] = contentType.split(';').map((p) => p.trim());
  const charset = params.find((p) => /^charset=/iu.test(p))?.slice('charset='.length).replace(/"/gu, '') || undefined;
  return { text: decodeText(bytes, url, charset), mediaType: mediaType.toLowerCase(), url: response.url || url };
}

/** The body, read in chunks so that an oversized response without Content-Length is cut off early. */
async function readLimited(response: Response, url: string, maxBytes: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  if (!response.body) return new Uint8Array();
  const reader = response.body.getReader();
  for (;;) {
    let chunk: Awaited<ReturnType<typeof reader.read>>;
    try {
      chunk = await reader.read();
    } catch (err) {
      throw new IngestError(url, `fetch failed while reading: ${(err as Error).message}`);
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
