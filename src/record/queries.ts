import type { CommitmentStatus } from '../document/layers.js';
import { comparePersonNames, foldName } from './names.js';
import { holdsOn } from './state.js';
import type { SearchHit } from './record-store.js';
import type { CrossRecord, Evidence, Interval, QuotedEvidence, RecordActor, RecordCommitment } from './types.js';

/** Attaches text to evidence (see evidenceQuoter). */
export type Quoter = (e: Evidence) => QuotedEvidence;

/** No actor matches a name given on the command line or in a URL. */
export class UnknownActorError extends Error {
  constructor(readonly query: string) {
    super(`no actor matches "${query}"`);
    this.name = 'UnknownActorError';
  }
}

/**
 * Actors matching a name or id, best first: the id, then the canonical name or an alias (case- and
 * punctuation-insensitive), then a person name that compares well ("Qureshi", "Tariq Mehmud Qureshi").
 */
export function findActors(record: CrossRecord, query: string): RecordActor[] {
  const byId = record.actors.find((a) => a.id === query);
  if (byId) return [byId];
  const folded = foldName(query);
  const exact = record.actors.filter((a) => [a.name, ...a.aliases].some((n) => foldName(n) === folded));
  if (exact.length > 0) return exact;
  return record.actors
    .filter((a) => a.type === 'PERSON')
    .map((a) => ({ a, score: Math.max(...[a.name, ...a.aliases].map((n) => comparePersonNames(query, n).score)) }))
    .filter((x) => x.score >= 0.6)
    .sort((x, y) => y.score - x.score)
    .map((x) => x.a);
}

/** The one actor a query names; throws UnknownActorError when none does. */
export function actorNamed(record: CrossRecord, query: string): RecordActor {
  const found = findActors(record, query)[0];
  if (!found) throw new UnknownActorError(query);
  return found;
}

function nameOf(record: CrossRecord, id: string | undefined): string | undefined {
  return id === undefined ? undefined : record.actors.find((a) => a.id === id)?.name ?? id;
}

function quoteInterval<T extends Interval>(x: T, quote: Quoter): Omit<T, 'opened' | 'closed' | 'reports'> & { opened?: QuotedEvidence; closed?: QuotedEvidence; reports: number } {
  const { opened, closed, reports, ...rest } = x;
  return { ...rest, ...(opened && { opened: quote(opened) }), ...(closed && { closed: quote(closed) }), reports: reports.length };
}

/** The latest follow-up (kept/broken) known on `day`, else overdue/open by the due date: a commitment's status then. */
export function commitmentStatusOn(c: RecordCommitment, day: string): { status: CommitmentStatus; evidence?: Evidence } {
  const known = c.followUps.filter((f) => !f.evidence.published || f.evidence.published <= day);
  const decisive = known.filter((f) => f.kind !== 'pending').at(-1);
  if (decisive) return { status: decisive.kind as 'kept' | 'broken', evidence: decisive.evidence };
  if (c.due && c.due.end < day) {
    const pending = known.filter((f) => f.kind === 'pending').at(-1);
    return { status: 'overdue', ...(pending && { evidence: pending.evidence }) };
  }
  return { status: c.status === 'disputed' ? 'disputed' : 'open' };
}

export function describeCommitment(record: CrossRecord, c: RecordCommitment, quote: Quoter, day?: string) {
  const on = day ? commitmentStatusOn(c, day) : { status: c.status, evidence: c.statusEvidence };
  return {
    id: c.id,
    kind: c.kind,
    by: c.by,
    byName: nameOf(record, c.by),
    ...(c.to !== undefined && { to: c.to, toName: nameOf(record, c.to) }),
    what: quote(c.what),
    ...(c.due && { due: c.due }),
    ...(c.made && { made: c.made }),
    status: on.status,
    ...(on.evidence && { statusEvidence: quote(on.evidence) }),
    followUps: c.followUps.map((f) => ({ kind: f.kind, cue: f.cue, evidence: quote(f.evidence) })),
    sources: c.sources.map((s) => quote(s)),
  };
}

/** Everything the record knows about one actor, each item with its evidence. */
export function actorProfile(record: CrossRecord, actor: RecordActor, quote: Quoter) {
  const involves = (ids: string[]): boolean => ids.includes(actor.id);
  return {
    actor: { id: actor.id, type: actor.type, name: actor.name, aliases: actor.aliases },
    resolution: actor.members.map((m) => ({ article: m.article, local: m.local, name: m.name, via: m.via, score: m.score, reasons: m.reasons })),
    offices: record.offices.filter((o) => o.person === actor.id).map((o) => ({ ...quoteInterval(o, quote), orgName: nameOf(record, o.org) })),
    memberships: record.memberships.filter((m) => m.person === actor.id || m.org === actor.id)
      .map((m) => ({ ...quoteInterval(m, quote), personName: nameOf(record, m.person), orgName: nameOf(record, m.org) })),
    relations: record.relations.filter((r) => r.a === actor.id || r.b === actor.id)
      .map((r) => ({ ...quoteInterval(r, quote), aName: nameOf(record, r.a), bName: nameOf(record, r.b) })),
    quotes: record.statements.filter((s) => s.speaker === actor.id).map((s) => ({ kind: s.kind, article: s.article, content: quote(s.content) })),
    events: record.events.filter((e) => involves(e.actors) || involves(e.recipients)).map((e) => describeEvent(record, e, quote)),
    commitments: record.commitments.filter((c) => c.by === actor.id || c.to === actor.id).map((c) => describeCommitment(record, c, quote)),
  };
}

function describeEvent(record: CrossRecord, e: CrossRecord['events'][number], quote: Quoter) {
  return {
    id: e.id,
    type: e.type,
    ...(e.mode && { mode: e.mode }),
    ...(e.date && { date: e.date }),
    modality: e.modality,
    actors: e.actors.map((id) => ({ id, name: nameOf(record, id) })),
    recipients: e.recipients.map((id) => ({ id, name: nameOf(record, id) })),
    sources: e.sources.map((s) => ({ ...quote(s), trigger: quote({ ...s, start: s.trigger.start, end: s.trigger.end }).text })),
  };
}

export interface TimelineEntry {
  date: string;
  kind: 'event' | 'office-start' | 'office-end' | 'relation-start' | 'relation-end' | 'commitment-made' | 'commitment-kept' | 'commitment-broken';
  summary: string;
  evidence: QuotedEvidence;
}

/** Dated happenings in order: events, offices and relations opening and closing, commitments made and resolved. */
export function timeline(record: CrossRecord, quote: Quoter, opts: { actor?: RecordActor; from?: string; to?: string } = {}): TimelineEntry[] {
  const out: TimelineEntry[] = [];
  const concerns = (ids: (string | undefined)[]): boolean => !opts.actor || ids.includes(opts.actor.id);
  const name = (id: string | undefined): string => nameOf(record, id) ?? '?';
  for (const e of record.events) {
    if (!e.date || !concerns([...e.actors, ...e.recipients]) || e.modality === 'future' || e.modality === 'hypothetical') continue;
    const sources = e.sources.length > 1 ? ` (${e.sources.length} reports)` : '';
    out.push({ date: e.date, kind: 'event', summary: `${e.type}${e.mode ? `/${e.mode}` : ''}: ${e.actors.map(name).join(', ')}${e.recipients.length ? ` → ${e.recipients.map(name).join(', ')}` : ''}${e.modality !== 'asserted' ? ` [${e.modality}]` : ''}${sources}`, evidence: quote(e.sources[0]!) });
  }
  for (const o of record.offices) {
    if (!concerns([o.person, o.org])) continue;
    if (o.from && o.opened) out.push({ date: o.from, kind: 'office-start', summary: `${name(o.person)} ${o.fromExact ? 'takes office as' : 'reported as'} ${o.title}`, evidence: quote(o.opened) });
    if (o.to && o.closed) out.push({ date: o.to, kind: 'office-end', summary: `${name(o.person)} leaves office as ${o.title}`, evidence: quote(o.closed) });
  }
  for (const r of record.relations) {
    if (!concerns([r.a, r.b])) continue;
    if (r.from && r.opened) out.push({ date: r.from, kind: 'relation-start', summary: `${r.kind}: ${name(r.a)} – ${name(r.b)}`, evidence: quote(r.opened) });
    if (r.to && r.closed) out.push({ date: r.to, kind: 'relation-end', summary: `no longer ${r.kind}: ${name(r.a)} – ${name(r.b)}`, evidence: quote(r.closed) });
  }
  for (const c of record.commitments) {
    if (!concerns([c.by, c.to])) continue;
    const what = quote(c.what).text;
    if (c.made) out.push({ date: c.made, kind: 'commitment-made', summary: `${name(c.by)} commits: ${what}${c.due ? ` (due ${c.due.end})` : ''}`, evidence: quote(c.sources[0]!) });
    for (const f of c.followUps) {
      if (f.kind === 'pending' || !f.evidence.published) continue;
      out.push({ date: f.evidence.published, kind: f.kind === 'kept' ? 'commitment-kept' : 'commitment-broken', summary: `${name(c.by)} ${f.kind === 'kept' ? 'kept' : 'broke'}: ${what}`, evidence: quote(f.evidence) });
    }
  }
  return out
    .filter((x) => (!opts.from || x.date >= opts.from) && (!opts.to || x.date <= opts.to))
    .sort((a, b) => a.date.localeCompare(b.date) || a.kind.localeCompare(b.kind));
}

/** Statements by a speaker, optionally only those that mention `about` (an actor's names, or a word). */
export function quotesBy(record: CrossRecord, quote: Quoter, opts: { speaker?: RecordActor; about?: string; aboutActor?: RecordActor }) {
  const aboutNames = opts.aboutActor ? [opts.aboutActor.name, ...opts.aboutActor.aliases] : opts.about ? [opts.about] : [];
  return record.statements
    .filter((s) => !opts.speaker || s.speaker === opts.speaker.id)
    .map((s) => ({ s, content: quote(s.content) }))
    .filter(({ content }) => aboutNames.length === 0 || aboutNames.some((n) => content.text.toLowerCase().includes(n.toLowerCase())))
    .map(({ s, content }) => ({ article: s.article, statement: s.statement, kind: s.kind, speaker: s.speaker, speakerName: nameOf(record, s.speaker), content, evidence: quote(s.evidence) }));
}

/** Who held what, who belonged where, and which relations held on `day` (YYYY-MM-DD). */
export function stateAsOf(record: CrossRecord, quote: Quoter, day: string) {
  const offices = record.offices.filter((o) => holdsOn(o, day)).map((o) => ({ ...quoteInterval(o, quote), personName: nameOf(record, o.person), orgName: nameOf(record, o.org) }));
  return {
    asOf: day,
    offices,
    memberships: record.memberships.filter((m) => holdsOn(m, day)).map((m) => ({ ...quoteInterval(m, quote), personName: nameOf(record, m.person), orgName: nameOf(record, m.org) })),
    relations: record.relations.filter((r) => holdsOn(r, day)).map((r) => ({ ...quoteInterval(r, quote), aName: nameOf(record, r.a), bName: nameOf(record, r.b) })),
    commitments: record.commitments.filter((c) => !c.made || c.made <= day).map((c) => describeCommitment(record, c, quote, day)),
  };
}

/** Search hits with the evidence behind each: the quoted statement and its speaker, or the article's title. */
export function explainHits(record: CrossRecord, quote: Quoter, hits: SearchHit[]) {
  return hits.map((h) => {
    const statement = h.statement ? record.statements.find((s) => s.article === h.article && s.statement === h.statement) : undefined;
    return {
      ...h,
      ...(statement && { speaker: statement.speaker, speakerName: nameOf(record, statement.speaker), evidence: quote(statement.content) }),
    };
  });
}
