import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { continueFold, EMPTY_FOLD, foldFrom, storedInterval, type FoldObservation, type StateFold } from '../../src/record/fold.js';
import { intervalsFrom, type StateObservation } from '../../src/record/state.js';
import type { Interval } from '../../src/record/types.js';
import { random } from '../../scripts/bench/lib/derived.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { applyStats, attachRecord } from '../../src/record/index.js';
import { stateFolds } from '../../src/record/apply.js';
import { openStore } from '../../src/store/sqlite/sqlite-store.js';
import { Article, day as dayOf } from './fixture.js';

const dir = mkdtempSync(join(tmpdir(), 'polity-record-fold-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** What recomputing from every observation stores (apply.ts: intervalsFrom, then the first and latest 10 reports). */
function reference(obs: FoldObservation[], exits: FoldObservation[]): Interval[] {
  const as = (o: FoldObservation): StateObservation => ({ family: 'office', key: 'p|governor', date: o.date, kind: o.kind, evidence: o.evidence, info: { ...(o.courtesy && { courtesy: true }) } });
  return intervalsFrom(obs.map(as), { cabinetExits: exits.map(as) }).map((i) => (i.reports.length <= 10 ? i : { ...i, reportCount: i.reports.length, reports: [...i.reports.slice(0, 5), ...i.reports.slice(-5)] }));
}

const day = (n: number): string => new Date(Date.UTC(2020, 0, 1 + n)).toISOString().slice(0, 10);

describe('folded state intervals', () => {
  it('give what recomputing from every observation gives, for reports arriving mostly in date order, with any mix of kinds', () => {
    let folds = 0;
    let refolds = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const rnd = random(seed);
      const obs: FoldObservation[] = [];
      const exits: FoldObservation[] = [];
      let fold: StateFold = EMPTY_FOLD;
      let t = 0;
      // Weights of the kinds vary by seed: offices reported mostly as held, mostly as former, or acts.
      const pFormer = rnd() * 0.6;
      const pAct = rnd() * 0.3;
      for (let n = 0; n < 120; n++) {
        t += rnd() < 0.5 ? 0 : Math.floor(rnd() * 4);
        // Now and then a report of an act dated weeks before its article.
        const date = day(Math.max(0, rnd() < 0.05 ? t - Math.floor(rnd() * 40) : t));
        const r = rnd();
        const kind: FoldObservation['kind'] = r < pAct / 2 ? 'opened' : r < pAct ? 'closed' : r < pAct + pFormer ? 'former' : 'holds';
        const o: FoldObservation = { date, kind, evidence: { article: `a${n}`, published: day(t), start: 0, end: 1 }, ...(kind === 'holds' && rnd() < 0.2 && { courtesy: true }) };
        const exit = rnd() < 0.02;
        (exit ? exits : obs).push(exit ? { ...o, kind: 'closed' } : o);
        // The record drops a fold an earlier-dated report arrives behind.
        if (o.date < fold.through) { fold = EMPTY_FOLD; refolds++; }
        const windowDates = [...obs, ...exits].filter((x) => x.date >= fold.through).map((x) => x.date).sort();
        const next = windowDates.length > 24 ? windowDates[windowDates.length - 12]! : fold.through;
        let step = continueFold(fold, obs.filter((x) => x.date >= fold.through), exits.filter((x) => x.date >= fold.through), next);
        if (!step) { refolds++; step = foldFrom(obs, exits, next); } else if (fold !== EMPTY_FOLD) folds++;
        fold = step.fold;
        const want = reference(obs, exits);
        assert.deepEqual(step.intervals.map(storedInterval), want, `seed ${seed}, after ${n + 1} reports`);
        // The latest publication day among all of an interval's reports (successors keep a term reported after them open).
        const all = intervalsFrom(obs.map((x) => ({ family: 'office' as const, key: 'k', date: x.date, kind: x.kind, evidence: x.evidence, info: { ...(x.courtesy && { courtesy: true }) } })),
          { cabinetExits: exits.map((x) => ({ family: 'office' as const, key: 'k', date: x.date, kind: x.kind, evidence: x.evidence, info: {} })) });
        assert.deepEqual(step.intervals.map((i) => i.latest), all.map((i) => i.reports.reduce((m, r) => ((r.published ?? '') > m ? r.published ?? '' : m), '')));
      }
    }
    // Most recomputes continue a fold; some must read everything again.
    assert.ok(folds > 5 * refolds, `${folds} folds continued, ${refolds} read again`);
  });

  it('in the store, an office reported in 150 articles (held, former, sworn in, leaving) is what recomputing from all its observations stores, reading a bounded window', () => {
    const folded = attachRecord(openStore(join(dir, 'governor.db')));
    const whole = attachRecord(openStore(join(dir, 'governor-whole.db')));
    const rnd = random(11);
    let readLate = 0;
    let readWhole = 0;
    const continued = applyStats.foldsContinued;
    const offices = (db: typeof folded.db): string[] => (db.prepare('SELECT state_key, json FROM record_offices ORDER BY rowid').all() as { state_key: string; json: string }[]).map((r) => `${r.state_key} ${r.json}`);
    try {
      for (let n = 0; n < 150; n++) {
        const published = day(n);
        const r = rnd();
        const kind = r < 0.55 ? 'holds' : r < 0.85 ? 'former' : r < 0.93 ? 'opened' : 'closed';
        const text = kind === 'former' ? `ENUGU - former Governor Ada Obi opened a school, report ${n}.`
          : kind === 'holds' ? `ENUGU - Governor Ada Obi opened a school, report ${n}.`
          : kind === 'opened' ? `ENUGU - Ada Obi was sworn in as Governor, report ${n}.` : `ENUGU - Ada Obi resigned as Governor, report ${n}.`;
        const a = new Article(text, published);
        a.actor('p1', 'PERSON', 'Ada Obi');
        if (kind === 'holds' || kind === 'former') a.role('p1', 'Governor', undefined, 'Governor Ada Obi');
        // Acts dated a few days before the article, now and then weeks before (behind the fold's day).
        else a.change(kind === 'opened' ? 'took_office' : 'left_office', 'p1', kind === 'opened' ? 'sworn in as Governor' : 'resigned as Governor', { title: 'Governor', date: dayOf(day(Math.max(0, n - (rnd() < 0.3 ? 30 : 2)))) });
        const read = applyStats.observationsRead;
        folded.putDocument(a.doc);
        if (n >= 100) readLate += applyStats.observationsRead - read;
        stateFolds.min = Infinity;
        const before = applyStats.observationsRead;
        try { whole.putDocument(a.doc); } finally { stateFolds.min = 64; }
        if (n >= 100) readWhole += applyStats.observationsRead - before;
        assert.deepEqual(offices(folded.db), offices(whole.db), `after article ${n + 1}`);
      }
    } finally {
      folded.close();
      whole.close();
    }
    assert.ok(applyStats.foldsContinued - continued > 20, `${applyStats.foldsContinued - continued} recomputes continued a fold`);
    // Over the last 50 articles, recomputing from all observations reads 100 to 150 per recompute.
    assert.ok(readLate < readWhole / 2, `${readLate} observations read over the last 50 articles, ${readWhole} without folds`);
  });
});
