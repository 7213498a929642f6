/**
 * Day arithmetic on UTC calendar dates. Hand-written: chrono-node parses expressions but has no public
 * calendar helpers, and month lengths, ISO weeks and day offsets are a few lines over the built-in Date.
 */

export interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function formatDay(d: CalendarDay): string {
  return `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;
}

export function formatMonth(year: number, month: number): string {
  return `${pad(year, 4)}-${pad(month)}`;
}

export function parseDay(iso: string): CalendarDay {
  const m = /^(\d{4})-(\d{2})-(\d{2})/u.exec(iso);
  if (!m) throw new RangeError(`not an ISO date: ${iso}`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

function toDate(d: CalendarDay): Date {
  return new Date(Date.UTC(d.year, d.month - 1, d.day));
}

function fromDate(date: Date): CalendarDay {
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

export function addDays(d: CalendarDay, days: number): CalendarDay {
  const date = toDate(d);
  date.setUTCDate(date.getUTCDate() + days);
  return fromDate(date);
}

export function addMonths(year: number, month: number, months: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + months;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(d: CalendarDay): number {
  return toDate(d).getUTCDay();
}

/** The ISO week ("2020-W03") a day falls in, with its Monday and Sunday. */
export function isoWeek(d: CalendarDay): { value: string; monday: CalendarDay; sunday: CalendarDay } {
  const monday = addDays(d, -((weekday(d) + 6) % 7));
  const thursday = addDays(monday, 3);
  const firstThursday = addDays({ year: thursday.year, month: 1, day: 4 }, 0);
  const week1Monday = addDays(firstThursday, -((weekday(firstThursday) + 6) % 7));
  const week = Math.round((toDate(monday).getTime() - toDate(week1Monday).getTime()) / (7 * 86_400_000)) + 1;
  return { value: `${pad(thursday.year, 4)}-W${pad(week)}`, monday, sunday: addDays(monday, 6) };
}
