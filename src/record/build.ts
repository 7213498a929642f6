import type { Document } from '../document/document.js';
import { evidenceOf, firstDay } from './evidence.js';
import { followCommitments } from './followup.js';
import { deduplicateEvents } from './events.js';
import { foldName } from './names.js';
import { memberKey, resolveActors } from './resolve.js';
import { buildMemberships, buildOffices, buildRelations, type ActorLookup } from './state.js';
import type { CrossRecord, RecordAgreement, RecordStatement, ResolutionDecision } from './types.js';

/** Articles in the order the record reads them: by publication date, undated last, then by id. */
export function inRecordOrder(docs: Document[]): Document[] {
  return [...docs].sort((a, b) =>
    (a.meta.published ?? '9999').localeCompare(b.meta.published ?? '9999') || a.meta.id.localeCompare(b.meta.id));
}

/**
 * Builds the cross-document record from analysed articles: resolves actors across them, then derives offices,
 * memberships and relations over time, de-duplicated events, followed-up commitments and agreements, all in
 * terms of the resolved actors and all pointing back at their evidence. A pure function: same articles and
 * decisions, same record.
 */
export function buildRecord(documents: Document[], decisions: ResolutionDecision[] = [], asOf?: string): CrossRecord {
  const docs = inRecordOrder(documents);
  const resolution = resolveActors(docs, decisions);
  const lookup: ActorLookup = (doc, local) => (local === undefined ? undefined : resolution.byMember.get(memberKey(doc.meta.id, local)));
  const commitments = followCommitments(docs, lookup, asOf);
  const statusOf = new Map(commitments.flatMap((c) => c.sources.map((s) => [`${s.article}:${s.commitment}`, c] as const)));
  const agreements: RecordAgreement[] = [];
  for (const doc of docs) {
    for (const a of doc.agreements) {
      const parties = [...new Set(a.parties.map((p) => lookup(doc, p)).filter((p): p is string => !!p))].sort();
      const source = { ...evidenceOf(doc, a.evidence), agreement: a.id };
      const same = agreements.find((x) => foldName(x.kind) === foldName(a.kind) && x.parties.join() === parties.join());
      if (same) { same.sources.push(source); continue; }
      const date = firstDay(a.date);
      agreements.push({ id: `agreement:${agreements.length + 1}`, kind: a.kind, parties, ...(a.points !== undefined && { points: a.points }), ...(date && { date }), sources: [source], terms: [] });
    }
  }
  for (const doc of docs) {
    for (const c of doc.commitments) {
      if (c.kind !== 'agreement-term') continue;
      const record = statusOf.get(`${doc.meta.id}:${c.id}`);
      const agreement = agreements.find((a) => a.sources.some((s) => s.article === doc.meta.id));
      if (record && agreement && !agreement.terms.some((t) => t.commitment === record.id)) agreement.terms.push({ commitment: record.id, status: record.status });
    }
  }
  const statements: RecordStatement[] = docs.flatMap((doc) => doc.statements.map((s): RecordStatement => {
    const speaker = lookup(doc, s.speaker);
    return { article: doc.meta.id, statement: s.id, kind: s.kind, ...(speaker && { speaker }), content: evidenceOf(doc, s.content), evidence: evidenceOf(doc, s.evidence) };
  }));
  const newest = docs.map((d) => d.meta.published).filter((p): p is string => !!p).sort().at(-1);
  return {
    actors: resolution.actors,
    offices: buildOffices(docs, lookup),
    memberships: buildMemberships(docs, lookup),
    relations: buildRelations(docs, lookup),
    events: deduplicateEvents(docs, lookup),
    commitments,
    agreements,
    statements,
    ...(newest && { newest }),
  };
}
