/**
 * Who a stretch of text refers to, read from the mentions and actors layers, in the normalized view's
 * offsets (commitment and agreement cues are matched on the view, so straight quotes and dashes match).
 */
import type { Document } from '../../document/document.js';
import type { ActorType, MentionType } from '../../document/layers.js';
import { type NormalizedView, normalizeText } from '../../document/normalize.js';
import type { Span } from '../../document/span.js';

export interface ActorReference {
  actor: string;
  actorType: ActorType;
  mention: MentionType;
  /** Span in the normalized view. */
  span: Span;
  /** True when the mention is a possessive ("Siddiqui's press conference"), which cannot be a subject. */
  possessive: boolean;
}

/**
 * The document's reference index: the agreements and commitments stages both read it, so it is built once per
 * document, again only when a layer it comes from has been replaced. Callers only read it.
 */
export function referenceIndex(doc: Document): ReferenceIndex {
  const from = [doc.text, doc.mentions, doc.actors];
  const built = builtIndexes.get(doc);
  if (built && built.from.every((layer, i) => layer === from[i])) return built.index;
  const index = new ReferenceIndex(doc);
  builtIndexes.set(doc, { from, index });
  return index;
}

const builtIndexes = new WeakMap<Document, { from: unknown[]; index: ReferenceIndex }>();

/** A document seen through its normalized view, with every actor mention placed in view offsets. */
export class ReferenceIndex {
  readonly view: NormalizedView;
  readonly references: ActorReference[];
  private readonly fromOriginal: Int32Array;

  constructor(readonly doc: Document) {
    this.view = normalizeText(doc.text);
    this.fromOriginal = new Int32Array(doc.text.length + 1).fill(-1);
    for (let i = this.view.text.length; i >= 0; i--) this.fromOriginal[this.view.toOriginal(i)] = i;
    for (let o = doc.text.length - 1; o >= 0; o--) if (this.fromOriginal[o] === -1) this.fromOriginal[o] = this.fromOriginal[o + 1]!;
    const types = new Map(doc.actors.map((a) => [a.id, a.type]));
    this.references = doc.mentions
      .filter((m) => m.actor !== undefined && types.has(m.actor))
      .map((m) => {
        const span = this.toView(m.span);
        return {
          actor: m.actor!,
          actorType: types.get(m.actor!)!,
          mention: m.type,
          span,
          possessive: /^'s?\b/u.test(this.view.text.slice(span.end, span.end + 2)),
        };
      })
      .sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
  }

  toView(s: Span): Span {
    return { start: this.fromOriginal[s.start]!, end: this.fromOriginal[s.end]! };
  }

  toOriginal(s: Span): Span {
    return this.view.spanToOriginal(s);
  }

  /** Actor mentions inside a view span, outermost first where mentions nest. */
  within(s: Span): ActorReference[] {
    const inside = this.references.filter((r) => s.start <= r.span.start && r.span.end <= s.end);
    return inside.filter((r) => !inside.some((o) => o !== r && o.span.start <= r.span.start && r.span.end <= o.span.end && o.span.end - o.span.start > r.span.end - r.span.start));
  }

  /** The mention ending exactly at a view offset (trailing white space ignored). */
  endingAt(offset: number): ActorReference | undefined {
    let end = offset;
    while (end > 0 && /\s/u.test(this.view.text[end - 1]!)) end--;
    return this.references.filter((r) => r.span.end === end).sort((a, b) => a.span.start - b.span.start)[0];
  }

  actorType(id: string): ActorType | undefined {
    return this.doc.actors.find((a) => a.id === id)?.type;
  }

  /** The party or organisation a person speaks for: a membership first, else the organisation of a role. */
  partyOf(person: string): string | undefined {
    const collective = (id: string) => ['PARTY', 'ORG', 'GOVBODY'].includes(this.actorType(id) ?? '');
    const member = this.doc.memberships.find((m) => m.person === person && this.actorType(m.org) === 'PARTY')
      ?? this.doc.memberships.find((m) => m.person === person && collective(m.org));
    if (member) return member.org;
    return this.doc.roles.find((r) => r.person === person && r.org !== undefined && collective(r.org))?.org;
  }
}
