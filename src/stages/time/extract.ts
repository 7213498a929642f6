/**
 * Finds time expressions in a text and normalizes them relative to the publication date. chrono-node does
 * the general parsing (weekdays, calendar dates, "last month", "yesterday", clock times); the rules here
 * cover what chrono does not keep or does not know and that news relies on: granularity, durations
 * ("seven months"), parts of months and years ("early March", "mid-2019"), week ordinals ("the first week
 * of February"), quarters, bare years, decades, seasons, sets and vague references ("recently").
 */
import { readFileSync } from 'node:fs';
import * as chrono from 'chrono-node';
import type { TimeValue } from '../../document/layers.js';
import type { Span } from '../../document/span.js';
import { normalizeText } from '../../document/normalize.js';
import { TextPattern } from '../../document/text-pattern.js';
import { packagePath } from '../../package-path.js';
import {
  type CalendarDay, addDays, addMonths, daysInMonth, formatDay, formatMonth, isoWeek, parseDay, weekday,
} from './calendar.js';

interface DayRange {
  from: number;
  to: number;
  mod: string;
}

interface TimeLexicon {
  months: Record<string, number>;
  numberWords: Record<string, number>;
  vagueQuantities: string[];
  ordinals: Record<string, number>;
  durationUnits: Record<string, string>;
  monthParts: Record<string, DayRange>;
  yearParts: Record<string, DayRange>;
  seasons: Record<string, string>;
  references: Record<string, string>;
  sets: Record<string, string>;
  futureCues: string[];
  pastCues: string[];
}

const LEXICON = JSON.parse(readFileSync(packagePath('src/stages/time/time-lexicon.json'), 'utf8')) as TimeLexicon;

/** Alternation of lexicon keys, longest first so "the end of" wins over shorter keys. */
function alternation(keys: Iterable<string>): string {
  return [...keys]
    .sort((a, b) => b.length - a.length)
    .map((k) => k.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&').replace(/ /gu, '\\s+'))
    .join('|');
}

const MONTH = `(?:${alternation(Object.keys(LEXICON.months))})\\.?`;
const FULL_MONTH = alternation(Object.keys(LEXICON.months).filter((k) => k.length > 3 || k === 'may'));
const YEAR = '(?:1[89]\\d\\d|20\\d\\d)';
const ORDINAL = alternation(Object.keys(LEXICON.ordinals));
const TENS = 'twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety';
const NUMBER = `(?:\\d{1,3}(?:\\.\\d+)?|(?:${TENS})[\\s-](?:one|two|three|four|five|six|seven|eight|nine)|${alternation(Object.keys(LEXICON.numberWords))}|${alternation(LEXICON.vagueQuantities)})`;
const UNIT = alternation(Object.keys(LEXICON.durationUnits).flatMap((u) => [u, u === 'century' ? 'centuries' : `${u}s`]));
const MONTH_PART = alternation(Object.keys(LEXICON.monthParts));
const YEAR_PART = alternation(Object.keys(LEXICON.yearParts));
const FUTURE_CUE = new TextPattern(`(?:^|[^\\w'])(?:${alternation(LEXICON.futureCues)})(?![\\w'])`, 'giu');
const PAST_CUE = new TextPattern(`(?:^|[^\\w'])(?:${alternation(LEXICON.pastCues)}|\\w{2,}[^e\\W]ed|\\w+ied)(?![\\w'])`, 'giu');

export interface FoundTime {
  /** Span in the text given to `extractTimes`. */
  span: Span;
  value: TimeValue;
}

export interface ExtractTimesOptions {
  /** Publication date (YYYY-MM-DD); relative expressions stay unresolved without it. */
  published?: string;
  /** Sentence spans, used to read the tense around an expression; found by punctuation when absent. */
  sentences?: readonly Span[];
}

interface Context {
  text: string;
  ref?: CalendarDay;
  sentences?: readonly Span[];
}

type Candidate = { start: number; end: number; value: TimeValue; rule: boolean };

const monthOf = (word: string): number => LEXICON.months[word.toLowerCase().replace(/\.$/u, '')] ?? 0;

function numberOf(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\s+/gu, ' ');
  if (/^\d/u.test(w)) return Number(w);
  const compound = /^(\w+)[\s-](\w+)$/u.exec(w);
  if (compound && LEXICON.numberWords[compound[1]!] && LEXICON.numberWords[compound[2]!]) {
    return LEXICON.numberWords[compound[1]!]! + LEXICON.numberWords[compound[2]!]!;
  }
  return LEXICON.numberWords[w];
}

function dayRange(start: CalendarDay, end: CalendarDay): Pick<TimeValue, 'start' | 'end'> {
  return { start: formatDay(start), end: formatDay(end) };
}

function monthValue(year: number, month: number, from = 1, to = 31): TimeValue {
  const last = daysInMonth(year, month);
  return {
    kind: from === 1 && to >= last ? 'date' : 'range',
    granularity: 'month',
    value: formatMonth(year, month),
    ...dayRange({ year, month, day: from }, { year, month, day: Math.min(to, last) }),
  };
}

function dayValue(d: CalendarDay): TimeValue {
  const iso = formatDay(d);
  return { kind: 'date', granularity: 'day', value: iso, start: iso, end: iso };
}

/** The sentence around an offset: from the sentence list, else from the nearest sentence punctuation. */
function sentenceAround(ctx: Context, at: number): Span {
  const found = ctx.sentences?.find((s) => s.start <= at && at < s.end);
  if (found) return found;
  const before = ctx.text.slice(0, at).search(/[.!?\n][^.!?\n]*$/u);
  const after = ctx.text.slice(at).search(/[.!?\n]/u);
  return { start: before < 0 ? 0 : before + 1, end: after < 0 ? ctx.text.length : at + after };
}

/**
 * Whether the clause around an expression speaks of the future: the nearest tense cue before it decides
 * ("the PM will visit on Monday" → future; "he said Monday he would not rejoin" → past), else the first
 * cue after it ("Monday's meeting will decide" → future).
 */
function tenseAround(ctx: Context, start: number, end: number): 'future' | 'past' | undefined {
  const sentence = sentenceAround(ctx, start);
  const lastCue = (s: string, re: TextPattern) => Math.max(-1, ...[...s.matchAll(re.for(s))].map((m) => m.index));
  const firstCue = (s: string, re: TextPattern) => {
    const idx = [...s.matchAll(re.for(s))].map((m) => m.index);
    return idx.length ? Math.min(...idx) : Infinity;
  };
  const before = ctx.text.slice(sentence.start, start);
  const future = lastCue(before, FUTURE_CUE);
  const past = lastCue(before, PAST_CUE);
  if (future >= 0 || past >= 0) return future >= past ? 'future' : 'past';
  const after = ctx.text.slice(end, sentence.end);
  const futureAfter = firstCue(after, FUTURE_CUE);
  const pastAfter = firstCue(after, PAST_CUE);
  if (futureAfter === pastAfter) return undefined;
  return futureAfter < pastAfter ? 'future' : 'past';
}

function isFuture(ctx: Context, start: number, end: number): boolean {
  return tenseAround(ctx, start, end) === 'future';
}

/**
 * The year of a month (and day) named without one: "last November" is the one before publication, "next
 * March" the one after; otherwise the nearest occurrence, where a future clause ("elections will be held in
 * March") rules out the past; a past clause ("the talks failed in December") counts later dates three
 * times over, a clause of unknown tense twice.
 */
function yearForMonth(ctx: Context, month: number, start: number, end: number, day = 1): number | undefined {
  if (!ctx.ref) return undefined;
  const ref = ctx.ref;
  const modifier = /\b(last|next|this|past|coming)\s+$/iu.exec(ctx.text.slice(Math.max(0, start - 8), start))?.[1]
    ?? /^(last|next|this|past|coming)\b/iu.exec(ctx.text.slice(start, end))?.[1];
  const distance = (year: number) => (Date.UTC(year, month - 1, day) - Date.UTC(ref.year, ref.month - 1, ref.day)) / 86_400_000;
  // Only years that have the day: "29 February" in an article of 2023 is 2024's or 2020's, never 2023-02-29.
  const has = (year: number) => day <= daysInMonth(year, month);
  let years = [ref.year - 1, ref.year, ref.year + 1].filter(has);
  if (years.length === 0) {
    let before = ref.year - 2;
    while (!has(before)) before--;
    let after = ref.year + 2;
    while (!has(after)) after++;
    years = [before, after];
  }
  switch (modifier?.toLowerCase()) {
    case 'this':
      return has(ref.year) ? ref.year : undefined;
    case 'last':
    case 'past':
      return years.filter((y) => distance(y) < 0).at(-1);
    case 'next':
    case 'coming':
      return years.find((y) => distance(y) > 0);
  }
  const tense = tenseAround(ctx, start, end);
  const cost = (y: number) => {
    const d = distance(y);
    if (tense === 'future') return d < 0 ? Infinity : d;
    if (tense === 'past') return d > 0 ? 3 * d : -d;
    return d > 0 ? 2 * d : -d;
  };
  return years.reduce((best, y) => (cost(y) < cost(best) ? y : best));
}

/** The quarter a quarter named without a year falls in: reports speak of the last completed one. */
function yearForQuarter(ctx: Context, q: number, start: number, end: number): number | undefined {
  if (!ctx.ref) return undefined;
  const current = Math.floor((ctx.ref.month - 1) / 3) + 1;
  if (isFuture(ctx, start, end)) return q < current ? ctx.ref.year + 1 : ctx.ref.year;
  return q > current ? ctx.ref.year - 1 : ctx.ref.year;
}

/** ISO period for an amount of a unit symbol from the lexicon ("M" → P7M); decades count in years, as TimeML does. */
function durationValue(n: number | undefined, unit: string): string {
  const [factor, symbol] = unit === 'DE' ? [10, 'Y'] : unit === 'CE' ? [100, 'Y'] : unit === '2W' ? [2, 'W'] : [1, unit];
  const amount = n === undefined ? 'X' : String(n * factor);
  return symbol.startsWith('T') ? `PT${amount}${symbol.slice(1)}` : `P${amount}${symbol}`;
}

const unresolved = (granularity: TimeValue['granularity'], value: string, kind: TimeValue['kind'] = 'date'): TimeValue => ({
  kind,
  granularity,
  value,
});

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const DAY_PARTS: Record<string, string> = { morning: 'MO', afternoon: 'AF', evening: 'EV', night: 'NI' };

/** A weekday named without "next" or "last": news reports the past, so the one before publication unless the clause is future. */
function weekdayNear(ctx: Context, target: number, start: number, end: number): CalendarDay {
  const ref = ctx.ref!;
  const back = (weekday(ref) - target + 7) % 7;
  return isFuture(ctx, start, end) ? addDays(ref, back === 0 ? 7 : 7 - back) : addDays(ref, -back);
}

/** Expressions the domain rules recognise, each with the example it handles. */
/** The rules' patterns, compiled once rather than for every article (they are built from the lexicon, so fixed). */
const COMPILED = new Map<string, TextPattern>();
function compiled(pattern: string): TextPattern {
  let re = COMPILED.get(pattern);
  if (!re) COMPILED.set(pattern, (re = new TextPattern(pattern, 'giu')));
  return re;
}

function ruleCandidates(ctx: Context): Candidate[] {
  const out: Candidate[] = [];
  const { text, ref } = ctx;
  const add = (start: number, end: number, value: TimeValue | undefined) => {
    if (value) out.push({ start, end, value, rule: true });
  };
  const each = (pattern: string, fn: (m: RegExpExecArray) => TimeValue | undefined) => {
    const re = compiled(pattern).for(text);
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) add(m.index, m.index + m[0].length, fn(m));
  };

  // "PM will visit Karachi in the first week of February" → 2020-02-01..2020-02-07
  each(`\\b(?:the\\s+)?(${ORDINAL})\\s+week\\s+of\\s+(${MONTH})(?:,?\\s+(${YEAR}))?\\b`, (m) => {
    const ordinal = LEXICON.ordinals[m[1]!.toLowerCase()]!;
    const month = monthOf(m[2]!);
    const year = m[3] ? Number(m[3]) : yearForMonth(ctx, month, m.index, m.index + m[0].length);
    if (ordinal > 4) return undefined;
    if (year === undefined) return unresolved('week', `XXXX-${String(month).padStart(2, '0')}`, 'range');
    const last = daysInMonth(year, month);
    const from = ordinal < 0 ? last - 6 : (ordinal - 1) * 7 + 1;
    const start = { year, month, day: from };
    const end = { year, month, day: from + 6 };
    return { kind: 'range', granularity: 'week', value: `${formatDay(start)}/${formatDay(end)}`, ...dayRange(start, end) };
  });

  // "In May, 48 people died": a capitalized month after a preposition, where chrono reads the count as a year
  each(`(?<=\\b(?:in|since|until|by|during|through)\\s+)(${FULL_MONTH})\\b`, (m) => {
    if (!/^\p{Lu}/u.test(m[1]!)) return undefined;
    const month = monthOf(m[1]!);
    const year = yearForMonth(ctx, month, m.index, m.index + m[0].length);
    return year === undefined ? unresolved('month', `XXXX-${String(month).padStart(2, '0')}`) : monthValue(year, month);
  });

  // "talks are expected in early March", "by the end of March 2021" → 2020-03 narrowed to its days
  each(`\\b(${MONTH_PART})[\\s-]+(${MONTH})(?:,?\\s+(${YEAR}))?\\b`, (m) => {
    const part = LEXICON.monthParts[m[1]!.toLowerCase().replace(/\s+/gu, ' ')]!;
    const month = monthOf(m[2]!);
    const year = m[3] ? Number(m[3]) : yearForMonth(ctx, month, m.index, m.index + m[0].length);
    if (year === undefined) return unresolved('month', `XXXX-${String(month).padStart(2, '0')}`, 'range');
    return monthValue(year, month, part.from, part.to);
  });

  // "the economy slowed in mid-2019" → 2019, May to August
  each(`\\b(${YEAR_PART})[\\s-]+(${YEAR})\\b`, (m) => {
    const part = LEXICON.yearParts[m[1]!.toLowerCase().replace(/\s+/gu, ' ')]!;
    const year = Number(m[2]);
    const start = { year, month: part.from, day: 1 };
    const end = { year, month: part.to, day: daysInMonth(year, part.to) };
    return { kind: 'range', granularity: 'year', value: String(year), ...dayRange(start, end) };
  });

  // "the dues will be cleared by the end of the month", "early this year", "late next month"
  each(`\\b(${MONTH_PART}|${YEAR_PART})\\s+(the|this|next|last)\\s+(month|year)\\b`, (m) => {
    if (!ref) return unresolved(m[3]!.toLowerCase() === 'month' ? 'month' : 'year', m[3]!.toLowerCase() === 'month' ? 'XXXX-XX' : 'XXXX', 'range');
    const shift = { next: 1, last: -1 }[m[2]!.toLowerCase()] ?? 0;
    const partName = m[1]!.toLowerCase().replace(/\s+/gu, ' ');
    if (m[3]!.toLowerCase() === 'month') {
      const part = LEXICON.monthParts[partName];
      if (!part) return undefined;
      const { year, month } = addMonths(ref.year, ref.month, shift);
      return monthValue(year, month, part.from, part.to);
    }
    const part = LEXICON.yearParts[partName];
    if (!part) return undefined;
    const year = ref.year + shift;
    return {
      kind: 'range', granularity: 'year', value: String(year),
      ...dayRange({ year, month: part.from, day: 1 }, { year, month: part.to, day: daysInMonth(year, part.to) }),
    };
  });

  const quarter = (year: number | undefined, q: number): TimeValue => {
    if (year === undefined) return unresolved('quarter', `XXXX-Q${q}`);
    const start = { year, month: q * 3 - 2, day: 1 };
    const end = { year, month: q * 3, day: daysInMonth(year, q * 3) };
    return { kind: 'date', granularity: 'quarter', value: `${year}-Q${q}`, ...dayRange(start, end) };
  };
  // "growth picked up in the third quarter of 2019", "third-quarter profit fell", "next year's first quarter"
  each(`\\b(?:(?:the\\s+)?(${YEAR})\\s+|(this|next|last)\\s+year's\\s+|the\\s+)?(${ORDINAL})[\\s-]+quarter(?:\\s+of\\s+(?:(${YEAR})|(this|next|last)\\s+year))?\\b`, (m) => {
    const q = LEXICON.ordinals[m[3]!.toLowerCase()]!;
    if (q < 1 || q > 4) return undefined;
    const relative = m[2] ?? m[5];
    const explicit = m[1] ?? m[4];
    if (explicit) return quarter(Number(explicit), q);
    if (relative) return quarter(ref && ref.year + ({ next: 1, last: -1 }[relative.toLowerCase()] ?? 0), q);
    return quarter(yearForQuarter(ctx, q, m.index, m.index + m[0].length), q);
  });
  // "profit rose 5% in the latest quarter" → the last completed quarter
  each(`\\bthe\\s+(?:latest\\s+|most\\s+recent\\s+)?quarter\\b`, (m) => {
    if (!ref) return unresolved('quarter', 'XXXX-QX');
    const index = ref.year * 4 + Math.floor((ref.month - 1) / 3) - (isFuture(ctx, m.index, m.index + m[0].length) ? 0 : 1);
    return quarter(Math.floor(index / 4), (index % 4) + 1);
  });
  // "Q3 2019 results"
  each(`\\bQ([1-4])(?:\\s+(${YEAR}))?\\b`, (m) => quarter(m[2] ? Number(m[2]) : ref?.year, Number(m[1])));
  // "sales fell last quarter"
  each(`\\b(this|next|last)\\s+quarter\\b`, (m) => {
    if (!ref) return unresolved('quarter', 'XXXX-QX');
    const shift = { next: 1, last: -1 }[m[1]!.toLowerCase()] ?? 0;
    const index = ref.year * 4 + Math.floor((ref.month - 1) / 3) + shift;
    return quarter(Math.floor(index / 4), (index % 4) + 1);
  });

  // "the committee will meet next week" → the ISO week after publication
  each(`\\b(this|next|last)\\s+week\\b`, (m) => {
    if (!ref) return unresolved('week', 'XXXX-WXX');
    const shift = { next: 7, last: -7 }[m[1]!.toLowerCase()] ?? 0;
    const week = isoWeek(addDays(ref, shift));
    return { kind: 'date', granularity: 'week', value: week.value, ...dayRange(week.monday, week.sunday) };
  });

  // "since the 1990s" → 199
  each(`\\b(?:the\\s+)?(1[89]\\d|20\\d)0s\\b`, (m) => {
    const decade = Number(m[1]) * 10;
    return {
      kind: 'range', granularity: 'year', value: m[1]!,
      ...dayRange({ year: decade, month: 1, day: 1 }, { year: decade + 9, month: 12, day: 31 }),
    };
  });

  // "the party won the 2018 elections", "in 2018" → 2018; not "2018-19", "$2018" or "2,018"
  each(`(?<![\\d$.,/-])(${YEAR})(?![\\d%/]|,\\d|-\\d|\\.\\d)`, (m) => {
    const year = Number(m[1]);
    return { kind: 'date', granularity: 'year', value: m[1]!, ...dayRange({ year, month: 1, day: 1 }, { year, month: 12, day: 31 }) };
  });

  // "last summer", "the summer of 2019" → 2019-SU
  each(`\\b(?:(this|last|next)\\s+(${alternation(Object.keys(LEXICON.seasons))})|(?:the\\s+)?(${alternation(Object.keys(LEXICON.seasons))})\\s+(?:of\\s+)?(${YEAR}))\\b`, (m) => {
    const season = LEXICON.seasons[(m[2] ?? m[3])!.toLowerCase()]!;
    const year = m[4] ? Number(m[4]) : ref && ref.year + ({ next: 1, last: -1 }[m[1]!.toLowerCase()] ?? 0);
    return year === undefined ? unresolved('unknown', `XXXX-${season}`) : { kind: 'date', granularity: 'unknown', value: `${year}-${season}` };
  });

  // "I have also spent seven months outside the cabinet" → P7M; "an 11-year rule" → P11Y
  each(`\\b(?:(?:the|its|their|his|her)\\s+)?(?:(?:past|last|next|previous|coming|first|following)\\s+)?(${NUMBER})[\\s-]+(${UNIT})\\b(?!-old|\\s+(?:ago|later|earlier|from\\s+now)\\b)`, (m) => {
    const unitWord = m[2]!.toLowerCase().replace(/ies$/u, 'y').replace(/s$/u, '');
    const unit = LEXICON.durationUnits[unitWord]!;
    const n = numberOf(m[1]!);
    return { kind: 'duration', granularity: 'unknown', value: durationValue(n, unit) };
  });

  // "the ban must be lifted within two weeks" → from publication to 14 days later
  each(`\\b(?:within|in\\s+the\\s+next)\\s+(${NUMBER})\\s+(day|week|month|year)s?\\b`, (m) => {
    const n = numberOf(m[1]!);
    const unit = m[2]!.toLowerCase();
    const symbol = LEXICON.durationUnits[unit]!;
    if (!ref || n === undefined) return { kind: 'duration', granularity: 'unknown', value: durationValue(n, symbol) };
    const end = unit === 'day' ? addDays(ref, n) : unit === 'week' ? addDays(ref, n * 7)
      : (() => {
          const { year, month } = addMonths(ref.year, ref.month, unit === 'month' ? n : n * 12);
          return { year, month, day: Math.min(ref.day, daysInMonth(year, month)) };
        })();
    return { kind: 'range', granularity: 'day', value: `${formatDay(ref)}/${formatDay(end)}`, ...dayRange(ref, end) };
  });

  // "for years the party has demanded a new province" → PXY
  each(`\\b(?:(?:recent|coming|the\\s+past|the\\s+last|past)\\s+)?(days|weeks|months|years|decades)\\b(?!\\s+(?:ago|later|earlier)\\b)`, (m) => {
    const unit = LEXICON.durationUnits[m[1]!.toLowerCase().replace(/s$/u, '')]!;
    return { kind: 'duration', granularity: 'unknown', value: durationValue(undefined, unit) };
  });

  // "the rally planned for the weekend" → 2020-W03-WE
  each(`\\b(this|last|next|the)\\s+weekend\\b`, (m) => {
    if (!ref) return unresolved('week', 'XXXX-WXX-WE');
    const which = m[1]!.toLowerCase();
    const future = which === 'next' || (which !== 'last' && isFuture(ctx, m.index, m.index + m[0].length));
    const saturday = addDays(ref, future ? (6 - weekday(ref) + 7) % 7 : -((weekday(ref) + 1) % 7));
    const week = isoWeek(saturday);
    return { kind: 'range', granularity: 'week', value: `${week.value}-WE`, ...dayRange(saturday, addDays(saturday, 1)) };
  });

  // "protesters gathered last night", "the minister will speak this evening" → 2020-01-13TNI
  each(`\\b(?:(this|yesterday|tomorrow|last|${WEEKDAYS.join('|')})\\s+(morning|afternoon|evening|night)|(tonight))\\b`, (m) => {
    const part = DAY_PARTS[(m[2] ?? 'night').toLowerCase()]!;
    if (!ref) return unresolved('time', `XXXX-XX-XXT${part}`);
    const which = (m[1] ?? 'this').toLowerCase();
    const day = which === 'this' ? ref : which === 'yesterday' || which === 'last' ? addDays(ref, -1) : which === 'tomorrow' ? addDays(ref, 1)
      : weekdayNear(ctx, WEEKDAYS.indexOf(which), m.index, m.index + m[0].length);
    const iso = formatDay(day);
    return { kind: 'date', granularity: 'time', value: `${iso}T${part}`, start: iso, end: iso };
  });

  // "the party has recently changed its stance" → PAST_REF
  each(`\\b(?:${alternation(Object.keys(LEXICON.references))})\\b`, (m) => ({
    kind: 'date', granularity: 'unknown', value: LEXICON.references[m[0].toLowerCase().replace(/\s+/gu, ' ')]!,
  }));

  // "the committee meets weekly", "every Monday" → sets
  each(`\\b(?:${alternation(Object.keys(LEXICON.sets))})\\b`, (m) => ({
    kind: 'set', granularity: 'unknown', value: LEXICON.sets[m[0].toLowerCase().replace(/\s+/gu, ' ')]!,
  }));
  each(`\\b(?:every|each)\\s+(sunday|monday|tuesday|wednesday|thursday|friday|saturday)\\b`, (m) => {
    const day = ((WEEKDAYS.indexOf(m[1]!.toLowerCase()) + 6) % 7) + 1;
    return { kind: 'set', granularity: 'day', value: `XXXX-WXX-${day}` };
  });
  return out;
}

const WEEKDAY_MODIFIER = /^(?:next|last|this|past|coming|previous)\b/iu;

/** chrono's reading of one result, with the granularity the text actually gives. */
function chronoValue(ctx: Context, r: chrono.ParsedResult, relative: boolean): TimeValue | undefined {
  const c = r.start;
  const known = (k: chrono.Component) => c.isCertain(k);
  const year = c.get('year')!;
  const month = c.get('month')!;
  const day = c.get('day')!;
  if (r.end) {
    const e = r.end;
    const start = { year, month, day };
    const end = { year: e.get('year')!, month: e.get('month')!, day: e.get('day')! };
    if (relative && !ctx.ref) return unresolved('day', 'XXXX-XX-XX/XXXX-XX-XX', 'range');
    return { kind: 'range', granularity: 'day', value: `${formatDay(start)}/${formatDay(end)}`, ...dayRange(start, end) };
  }
  if (known('weekday') && !known('day')) {
    if (!ctx.ref) return unresolved(known('hour') ? 'time' : 'day', `XXXX-WXX-${((c.get('weekday')! + 6) % 7) + 1}`);
    if (!WEEKDAY_MODIFIER.test(r.text)) {
      // "said Monday" is the Monday before publication.
      const d = weekdayNear(ctx, c.get('weekday')!, r.index, r.index + r.text.length);
      return known('hour') ? timeValue(d, c) : dayValue(d);
    }
  }
  if (relative && !ctx.ref) {
    // Keep what the text states: "March 3" without a year is XXXX-03-03.
    const mm = known('month') ? String(month).padStart(2, '0') : 'XX';
    const dd = known('day') ? String(day).padStart(2, '0') : 'XX';
    if (known('hour')) return unresolved('time', `XXXX-${mm}-${dd}TXX:XX`);
    if (known('day') || known('weekday')) return unresolved('day', `XXXX-${mm}-${dd}`);
    if (known('month')) return unresolved('month', `XXXX-${mm}`);
    return known('year') ? unresolved('year', 'XXXX') : undefined;
  }
  const explicitYear = known('year') || /\b(?:ago|later|earlier|yesterday|today|tomorrow|now)\b/iu.test(r.text);
  const dayYear = explicitYear || !ctx.ref ? year : yearForMonth(ctx, month, r.index, r.index + r.text.length, day);
  // No year has the day ("this 29 February" in 2023), or the month does not have it ("31 April 2023"): no day.
  if (dayYear === undefined || ((known('day') || known('weekday')) && day > daysInMonth(dayYear, month))) return undefined;
  const d = { year: dayYear, month, day };
  // "six weeks ago" names a week, not a day
  if (/\bweeks?\s+(?:ago|earlier|later)\b/iu.test(r.text)) {
    const week = isoWeek(d);
    return { kind: 'date', granularity: 'week', value: week.value, ...dayRange(week.monday, week.sunday) };
  }
  if (known('hour')) return timeValue(d, c);
  if (known('day') || known('weekday')) return dayValue(d);
  if (known('month')) return monthValue(d.year, month);
  if (known('year')) return { kind: 'date', granularity: 'year', value: String(year), ...dayRange({ year, month: 1, day: 1 }, { year, month: 12, day: 31 }) };
  return undefined;
}

function timeValue(d: CalendarDay, c: chrono.ParsedComponents): TimeValue {
  const iso = formatDay(d);
  const hh = String(c.get('hour')).padStart(2, '0');
  const mm = String(c.get('minute') ?? 0).padStart(2, '0');
  return { kind: 'date', granularity: 'time', value: `${iso}T${hh}:${mm}`, start: iso, end: iso };
}

const DURATION_PHRASE = new RegExp(`^(?:(?:for|in|within|over|after|about|nearly|almost|another)\\s+)?${NUMBER}[\\s-]+(?:${UNIT})[\\s,.]*$`, 'iu');

/**
 * chrono readings that news text rarely means: "the Sun" and "Sat" as weekdays, prices and fractions as
 * clock times or dates ("shares rose 2.50 a share", "up 3/8"), a bare number after a preposition ("from 20"),
 * a month before a count ("in May, 48 people died").
 */
const NOT_A_TIME = /^(?:(?:sun|sat|mon|tue|wed|thu|fri)\.?|\d+(?:[.:]\d+)?\s*a|\d{1,2}\/(?:2|4|8|16|32|64)|(?:from|at|by|to|until)\s+\d{1,4}|[a-z]+\.?,\s*\d{2})$/iu;

const FIXED_REFERENCES = [new Date(Date.UTC(2001, 5, 15, 12)), new Date(Date.UTC(2011, 2, 3, 12))];

function chronoCandidates(ctx: Context): Candidate[] {
  const instant = ctx.ref ? new Date(Date.UTC(ctx.ref.year, ctx.ref.month - 1, ctx.ref.day, 12)) : FIXED_REFERENCES[0]!;
  const results = chrono.parse(ctx.text, { instant, timezone: 0 }, { forwardDate: false });
  // Without a publication date, an expression is relative when two different references read it differently.
  const other = ctx.ref ? [] : chrono.parse(ctx.text, { instant: FIXED_REFERENCES[1]!, timezone: 0 }, { forwardDate: false });
  const otherAt = new Map(other.map((r) => [r.index, r]));
  const out: Candidate[] = [];
  for (const r of results) {
    // "ruled 11 years before the coup" counts from the coup, not from publication: leave it to the duration rule.
    if (/\s(?:before|after)$/iu.test(r.text)) continue;
    // "for two weeks", "in six months": an amount of time, which the duration rule reads.
    if (DURATION_PHRASE.test(r.text)) continue;
    if (NOT_A_TIME.test(r.text.trim())) continue;
    const twin = otherAt.get(r.index);
    const relative = !ctx.ref && (!twin || twin.start.date().getTime() !== r.start.date().getTime());
    const value = chronoValue(ctx, r, relative);
    // chrono's text may carry the punctuation around it (", Monday", "this weekend)").
    const leading = /^[\s,;:(]*/u.exec(r.text)![0].length;
    const trailing = /[\s,.;:)]*$/u.exec(r.text)![0].length;
    if (value) out.push({ start: r.index + leading, end: r.index + r.text.length - trailing, value, rule: false });
  }
  return out;
}

/** Keeps the longest of overlapping candidates; on a tie the domain rule wins over chrono. */
function resolveOverlaps(candidates: Candidate[]): Candidate[] {
  const ranked = [...candidates].sort((a, b) => b.end - b.start - (a.end - a.start) || Number(b.rule) - Number(a.rule) || a.start - b.start);
  const kept: Candidate[] = [];
  for (const c of ranked) {
    if (!kept.some((k) => c.start < k.end && k.start < c.end)) kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start);
}

const CHAINED_DAY = new RegExp(
  `^(?:the\\s+)?(?:(next|following)\\s+day|day\\s+(after|before)|(${NUMBER}|a|one)\\s+days?\\s+(later|after|afterwards|earlier|before))$`,
  'iu',
);
const CHAIN_REACH = 600;

/**
 * "The leaders met on July 14. The next day, they signed the accord": a day counted from another is counted
 * from the last day the text stated before it (within a few sentences), not from the publication date.
 */
function chainRelativeDays(ctx: Context, found: Candidate[]): Candidate[] {
  let anchor: { end: number; day: CalendarDay } | undefined;
  return found.map((c) => {
    const m = CHAINED_DAY.exec(ctx.text.slice(c.start, c.end).trim());
    if (m && anchor && c.start - anchor.end <= CHAIN_REACH) {
      const count = m[3] ? (/^(?:a|one)$/iu.test(m[3]) ? 1 : numberOf(m[3]) ?? 1) : 1;
      const back = /before|earlier/iu.test(m[2] ?? m[4] ?? '');
      const day = addDays(anchor.day, back ? -count : count);
      anchor = { end: c.end, day };
      return { ...c, value: dayValue(day) };
    }
    if (c.value.kind === 'date' && c.value.granularity === 'day' && /^\d{4}-\d{2}-\d{2}$/u.test(c.value.value)) anchor = { end: c.end, day: parseDay(c.value.value) };
    return c;
  });
}

/** Every time expression in `text`, with spans into `text` and values normalized to the publication date. */
export function extractTimes(text: string, options: ExtractTimesOptions = {}): FoundTime[] {
  const view = normalizeText(text);
  const ref = options.published ? parseDay(options.published) : undefined;
  const ctx: Context = { text: view.text, ...(ref ? { ref } : {}) };
  if (options.sentences && view.text.length === text.length) ctx.sentences = options.sentences;
  const found = chainRelativeDays(ctx, resolveOverlaps([...ruleCandidates(ctx), ...chronoCandidates(ctx)]));
  return found.map((c) => ({ span: view.spanToOriginal({ start: c.start, end: c.end }), value: c.value }));
}
