/**
 * How many articles a batch holds, before it is read, for the progress bar: a JSON Lines file has one per
 * non-blank line, a feed one per item, any other file one. Standard input and URLs cannot be read twice, so
 * they count as one until they are read. A file that cannot be read counts as one (its refusal is one outcome).
 */
import { parseFeed } from '../ingest/feed.js';
import { DEFAULT_MAX_BYTES, readTextFile, readTextLines } from '../ingest/file.js';
import type { SourceRef } from '../ingest/index.js';

export async function countArticles(ref: SourceRef, maxBytes = DEFAULT_MAX_BYTES): Promise<number> {
  if (ref.kind !== 'jsonl' && ref.kind !== 'feed') return 1;
  try {
    if (ref.kind === 'jsonl') {
      // Streamed, as ingest reads it: a JSON Lines corpus is not held whole to be counted.
      let n = 0;
      for await (const l of readTextLines(ref.location, maxBytes)) if ('error' in l || l.text.trim() !== '') n++;
      return Math.max(n, 1);
    }
    return Math.max(parseFeed(await readTextFile(ref.location, maxBytes)).length, 1);
  } catch {
    return 1;
  }
}

/** Estimated articles per input, in the order of the inputs. */
export async function countBatch(refs: readonly SourceRef[]): Promise<number[]> {
  const counts: number[] = [];
  for (const ref of refs) counts.push(await countArticles(ref));
  return counts;
}

/**
 * The estimated total of a batch as its articles arrive: an input is finished once a later one has started,
 * and then counts what it held; one that holds more than estimated counts what it has shown so far.
 */
export class ArticleEstimate {
  private readonly seen: number[];

  constructor(private readonly estimates: number[]) {
    this.seen = estimates.map(() => 0);
  }

  get total(): number {
    return this.estimates.reduce((a, b) => a + b, 0);
  }

  /** One more article (or refusal) from input `ref`; the new estimated total. */
  add(ref: number): number {
    for (let r = 0; r < ref; r++) this.estimates[r] = this.seen[r]!;
    this.seen[ref] = this.seen[ref]! + 1;
    this.estimates[ref] = Math.max(this.estimates[ref]!, this.seen[ref]!);
    return this.total;
  }
}
