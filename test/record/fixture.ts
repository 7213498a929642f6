import { createDocument, type Document } from '../../src/document/document.js';
import type {
  ActorType, CommitmentKind, Event, Modality, PloverType, RelationKind, StateChangeKind, TimeValue,
} from '../../src/document/layers.js';
import type { Span } from '../../src/document/span.js';
import { segmentText } from '../../src/stages/segment/segment.js';

export const day = (value: string): TimeValue => ({ kind: 'date', granularity: 'day', value, start: value, end: value });
export const range = (start: string, end: string): TimeValue => ({ kind: 'range', granularity: 'week', value: start, start, end });

/**
 * Builds an analysed article by hand: real sentences and tokens (the segment stage), and every other layer
 * written out, with spans found by searching the text. Lets the record's tests pin its behaviour exactly,
 * whatever the extraction stages currently produce.
 */
export class Article {
  readonly doc: Document;

  constructor(text: string, published: string, title?: string) {
    this.doc = createDocument(text, { published, ...(title && { title }) });
    const { sentences, tokens } = segmentText(text);
    this.doc.sentences = sentences;
    this.doc.tokens = tokens;
  }

  /** The span of the n-th occurrence of `fragment`; throws when the text has no such occurrence. */
  span(fragment: string, n = 0): Span {
    let at = -1;
    for (let i = 0; i <= n; i++) {
      at = this.doc.text.indexOf(fragment, at + 1);
      if (at < 0) throw new Error(`fixture text has no occurrence ${n} of "${fragment}"`);
    }
    return { start: at, end: at + fragment.length };
  }

  /** An actor with one mention per listed fragment (first occurrence of each). */
  actor(id: string, type: ActorType, name: string, aliases: string[] = [], mentionOf: string[] = [name, ...aliases]): this {
    const mentions = mentionOf.map((fragment) => {
      const mention = { id: `m${this.doc.mentions.length + 1}`, span: this.span(fragment), type, actor: id, source: 'rule' as const };
      this.doc.mentions.push(mention);
      return mention.id;
    });
    this.doc.actors.push({ id, type, name, aliases, mentions });
    return this;
  }

  role(person: string, title: string, org?: string, evidence = title): this {
    this.doc.roles.push({ id: `r${this.doc.roles.length + 1}`, person, title, ...(org && { org }), evidence: this.span(evidence) });
    return this;
  }

  membership(person: string, org: string, evidence: string): this {
    this.doc.memberships.push({ id: `mb${this.doc.memberships.length + 1}`, person, org, evidence: this.span(evidence) });
    return this;
  }

  change(kind: StateChangeKind, subject: string, evidence: string, more: { body?: string; with?: string; title?: string; date?: TimeValue } = {}): this {
    this.doc.stateChanges.push({ id: `sc${this.doc.stateChanges.length + 1}`, kind, subject, ...more, evidence: this.span(evidence) });
    return this;
  }

  relation(a: string, b: string, kind: RelationKind, polarity: 'positive' | 'negative', evidence: string): this {
    this.doc.relations.push({ id: `rel${this.doc.relations.length + 1}`, a, b, kind, polarity, asOf: this.doc.meta.published!, evidence: this.span(evidence) });
    return this;
  }

  event(type: PloverType, actor: string[], recipient: string[], trigger: string, more: { date?: TimeValue; modality?: Modality; mode?: string; evidence?: string } = {}): this {
    const e: Event = {
      id: `e${this.doc.events.length + 1}`, type, actor, recipient, trigger: this.span(trigger), modality: more.modality ?? 'asserted',
      ...(more.date && { date: more.date }), ...(more.mode && { mode: more.mode }), evidence: this.span(more.evidence ?? trigger),
    };
    this.doc.events.push(e);
    return this;
  }

  commitment(by: string, what: string, more: { to?: string; due?: TimeValue; kind?: CommitmentKind; evidence?: string } = {}): this {
    this.doc.commitments.push({
      id: `c${this.doc.commitments.length + 1}`, kind: more.kind ?? 'promise', by, ...(more.to && { to: more.to }), what: this.span(what),
      ...(more.due && { due: more.due }), status: 'open', evidence: this.span(more.evidence ?? what),
    });
    return this;
  }

  agreement(parties: string[], kind: string, points: number, evidence: string): this {
    this.doc.agreements.push({ id: `ag${this.doc.agreements.length + 1}`, kind, parties, points, evidence: this.span(evidence) });
    return this;
  }

  statement(speaker: string, content: string, kind: 'direct' | 'indirect' = 'direct', evidence = content): this {
    this.doc.statements.push({ id: `s${this.doc.statements.length + 1}`, kind, speaker, content: this.span(content), evidence: this.span(evidence) });
    return this;
  }
}
