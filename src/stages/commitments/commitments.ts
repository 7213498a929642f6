/**
 * Commitments: promises, assurances, pledges, offers and stated plans of actors, with who made them, to
 * whom, what, by when, on what condition, and the statement they were reported in; plus the terms of
 * agreements ("the nine points of the MoU") as commitments of one party to the other.
 */
import type { Document } from '../../document/document.js';
import type { Commitment, Statement, TimeValue } from '../../document/layers.js';
import type { Span } from '../../document/span.js';
import type { Stage } from '../../pipeline/stage.js';
import { findAgreements } from '../agreements/agreements.js';
import { CUES, type CueMatch, findCues, phraseAlternation } from './cues.js';
import { type ActorReference, type ReferenceIndex, referenceIndex } from './references.js';

const AGENTS = new Set(['PERSON', 'PARTY', 'ORG', 'GOVBODY']);
const FIRST_PERSON = new Set(CUES.firstPerson);
const EMPTY_WORDS = new Set(CUES.emptyWords);
const ANAPHORIC = new RegExp(`^(?:${phraseAlternation(CUES.anaphoric)})\\b\\s*[.,;!?"]*$`, 'iu');
const CONDITION = new RegExp(`(?:,\\s*)?\\b(?:${phraseAlternation(CUES.conditions)})\\b\\s*`, 'giu');
const CLAUSE_BREAK = new RegExp(`${CUES.clauseBreaks.map((b) => phraseAlternation([b])).join('|')}|\\s+and\\s+(?=(?:he|she|we|they|i|it)\\b)|["\\n]|[.!?](?=\\s|"|$)`, 'giu');
// Auxiliaries and adverbs between a subject and its cue: "Prime Minister Imran had personally contacted".
const SUBJECT_GAP = /(?:\s+(?:also|still|now|then|had|has|have|was|were|is|are|am|remains|remained|remain|stays|stayed|personally|publicly|repeatedly|again|already|further|not|never|himself|herself|themselves|itself|once|today|on\s+\w+day))*\s*$/iu;
const PRONOUN_BEFORE = /\b(he|she|they|we|i|it)$/iu;

interface Draft extends Omit<Commitment, 'id'> {
  /** View span of the sentence, to find the commitment a pronoun or a missing due date refers back to. */
  sentenceView: Span;
  paragraph: number;
}

interface SentenceInView {
  span: Span;
  paragraph: number;
}

class CommitmentReader {
  private readonly text: string;
  private readonly sentences: SentenceInView[];
  private readonly statements: { statement: Statement; content: Span }[];
  private readonly times: { span: Span; value: TimeValue }[];
  readonly drafts: Draft[] = [];
  private readonly covered: Span[] = [];

  constructor(private readonly index: ReferenceIndex) {
    this.text = index.view.text;
    const doc = index.doc;
    this.sentences = doc.sentences.map((s) => ({ span: index.toView(s.span), paragraph: s.paragraph }));
    this.statements = doc.statements.map((statement) => ({ statement, content: index.toView(statement.content) }));
    this.times = doc.times.map((t) => ({ span: index.toView(t.span), value: t.value }));
  }

  read(): void {
    for (const cue of findCues(this.text)) {
      const sentence = this.sentences.find((s) => s.span.start <= cue.start && cue.start < s.span.end);
      if (!sentence) continue;
      if (this.covered.some((w) => w.start <= cue.start && cue.start < w.end)) continue;
      for (const draft of this.commitmentsAt(cue, sentence)) {
        // A commitment told again still covers its words: "assured him that he would look into …" is no new plan.
        this.covered.push(this.index.toView(draft.what));
        if (!this.reportedBefore(draft)) this.drafts.push(draft);
      }
    }
  }

  /**
   * News repeats a commitment in other words further down ("assured him of fulfilling MQM-P's all valid
   * demands" in the lead, "assured him that he would look into his party's legitimate concerns" in a quote
   * later): the same kind, by the same actor, to the same party or one of its members, in another paragraph.
   */
  private reportedBefore(draft: Draft): boolean {
    if (!draft.to) return false;
    const side = (id: string) => this.index.partyOf(id) ?? id;
    return this.drafts.some((d) => d.kind === draft.kind && d.by === draft.by && d.to !== undefined && d.paragraph !== draft.paragraph
      && side(d.to) === side(draft.to!) && (d.due?.value ?? '') === (draft.due?.value ?? ''));
  }

  private statementAt(offset: number): Statement | undefined {
    return this.statements.find((s) => s.content.start <= offset && offset < s.content.end)?.statement;
  }

  /** Where the clause holding a cue begins: after an opening quote, "that", a semicolon or the sentence start. */
  private clauseStart(sentence: Span, at: number): number {
    const before = this.text.slice(sentence.start, at);
    let start = 0;
    for (const m of before.matchAll(/[":;]|\bthat\s/gu)) start = m.index + m[0].length;
    return sentence.start + start;
  }

  /**
   * "has promised to advance the peace deal and to reopen talks with the ELN": two commitments, each with the
   * recipient its own action names.
   */
  private commitmentsAt(cue: CueMatch, sentence: SentenceInView): Draft[] {
    const draft = this.commitmentAt(cue, sentence);
    if (!draft) return [];
    const what = this.index.toView(draft.what);
    const text = this.text.slice(what.start, what.end);
    const and = /,?\s+and\s+to\s+(?=[a-z])/u.exec(text);
    if (!and) return [draft];
    const first = { start: what.start, end: what.start + and.index };
    const second = { start: what.start + and.index + and[0].length, end: what.end };
    return [first, second].map((part) => {
      const to = this.recipientOf(cue, part, draft.by);
      const { to: _to, ...rest } = draft;
      return { ...rest, ...(to ? { to } : {}), what: this.index.toOriginal(part) };
    });
  }

  private commitmentAt(cue: CueMatch, sentence: SentenceInView): Draft | undefined {
    const clauseStart = this.clauseStart(sentence.span, cue.start);
    const statement = this.statementAt(cue.start);
    // "He said the party would launch a membership drive": "would" is a plan only as someone's reported words.
    if (cue.reportedOnly && !statement) return undefined;
    // "he would not rejoin the cabinet": a reported refusal is a decision (an event), not a promise to follow up.
    if (cue.reportedOnly && /^(?:not|never)\b|^\w+n[’']t\b/iu.test(this.text.slice(cue.what, cue.what + 8))) return undefined;
    const by = this.subjectOf(cue, clauseStart, sentence, statement);
    if (!by || !AGENTS.has(this.index.actorType(by) ?? '') || !this.isPolitical(by)) return undefined;

    const { what, condition } = this.whatAndCondition(cue, sentence.span, clauseStart);
    const whatText = this.text.slice(what.start, what.end);
    // "promised that it would", "will do": no action to follow up.
    const actionWords = (whatText.toLowerCase().match(/[\p{L}\d]+/gu) ?? []).filter((w) => !EMPTY_WORDS.has(w));
    if (ANAPHORIC.test(whatText) || actionWords.length < CUES.minimumWhatWords) return undefined;
    const firstPerson = PRONOUN_BEFORE.exec(this.text.slice(clauseStart, cue.start).replace(SUBJECT_GAP, ''))?.[1]?.toLowerCase();
    const kind = cue.modal && firstPerson && FIRST_PERSON.has(firstPerson) ? 'promise' : cue.kind;
    const to = this.recipientOf(cue, what, by);
    const due = this.dueOf({ start: cue.start, end: what.end }, by, sentence, statement);
    const source = statement?.speaker !== undefined && statement.speaker !== by ? statement.speaker : undefined;
    return {
      kind,
      by,
      ...(to ? { to } : {}),
      what: this.index.toOriginal(what),
      ...(due ? { due } : {}),
      ...(statement ? { statement: statement.id } : {}),
      ...(source ? { source } : {}),
      ...(condition ? { condition: this.index.toOriginal(condition) } : {}),
      status: 'open',
      evidence: this.index.toOriginal(sentence.span),
      sentenceView: sentence.span,
      paragraph: sentence.paragraph,
    };
  }

  /**
   * A commitment is a political actor's: an organisation, or a person holding a role or a membership, or one
   * who speaks in the article. A private errand ("she would text her once she arrived at Voi") commits nobody.
   */
  private isPolitical(actor: string): boolean {
    if (this.index.actorType(actor) !== 'PERSON') return true;
    const doc = this.index.doc;
    return doc.roles.some((r) => r.person === actor) || doc.memberships.some((m) => m.person === actor) || doc.statements.some((st) => st.speaker === actor && st.kind === 'direct');
  }

  /**
   * Who commits: the actor or pronoun right before the cue ("PM will visit", "the PPP was ready to"); for a
   * cue after "and", the subject of the clause ("Prime Minister Imran Khan summoned … and assured him").
   */
  private subjectOf(cue: CueMatch, clauseStart: number, sentence: SentenceInView, statement: Statement | undefined): string | undefined {
    const before = this.text.slice(clauseStart, cue.start);
    const trimmed = before.replace(SUBJECT_GAP, '');
    const end = clauseStart + trimmed.length;
    const named = this.index.endingAt(end);
    if (named && named.span.start >= clauseStart && !named.possessive) return named.actor;
    const pronoun = PRONOUN_BEFORE.exec(trimmed)?.[1];
    if (pronoun) return this.resolvePronoun(pronoun.toLowerCase(), end, sentence, statement);
    // "Baloch said the party would launch a membership drive": the speaker's party, else the party last named.
    if (/\bthe\s+party$/iu.test(trimmed)) return this.theParty(end, statement);
    if (/\band$/iu.test(trimmed)) {
      const subject = this.index.within({ start: clauseStart, end: cue.start }).find((r) => !r.possessive && r.actorType !== 'PLACE');
      if (subject) return subject.actor;
      const firstPronoun = /^\W*(he|she|they|we|i)\b/iu.exec(before)?.[1];
      if (firstPronoun) return this.resolvePronoun(firstPronoun.toLowerCase(), clauseStart, sentence, statement);
    }
    return undefined;
  }

  /**
   * "I"/"we" are the speaker (a party leader's "we" is the party); "he"/"she" continue the last person who
   * committed in the paragraph, else the last person named before; "they"/"it" the last organisation.
   */
  private resolvePronoun(pronoun: string, at: number, sentence: SentenceInView, statement: Statement | undefined): string | undefined {
    const coref = this.index.endingAt(at);
    if (coref && coref.mention === 'PRONOUN') return coref.actor;
    if (pronoun === 'i' || pronoun === 'we') {
      const speaker = statement?.speaker;
      if (!speaker) return undefined;
      if (pronoun === 'we' && this.index.actorType(speaker) === 'PERSON') return this.index.partyOf(speaker) ?? speaker;
      return speaker;
    }
    const wanted = pronoun === 'he' || pronoun === 'she' ? (r: string) => this.index.actorType(r) === 'PERSON' : (r: string) => ['PARTY', 'ORG', 'GOVBODY'].includes(this.index.actorType(r) ?? '');
    const previous = [...this.drafts].reverse().find((d) => d.paragraph >= sentence.paragraph - 1 && wanted(d.by));
    if (previous) return previous.by;
    const paragraphStart = this.sentences.find((s) => s.paragraph === sentence.paragraph)?.span.start ?? sentence.span.start;
    const named = this.index.within({ start: paragraphStart, end: at }).filter((r: ActorReference) => wanted(r.actor));
    if (named.length) return named[named.length - 1]!.actor;
    if (statement?.kind === 'indirect' && statement.speaker && wanted(statement.speaker)) return statement.speaker;
    return undefined;
  }

  private theParty(at: number, statement: Statement | undefined): string | undefined {
    const speaker = statement?.speaker;
    const own = speaker && (this.index.actorType(speaker) === 'PARTY' ? speaker : this.index.partyOf(speaker));
    if (own) return own;
    const named = this.index.within({ start: 0, end: at }).filter((r) => r.actorType === 'PARTY');
    return named[named.length - 1]?.actor;
  }

  /** What is committed, up to the end of its clause, with a condition ("provided it helped…") split off. */
  private whatAndCondition(cue: CueMatch, sentence: Span, clauseStart: number): { what: Span; condition?: Span } {
    const limit = this.clauseEnd(cue.what, sentence.end);
    CONDITION.lastIndex = cue.what;
    let condition: Span | undefined;
    let end = limit;
    for (let m = CONDITION.exec(this.text); m && m.index < limit; m = CONDITION.exec(this.text)) {
      end = m.index;
      condition = { start: m.index + m[0].length, end: limit };
      break;
    }
    if (!condition) {
      // "If the PTI fulfils the demands, we will stay in the coalition": a condition before the cue.
      const before = /^\s*(?:if|provided(?:\s+that)?|unless|as\s+long\s+as)\s+([^,]+),/iu.exec(this.text.slice(clauseStart, cue.start));
      if (before) {
        const start = clauseStart + before[0].indexOf(before[1]!);
        condition = { start, end: start + before[1]!.length };
      }
    }
    const what = trimPunctuation(this.text, { start: cue.what, end });
    return condition ? { what, condition: trimPunctuation(this.text, condition) } : { what };
  }

  private clauseEnd(from: number, sentenceEnd: number): number {
    CLAUSE_BREAK.lastIndex = from;
    const m = CLAUSE_BREAK.exec(this.text);
    return m && m.index < sentenceEnd ? m.index : sentenceEnd;
  }

  /** To whom: the first other actor the committed action names ("update the MQM-P"), else the cue's object ("assured him"). */
  private recipientOf(cue: CueMatch, what: Span, by: string): string | undefined {
    const own = this.index.partyOf(by);
    // The subject of a clause after "that" ("assured him that the government would…") acts; it is not the recipient.
    const actsInClause = (r: ActorReference) => /^\s+(?:would|will|shall|could|can|is|was|were|are)\b/iu.test(this.text.slice(r.span.end, r.span.end + 8));
    const inWhat = this.index.within(what).find((r) => r.actor !== by && r.actor !== own && r.actorType !== 'PLACE' && !actsInClause(r));
    if (inWhat) return inWhat.actor;
    if (cue.object) return this.index.within(cue.object).find((r) => r.actor !== by && r.actorType !== 'PLACE')?.actor;
    return undefined;
  }

  /**
   * The due date: a dated time expression in the commitment's clause ("in the first week of February",
   * "within two weeks"); else the due date of the previous commitment by the same actor in the same
   * statement or the sentence before ("He will also inaugurate more projects" after "PM will visit … in the
   * first week of February").
   */
  private dueOf(clause: Span, by: string, sentence: SentenceInView, statement: Statement | undefined): TimeValue | undefined {
    const own = this.times.find((t) => t.span.start >= clause.start && t.span.end <= clause.end && (t.value.kind === 'date' || t.value.kind === 'range') && /^\d{4}/u.test(t.value.value));
    if (own) return own.value;
    const previous = this.drafts[this.drafts.length - 1];
    if (!previous || previous.by !== by || !previous.due) return undefined;
    const sameStatement = statement !== undefined && previous.statement === statement.id;
    const previousSentence = this.sentences.findIndex((s) => s.span.start === previous.sentenceView.start);
    const thisSentence = this.sentences.findIndex((s) => s.span.start === sentence.span.start);
    return sameStatement || thisSentence - previousSentence <= 1 ? previous.due : undefined;
  }
}

function trimPunctuation(text: string, s: Span): Span {
  let { start, end } = s;
  while (start < end && /[\s,;:"']/u.test(text[start]!)) start++;
  while (end > start && /[\s,;:."'!?]/u.test(text[end - 1]!)) end--;
  return { start, end };
}

/**
 * Terms of the agreements found by the agreements stage, as commitments, when the article counts them
 * ("a nine-point MoU") or reports them kept or broken: the party the other complains about ("it had not seen
 * any serious headway on … the MoU it had signed with PTI") owes them.
 */
function agreementTerms(index: ReferenceIndex): Omit<Commitment, 'id'>[] {
  // The agreements are read again only when one of them can give terms: most articles have none.
  if (!index.doc.agreements.some((a) => a.parties.length === 2 && (a.points !== undefined || a.status !== undefined))) return [];
  const findings = findAgreements(index);
  return index.doc.agreements.flatMap((agreement) => {
    const finding = findings.find((f) => f.agreement.evidence.start === agreement.evidence.start && f.agreement.kind === agreement.kind);
    if (!finding || agreement.parties.length !== 2 || (agreement.points === undefined && agreement.status === undefined)) return [];
    const [first, second] = agreement.parties as [string, string];
    const [by, to] = finding.complainant === first ? [second, first] : [first, second];
    const status = agreement.status === 'disputed' || agreement.status === 'broken' || agreement.status === 'kept' ? agreement.status : 'open';
    return [{ kind: 'agreement-term' as const, by, to, what: index.toOriginal(finding.mention.span), status, evidence: agreement.evidence }];
  });
}

export function extractCommitments(doc: Document): Commitment[] {
  const index = referenceIndex(doc);
  const reader = new CommitmentReader(index);
  reader.read();
  const found: Omit<Commitment, 'id'>[] = [
    ...reader.drafts.map(({ sentenceView: _s, paragraph: _p, ...c }) => c),
    ...agreementTerms(index),
  ].sort((a, b) => a.evidence.start - b.evidence.start || a.what.start - b.what.start);
  return found.map((c, i) => ({ id: `c${i + 1}`, ...c }));
}

/** Promises, assurances, pledges, offers, plans and agreement terms (issue 5, part 1). */
export const commitmentsStage: Stage = {
  name: 'commitments',
  reads: ['sentences', 'mentions', 'actors', 'times', 'statements', 'agreements'],
  adds: ['commitments'],
  run(doc: Document) {
    doc.commitments = extractCommitments(doc);
  },
};
