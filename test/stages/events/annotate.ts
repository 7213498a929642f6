/**
 * Builds documents for the event and relation tests: real segmentation, and the layers the earlier stages
 * would add (mentions, actors, statements, times) stated by hand, so these tests pin the event rules alone.
 */
import { createDocument, type Document } from '../../../src/document/document.js';
import type { ActorType, StatementKind, TimeValue } from '../../../src/document/layers.js';
import { segmentText } from '../../../src/stages/segment/segment.js';

export interface ActorSpec {
  id: string;
  type: ActorType;
  /** Surface forms, each marked wherever it occurs (longest first, never overlapping). */
  names: string[];
}

export interface StatementSpec {
  speaker: string;
  kind: StatementKind;
  /** The content as it occurs in the text. */
  content: string;
  cueLemma?: string;
  date?: TimeValue;
}

export interface TimeSpec {
  text: string;
  value: TimeValue;
}

export function day(value: string): TimeValue {
  return { kind: 'date', granularity: 'day', value };
}

export function annotate(
  text: string,
  actors: ActorSpec[],
  opts: { statements?: StatementSpec[]; times?: TimeSpec[]; published?: string; memberships?: [string, string][] } = {},
): Document {
  const doc = createDocument(text, opts.published ? { published: opts.published } : {});
  const { sentences, tokens } = segmentText(text);
  doc.sentences = sentences;
  doc.tokens = tokens;
  const taken: [number, number][] = [];
  const forms = actors.flatMap((a) => a.names.map((name) => ({ a, name }))).sort((x, y) => y.name.length - x.name.length);
  for (const { a, name } of forms) {
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
      const end = at + name.length;
      if (taken.some(([s, e]) => at < e && s < end)) continue;
      if (/[\p{L}\p{N}]/u.test(text[at - 1] ?? '') || /[\p{L}\p{N}]/u.test(text[end] ?? '')) continue;
      taken.push([at, end]);
      doc.mentions.push({ id: `m${doc.mentions.length + 1}`, span: { start: at, end }, type: a.type, actor: a.id, source: 'gazetteer' });
    }
  }
  doc.mentions.sort((x, y) => x.span.start - y.span.start);
  for (const a of actors) {
    doc.actors.push({
      id: a.id,
      type: a.type,
      name: a.names[0]!,
      aliases: a.names.slice(1),
      mentions: doc.mentions.filter((m) => m.actor === a.id).map((m) => m.id),
    });
  }
  (opts.memberships ?? []).forEach(([person, org], i) => doc.memberships.push({ id: `ms${i + 1}`, person, org, evidence: { start: 0, end: 0 } }));
  (opts.times ?? []).forEach((t, i) => {
    const at = text.indexOf(t.text);
    if (at < 0) throw new Error(`time ${t.text} not in text`);
    doc.times.push({ id: `t${i + 1}`, span: { start: at, end: at + t.text.length }, value: t.value });
  });
  (opts.statements ?? []).forEach((s, i) => {
    const at = text.indexOf(s.content);
    if (at < 0) throw new Error(`statement ${s.content} not in text`);
    const sentence = sentences.find((x) => x.span.start <= at && at < x.span.end)!;
    doc.statements.push({
      id: `q${i + 1}`,
      kind: s.kind,
      speaker: s.speaker,
      content: { start: at, end: at + s.content.length },
      ...(s.cueLemma ? { cueLemma: s.cueLemma } : {}),
      ...(s.date ? { date: s.date } : {}),
      evidence: sentence.span,
    });
  });
  return doc;
}
