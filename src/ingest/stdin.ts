/** Standard input as a source (`polity ingest -`): read whole, then told apart by its content, as a file of unknown extension is. */
import { looksLikeFeed } from './feed.js';
import { decodeText } from './file.js';
import { looksLikeHtml } from './html.js';
import { IngestError, type SourceRef } from './types.js';

/** The name standard input goes by on the command line, and in error messages. */
export const STDIN = '-';
export const STDIN_NAME = 'stdin';

/** How much of the input is looked at to tell its kind. */
const SNIFF_CHARS = 4096;

export async function readStdinText(maxBytes: number, input: AsyncIterable<Uint8Array> = process.stdin): Promise<string> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of input) {
    size += chunk.length;
    if (size > maxBytes) throw new IngestError(STDIN_NAME, `input is over the limit of ${maxBytes} bytes`);
    chunks.push(chunk);
  }
  return decodeText(Buffer.concat(chunks), STDIN_NAME);
}

/**
 * The kind of a text read from standard input: a feed or an HTML page by its opening, JSON Lines when its
 * first non-blank line is a JSON object (`{"title": …, "text": …}`), else plain text.
 */
export function kindOfContent(text: string): Exclude<SourceRef['kind'], 'url' | 'stdin'> {
  const head = text.slice(0, SNIFF_CHARS);
  if (looksLikeFeed(head)) return 'feed';
  if (looksLikeHtml(head)) return 'html';
  const first = text.split('\n').find((l) => l.trim() !== '')?.trim() ?? '';
  if (first.startsWith('{')) {
    try {
      const value: unknown = JSON.parse(first);
      if (typeof value === 'object' && value !== null && !Array.isArray(value)) return 'jsonl';
    } catch {
      // Not JSON: a text that happens to open with a brace.
    }
  }
  return 'text';
}
