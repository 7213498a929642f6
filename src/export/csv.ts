/** Events as CSV, one event per row; the columns are documented in docs/exports.md. */
import { stringify } from 'csv-stringify/sync';
import type { Document } from '../document/document.js';
import { ploverRecord } from './plover.js';

export const EVENT_CSV_COLUMNS = [
  'document', 'event', 'date', 'date_source', 'type', 'mode', 'cameo', 'modality', 'actor', 'actor_ids',
  'recipient', 'recipient_ids', 'place', 'trigger', 'trigger_start', 'trigger_end', 'evidence_start',
  'evidence_end', 'context', 'statement', 'state_changes', 'sentence', 'url', 'published',
] as const;

/** Every event of the documents as CSV with a header row; lists inside a cell are joined with "; ". */
export function toEventCsv(docs: Iterable<Document>): string {
  const rows: (string | number)[][] = [];
  for (const doc of docs) {
    for (const e of doc.events) {
      const r = ploverRecord(doc, e, '');
      rows.push([
        doc.meta.id, e.id, r.date, r.polity.date_source, e.type, e.mode ?? '', e.cameo ?? '', e.modality,
        r.actor.map((a) => a.identifier_text).join('; '), e.actor.join('; '),
        r.recipient.map((a) => a.identifier_text).join('; '), e.recipient.join('; '),
        r.event_loc?.resolved_place ?? '', r.event_text, e.trigger.start, e.trigger.end, e.evidence.start, e.evidence.end,
        (e.context ?? []).join('; '), e.statement ?? '', r.polity.state_changes.join('; '), r.text, doc.meta.url ?? '', doc.meta.published ?? '',
      ]);
    }
  }
  return stringify(rows, { header: true, columns: [...EVENT_CSV_COLUMNS], quoted_match: /[\n\r",]/u });
}
