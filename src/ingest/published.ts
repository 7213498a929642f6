/**
 * The publication date of an article, from the most trusted source that gives one: the page's own
 * metadata, then the feed, then a date in the URL, then the user's `--published`, then a dated dateline.
 */
import * as chrono from 'chrono-node';
import type { PublishedSource } from '../document/document.js';

/** A date that was given but cannot be read as a calendar day. */
export class UnknownDateError extends Error {
  constructor(readonly value: string) {
    super(`unknown date '${value}'`);
    this.name = 'UnknownDateError';
  }
}

/**
 * The calendar day a date string names, as YYYY-MM-DD in the writer's own time zone (a 23:30 -05:00
 * timestamp stays on its day), or undefined when it names no full, absolute date. chrono's strict mode
 * refuses relative dates ("yesterday"), which mean nothing without a reference day.
 */
export function parseDay(value: string): string | undefined {
  const trimmed = value.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/u.exec(trimmed);
  if (iso) return validDay(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const [result] = chrono.strict.parse(trimmed);
  if (!result || result.text.length < trimmed.length / 2) return undefined;
  const { start } = result;
  if (!start.isCertain('year') || !start.isCertain('month') || !start.isCertain('day')) return undefined;
  return validDay(start.get('year')!, start.get('month')!, start.get('day')!);
}

function validDay(year: number, month: number, day: number): string | undefined {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * A date in an article URL's path: /2020/01/14/, /2020-01-14-title, /20200114/, and the date-stamped ids of
 * /stories/202207260304.html. A path date outside 1990 to next year is an id, not a date.
 */
export function dayFromUrl(url: string): string | undefined {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return undefined;
  }
  const m =
    /\/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?=[/-]|\.|$)/u.exec(path) ??
    /\/((?:19|20)\d{2})(\d{2})(\d{2})(?:\d{4})?(?=[/.]|$)/u.exec(path);
  if (!m || Number(m[1]) < 1990 || Number(m[1]) > new Date().getUTCFullYear() + 1) return undefined;
  return validDay(Number(m[1]), Number(m[2]), Number(m[3]));
}

/**
 * Where a date may come from, most trusted first. `given` dates (a JSON Lines field, `--published`) must
 * parse, or the article is refused; `found` dates (HTML metadata, a feed's pubDate) are skipped when
 * they don't, since pages in the wild carry junk there.
 */
export interface PublishedCandidate {
  source: PublishedSource;
  value: string | undefined;
  given?: boolean;
}

export function resolvePublished(
  candidates: readonly PublishedCandidate[],
): { published: string; publishedSource: PublishedSource } | undefined {
  let chosen: { published: string; publishedSource: PublishedSource } | undefined;
  for (const { source, value, given } of candidates) {
    if (value === undefined || value.trim() === '') continue;
    // Once a date is chosen, a less trusted one that need not parse is not read (a dateline's date costs a chrono parse).
    if (chosen !== undefined && !given) continue;
    const day = source === 'url' ? dayFromUrl(value) : parseDay(value);
    if (day === undefined && given) throw new UnknownDateError(value);
    if (day !== undefined && chosen === undefined) chosen = { published: day, publishedSource: source };
  }
  return chosen;
}
