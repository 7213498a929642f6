import type { Db, Statement } from '../store/sql/db.js';
import type { Document } from '../document/document.js';
import { addDays, evidenceOf, firstDay, lastDay } from './evidence.js';
import { followUpsIn, isDecisive, similarity, sketchOf, stemOf, type Sketch } from './followup.js';
import { continueFold, foldFrom, storedInterval, type FoldedInterval, type FoldObservation, type StateFold } from './fold.js';
import { Decisions, ActorIndex, linkStats, type Link } from './link.js';
import { foldName } from './names.js';
import {
  CABINET_EXIT, intervalsFrom, isCabinetOffice, isSingleHolderOffice, membershipObservations, officeKey, officeObservations, pastCovers,
  relationObservations, type ActorLookup, type StateObservation,
} from './state.js';
import type { Evidence, FollowUp, Interval, RecordAgreement, RecordCommitment, RecordEvent, RecordStatement } from './types.js';

/** An undated event is taken to have happened in the week before its article was published. */
const UNDATED_WINDOW_DAYS = 7;
/** How many earlier commitments of one actor a new article is checked against (the most recent). */
const COMMITMENTS_PER_ACTOR = 50;
/** How many of the most recent commitments per shared term an article is checked against. */
const COMMITMENTS_PER_TERM = 30;
/** An event report merges with events dated up to this many days before its own window (ranges as long as a month). */
const EVENT_REACH_DAYS = 31;
/** Reports kept as evidence in an interval: the first and the latest (the count is kept whole). */
const REPORTS_KEPT = 10;
/**
 * Reports kept as sources of an event or a commitment: the first and the latest (sourceCount keeps the count).
 * A promise or an event repeated in thousands of articles would otherwise make every later report of it read and
 * rewrite all of them.
 */
const SOURCES_KEPT = 20;
/** How many later holders of a single-holder office are read to close a holder's open term (the earliest first). */
const SUCCESSORS_READ = 50;
/**
 * A state key with this many observations keeps their fold (fold.ts): a recompute then reads the observations of
 * about the last FOLD_WINDOW reports (at most twice that before the fold moves on), not all of them. Fewer
 * observations are read whole: cheap, and every recompute of a key that few reports give is from scratch.
 */
const FOLD_MIN = 64;
/** The fold threshold in use (tests compare with folding off: `min = Infinity`). */
export const stateFolds = { min: FOLD_MIN };
const FOLD_WINDOW = 12;
/** A fold's day stays this many days before the latest observation at least. */
const FOLD_DAYS = 14;

/** Counts of what applying articles did, for the benchmark and the tests (work is bounded per article). */
export const applyStats = { articles: 0, candidatesRead: 0, keysRecomputed: 0, observationsRead: 0, commitmentsRead: 0, foldsContinued: 0, foldsRebuilt: 0 };
/** CPU microseconds spent per step of applying articles, when `enabled` (the benchmark turns it on). */
export const applyCpu = { enabled: false, link: 0, states: 0, events: 0, commitments: 0, rest: 0 };

function lap(step: Exclude<keyof typeof applyCpu, 'enabled'>, since: NodeJS.CpuUsage | undefined): NodeJS.CpuUsage | undefined {
  if (!since) return undefined;
  const used = process.cpuUsage(since);
  applyCpu[step] += used.user + used.system;
  return process.cpuUsage();
}

/**
 * Takes one stored article into the record, touching only what it concerns: links its actors (ActorIndex),
 * stores its state observations and recomputes the intervals of the keys it touched, merges its event reports
 * into the events they repeat, groups its commitments with earlier reports of the same promise and reads it as
 * news of earlier commitments by the actors it names, and adds its statements and search rows. Runs inside the
 * caller's transaction (the article's own, when the store hook calls it).
 */
export class RecordWriter {
  readonly index: ActorIndex;
  private readonly s;

  constructor(db: Db) {
    this.index = new ActorIndex(db);
    this.s = {
      observation: db.prepare('INSERT INTO record_observations (article_id, family, key, date, kind, json) VALUES (?, ?, ?, ?, ?, ?)'),
      observationsOf: db.prepare('SELECT date, kind, json FROM record_observations WHERE family = ? AND key = ? ORDER BY rowid'),
      // A key's observations dated from a day on (index record_observations_key_date), in insertion order.
      observationsSince: db.prepare('SELECT date, kind, json FROM record_observations WHERE family = ? AND key = ? AND date >= ? ORDER BY rowid'),
      // The keys of one person's offices: one row each (record_state_folds), however often each is reported.
      keysWithPrefix: db.prepare("SELECT key FROM record_state_folds WHERE family = 'office' AND key >= ? AND key < ? ORDER BY key").pluck(),
      // Lists a new key; drops a known key's fold dated after the observation (one statement for both).
      stateKey: db.prepare(`INSERT INTO record_state_folds (family, key) VALUES (@family, @key)
        ON CONFLICT (family, key) DO UPDATE SET through = '', fold = NULL WHERE record_state_folds.through > @date`),
      foldOf: db.prepare('SELECT fold FROM record_state_folds WHERE family = ? AND key = ?').pluck(),
      saveFold: db.prepare('UPDATE record_state_folds SET through = ?, fold = ? WHERE family = ? AND key = ?'),
      // An observation dated before a fold's day cannot be folded after the fact: the next recompute reads all.
      dropFold: db.prepare("UPDATE record_state_folds SET through = '', fold = NULL WHERE family = ? AND key = ? AND through > ?"),
      deleteOffices: db.prepare('DELETE FROM record_offices WHERE state_key = ?'),
      office: db.prepare('INSERT INTO record_offices (id, person_id, title, from_date, to_date, json, state_key, office_key, org_id, country) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)'),
      // The earliest other holders who took the office after a given day (index record_offices_office_from): bounded.
      successorRows: db.prepare(`SELECT from_date, json FROM record_offices WHERE office_key = ? AND person_id != ? AND from_date > ? ORDER BY from_date, rowid LIMIT ${SUCCESSORS_READ}`),
      spanning: db.prepare('SELECT DISTINCT state_key FROM record_offices WHERE office_key = ? AND person_id != ? AND from_date < ? AND (to_date IS NULL OR to_date >= ?)').pluck(),
      deleteMemberships: db.prepare('DELETE FROM record_memberships WHERE state_key = ?'),
      membership: db.prepare('INSERT INTO record_memberships (id, person_id, org_id, from_date, to_date, json, state_key) VALUES (?, ?, ?, ?, ?, ?, ?)'),
      deleteRelations: db.prepare('DELETE FROM record_relations WHERE state_key = ?'),
      relation: db.prepare('INSERT INTO record_relations (id, kind, a_id, b_id, from_date, to_date, json, state_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
      // Driven by the participants' (actor, date) index: bounded by their events in a few weeks, whatever the corpus size.
      // CROSS JOIN keeps that order in SQLite: otherwise the planner may scan every event of the type (record_events_type).
      // The actor and recipient columns, not the json (an event's reports, which grow): parsed for the one that merges.
      eventCandidates: db.prepare(`SELECT e.id, e.actor_ids, e.recipient_ids, e.win_from, e.win_to FROM (SELECT DISTINCT event_id FROM record_event_actors
          WHERE ${db.sql.inJsonArray('actor_id', '@actors')} AND date BETWEEN @near AND @to) ea CROSS JOIN record_events e
        WHERE e.id = ea.event_id AND e.type = @type AND e.happened = 1 AND e.win_from <= @to AND e.win_to >= @from ORDER BY e.rowid LIMIT 50`),
      eventJson: db.prepare('SELECT json FROM record_events WHERE id = ?').pluck(),
      insertEvent: db.prepare('INSERT INTO record_events (id, type, date, actor_ids, recipient_ids, sources, json, win_from, win_to, happened) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)'),
      updateEvent: db.prepare('UPDATE record_events SET actor_ids = ?, recipient_ids = ?, sources = ?, json = ?, win_from = ?, win_to = ? WHERE id = ?'),
      eventActor: db.prepare('INSERT INTO record_event_actors (event_id, actor_id, role, date) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING'),
      // Without the json column (a commitment's reports and follow-ups, which grow): read by id when needed.
      commitmentsBy: db.prepare(`SELECT id, by_id, made, sketch FROM (SELECT rowid AS r, id, by_id, made, sketch FROM record_commitments WHERE by_id = ? ORDER BY made DESC NULLS LAST LIMIT ${COMMITMENTS_PER_ACTOR}) AS recent ORDER BY r`),
      commitmentById: db.prepare('SELECT id, by_id, made, sketch FROM record_commitments WHERE id = ?'),
      commitmentJson: db.prepare('SELECT json FROM record_commitments WHERE id = ?').pluck(),
      // Which of an article's terms any commitment made by then has (one statement; most terms have none).
      termsWithCommitments: db.prepare(`SELECT value FROM ${db.sql.jsonArray('?')} WHERE EXISTS (SELECT 1 FROM record_commitment_terms t WHERE t.term = value AND t.made <= ?)`).pluck(),
      commitmentsByTerm: db.prepare(`SELECT commitment_id FROM record_commitment_terms WHERE term = ? AND made <= ? ORDER BY made DESC LIMIT ${COMMITMENTS_PER_TERM}`).pluck(),
      commitmentTerm: db.prepare('INSERT INTO record_commitment_terms (term, commitment_id, made) VALUES (?, ?, ?) ON CONFLICT DO NOTHING'),
      insertCommitment: db.prepare('INSERT INTO record_commitments (id, by_id, to_id, status, due_end, json, made, sketch) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
      updateCommitment: db.prepare('UPDATE record_commitments SET status = ?, due_end = ?, json = ?, resolved_on = ? WHERE id = ?'),
      agreementByKey: db.prepare('SELECT id, json FROM record_agreements WHERE match_key = ? ORDER BY rowid LIMIT 1'),
      insertAgreement: db.prepare('INSERT INTO record_agreements (id, json, match_key) VALUES (?, ?, ?)'),
      updateAgreement: db.prepare('UPDATE record_agreements SET json = ? WHERE id = ?'),
      statement: db.prepare(`INSERT INTO record_statements (article_id, statement_id, speaker_id, kind, json, published) VALUES (?, ?, ?, ?, ?, ?)
        ON CONFLICT (article_id, statement_id) DO UPDATE SET speaker_id = excluded.speaker_id, kind = excluded.kind, json = excluded.json, published = excluded.published`),
      search: db.prepare('INSERT INTO record_search (kind, article_id, ref, body) VALUES (?, ?, ?, ?)'),
      ingestedAt: db.prepare('SELECT ingested_at FROM articles WHERE id = ?').pluck(),
      lastInterval: Object.fromEntries(['record_offices', 'record_memberships', 'record_relations'].map((t) =>
        [t, db.prepare(`SELECT id, json FROM ${t} WHERE state_key = ? ORDER BY from_date DESC NULLS LAST LIMIT 1`)])) as Record<string, Statement>,
      updateInterval: Object.fromEntries(['record_offices', 'record_memberships', 'record_relations'].map((t) =>
        [t, db.prepare(`UPDATE ${t} SET json = ? WHERE id = ?`)])) as Record<string, Statement>,
      done: db.prepare(`INSERT INTO record_articles (article_id, published, linked_at) VALUES (?, ?, ?)
        ON CONFLICT (article_id) DO UPDATE SET published = excluded.published, linked_at = excluded.linked_at`),
      taken: db.prepare('INSERT INTO record_taken (article_id) VALUES (?) ON CONFLICT DO NOTHING'),
      newest: db.prepare(`INSERT INTO record_meta (key, value) VALUES ('newest', ?) ON CONFLICT (key) DO UPDATE SET value = ${db.sql.greatest('record_meta.value', 'excluded.value')}`),
    };
  }

  /** Applies one article (already stored in `articles`). */
  apply(doc: Document, decisions: Decisions): Map<string, Link> {
    applyStats.articles++;
    let t = applyCpu.enabled ? process.cpuUsage() : undefined;
    const read = linkStats.candidatesRead;
    const links = this.index.linkArticle(doc, decisions);
    applyStats.candidatesRead += linkStats.candidatesRead - read;
    const lookup: ActorLookup = (_doc, local) => (local === undefined ? undefined : links.get(local)?.actorId);
    this.index.refresh([...links.values()].map((l) => l.actorId), doc.meta.published);
    t = lap('link', t);
    this.states(doc, lookup);
    t = lap('states', t);
    this.events(doc, lookup);
    t = lap('events', t);
    const commitmentOf = this.commitments(doc, lookup, new Set([...links.values()].map((l) => l.actorId)));
    this.agreements(doc, lookup, commitmentOf);
    t = lap('commitments', t);
    for (const s of doc.statements) {
      const speaker = lookup(doc, s.speaker);
      const row: RecordStatement = { article: doc.meta.id, statement: s.id, kind: s.kind, ...(speaker && { speaker }), content: evidenceOf(doc, s.content), evidence: evidenceOf(doc, s.evidence) };
      this.s.statement.run(doc.meta.id, s.id, speaker ?? null, s.kind, JSON.stringify(row), doc.meta.published ?? null);
    }
    this.s.search.run('article', doc.meta.id, (this.s.ingestedAt.get(doc.meta.id) as string | undefined) ?? '', `${doc.meta.title ?? ''}\n${doc.text}`);
    for (const s of doc.statements) this.s.search.run('statement', doc.meta.id, s.id, doc.text.slice(s.content.start, s.content.end));
    this.s.done.run(doc.meta.id, doc.meta.published ?? null, new Date().toISOString());
    this.s.taken.run(doc.meta.id);
    if (doc.meta.published) this.s.newest.run(doc.meta.published);
    lap('rest', t);
    return links;
  }

  private states(doc: Document, lookup: ActorLookup): void {
    const obs = [...officeObservations(doc, lookup), ...membershipObservations(doc, lookup), ...relationObservations(doc, lookup)];
    const touched = new Map<string, StateObservation['family']>();
    for (const o of obs) {
      this.s.observation.run(doc.meta.id, o.family, o.key, o.date, o.kind, JSON.stringify({ evidence: o.evidence, ...o.info }));
      this.s.stateKey.run({ family: o.family, key: o.key, date: o.date });
      touched.set(`${o.family}\u0000${o.key}`, o.family);
    }
    // A past-office report ("former Secretary of State") also speaks of the person's offices its title covers
    // ("Secretary"), and a departure naming no office of their cabinet offices: folds dated after it are dropped.
    for (const o of obs) {
      if (o.family !== 'office' || (o.kind !== 'former' && !o.key.endsWith(`|${CABINET_EXIT}`))) continue;
      const person = o.key.slice(0, o.key.indexOf('|'));
      for (const k of this.s.keysWithPrefix.all(`${person}|`, `${person}|\uffff`) as string[]) {
        if (o.kind === 'former' ? !pastCovers(o.key, k) : k === o.key) continue;
        this.s.dropFold.run('office', k, o.date);
        if (o.kind === 'former') touched.set(`office\u0000${k}`, 'office');
      }
    }
    for (const [fk, family] of touched) {
      const key = fk.slice(fk.indexOf('\u0000') + 1);
      if (this.appendReports(family, key, obs.filter((o) => o.family === family && o.key === key))) continue;
      if (family === 'office') this.recomputeOffice(key, true);
      else if (family === 'membership') this.recomputeMembership(key);
      else this.recomputeRelation(key);
    }
  }

  /**
   * The common case in bounded time: only reports that a state still holds, dated on or after the latest report
   * of its open interval, extend that interval in place (what recomputing all the key's observations would give).
   */
  private appendReports(family: StateObservation['family'], key: string, obs: StateObservation[]): boolean {
    if (obs.length === 0 || obs.some((o) => o.kind !== 'holds') || key.endsWith(CABINET_EXIT)) return false;
    const table = family === 'office' ? 'record_offices' : family === 'membership' ? 'record_memberships' : 'record_relations';
    const row = this.s.lastInterval[table]!.get(key) as { id: string; json: string } | undefined;
    if (!row) return false;
    const interval = JSON.parse(row.json) as Interval & { id: string };
    const latest = interval.reports.at(-1)?.published ?? interval.from ?? '';
    if (interval.to !== undefined || !interval.from || obs.some((o) => o.date < latest) || obs.some((o) => o.date < interval.from!)) return false;
    const count = (interval.reportCount ?? interval.reports.length) + obs.length;
    const next = capReports({ ...interval, reports: [...interval.reports, ...obs.map((o) => o.evidence)] });
    const updated = { ...next, ...(count > next.reports.length && { reportCount: count }) };
    this.s.updateInterval[table]!.run(JSON.stringify(updated), row.id);
    return true;
  }

  /** A key's observations in insertion order: all, or those dated on or after `since`. */
  private observations(family: string, key: string, since?: string): StateObservation[] {
    const rows = (since === undefined ? this.s.observationsOf.all(family, key) : this.s.observationsSince.all(family, key, since)) as { date: string; kind: StateObservation['kind']; json: string }[];
    applyStats.observationsRead += rows.length;
    return rows.map((r) => {
      const { evidence, ...info } = JSON.parse(r.json) as { evidence: Evidence } & StateObservation['info'];
      return { family: family as StateObservation['family'], key, date: r.date, kind: r.kind, evidence, info };
    });
  }

  /**
   * The intervals of one state key before successors (reports kept as capReports keeps them), with the office's
   * title (the most used) and organisation (the first given) and the first observation's info; undefined when the
   * key has no observations. From the key's fold and the observations dated since, when it has a fold its total
   * keeps valid (fold.ts); else from all of them, folded anew when there are FOLD_MIN or more. For an office, the
   * person's past reports of offices covering it count (titled as this one), and so do their departures naming no
   * office when it is a cabinet office.
   */
  private stateIntervals(family: StateObservation['family'], key: string): KeyIntervals | undefined {
    const person = key.slice(0, key.indexOf('|'));
    const covering = (): string[] => (family === 'office' ? (this.s.keysWithPrefix.all(`${person}|`, `${person}|\uffff`) as string[]).filter((k) => pastCovers(k, key)) : []);
    const pastOf = (title: string, since?: string): StateObservation[] =>
      covering().flatMap((k) => this.observations('office', k, since).filter((o) => o.kind === 'former').map((o) => ({ ...o, key, info: { ...o.info, title } })));
    const exitsOf = (title: string, since?: string): StateObservation[] => (family === 'office' && isCabinetOffice(title) ? this.observations('office', `${person}|${CABINET_EXIT}`, since) : []);
    const stored = this.s.foldOf.get(family, key) as string | null | undefined;
    if (stored && Number.isFinite(stateFolds.min)) {
      const f = JSON.parse(stored) as StoredFold;
      const since = f.fold.through;
      const own = this.observations(family, key, since);
      const past = f.first !== undefined ? pastOf(f.first, since) : [];
      const titles = new Map(f.titles);
      for (const o of [...own, ...past]) if (o.info.title !== undefined) titles.set(o.info.title, (titles.get(o.info.title) ?? 0) + 1);
      const title = titles.size > 0 ? mostCommonOf(titles) : undefined;
      // Departures naming no office are folded in only for a cabinet office: a title that changed kind reads all.
      const cabinet = title !== undefined && family === 'office' && isCabinetOffice(title);
      if (cabinet === f.cabinet) {
        const exits = title !== undefined ? exitsOf(title, since) : [];
        const next = nextThrough([...own, ...past, ...exits], since);
        const step = continueFold(f.fold, [...own, ...past].map(foldObservation), exits.map(foldObservation), next);
        if (step) {
          applyStats.foldsContinued++;
          const org = f.ownOrg ?? own.find((o) => o.info.org)?.info.org ?? f.pastOrg ?? past.find((o) => o.info.org)?.info.org;
          if (step.fold !== f.fold) {
            const folded = [...own, ...past].filter((o) => o.date < next);
            const ownOrg = f.ownOrg ?? own.find((o) => o.date < next && o.info.org)?.info.org;
            const pastOrg = f.pastOrg ?? past.find((o) => o.date < next && o.info.org)?.info.org;
            this.saveFold(family, key, { ...f, fold: step.fold, titles: countTitles(f.titles, folded), ...(ownOrg !== undefined && { ownOrg }), ...(pastOrg !== undefined && { pastOrg }) });
          }
          return { intervals: step.intervals, ...(title !== undefined && { title }), ...(org !== undefined && { org }), info: f.info };
        }
      }
    }
    const own = this.observations(family, key);
    if (own.length === 0) {
      if (stored) this.s.dropFold.run(family, key, '');
      return undefined;
    }
    const first = own[0]!.info.title;
    const past = first !== undefined ? pastOf(first) : [];
    const obs = [...own, ...past];
    const title = family === 'office' ? mostCommon(obs.map((o) => o.info.title!)) : undefined;
    const org = obs.find((o) => o.info.org)?.info.org;
    const exits = title !== undefined ? exitsOf(title) : [];
    const base = { ...(title !== undefined && { title }), ...(org !== undefined && { org }), info: own[0]!.info };
    if (obs.length + exits.length < stateFolds.min) {
      if (stored) this.s.dropFold.run(family, key, '');
      return { ...base, intervals: intervalsFrom(obs, { cabinetExits: exits }).map(foldedInterval) };
    }
    applyStats.foldsRebuilt++;
    const next = nextThrough([...obs, ...exits], '');
    const step = foldFrom(obs.map(foldObservation), exits.map(foldObservation), next);
    const ownOrg = own.find((o) => o.date < next && o.info.org)?.info.org;
    const pastOrg = past.find((o) => o.date < next && o.info.org)?.info.org;
    this.saveFold(family, key, {
      fold: step.fold, titles: countTitles([], obs.filter((o) => o.date < next)), ...(first !== undefined && { first }), cabinet: title !== undefined && family === 'office' && isCabinetOffice(title),
      ...(ownOrg !== undefined && { ownOrg }), ...(pastOrg !== undefined && { pastOrg }), info: own[0]!.info,
    });
    return { ...base, intervals: step.intervals };
  }

  private saveFold(family: string, key: string, f: StoredFold): void {
    this.s.saveFold.run(f.fold.through, JSON.stringify(f), family, key);
  }

  /** Recomputes one person's intervals in one office; a new exact start also ends the predecessors' open terms. */
  recomputeOffice(key: string, cascade: boolean): void {
    applyStats.keysRecomputed++;
    const person = key.slice(0, key.indexOf('|'));
    if (key.endsWith(`|${CABINET_EXIT}`)) {
      for (const k of this.s.keysWithPrefix.all(`${person}|`, `${person}|\uffff`) as string[]) if (!k.endsWith(CABINET_EXIT)) this.recomputeOffice(k, cascade);
      return;
    }
    const got = this.stateIntervals('office', key);
    this.s.deleteOffices.run(key);
    if (!got) return;
    const title = got.title!;
    const okey = officeKey(title);
    const org = got.org;
    const single = isSingleHolderOffice(title);
    // A successor can only end a term still open, and only one who took over after it began: read those alone.
    const openSince = single ? got.intervals.filter((i) => i.to === undefined && i.from !== undefined).map((i) => i.from!).sort()[0] : undefined;
    const successors = openSince !== undefined
      ? (this.s.successorRows.all(okey, person, openSince) as { from_date: string; json: string }[])
        .map((r) => JSON.parse(r.json) as Interval)
        .filter((i) => i.fromExact && i.from && i.opened)
        .map((i) => ({ date: i.from!, evidence: i.opened! }))
      : [];
    const intervals = withSuccessors(got.intervals, successors).map(storedInterval);
    intervals.forEach((interval, i) => {
      const scope = key.split('|')[2];
      const office = { id: `office:${person}:${okey.replace(/ /g, '-')}${scope ? `@${scope}` : ''}:${i + 1}`, person, title, ...(org !== undefined && { org }), ...interval };
      this.s.office.run(office.id, person, title, interval.from ?? null, interval.to ?? null, JSON.stringify(office), key, okey, org ?? null, null);
    });
    if (!single || !cascade) return;
    for (const i of intervals) {
      if (!i.fromExact || !i.from) continue;
      for (const other of this.s.spanning.all(okey, person, i.from, i.from) as string[]) this.recomputeOffice(other, false);
    }
  }

  private recomputeMembership(key: string): void {
    applyStats.keysRecomputed++;
    const got = this.stateIntervals('membership', key);
    this.s.deleteMemberships.run(key);
    if (!got) return;
    const { person, org } = got.info;
    got.intervals.map(storedInterval).forEach((interval, i) => {
      const m = { id: `membership:${person}:${org}:${i + 1}`, person: person!, org: org!, ...interval };
      this.s.membership.run(m.id, m.person, m.org, interval.from ?? null, interval.to ?? null, JSON.stringify(m), key);
    });
  }

  private recomputeRelation(key: string): void {
    applyStats.keysRecomputed++;
    const got = this.stateIntervals('relation', key);
    this.s.deleteRelations.run(key);
    if (!got) return;
    const { relation, a, b } = got.info;
    got.intervals.map(storedInterval).forEach((interval, i) => {
      const r = { id: `relation:${relation}:${a}:${b}:${i + 1}`, kind: relation!, a: a!, b: b!, ...interval };
      this.s.relation.run(r.id, r.kind, r.a, r.b, interval.from ?? null, interval.to ?? null, JSON.stringify(r), key);
    });
  }

  /**
   * Merges each event report into an earlier report of the same event: same PLOVER type, overlapping actors
   * (after resolution), recipients overlapping when both give some, compatible dates (ranges that overlap; an
   * undated report covers the week before its article), or the same day with a shared participant in any role.
   * Future, hypothetical and negated events are not acts that happened and are never merged.
   */
  private events(doc: Document, lookup: ActorLookup): void {
    // Events this article created or reported already: the only ones whose sources name it (each article is
    // applied once, and an event it has reported is never merged into again), so none of them is merged into.
    const reportedHere = new Set<string>();
    const parsed = new Map<string, RecordEvent & { point?: string }>();
    const eventOf = (id: string): RecordEvent & { point?: string } => {
      let ev = parsed.get(id);
      if (!ev) { ev = JSON.parse(this.s.eventJson.get(id) as string) as RecordEvent & { point?: string }; parsed.set(id, ev); }
      return ev;
    };
    for (const e of doc.events) {
      const actors = [...new Set(e.actor.map((a) => lookup(doc, a)).filter((a): a is string => a !== undefined))];
      const recipients = [...new Set(e.recipient.map((a) => lookup(doc, a)).filter((a): a is string => a !== undefined))];
      const exact = firstDay(e.date);
      const published = doc.meta.published;
      const from = exact ?? (published ? addDays(published, -UNDATED_WINDOW_DAYS) : undefined);
      const to = exact ? lastDay(e.date) ?? exact : published;
      const date = exact ?? published;
      const happened = e.modality === 'asserted' || e.modality === 'reported';
      const source = { ...evidenceOf(doc, e.evidence), event: e.id, trigger: e.trigger };
      const pointDay = exact !== undefined && exact === to ? exact : undefined;
      if (happened && from !== undefined && to !== undefined) {
        const participants = [...actors, ...recipients];
        const rows = this.s.eventCandidates.all({ type: e.type, to, from, near: addDays(from, -EVENT_REACH_DAYS), actors: JSON.stringify(participants) }) as { id: string; actor_ids: string; recipient_ids: string; win_from: string; win_to: string }[];
        const found = rows.find((r) => {
          if (reportedHere.has(r.id)) return false;
          const evActors = JSON.parse(r.actor_ids) as string[];
          const evRecipients = JSON.parse(r.recipient_ids) as string[];
          return (pointDay !== undefined && r.win_from === r.win_to && overlaps([...evActors, ...evRecipients], participants) && eventOf(r.id).point === pointDay) ||
            (overlaps(evActors, actors) && (evRecipients.length === 0 || recipients.length === 0 || overlaps(evRecipients, recipients)));
        });
        const same = found && { r: found, ev: eventOf(found.id) };
        if (same) {
          const ev = same.ev;
          reportedHere.add(ev.id);
          addSource(ev, source);
          for (const a of actors) if (!ev.actors.includes(a)) ev.actors.push(a);
          for (const a of recipients) if (!ev.recipients.includes(a)) ev.recipients.push(a);
          // Narrow the window to what both reports allow, so a third report must fit both.
          const winFrom = from > same.r.win_from ? from : same.r.win_from;
          const winTo = to < same.r.win_to ? to : same.r.win_to;
          this.s.updateEvent.run(JSON.stringify(ev.actors), JSON.stringify(ev.recipients), ev.sourceCount ?? ev.sources.length, JSON.stringify(ev), winFrom, winTo, ev.id);
          for (const a of actors) this.s.eventActor.run(ev.id, a, 'actor', ev.date ?? null);
          for (const a of recipients) this.s.eventActor.run(ev.id, a, 'recipient', ev.date ?? null);
          continue;
        }
      }
      const id = `event:${doc.meta.id.slice(0, 12)}:${e.id}`;
      const ev: RecordEvent & { point?: string } = {
        id, type: e.type, ...(e.mode !== undefined && { mode: e.mode }), ...(date !== undefined && { date }), actors, recipients, modality: e.modality,
        sources: [source], ...(pointDay && { point: pointDay }),
      };
      reportedHere.add(id);
      this.s.insertEvent.run(id, e.type, date ?? null, JSON.stringify(actors), JSON.stringify(recipients), 1, JSON.stringify(ev), from ?? null, to ?? null, happened && from !== undefined ? 1 : 0);
      for (const a of actors) this.s.eventActor.run(id, a, 'actor', date ?? null);
      for (const a of recipients) this.s.eventActor.run(id, a, 'recipient', date ?? null);
    }
  }

  /**
   * Commitments: a report of a promise already recorded (same committer, same act) joins it; a new one is
   * recorded with the sketch of its act. Then the article is read as news of the earlier commitments of every
   * actor it names (kept, broken, still pending), except those it reports itself. Returns local commitment id →
   * record commitment id.
   */
  private commitments(doc: Document, lookup: ActorLookup, named: Set<string>): Map<string, string> {
    const out = new Map<string, string>();
    const reported = new Set<string>();
    const fresh: { c: RecordCommitment; sketch: Sketch }[] = [];
    const cache = new Map<string, StoredCommitment[]>();
    const byActor = (by: string) => {
      let list = cache.get(by);
      if (!list) {
        list = (this.s.commitmentsBy.all(by) as CommitmentRow[]).map((r) => storedCommitment(r, this.s.commitmentJson));
        applyStats.commitmentsRead += list.length;
        cache.set(by, list);
      }
      return list;
    };
    for (const c of doc.commitments) {
      const by = lookup(doc, c.by);
      if (!by) continue;
      const sketch = sketchOf(doc, c);
      const source = { ...evidenceOf(doc, c.evidence), commitment: c.id };
      const same = byActor(by).find((x) => similarity(x.sketch, sketch) >= 0.5 && x.c.sources[0]!.article !== doc.meta.id) ??
        fresh.find((x) => x.c.by === by && x.c.sources[0]!.article !== doc.meta.id && similarity(x.sketch, sketch) >= 0.5);
      if (same) {
        addSource(same.c, source);
        if (!same.c.due && c.due && firstDay(c.due) && lastDay(c.due)) same.c.due = { start: firstDay(c.due)!, end: lastDay(c.due)! };
        reported.add(same.c.id);
        out.set(c.id, same.c.id);
        continue;
      }
      const to = lookup(doc, c.to);
      const due = c.due && firstDay(c.due) && lastDay(c.due) ? { start: firstDay(c.due)!, end: lastDay(c.due)! } : undefined;
      const made = doc.meta.published;
      const record: RecordCommitment = {
        id: `commitment:${doc.meta.id.slice(0, 12)}:${c.id}`, kind: c.kind, by, ...(to !== undefined && { to }), what: evidenceOf(doc, c.what),
        ...(due && { due }), ...(made !== undefined && { made }), status: c.status === 'disputed' ? 'disputed' : 'open', followUps: [], sources: [source],
      };
      fresh.push({ c: record, sketch });
      out.set(c.id, record.id);
    }
    // News of earlier commitments: those of the actors this article names, and those whose act concerns things it
    // talks about (a reversal is often reported by someone else: "the minister said the government would not …").
    const published = doc.meta.published;
    const changed = new Set<string>();
    if (published) {
      const loaded = new Map<string, StoredCommitment>();
      for (const by of named) for (const x of byActor(by)) loaded.set(x.id, x);
      const hits = new Map<string, number>();
      const terms = [...termsOf(doc)];
      const present = new Set(terms.length > 0 ? this.s.termsWithCommitments.all(JSON.stringify(terms), published) as string[] : []);
      for (const t of terms) {
        if (!present.has(t)) continue;
        for (const id of this.s.commitmentsByTerm.all(t, published) as string[]) hits.set(id, (hits.get(id) ?? 0) + 1);
      }
      for (const [id, n] of hits) {
        if (loaded.has(id) || n < 2) continue;
        const r = this.s.commitmentById.get(id) as CommitmentRow | undefined;
        if (!r) continue;
        const x = storedCommitment(r, this.s.commitmentJson);
        applyStats.commitmentsRead++;
        loaded.set(id, x);
        const list = cache.get(x.by) ?? [];
        list.push(x);
        cache.set(x.by, list);
      }
      for (const x of [...loaded.values()].sort((a, b) => (a.made ?? '').localeCompare(b.made ?? '') || a.id.localeCompare(b.id))) {
        const by = x.by;
        {
          if (reported.has(x.id) || !x.made || x.made > published) continue;
          const found: FollowUp[] = followUpsIn(doc, { byRecord: by }, x.sketch, lookup);
          // The stored commitment is read (parsed) only when the article has news of it.
          if (found.length === 0 || x.c.sources.some((s) => s.article === doc.meta.id)) continue;
          const total = (x.c.followUpCount ?? x.c.followUps.length) + found.length;
          x.c.followUps.push(...found);
          x.c.followUps.sort((a, b) => (a.evidence.published ?? '').localeCompare(b.evidence.published ?? ''));
          capFollowUps(x.c, total);
          changed.add(x.id);
        }
      }
    }
    for (const list of cache.values()) {
      for (const x of list) {
        if (!changed.has(x.id) && !reported.has(x.id)) continue;
        const decisive = x.c.followUps.filter((f) => isDecisive(f)).at(-1);
        const base = x.c.status === 'disputed' ? 'disputed' : x.c.status === 'kept' || x.c.status === 'broken' ? 'open' : x.c.status;
        x.c.status = decisive ? (decisive.kind as 'kept' | 'broken') : base;
        if (decisive) x.c.statusEvidence = decisive.evidence; else delete x.c.statusEvidence;
        this.s.updateCommitment.run(x.c.status, x.c.due?.end ?? null, JSON.stringify(x.c), decisive?.evidence.published ?? null, x.id);
      }
    }
    for (const { c, sketch } of fresh) {
      this.s.insertCommitment.run(c.id, c.by, c.to ?? null, c.status, c.due?.end ?? null, JSON.stringify(c), c.made ?? null, JSON.stringify({ verbs: [...sketch.verbs], objects: [...sketch.objects] }));
      for (const t of sketch.objects) this.s.commitmentTerm.run(t, c.id, c.made ?? null);
    }
    return out;
  }

  /** Agreements: the same kind between the same parties is one agreement; its terms are this article's agreement-term commitments. */
  private agreements(doc: Document, lookup: ActorLookup, commitmentOf: Map<string, string>): void {
    let here: RecordAgreement | undefined;
    for (const a of doc.agreements) {
      const parties = [...new Set(a.parties.map((p) => lookup(doc, p)).filter((p): p is string => !!p))].sort();
      const key = `${foldName(a.kind)}|${parties.join(',')}`;
      const source = { ...evidenceOf(doc, a.evidence), agreement: a.id };
      const row = this.s.agreementByKey.get(key) as { id: string; json: string } | undefined;
      if (row) {
        const agreement = JSON.parse(row.json) as RecordAgreement;
        agreement.sources.push(source);
        if (a.status) agreement.reported = a.status;
        this.s.updateAgreement.run(JSON.stringify(agreement), agreement.id);
        here ??= agreement;
        continue;
      }
      const date = firstDay(a.date);
      const agreement: RecordAgreement = { id: `agreement:${doc.meta.id.slice(0, 12)}:${a.id}`, kind: a.kind, parties, ...(a.points !== undefined && { points: a.points }), ...(date && { date }), ...(a.status && { reported: a.status }), sources: [source], terms: [] };
      this.s.insertAgreement.run(agreement.id, JSON.stringify(agreement), key);
      here ??= agreement;
    }
    if (!here) return;
    let added = false;
    for (const c of doc.commitments) {
      const id = c.kind === 'agreement-term' ? commitmentOf.get(c.id) : undefined;
      if (id && !here.terms.some((t) => t.commitment === id)) { here.terms.push({ commitment: id, status: 'open' }); added = true; }
    }
    if (added) this.s.updateAgreement.run(JSON.stringify(here), here.id);
  }
}

/** Stems of the nouns, names and numbers of an article: what a commitment's act may concern. */
function termsOf(doc: Document): Set<string> {
  const out = new Set<string>();
  for (const t of doc.tokens) if (t.pos === 'PROPN' || t.pos === 'NOUN' || t.pos === 'NUM') out.add(stemOf(doc.text.slice(t.span.start, t.span.end)));
  return out;
}

/** Follow-ups kept per commitment: the first, the latest, and always the latest kept/broken one (the status's evidence). */
const FOLLOWUPS_KEPT = 20;

/**
 * Keeps a commitment's follow-ups bounded (they are rewritten with it on every report): the first 5, the latest
 * ones, and the latest decisive one, so the status today is what all of them give; followUpCount keeps the count.
 */
function capFollowUps(c: RecordCommitment, total: number): void {
  const all = c.followUps;
  if (all.length > FOLLOWUPS_KEPT) {
    const decisive = all.filter((f) => isDecisive(f)).at(-1);
    const tail = all.slice(-(FOLLOWUPS_KEPT - 5));
    const keepDecisive = decisive !== undefined && !tail.includes(decisive) && !all.slice(0, 5).includes(decisive);
    c.followUps = [...all.slice(0, 5), ...(keepDecisive ? [decisive] : []), ...(keepDecisive ? tail.slice(1) : tail)];
  }
  if (total > c.followUps.length) c.followUpCount = total;
}

/** Adds a report to an event's or a commitment's sources, keeping the first and the latest SOURCES_KEPT / 2. */
function addSource<T>(x: { sources: T[]; sourceCount?: number }, source: T): void {
  const count = (x.sourceCount ?? x.sources.length) + 1;
  x.sources.push(source);
  if (x.sources.length > SOURCES_KEPT) x.sources.splice(SOURCES_KEPT / 2, 1);
  if (count > x.sources.length) x.sourceCount = count;
}

/** An interval with at most REPORTS_KEPT reports kept as evidence (the first and the latest), and their full count. */
function capReports(i: Interval): Interval {
  if (i.reports.length <= REPORTS_KEPT) return i;
  const half = REPORTS_KEPT / 2;
  return { ...i, reportCount: i.reports.length, reports: [...i.reports.slice(0, half), ...i.reports.slice(-half)] };
}

interface CommitmentRow { id: string; by_id: string; made: string | null; sketch: string }

/** A stored commitment as the follow-up check needs it; the whole commitment (`c`) is parsed on first use. */
interface StoredCommitment { id: string; by: string; made: string | undefined; sketch: Sketch; readonly c: RecordCommitment }

function storedCommitment(r: CommitmentRow, json: Statement): StoredCommitment {
  let c: RecordCommitment | undefined;
  return { id: r.id, by: r.by_id, made: r.made ?? undefined, sketch: sketchFromJSON(r.sketch), get c() { return (c ??= JSON.parse(json.get(r.id) as string) as RecordCommitment); } };
}

function sketchFromJSON(json: string): Sketch {
  const s = JSON.parse(json) as { verbs: string[]; objects: string[] };
  return { verbs: new Set(s.verbs), objects: new Set(s.objects) };
}

function overlaps(a: string[], b: string[]): boolean {
  return a.some((x) => b.includes(x));
}

/** What stateIntervals gives: the intervals before successors, the office's title and organisation, the first observation's info. */
interface KeyIntervals { intervals: FoldedInterval[]; title?: string; org?: string; info: StateObservation['info'] }

/** A key's fold as stored (record_state_folds.fold), with what recomputeOffice reads from all observations besides the intervals. */
interface StoredFold {
  fold: StateFold;
  /** Titles of the folded observations with their counts, in the order first seen. */
  titles: [string, number][];
  /** The first observation's title: the one the covering past reports are counted under. */
  first?: string;
  /** Whether departures naming no office are folded in (a cabinet office's title). */
  cabinet: boolean;
  /** The organisation the folded observations of the key itself, and of its covering past reports, first give. */
  ownOrg?: string;
  pastOrg?: string;
  info: StateObservation['info'];
}

function foldObservation(o: StateObservation): FoldObservation {
  return { date: o.date, kind: o.kind, evidence: o.evidence, ...(o.info.courtesy && { courtesy: true }) };
}

/** An interval computed from all observations in the fold's form: the reports capReports keeps, their count, the latest publication day. */
function foldedInterval(i: Interval): FoldedInterval {
  const latest = i.reports.reduce((m, r) => ((r.published ?? '') > m ? r.published ?? '' : m), '');
  return { ...capReports(i), count: i.reports.length, latest };
}

/**
 * The day a fold moves on to: once the window holds over twice FOLD_WINDOW observations, the day of the
 * FOLD_WINDOW-th latest, but never within two weeks of the latest (acts are reported up to days after them; an
 * observation dated before the fold's day makes the next recompute read everything).
 */
function nextThrough(window: StateObservation[], through: string): string {
  if (window.length <= 2 * FOLD_WINDOW) return through;
  const dates = window.map((o) => o.date).sort();
  const byCount = dates[dates.length - FOLD_WINDOW]!;
  const byDays = addDays(dates.at(-1)!, -FOLD_DAYS);
  const next = byCount < byDays ? byCount : byDays;
  return next > through ? next : through;
}

function countTitles(titles: [string, number][], obs: StateObservation[]): [string, number][] {
  const m = new Map(titles);
  for (const o of obs) if (o.info.title !== undefined) m.set(o.info.title, (m.get(o.info.title) ?? 0) + 1);
  return [...m];
}

/** intervalsFrom's successors: a holder's open term ends on the day someone else took the office, unless reported after it. */
function withSuccessors(intervals: FoldedInterval[], successors: { date: string; evidence: Evidence }[]): FoldedInterval[] {
  for (const s of successors) {
    for (const i of intervals) {
      if (i.to !== undefined || i.from === undefined || !(i.from < s.date)) continue;
      if (i.latest > s.date) continue;
      i.to = s.date;
      i.closed = s.evidence;
    }
  }
  return intervals;
}

function mostCommonOf(counts: Map<string, number>): string {
  return [...counts].sort((x, y) => y[1] - x[1] || y[0].length - x[0].length)[0]![0];
}

function mostCommon(values: string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((x, y) => y[1] - x[1] || y[0].length - x[0].length)[0]![0];
}

export { Decisions };
