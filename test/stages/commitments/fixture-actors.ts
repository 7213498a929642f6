/**
 * A stand-in for the actors stage in tests: finds the names, titles and pronouns of a small hand-written
 * cast, so that the commitment and agreement stages can be tested on texts whose actors are known.
 */
import type { Document } from '../../../src/document/document.js';
import type { ActorType, Mention } from '../../../src/document/layers.js';
import type { Stage } from '../../../src/pipeline/stage.js';

export interface CastMember {
  id: string;
  type: ActorType;
  /** Surface forms, the first being the canonical name. */
  names: string[];
  /** Office titles that refer to this person ("PM", "Prime Minister"). */
  titles?: string[];
  /** Party the person belongs to. */
  party?: string;
}

/** A quotation in the fixture text and who said it, standing in for the statements stage. */
export interface CastQuote {
  content: string;
  speaker: string;
  kind?: 'direct' | 'indirect';
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

export function castStage(cast: readonly CastMember[], quotes: readonly CastQuote[] = []): Stage {
  return {
    name: 'actors',
    reads: ['sentences'],
    adds: ['mentions', 'actors', 'roles', 'memberships', 'statements'],
    run(doc: Document) {
      const forms = cast.flatMap((c) => [
        ...c.names.map((n) => ({ form: n, actor: c.id, type: c.type as Mention['type'] })),
        ...(c.titles ?? []).map((t) => ({ form: t, actor: c.id, type: 'TITLE' as const })),
      ]).sort((a, b) => b.form.length - a.form.length);
      const taken: [number, number][] = [];
      const mentions: Mention[] = [];
      for (const f of forms) {
        const re = new RegExp(`(?<![\\w-])${escape(f.form)}(?![\\w-])`, 'gu');
        for (const m of doc.text.matchAll(re)) {
          const start = m.index;
          const end = start + f.form.length;
          if (taken.some(([s, e]) => start < e && s < end)) continue;
          taken.push([start, end]);
          mentions.push({ id: '', span: { start, end }, type: f.type, actor: f.actor, source: 'gazetteer' });
        }
      }
      mentions.sort((a, b) => a.span.start - b.span.start).forEach((m, i) => (m.id = `m${i + 1}`));
      doc.mentions = mentions;
      doc.actors = cast.map((c) => ({
        id: c.id, type: c.type, name: c.names[0]!, aliases: c.names.slice(1),
        mentions: mentions.filter((m) => m.actor === c.id).map((m) => m.id),
      }));
      doc.statements = quotes.map((q, i) => {
        const start = doc.text.indexOf(q.content);
        if (start < 0) throw new Error(`quote not in fixture: ${q.content}`);
        const content = { start, end: start + q.content.length };
        return { id: `st${i + 1}`, kind: q.kind ?? 'direct', speaker: q.speaker, content, evidence: content };
      });
      doc.memberships = cast.filter((c) => c.party).map((c, i) => ({ id: `ms${i + 1}`, person: c.id, org: c.party!, evidence: { start: 0, end: 0 } }));
    },
  };
}
