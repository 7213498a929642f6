/**
 * A stand-in for the actors stage in these tests: marks every occurrence of the names a test lists as a
 * mention of that actor, so statements are tested on their own.
 */
import type { Document } from '../../../src/document/document.js';
import type { Actor, ActorType, Mention } from '../../../src/document/layers.js';
import type { Span } from '../../../src/document/span.js';
import type { Stage } from '../../../src/pipeline/stage.js';

export interface KnownActor {
  id: string;
  type: ActorType;
  /** Surface forms, longest first wins where they overlap. */
  names: string[];
}

export interface KnownPronoun {
  /** The n-th occurrence (0-based) of the pronoun in the text. */
  word: string;
  occurrence: number;
  actor: string;
}

function occurrences(text: string, word: string): Span[] {
  const out: Span[] = [];
  const re = new RegExp(`(?<![\\p{L}\\p{N}])${word.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}(?![\\p{L}\\p{N}])`, 'gu');
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

export function knownActorsStage(actors: readonly KnownActor[], pronouns: readonly KnownPronoun[] = []): Stage {
  return {
    name: 'known-actors',
    reads: [],
    adds: ['mentions', 'actors'],
    run(doc: Document) {
      const mentions: Mention[] = [];
      const taken = (s: Span) => mentions.some((m) => m.span.start < s.end && s.start < m.span.end);
      const found = actors.flatMap((a) => a.names.map((name) => ({ a, name }))).sort((x, y) => y.name.length - x.name.length);
      for (const { a, name } of found) {
        for (const s of occurrences(doc.text, name)) {
          if (!taken(s)) mentions.push({ id: '', span: s, type: a.type, actor: a.id, source: 'gazetteer' });
        }
      }
      for (const p of pronouns) {
        const s = occurrences(doc.text, p.word)[p.occurrence];
        if (s) mentions.push({ id: '', span: s, type: 'PRONOUN', actor: p.actor, source: 'coref' });
      }
      mentions.sort((x, y) => x.span.start - y.span.start);
      mentions.forEach((m, i) => (m.id = `m${i + 1}`));
      doc.mentions = mentions;
      doc.actors = actors.map((a): Actor => ({
        id: a.id, type: a.type, name: a.names[0]!, aliases: a.names.slice(1),
        mentions: mentions.filter((m) => m.actor === a.id).map((m) => m.id),
      }));
    },
  };
}
