import { daysBetween } from './evidence.js';
import type { Evidence, Interval } from './types.js';

/**
 * A state's intervals, folded: what intervalsFrom (state.ts) computes from all of a key's observations, kept as
 * the machine's state after the observations dated before `through`, so a recompute reads only the observations
 * dated from then on (the window). intervalsFrom is the reference; this reproduces it exactly (see
 * test/record/fold.test.ts), for the order intervalsFrom sorts in (date, then opened < holds < closed < former,
 * then the order given).
 *
 * The one non-local step is the past-report cut (pastFromReports): the first "former" report from which the past
 * reports are at least as many as the present ones, counted to the end. With P(j) the balance (former +1, holds
 * -1, a courtesy title -0.5) of the reports before j and B the balance of all, that is the first former with
 * P(j) <= B. Only a former whose P is a new low can be it, so the fold keeps the lows of the folded formers and the
 * cut it assumed; a recompute whose total B moves the cut into or out of the folded part is not foldable (the
 * caller reads everything again and folds anew).
 */
export interface StateFold {
  /** Observations dated before this day are folded in ('' folds nothing). */
  through: string;
  /** Balance of the folded observations. */
  balance: number;
  /** P before each folded former that was a new low, in order (strictly decreasing). */
  lows: number[];
  /** Index in `lows` of the folded former the cut was at (-1: the cut is not in the folded part). */
  cut: number;
  /** An act opened the state again after the cut. */
  reopened: boolean;
  /** Some folded observation was kept (pastFromReports' output is not empty). */
  emitted: boolean;
  intervals: FoldedInterval[];
  /** The last interval is still open. */
  open: boolean;
}

/** An interval with at most REPORTS_KEPT reports (the first and the latest), their count, and the latest publication day among all. */
export interface FoldedInterval extends Interval {
  count: number;
  latest: string;
}

/** One observation as the fold reads it. */
export interface FoldObservation {
  date: string;
  kind: 'opened' | 'holds' | 'closed' | 'former';
  evidence: Evidence;
  courtesy?: boolean;
}

/** Same as apply.ts: the first and the latest reports of an interval are kept as evidence. */
const REPORTS_KEPT = 10;
/** Same as state.ts. */
const SAME_ACT_DAYS = 14;
const KIND_ORDER = { opened: 0, holds: 1, closed: 2, former: 3 } as const;

export const EMPTY_FOLD: StateFold = { through: '', balance: 0, lows: [], cut: -1, reopened: false, emitted: false, intervals: [], open: false };

const weight = (o: FoldObservation): number => (o.kind === 'former' ? 1 : o.kind === 'holds' ? (o.courtesy ? -0.5 : -1) : 0);
const order = (x: FoldObservation, y: FoldObservation): number => x.date.localeCompare(y.date) || KIND_ORDER[x.kind] - KIND_ORDER[y.kind];

function addReport(i: FoldedInterval, e: Evidence): void {
  i.reports.push(e);
  if (i.reports.length > REPORTS_KEPT) i.reports.splice(REPORTS_KEPT / 2, 1);
  i.count++;
  const p = e.published ?? '';
  if (p > i.latest) i.latest = p;
}

function copy(f: StateFold): StateFold {
  return { ...f, lows: [...f.lows], intervals: f.intervals.map((i) => ({ ...i, reports: [...i.reports] })) };
}

/**
 * Continues `fold` with the observations dated on or after its `through` (`window`, in the order given: own
 * observations by insertion, then the covering past reports) and `exits` (departures naming no office, closing
 * it once anything is reported before them; each dated on or after `through`). Returns the intervals (before
 * successors; reports kept as capReports keeps them, with the latest publication day of all) and the fold
 * advanced to `next` (observations dated before it folded in; `next` at least the fold's own `through`), or
 * undefined when the total moves the cut into or out of the folded part.
 */
export function continueFold(fold: StateFold, window: FoldObservation[], exits: FoldObservation[], next: string):
  { intervals: FoldedInterval[]; fold: StateFold } | undefined {
  const sorted = [...window].sort(order);
  const total = sorted.reduce((b, o) => b + weight(o), fold.balance);
  // The cut among the folded formers for this total: the first low at or below it.
  if (fold.lows.findIndex((p) => p <= total) !== fold.cut) return undefined;
  const s = copy(fold);
  let snapshot: StateFold | undefined;
  const at = (date: string): void => { if (!snapshot && date >= next) snapshot = copy(s); };
  // pastFromReports, from the folded state on.
  const kept: FoldObservation[] = [];
  let cutSeen = s.cut >= 0;
  for (const o of sorted) {
    at(o.date);
    const p = s.balance;
    s.balance += weight(o);
    if (o.kind === 'former') {
      const low = s.lows.length === 0 || p < s.lows.at(-1)!;
      if (low) s.lows.push(p);
      if (!cutSeen && p <= total) {
        cutSeen = true;
        s.cut = s.lows.length - 1;
        if (s.emitted) kept.push({ ...o, kind: 'closed' });
      }
      continue;
    }
    if (cutSeen) {
      if (o.kind === 'opened') s.reopened = true;
      if (o.kind === 'holds' && !s.reopened) continue;
    }
    kept.push(o);
    s.emitted = true;
  }
  // The pastFromReports part of the snapshot is taken above; the interval part is rebuilt below from the same point.
  const passOne = snapshot ?? copy(s);
  // A departure naming no office closes an office reported before it (intervalsFrom's cabinetExits).
  const anyBefore = (d: string): boolean => fold.emitted || kept.some((o) => o.date <= d);
  const merged = [...kept, ...exits.filter((t) => anyBefore(t.date)).map((t) => ({ ...t, kind: 'closed' as const }))].sort(order);
  // intervalsOf, from the folded intervals on.
  const out = s.intervals;
  out.length = 0;
  out.push(...fold.intervals.map((i) => ({ ...i, reports: [...i.reports] })));
  let open = fold.open;
  let intervalSnap: { intervals: FoldedInterval[]; open: boolean } | undefined;
  for (const o of merged) {
    if (!intervalSnap && o.date >= next) intervalSnap = { intervals: out.map((i) => ({ ...i, reports: [...i.reports] })), open };
    if (o.kind !== 'closed') {
      if (!open) {
        out.push({ from: o.date, fromExact: o.kind === 'opened', opened: o.evidence, reports: [], count: 0, latest: '' });
        open = true;
      }
      addReport(out.at(-1)!, o.evidence);
      continue;
    }
    if (open) {
      const i = out.at(-1)!;
      i.to = o.date;
      i.closed = o.evidence;
      addReport(i, o.evidence);
      open = false;
      continue;
    }
    const last = out.at(-1);
    if (last?.to !== undefined && daysBetween(last.to, o.date) <= SAME_ACT_DAYS) addReport(last, o.evidence);
    else {
      const i: FoldedInterval = { fromExact: false, to: o.date, closed: o.evidence, reports: [], count: 0, latest: '' };
      addReport(i, o.evidence);
      out.push(i);
    }
  }
  const intervals = out.map((i) => ({ ...i, reports: [...i.reports] }));
  const after = intervalSnap ?? { intervals, open };
  const nextFold: StateFold = next > fold.through
    ? { ...passOne, through: next, intervals: after.intervals, open: after.open }
    : fold;
  return { intervals, fold: nextFold };
}

/** A folded interval as stored: capReports' form (reportCount when more reports than kept). */
export function storedInterval(i: FoldedInterval): Interval {
  const { count, latest: _latest, ...rest } = i;
  return { ...rest, ...(count > rest.reports.length && { reportCount: count }) };
}

/** The fold of all of a key's observations (read whole), advanced to `next`. */
export function foldFrom(all: FoldObservation[], exits: FoldObservation[], next: string): { intervals: FoldedInterval[]; fold: StateFold } {
  return continueFold(EMPTY_FOLD, all, exits, next)!;
}
