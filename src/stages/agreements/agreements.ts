/**
 * Agreements between actors: "PTI and the MQM-P had signed a nine-point memorandum of understanding (MoU)"
 * → {kind, parties, points, date}, with the status the rest of the article reports ("had not seen any
 * serious headway on … the MoU" → disputed).
 */
import { readFileSync } from 'node:fs';
import type { Document } from '../../document/document.js';
import type { Agreement, TimeValue } from '../../document/layers.js';
import type { Span } from '../../document/span.js';
import type { Stage } from '../../pipeline/stage.js';
import { packagePath } from '../../package-path.js';
import { TextPattern } from '../../document/text-pattern.js';
import { phraseAlternation } from '../commitments/cues.js';
import { type ActorReference, type ReferenceIndex, referenceIndex } from '../commitments/references.js';

interface AgreementLexicon {
  kinds: { kind: string; names: string[] }[];
  signVerbs: string[];
  numbers: Record<string, number>;
  status: Record<string, string[]>;
}

const LEX = JSON.parse(readFileSync(packagePath('src/stages/agreements/agreement-lexicon.json'), 'utf8')) as AgreementLexicon;

const KIND_BY_NAME = new Map(LEX.kinds.flatMap((k) => k.names.map((n) => [n.toLowerCase().replace(/\s+/gu, ' '), k.kind] as const)));
const NAME = phraseAlternation(LEX.kinds.flatMap((k) => k.names));
const NUMBER = `(?:\\d{1,2}|${phraseAlternation(Object.keys(LEX.numbers))})`;
// "a nine-point memorandum of understanding (MoU)", "the 9-point agreement", "the charter of democracy"
const AGREEMENT = new TextPattern(`\\b(?:(a|an|the|this|that|its|their)\\s+)?(?:(${NUMBER})[\\s-]+points?\\s+)?(${NAME})\\b(?:\\s*\\((${NAME})\\))?`, 'giu');
// "points of the MoU": the number of points, stated apart from the name
const POINTS_OF = new TextPattern(`\\b(${NUMBER})\\s+points\\s+of\\s+(?:the|this|that|its|their)\\s+(?:${NAME})\\b`, 'giu');
const SIGNED = new RegExp(`\\b(?:${phraseAlternation(LEX.signVerbs)})\\b`, 'iu');
const COLLECTIVE = new Set(['PARTY', 'ORG', 'GOVBODY', 'PLACE']);

/** One naming of an agreement in the text, in view offsets. */
export interface AgreementMention {
  kind: string;
  span: Span;
  points?: number;
  /** True for "the MoU", "the agreement": a reference back to one named before. */
  definite: boolean;
  sentence: Span;
}

function numberValue(word: string): number | undefined {
  const w = word.toLowerCase();
  return /^\d+$/u.test(w) ? Number(w) : LEX.numbers[w];
}

function kindOf(name: string): string {
  return KIND_BY_NAME.get(name.toLowerCase().replace(/\s+/gu, ' ')) ?? name.toLowerCase();
}

function sentencesInView(index: ReferenceIndex): Span[] {
  return index.doc.sentences.map((s) => index.toView(s.span));
}

/** Every naming of an agreement, in text order. */
export function agreementMentions(index: ReferenceIndex): AgreementMention[] {
  const text = index.view.text;
  const sentences = sentencesInView(index);
  const out: AgreementMention[] = [];
  const agreement = AGREEMENT.for(text);
  agreement.lastIndex = 0;
  for (let m = agreement.exec(text); m; m = agreement.exec(text)) {
    const sentence = sentences.find((s) => s.start <= m!.index && m!.index < s.end) ?? { start: 0, end: text.length };
    const determiner = m[1]?.toLowerCase();
    const nameStart = m.index + (m[1] ? m[0].indexOf(m[2] ?? m[3]!, m[1].length) : 0);
    const points = m[2] ? numberValue(m[2]) : undefined;
    out.push({
      kind: kindOf(m[3]!),
      span: { start: nameStart, end: m.index + m[0].length },
      ...(points ? { points } : {}),
      definite: determiner !== undefined && determiner !== 'a' && determiner !== 'an' && !points,
      sentence,
    });
  }
  return out;
}

/** The parties of an agreement named in a sentence: "X and Y signed", "signed … with Y", "between X and Y". */
function partiesOf(index: ReferenceIndex, mention: AgreementMention): string[] {
  const refs = index.within(mention.sentence);
  const text = index.view.text;
  const parties: ActorReference[] = [];
  const take = (r: ActorReference) => {
    if (!parties.some((p) => p.actor === r.actor)) parties.push(r);
  };
  const sign = SIGNED.exec(text.slice(mention.sentence.start, mention.sentence.end));
  const signAt = sign ? mention.sentence.start + sign.index : mention.span.start;
  const before = text.slice(mention.sentence.start, Math.min(signAt, mention.span.start));
  const clauseBreak = [...before.matchAll(/[,;:)]|\s-+\s/gu)].at(-1);
  const clauseStart = mention.sentence.start + (clauseBreak ? clauseBreak.index + clauseBreak[0].length : 0);
  // "PTI and the MQM-P had signed": the coordinated subject before the verb.
  for (const r of refs) if (r.span.start >= clauseStart && r.span.end <= Math.min(signAt, mention.span.start) && !r.possessive) take(r);
  // "signed … with PTI", "an agreement between PTI and PML-N"
  const after = text.slice(mention.span.end, mention.sentence.end);
  const partner = /^\s*(?:\([^)]*\)\s*)?(?:with|between)\s+/iu.exec(after) ?? /^[^,.;]*?\b(?:with|between)\s+/iu.exec(after);
  if (partner) {
    const from = mention.span.end + partner[0].length;
    const list = refs.filter((r) => r.span.start >= from && r.span.start < from + 60);
    for (const r of list) {
      const gap = text.slice(from, r.span.start);
      if (/^[\s\w-]*?(?:(?:,|and|&)\s*[\w\s-]*?)*$/u.test(gap)) take(r);
    }
  }
  const collective = parties.filter((p) => COLLECTIVE.has(p.actorType));
  // People sign for their parties and governments; an agreement of people alone needs both sides named.
  if (collective.length === 0 && parties.length < 2) return [];
  return (collective.length >= 2 ? collective : parties).map((p) => p.actor);
}

/** The first date the sentence gives ("After the general elections in August 2018, …"). */
function dateOf(index: ReferenceIndex, sentence: Span): TimeValue | undefined {
  const t = index.doc.times.find((t) => {
    const v = index.toView(t.span);
    return v.start >= sentence.start && v.end <= sentence.end && (t.value.kind === 'date' || t.value.kind === 'range') && /^\d{4}/u.test(t.value.value);
  });
  return t?.value;
}

const STATUS = Object.entries(LEX.status).map(([status, cues]) => ({ status, pattern: new RegExp(`\\b(?:${phraseAlternation(cues)})\\b`, 'iu') }));

export interface AgreementStatus {
  status: string;
  /** The party that reports the agreement as disputed or broken, where the sentence names one. */
  complainant?: string;
}

/** The status a later sentence that refers back to the agreement reports ("… the MoU it had signed with PTI" + "no headway"). */
function statusOf(index: ReferenceIndex, agreement: AgreementMention, later: AgreementMention[], parties: string[]): AgreementStatus | undefined {
  for (const m of later) {
    if (m.sentence.start <= agreement.sentence.start || (m.kind !== agreement.kind && !m.definite)) continue;
    const sentence = index.view.text.slice(m.sentence.start, m.sentence.end);
    const found = STATUS.find((s) => s.pattern.test(sentence));
    if (!found) continue;
    const text = index.view.text;
    // The party the agreement was signed "with" is the counterpart; the other one is complaining.
    const counterpart = index.within(m.sentence).find((r) => parties.includes(r.actor) && /\bwith\s+(?:the\s+)?$/iu.test(text.slice(Math.max(0, r.span.start - 10), r.span.start)));
    const complainant = counterpart
      ? parties.find((p) => p !== counterpart.actor)
      : index.within(m.sentence).find((r) => parties.includes(r.actor))?.actor;
    return { status: found.status, ...(complainant ? { complainant } : {}) };
  }
  return undefined;
}

export interface AgreementFinding {
  agreement: Omit<Agreement, 'id'>;
  /** The naming of the agreement in view offsets ("nine-point memorandum of understanding (MoU)"). */
  mention: AgreementMention;
  complainant?: string;
}

/** Agreements named with a signing verb or a number of points, merged with later references to them. */
export function findAgreements(index: ReferenceIndex): AgreementFinding[] {
  const mentions = agreementMentions(index);
  const text = index.view.text;
  const findings: AgreementFinding[] = [];
  for (const m of mentions) {
    const sentence = text.slice(m.sentence.start, m.sentence.end);
    if (m.definite && findings.some((f) => f.agreement.kind === m.kind || f.mention.kind === m.kind)) continue;
    if (!SIGNED.test(sentence) && m.points === undefined) continue;
    const parties = partiesOf(index, m);
    if (parties.length === 0) continue;
    const same = findings.find((f) => f.agreement.kind === m.kind && parties.every((p) => f.agreement.parties.includes(p)));
    if (same) continue;
    const pointsOf = m.points ?? [...text.matchAll(POINTS_OF.for(text))].map((p) => numberValue(p[1]!)).find((n) => n !== undefined);
    const date = dateOf(index, m.sentence);
    const status = statusOf(index, m, mentions, parties);
    findings.push({
      agreement: {
        kind: m.kind,
        parties,
        ...(pointsOf ? { points: pointsOf } : {}),
        ...(date ? { date } : {}),
        ...(status ? { status: status.status } : {}),
        evidence: index.toOriginal(m.sentence),
      },
      mention: m,
      ...(status?.complainant ? { complainant: status.complainant } : {}),
    });
  }
  return findings;
}

/** Agreements signed between actors (issue 5, part 3). */
export const agreementsStage: Stage = {
  name: 'agreements',
  reads: ['sentences', 'mentions', 'actors', 'times'],
  adds: ['agreements'],
  run(doc: Document) {
    doc.agreements = findAgreements(referenceIndex(doc)).map((f, i) => ({ id: `ag${i + 1}`, ...f.agreement }));
  },
};
