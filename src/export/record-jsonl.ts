/**
 * The whole record as JSON Lines: one line per actor, office, membership, relation, statement, event,
 * commitment and agreement, each with a `kind` field naming what it is and its evidence quoted (every evidence
 * object gains the `text` it points at). A record item's own kind is renamed (`relation`, `statement_kind`,
 * `commitment_kind`, `agreement_kind`) so that `kind` always says what the line is.
 */
import { ActorCoder } from './actor-codes.js';
import type { Evidence, ExportSource } from './source.js';

export const RECORD_LINE_KINDS = ['actor', 'office', 'membership', 'relation', 'statement', 'event', 'commitment', 'agreement'] as const;
export type RecordLineKind = (typeof RECORD_LINE_KINDS)[number];

function isEvidence(x: unknown): x is Evidence {
  if (typeof x !== 'object' || x === null) return false;
  const e = x as Record<string, unknown>;
  return typeof e.article === 'string' && typeof e.start === 'number' && typeof e.end === 'number';
}

/** A record item with the text of every evidence object in it. */
function quoted(value: unknown, source: ExportSource): unknown {
  if (Array.isArray(value)) return value.map((v) => quoted(v, source));
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = quoted(v, source);
  return isEvidence(value) ? { ...out, text: source.quote(value).text } : out;
}

function renameKind(item: object, to: string): Record<string, unknown> {
  const { kind, ...rest } = item as { kind?: unknown };
  return { [to]: kind, ...rest };
}

/** Every item of the record, one JSON object per line. */
export function* recordJsonLines(source: ExportSource): Generator<string> {
  const line = (kind: RecordLineKind, item: object): string => `${JSON.stringify({ kind, ...(quoted(item, source) as object) })}\n`;
  const coder = new ActorCoder(source);
  for (const a of source.actors()) {
    const codes = coder.codes(a.id);
    // An actor's evidence: the first mention of it in each article it appears in.
    const evidence = a.members.flatMap((m) => {
      const doc = source.document(m.article);
      const mention = doc?.mentions.find((x) => x.actor === m.local);
      return doc && mention ? [{ article: m.article, ...(doc.meta.published && { published: doc.meta.published }), start: mention.span.start, end: mention.span.end }] : [];
    });
    yield line('actor', { ...a, ...(codes.country && { country: codes.country }), sectors: codes.sectors, evidence });
  }
  for (const o of source.offices()) yield line('office', o);
  for (const m of source.memberships()) yield line('membership', m);
  for (const r of source.relations()) yield line('relation', renameKind(r, 'relation'));
  for (const s of source.statements()) yield line('statement', renameKind(s, 'statement_kind'));
  for (const e of source.events()) yield line('event', e);
  for (const c of source.commitments()) yield line('commitment', renameKind(c, 'commitment_kind'));
  for (const a of source.agreements()) yield line('agreement', renameKind(a, 'agreement_kind'));
}
