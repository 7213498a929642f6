/**
 * When a statement was made, from a time expression next to its cue ("said Monday", "said on Monday that",
 * "said in a statement on Sunday that").
 */
import * as chrono from 'chrono-node';
import type { Document } from '../../document/document.js';
import type { TimeValue } from '../../document/layers.js';
import type { Span } from '../../document/span.js';
import { spanContains } from '../../document/span.js';
import type { Attribution } from './attribute.js';

/** Only "on" (or nothing) may separate the cue and the date. */
const BETWEEN_CUE_AND_DATE = /^\s*(?:on\s+)?$/iu;
const DAY_WORD = /^\s*(?:on\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|last night)\b/iu;

function isAdjacentToCue(text: string, cue: Span, s: Span): boolean {
  if (s.start >= cue.end) return BETWEEN_CUE_AND_DATE.test(text.slice(cue.end, s.start));
  return s.end <= cue.start && /^\s*$/u.test(text.slice(s.end, cue.start));
}

/** A day word read relative to the publication date, always on or before it: statements are reported after they are made. */
function dayBefore(word: string, published: string): TimeValue | undefined {
  const ref = new Date(`${published}T12:00:00Z`);
  const parsed = chrono.parseDate(word, ref);
  if (!parsed) return undefined;
  const day = new Date(Date.UTC(parsed.getFullYear(), parsed.getMonth(), parsed.getDate()));
  if (day.getTime() > ref.getTime()) day.setUTCDate(day.getUTCDate() - 7);
  return { kind: 'date', granularity: 'day', value: day.toISOString().slice(0, 10) };
}

export function statementDate(doc: Document, a: Attribution): TimeValue | undefined {
  if (!a.cue) return undefined;
  const cue = a.cue;
  if (doc.times.length > 0) {
    const time = doc.times.find((t) => (a.adjunct && spanContains(a.adjunct, t.span)) || isAdjacentToCue(doc.text, cue, t.span));
    return time?.value;
  }
  // Without the time stage, the day words that follow a cue are read here.
  const published = doc.meta.published;
  if (!published) return undefined;
  const windowEnd = a.adjunct && a.adjunct.start >= cue.end ? a.adjunct.end : Math.min(doc.text.length, cue.end + 16);
  const m = DAY_WORD.exec(doc.text.slice(cue.end, windowEnd));
  return m ? dayBefore(m[1]!, published) : undefined;
}
