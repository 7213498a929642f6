import { analyze } from '../analyze.js';
import type { Document } from '../document/document.js';
import { expandSources, readSource, type IngestOptions } from '../ingest/index.js';

export interface AnalyzedInputs {
  docs: Document[];
  /** One `source: reason` line per refused input or failed analysis. */
  failures: string[];
  /** One `source: message` line per thing worth knowing that refused nothing (a redirect to another host). */
  notices: string[];
}

/** Reads the named inputs and analyses every article in them, without storing anything. */
export async function analyzeInputs(inputs: string[], opts: IngestOptions = {}): Promise<AnalyzedInputs> {
  const result: AnalyzedInputs = { docs: [], failures: [], notices: [] };
  const withNotices: IngestOptions = { ...opts, notice: (source, message) => result.notices.push(`${source}: ${message}`) };
  for (const ref of await expandSources(inputs)) {
    for await (const item of readSource(ref, withNotices)) {
      if (!item.ok) {
        result.failures.push(item.error.message);
        continue;
      }
      try {
        await analyze(item.doc);
        result.docs.push(item.doc);
      } catch (err) {
        result.failures.push(`${item.source}: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  }
  return result;
}
