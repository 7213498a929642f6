import type { Document } from '../document/document.js';
import type { Span } from '../document/span.js';
import type { TimeValue } from '../document/layers.js';
import type { Evidence } from './types.js';

/** Evidence for a span of an article: the article id, its date, the sentence holding the span's start, the offsets. */
export function evidenceOf(doc: Document, s: Span): Evidence {
  const sentence = doc.sentences.findIndex((x) => x.span.start <= s.start && s.start < x.span.end);
  return {
    article: doc.meta.id,
    ...(doc.meta.published !== undefined && { published: doc.meta.published }),
    ...(sentence >= 0 && { sentence }),
    start: s.start,
    end: s.end,
  };
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The first day a time value covers (YYYY-MM-DD), or undefined for durations and unresolved values. */
export function firstDay(t: TimeValue | undefined): string | undefined {
  if (!t || t.kind === 'duration' || t.kind === 'set') return undefined;
  if (t.start && DAY.test(t.start)) return t.start;
  if (DAY.test(t.value)) return t.value;
  return undefined;
}

/** The last day a time value covers (YYYY-MM-DD): "the first week of March" → 2024-03-07. */
export function lastDay(t: TimeValue | undefined): string | undefined {
  if (!t || t.kind === 'duration' || t.kind === 'set') return undefined;
  if (t.end && DAY.test(t.end)) return t.end;
  if (DAY.test(t.value)) return t.value;
  const month = /^(\d{4})-(\d{2})$/.exec(t.value);
  if (month) {
    const last = new Date(Date.UTC(Number(month[1]), Number(month[2]), 0));
    return last.toISOString().slice(0, 10);
  }
  return undefined;
}

/** Days between two YYYY-MM-DD dates (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}
