import type { Document } from '../../src/document/document.js';
import { ingestSources, type IngestItem, type IngestOptions } from '../../src/ingest/index.js';
import { packagePath } from '../../src/package-path.js';

export const fixture = (name: string) => packagePath(`test/fixtures/ingest/${name}`);

export async function collect(inputs: string[], opts?: IngestOptions): Promise<IngestItem[]> {
  const items: IngestItem[] = [];
  for await (const item of ingestSources(inputs, opts)) items.push(item);
  return items;
}

export function datelineText(doc: Document): string | undefined {
  const d = doc.meta.dateline;
  return d && doc.text.slice(d.span.start, d.span.end);
}

export function docsOf(items: IngestItem[]): Document[] {
  return items.flatMap((i) => (i.ok ? [i.doc] : []));
}

export function errorsOf(items: IngestItem[]): string[] {
  return items.flatMap((i) => (i.ok ? [] : [i.error.message]));
}
