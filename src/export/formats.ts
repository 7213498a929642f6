/** The export formats by name, as `polity export --format` and the library give them. */
import { eventCsv } from './csv.js';
import { allianceGraph, writeGexf, writeGraphml } from './graph.js';
import { ploverJsonLines } from './plover.js';
import { recordJsonLines } from './record-jsonl.js';
import type { ExportSource } from './source.js';

export const EXPORT_FORMATS = ['plover', 'csv', 'graphml', 'gexf', 'jsonl'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The export in `format` as chunks of text to write one after the other. */
export function exportChunks(source: ExportSource, format: ExportFormat, codedDate?: string): Iterable<string> {
  switch (format) {
    case 'plover': return ploverJsonLines(source, codedDate);
    case 'csv': return eventCsv(source, codedDate);
    case 'graphml': return [writeGraphml(allianceGraph(source))];
    case 'gexf': return [writeGexf(allianceGraph(source))];
    case 'jsonl': return recordJsonLines(source);
  }
}
