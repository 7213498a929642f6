import { analyze as runDefaultPipeline } from '../analyze.js';
import type { Document } from '../document/document.js';
import { readSource } from '../ingest/index.js';
import type { IngestOptions, SourceRef } from '../ingest/types.js';
import type { Store } from './store.js';

/** What became of one article read from an input. */
export type StoreOutcome =
  | { ref: number; source: string; status: 'added' | 'unchanged' | 'replaced'; id: string; warnings: string[] }
  | { ref: number; source: string; status: 'failed'; reason: string };

export interface StoreArticlesOptions extends IngestOptions {
  /** Analyses a document in place (default: the default pipeline). */
  analyze?: (doc: Document) => Promise<{ warnings: string[] }>;
  /** Analyse and store again articles whose text is already stored, replacing them. */
  reanalyze?: boolean;
}

/**
 * Reads every input, analyses each article and stores it, yielding one outcome per article (`ref` is the index
 * of the input it came from). An article whose text is already stored is not analysed again unless `reanalyze`.
 * A refused input or a failing analysis is yielded as 'failed' and the batch goes on; each stored article is
 * committed on its own, so a failure later in the batch loses nothing stored before it.
 */
export async function* storeArticles(store: Store, refs: readonly SourceRef[], opts: StoreArticlesOptions = {}): AsyncGenerator<StoreOutcome> {
  const analyze = opts.analyze ?? runDefaultPipeline;
  for (let ref = 0; ref < refs.length; ref++) {
    for await (const item of readSource(refs[ref]!, opts)) {
      if (!item.ok) {
        yield { ref, source: item.source, status: 'failed', reason: item.error.reason };
        continue;
      }
      const { doc } = item;
      if (!opts.reanalyze && store.hasContent(doc.meta.contentHash)) {
        yield { ref, source: item.source, status: 'unchanged', id: doc.meta.id, warnings: [] };
        continue;
      }
      try {
        const { warnings } = await analyze(doc);
        yield { ref, source: item.source, status: store.putDocument(doc, { replace: opts.reanalyze ?? false }), id: doc.meta.id, warnings };
      } catch (err) {
        yield { ref, source: item.source, status: 'failed', reason: err instanceof Error ? err.message : String(err) };
      }
    }
  }
}
