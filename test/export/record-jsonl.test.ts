import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { RECORD_LINE_KINDS, exportSourceFromDocuments, recordJsonLines } from '../../src/export/index.js';
import { budgetStory, recordId } from './fixture.js';

type Line = { kind: string } & Record<string, unknown>;

/** Every evidence object in a line: objects with an article and offsets. */
function evidenceIn(x: unknown): { article: string; start: number; end: number; text: string }[] {
  if (Array.isArray(x)) return x.flatMap(evidenceIn);
  if (typeof x !== 'object' || x === null) return [];
  const o = x as Record<string, unknown>;
  const self = typeof o.article === 'string' && typeof o.start === 'number' ? [o as { article: string; start: number; end: number; text: string }] : [];
  return [...self, ...Object.values(o).flatMap(evidenceIn)];
}

describe('record JSON Lines export', () => {
  it('writes one line per record item, each with its kind, and the kinds of the whole record', () => {
    const source = exportSourceFromDocuments(budgetStory());
    const lines = [...recordJsonLines(source)].map((l) => JSON.parse(l) as Line);
    for (const l of lines) assert.ok((RECORD_LINE_KINDS as readonly string[]).includes(l.kind), l.kind);
    const kinds = new Set(lines.map((l) => l.kind));
    for (const k of ['actor', 'office', 'membership', 'relation', 'event']) assert.ok(kinds.has(k), k);
    const relation = lines.find((l) => l.kind === 'relation' && l.relation === 'opposition')!;
    assert.deepEqual([relation.a, relation.b, relation.from, relation.to], [recordId(source, 'Pakistan Muslim League-Nawaz'), recordId(source, 'Pakistan Peoples Party'), '2024-06-20', '2024-08-06']);
    const actor = lines.find((l) => l.kind === 'actor' && l.name === 'Karachi')!;
    assert.equal(actor.country, 'PAK');
  });

  it('quotes every piece of evidence with the text its offsets point at', () => {
    const docs = budgetStory();
    const byId = new Map(docs.map((d) => [d.meta.id, d]));
    const lines = [...recordJsonLines(exportSourceFromDocuments(docs))].map((l) => JSON.parse(l) as Line);
    let checked = 0;
    for (const l of lines) {
      const evidence = evidenceIn(l);
      if (l.kind !== 'statement') assert.ok(evidence.length > 0, `${l.kind} ${String(l.id)} has evidence`);
      for (const e of evidence) {
        assert.equal(e.text, byId.get(e.article)!.text.slice(e.start, e.end));
        checked++;
      }
    }
    assert.ok(checked > 10);
    const amna = lines.find((l) => l.kind === 'actor' && l.name === 'Amna Sheikh')!;
    assert.deepEqual(evidenceIn(amna.evidence).map((e) => e.text), ['Amna Sheikh', 'Amna Sheikh']);
  });
});
