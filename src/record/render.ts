import type { actorProfile, describeCommitment, quotesBy, stateAsOf, TimelineEntry } from './queries.js';
import type { SearchHit } from './record-store.js';
import type { QuotedEvidence } from './types.js';

/** Plain-text views of query results for the terminal; `--json` prints the results themselves. */

const oneLine = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** `[3f2a9c01 2024-01-12 s4 @120] "…"` — enough to find the evidence again with `polity show`. */
export function renderEvidence(e: QuotedEvidence): string {
  const where = [e.article.slice(0, 8), e.published, e.sentence !== undefined ? `s${e.sentence}` : undefined, `@${e.start}`].filter(Boolean).join(' ');
  return `[${where}] "${oneLine(e.text)}"`;
}

function span(from: string | undefined, to: string | undefined, exact = true): string {
  return `${from ?? '…'}${from && !exact ? ' (first report)' : ''} → ${to ?? 'now'}`;
}

export function renderProfile(p: ReturnType<typeof actorProfile>): string {
  const out = [`${p.actor.name} (${p.actor.type}, id ${p.actor.id})`];
  if (p.actor.aliases.length) out.push(`  also: ${p.actor.aliases.join('; ')}`);
  out.push('', `Resolution (${p.resolution.length} article${p.resolution.length === 1 ? '' : 's'}):`);
  for (const m of p.resolution) out.push(`  ${m.article.slice(0, 8)}:${m.local} "${m.name}" ${m.via}${m.via === 'auto' ? ` ${m.score}: ${m.reasons.join('; ')}` : ''}`);
  if (p.offices.length) {
    out.push('', 'Offices:');
    for (const o of p.offices) {
      out.push(`  ${o.title}${o.orgName ? `, ${o.orgName}` : ''}: ${span(o.from, o.to, o.fromExact)}`);
      if (o.opened) out.push(`    opened ${renderEvidence(o.opened)}`);
      if (o.closed) out.push(`    closed ${renderEvidence(o.closed)}`);
    }
  }
  if (p.memberships.length) {
    out.push('', 'Memberships:');
    for (const m of p.memberships) out.push(`  ${m.personName} in ${m.orgName}: ${span(m.from, m.to, m.fromExact)}${m.opened ? ` ${renderEvidence(m.opened)}` : ''}`);
  }
  if (p.relations.length) {
    out.push('', 'Relations:');
    for (const r of p.relations) out.push(`  ${r.kind} ${r.aName} – ${r.bName}: ${span(r.from, r.to, r.fromExact)}${(r.closed ?? r.opened) ? ` ${renderEvidence((r.closed ?? r.opened)!)}` : ''}`);
  }
  if (p.quotes.length) {
    out.push('', 'Quotes:');
    for (const q of p.quotes) out.push(`  (${q.kind}) ${renderEvidence(q.content)}`);
  }
  if (p.events.length) {
    out.push('', 'Events:');
    for (const e of p.events) out.push(`  ${e.date ?? '?'} ${e.type}${e.mode ? `/${e.mode}` : ''} ${e.actors.map((a) => a.name).join(', ')}${e.recipients.length ? ` → ${e.recipients.map((a) => a.name).join(', ')}` : ''} [${e.modality}] ${e.sourceCount ?? e.sources.length} report(s) ${renderEvidence(e.sources[0]!)}`);
  }
  if (p.commitments.length) {
    out.push('', 'Commitments:');
    for (const c of p.commitments) out.push(renderCommitment(c));
  }
  return out.join('\n');
}

export function renderCommitment(c: ReturnType<typeof describeCommitment>): string {
  const lines = [`  [${c.status}] ${c.byName}${c.toName ? ` → ${c.toName}` : ''}: "${oneLine(c.what.text)}"${c.due ? ` (due ${c.due.start === c.due.end ? c.due.end : `${c.due.start}..${c.due.end}`})` : ''}`];
  lines.push(`    made ${renderEvidence(c.sources[0]!)}${(c.sourceCount ?? c.sources.length) > 1 ? ` (+${(c.sourceCount ?? c.sources.length) - 1} more reports)` : ''}`);
  if (c.statusEvidence) lines.push(`    ${c.status} ${renderEvidence(c.statusEvidence)}`);
  return lines.join('\n');
}

export function renderTimeline(entries: TimelineEntry[]): string {
  return entries.map((e) => `${e.date}  ${e.summary}\n            ${renderEvidence(e.evidence)}`).join('\n');
}

export function renderQuotes(quotes: ReturnType<typeof quotesBy>): string {
  return quotes.map((q) => `${q.speakerName ?? '(unattributed)'} (${q.kind}): "${oneLine(q.content.text)}"\n    ${renderEvidence(q.evidence)}`).join('\n');
}

export function renderState(s: ReturnType<typeof stateAsOf>): string {
  const out = [`State as of ${s.asOf}`, '', 'Offices held:'];
  for (const o of s.offices) out.push(`  ${o.personName}: ${o.title}${o.orgName ? `, ${o.orgName}` : ''} (since ${o.from ?? 'before the first article'}) ${o.opened ? renderEvidence(o.opened) : o.closed ? renderEvidence(o.closed) : ''}`);
  out.push('', 'Party memberships:');
  for (const m of s.memberships) out.push(`  ${m.personName}: ${m.orgName}`);
  out.push('', 'Relations:');
  for (const r of s.relations) out.push(`  ${r.kind}: ${r.aName} – ${r.bName} (since ${r.from ?? 'before the first article'}) ${r.opened ? renderEvidence(r.opened) : ''}`);
  out.push('', 'Commitments:');
  for (const c of s.commitments) out.push(renderCommitment(c));
  return out.join('\n');
}

export function renderSearch(hits: SearchHit[]): string {
  return hits.map((h) => `${h.kind === 'statement' ? 'quote  ' : 'article'} ${h.article.slice(0, 8)}${h.statement ? `:${h.statement}` : ''}  ${oneLine(h.snippet)}`).join('\n');
}
