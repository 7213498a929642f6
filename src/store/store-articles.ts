import { analyze as runDefaultPipeline } from '../analyze.js';
import type { Document } from '../document/document.js';
import { readSource } from '../ingest/index.js';
import type { IngestItem, IngestOptions, SourceRef } from '../ingest/types.js';
import { refusesAgain } from '../pipeline/refusal.js';
import type { Store } from './store.js';

/** What became of one article read from an input. */
export type StoreOutcome =
  | { ref: number; source: string; status: 'added' | 'unchanged' | 'replaced'; id: string; warnings: string[] }
  | {
    ref: number;
    source: string;
    status: 'failed';
    reason: string;
    /** The analysis refused the article for what it is (refusesAgain): trying it again fails the same way. */
    refused?: true;
  };

export interface StoreArticlesOptions extends IngestOptions {
  /** Analyses a document in place (default: the default pipeline in this thread; an AnalysisPool's `analyze` for workers). */
  analyze?: (doc: Document) => Promise<{ warnings: string[]; json?: string }>;
  /** Analyse and store again articles whose text is already stored, replacing them. */
  reanalyze?: boolean;
  /**
   * How many articles may be in analysis at once (default 1: one after the other). Above 1 the analyses overlap —
   * worth it when `analyze` runs elsewhere, on worker threads — while storing stays here, one article at a time,
   * in input order, so outcomes are the same as with 1.
   */
  concurrency?: number;
}

type Analysis = { ok: true; warnings: string[]; json?: string } | { ok: false; reason: string; refused: boolean };

/** An article read and on its way: refused, known, being analysed, or waiting for an earlier copy of its text. */
type Pending =
  | { ref: number; source: string; kind: 'done'; outcome: StoreOutcome }
  | { ref: number; source: string; kind: 'analysing'; doc: Document; analysis: Promise<Analysis> }
  | { ref: number; source: string; kind: 'after-copy'; doc: Document };

/** One article read (or one input refused) and the index of the input it came from. */
export interface ReadArticle {
  ref: number;
  item: IngestItem;
}

/**
 * Reads every input, analyses each article and stores it, yielding one outcome per article (`ref` is the index
 * of the input it came from). An article whose text is already stored is not analysed again unless `reanalyze`.
 * A refused input or a failing analysis is yielded as 'failed' and the batch goes on; each stored article is
 * committed on its own, so a failure later in the batch loses nothing stored before it.
 */
export function storeArticles(store: Store, refs: readonly SourceRef[], opts: StoreArticlesOptions = {}): AsyncGenerator<StoreOutcome> {
  return storeItems(store, readArticles(refs, opts), opts);
}

async function* readArticles(refs: readonly SourceRef[], opts: IngestOptions): AsyncGenerator<ReadArticle> {
  for (let ref = 0; ref < refs.length; ref++) {
    for await (const item of readSource(refs[ref]!, opts)) yield { ref, item };
  }
}

/**
 * storeArticles over articles already read (a queue worker's job holds an article read elsewhere): the same
 * analysis, idempotent storing and outcomes.
 */
export async function* storeItems(store: Store, items: AsyncIterable<ReadArticle> | Iterable<ReadArticle>, opts: StoreArticlesOptions = {}): AsyncGenerator<StoreOutcome> {
  const analyze: NonNullable<StoreArticlesOptions['analyze']> = opts.analyze ?? runDefaultPipeline;
  const window = Math.max(1, Math.floor(opts.concurrency ?? 1));
  const replace = opts.reanalyze ?? false;
  // Texts in analysis and not yet stored: a second copy waits for the first, as it would one after the other.
  const inAnalysis = new Set<string>();
  // Never rejects (an analysis that throws, even before its first await, is a refused article), so a result
  // waiting in the window raises no unhandled rejection.
  const begin = async (doc: Document): Promise<Analysis> => {
    inAnalysis.add(doc.meta.contentHash);
    try {
      const { warnings, json } = await analyze(doc);
      return { ok: true, warnings, ...(json !== undefined && { json }) };
    } catch (err) {
      return { ok: false, reason: err instanceof Error ? err.message : String(err), refused: refusesAgain(err) };
    }
  };
  const read = (ref: number, item: IngestItem): Pending => {
    const { source } = item;
    if (!item.ok) return { ref, source, kind: 'done', outcome: { ref, source, status: 'failed', reason: item.error.reason } };
    const { doc } = item;
    if (!replace && inAnalysis.has(doc.meta.contentHash)) return { ref, source, kind: 'after-copy', doc };
    if (!replace && store.hasContent(doc.meta.contentHash)) return { ref, source, kind: 'done', outcome: unchanged(ref, source, doc) };
    return { ref, source, kind: 'analysing', doc, analysis: begin(doc) };
  };
  const finish = async (p: Pending): Promise<StoreOutcome> => {
    if (p.kind === 'done') return p.outcome;
    const { ref, source, doc } = p;
    if (p.kind === 'after-copy' && store.hasContent(doc.meta.contentHash)) return unchanged(ref, source, doc);
    const result = await (p.kind === 'analysing' ? p.analysis : begin(doc));
    inAnalysis.delete(doc.meta.contentHash);
    if (!result.ok) return { ref, source, status: 'failed', reason: result.reason, ...(result.refused && { refused: true as const }) };
    try {
      return { ref, source, status: store.putDocument(doc, { replace, ...(result.json !== undefined && { json: result.json }) }), id: doc.meta.id, warnings: result.warnings };
    } catch (err) {
      return { ref, source, status: 'failed', reason: err instanceof Error ? err.message : String(err) };
    }
  };

  const pending: Pending[] = [];
  for await (const { ref, item } of items) {
    pending.push(read(ref, item));
    while (pending.length >= window) yield await finish(pending.shift()!);
  }
  while (pending.length > 0) yield await finish(pending.shift()!);
}

function unchanged(ref: number, source: string, doc: Document): StoreOutcome {
  return { ref, source, status: 'unchanged', id: doc.meta.id, warnings: [] };
}
