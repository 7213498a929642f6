import type { Document } from '../document/document.js';
import { addDays, evidenceOf, firstDay, lastDay } from './evidence.js';
import type { ActorLookup } from './state.js';
import type { RecordEvent } from './types.js';

/** An undated event is taken to have happened in the week before its article was published. */
const UNDATED_WINDOW_DAYS = 7;

interface Report {
  event: RecordEvent;
  from: string | undefined;
  to: string | undefined;
}

function overlaps(a: string[], b: string[]): boolean {
  return a.some((x) => b.includes(x));
}

/**
 * Reports dated to the same day that share a participant in any role. Articles disagree on who acted: "Qureshi
 * resigned" and "the Prime Minister accepted the resignation of Qureshi" report one resignation.
 */
function sameDayShared(a: Report, b: Report): boolean {
  const exact = (r: Report): string | undefined => (r.from !== undefined && r.from === r.to ? r.from : undefined);
  return exact(a) !== undefined && exact(a) === exact(b) &&
    overlaps([...a.event.actors, ...a.event.recipients], [...b.event.actors, ...b.event.recipients]);
}

/**
 * Merges reports of the same event from several articles: same PLOVER type, overlapping actors (after
 * cross-document resolution), recipients overlapping when both give some, and compatible dates (ranges that
 * overlap; an undated report covers the week before its article). Future, hypothetical and negated events are
 * not acts that happened, so they are never merged with one that did.
 */
export function deduplicateEvents(docs: Document[], lookup: ActorLookup): RecordEvent[] {
  const reports: Report[] = [];
  for (const doc of docs) {
    for (const e of doc.events) {
      const actors = [...new Set(e.actor.map((a) => lookup(doc, a)).filter((a): a is string => a !== undefined))];
      const recipients = [...new Set(e.recipient.map((a) => lookup(doc, a)).filter((a): a is string => a !== undefined))];
      const exact = firstDay(e.date);
      const published = doc.meta.published;
      const from = exact ?? (published ? addDays(published, -UNDATED_WINDOW_DAYS) : undefined);
      const to = exact ? lastDay(e.date) ?? exact : published;
      const date = exact ?? published;
      reports.push({
        from,
        to,
        event: {
          id: '',
          type: e.type,
          ...(e.mode !== undefined && { mode: e.mode }),
          ...(date !== undefined && { date }),
          actors,
          recipients,
          modality: e.modality,
          sources: [{ ...evidenceOf(doc, e.evidence), event: e.id, trigger: e.trigger }],
        },
      });
    }
  }
  const merged: Report[] = [];
  const byType = new Map<string, Report[]>();
  const happened = (r: Report): boolean => r.event.modality === 'asserted' || r.event.modality === 'reported';
  for (const r of reports) {
    const sameType = byType.get(r.event.type) ?? [];
    byType.set(r.event.type, sameType);
    const same = sameType.find((m) =>
      m.event.type === r.event.type &&
      happened(m) && happened(r) &&
      (sameDayShared(m, r) || (
        overlaps(m.event.actors, r.event.actors) &&
        (m.event.recipients.length === 0 || r.event.recipients.length === 0 || overlaps(m.event.recipients, r.event.recipients)))) &&
      m.from !== undefined && r.from !== undefined && m.to !== undefined && r.to !== undefined &&
      m.from <= r.to && r.from <= m.to &&
      !m.event.sources.some((s) => s.article === r.event.sources[0]!.article));
    if (!same) { merged.push(r); sameType.push(r); continue; }
    same.event.sources.push(...r.event.sources);
    for (const a of r.event.actors) if (!same.event.actors.includes(a)) same.event.actors.push(a);
    for (const a of r.event.recipients) if (!same.event.recipients.includes(a)) same.event.recipients.push(a);
    // Narrow the window to what both reports allow, so a third report must fit both.
    if (r.from! > same.from!) same.from = r.from;
    if (r.to! < same.to!) same.to = r.to;
  }
  return merged.map((m, i) => ({ ...m.event, id: `event:${i + 1}` }));
}
