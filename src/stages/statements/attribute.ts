/**
 * Finds reported speech in a document: verbatim quotes with the cue that attributes them, and reported
 * clauses after a cue verb or "according to". Speakers are found as written here (subject spans); who they
 * are is decided in speakers.ts.
 */
import type { Document } from '../../document/document.js';
import type { StatementKind } from '../../document/layers.js';
import type { Span } from '../../document/span.js';
import { spansOverlap } from '../../document/span.js';
import {
  clauseAfterCue, clauseEnd, cueAt, isQuoteMark, isTimeWord, isVerbal, opensSubordinate, sentenceSubject, sentenceWords, subjectAfter, subjectBefore,
  trailingCueClause, type CueMatch, type SentenceWords, type Word,
} from './clauses.js';
import { isModelCue, modelLemma } from './cue-model.js';
import { statementLexicon, type StatementLexicon } from './lexicon.js';
import { findQuoteRegions, type QuoteRegion } from './quotes.js';

const TERMINAL = new Set(['.', '!', '?', ';']);

/** A statement before its speaker is resolved. */
export interface Attribution {
  kind: StatementKind;
  /** The speaker as written ("Siddiqui", "he", "the MQM-P's key leaders"); absent for a continued quote. */
  source?: Span;
  cue?: Span;
  cueLemma?: string;
  content: Span;
  evidence: Span;
  /** Words between the cue and the clause ("Monday" in "said Monday he …"), where the date may be. */
  adjunct?: Span;
  /** A quote with no cue that continues the previous speaker's words in the next paragraph. */
  continued: boolean;
  /** Found by the learned cue model with a noun phrase for content ("criticized the Act"), not a clause. */
  nounContent?: boolean;
  paragraph: number;
}

function paragraphSpans(doc: Document): Span[] {
  const spans: Span[] = [];
  for (const s of doc.sentences) {
    const p = spans[s.paragraph];
    spans[s.paragraph] = p ? { start: Math.min(p.start, s.span.start), end: Math.max(p.end, s.span.end) } : { ...s.span };
  }
  return spans.filter((p): p is Span => p !== undefined);
}

function sentenceAt(sentences: readonly SentenceWords[], offset: number): SentenceWords | undefined {
  return sentences.find((s) => s.span.start <= offset && offset < s.span.end);
}

function spanOfWords(words: readonly Word[], from: number, to: number): Span {
  return { start: words[from]!.span.start, end: words[to]!.span.end };
}

interface QuoteCue {
  /** The words of the sentence the cue was found in. */
  words: readonly Word[];
  match: CueMatch;
  source?: Span;
  adjunct?: Span;
}

/** “…,” he added. / “…,” said Siddiqui. — the cue clause right after the closing mark. */
function cueAfterQuote(s: SentenceWords, closeEnd: number, lex: StatementLexicon): QuoteCue | undefined {
  const words = s.words;
  let k = words.findIndex((w) => w.span.start >= closeEnd);
  if (k < 0) return undefined;
  if (words[k]!.lower === ',') k++;
  const match = k < words.length ? trailingCueClause(words, k, lex, false) : undefined;
  if (!match) return undefined;
  const source = match.from === k ? subjectAfter(words, match.to)?.span : subjectBefore(words, match.from, k);
  return { words, match, source };
}

/** Asad Umar said, “…” / He said: “…” / Siddiqui told reporters that “…” — the cue clause before the opening mark. */
function cueBeforeQuote(s: SentenceWords, open: number, lex: StatementLexicon): QuoteCue | undefined {
  const words = s.words;
  const markIndex = words.findIndex((w) => w.span.start >= open);
  let k = (markIndex < 0 ? words.length : markIndex) - 1;
  const separated = k >= 0 && [',', ':', 'that'].includes(words[k]!.lower);
  while (k >= 0 && (words[k]!.lower === ',' || words[k]!.lower === ':' || words[k]!.lower === 'that')) k--;
  // Without a comma, colon or "that", only a quote that ends the sentence is introduced by the cue
  // ("he said “we will win”."), not a phrase it governs ("promises “water for every village” and …").
  if (!separated && !restIsPunctuation(words, open)) return undefined;
  const adjunctEnd = k;
  for (let back = 0; k >= 0 && back < 6; back++, k--) {
    const match = cueAt(words, k, lex);
    if (match) {
      // "He criticised the budget, adding: “…”": a participle's speaker is the sentence's subject.
      // "…, describing it as a measure that “…”": a participle after a comma never takes the words after it.
      const source = subjectBefore(words, match.from, 0) ?? participleSubject(words, match, lex) ?? subjectAfter(words, match.to)?.span;
      if (!source) return undefined;
      const adjunct = adjunctEnd >= match.to ? spanOfWords(words, match.to, adjunctEnd) : undefined;
      return { words, match, source, adjunct };
    }
    if (isVerbal(words[k]!) || isQuoteMark(words[k]!)) return undefined;
  }
  return undefined;
}

/**
 * "He said: [¶] “We have a situation …”": a paragraph that ends with a cue and a colon introduces the quote
 * that opens the next paragraph.
 */
function cueParagraphBefore(sentences: readonly SentenceWords[], first: SentenceWords, region: QuoteRegion, lex: StatementLexicon): QuoteCue | undefined {
  const prev = sentences[first.index - 1];
  if (!prev || prev.paragraph !== first.paragraph - 1 || first.words[0]?.span.start !== region.open) return undefined;
  if (prev.words[prev.words.length - 1]?.lower !== ':') return undefined;
  return cueBeforeQuote(prev, prev.span.end + 1, lex);
}

function restIsPunctuation(words: readonly Word[], open: number): boolean {
  const i = words.findIndex((w) => w.span.start > open && isQuoteMark(w));
  return i >= 0 && words.slice(i + 1).every((w) => w.pos === 'PUNCT');
}

const DASHES = new Set(['\u2015', '\u2014', '\u2013', '--', '-']);

/** “He can’t even answer a question.” ― Esther Tapia — a quote signed with a dash and a name. */
function signatureAfterQuote(text: string, sentences: readonly SentenceWords[], s: SentenceWords, closeEnd: number): { dash: Span; source: Span } | undefined {
  const next = sentences[s.index + 1];
  // The segmenter may make the signature a sentence of its own.
  const words = s.words.some((w) => w.span.start >= closeEnd) || !next || next.paragraph !== s.paragraph ? s.words : next.words;
  const k = words.findIndex((w) => w.span.start >= closeEnd);
  if (k < 0 || !DASHES.has(words[k]!.lower)) return undefined;
  const name = subjectAfter(words, k + 1);
  if (!name) return undefined;
  const rest = words.slice(name.next);
  // The signature ends its line; a segmenter may run the next line's quote into the same sentence.
  const ends = rest.every((w) => w.pos === 'PUNCT') || isQuoteMark(rest[0]!) || /\n/u.test(text.slice(name.span.end, rest[0]!.span.start));
  return ends ? { dash: words[k]!.span, source: name.span } : undefined;
}

/** The quote fills its sentences: it opens the first and only punctuation follows it in the last. */
function isWholeSentenceQuote(region: QuoteRegion, first: SentenceWords, last: SentenceWords): boolean {
  const firstWord = first.words[0];
  if (!firstWord || firstWord.span.start !== region.open) return false;
  return last.words.filter((w) => w.span.start >= region.closeEnd).every((w) => w.pos === 'PUNCT');
}

/** The word before the opening mark is a preposition ("of “Fox News Sunday”"). */
function governedQuote(s: SentenceWords, open: number): boolean {
  const before = s.words.filter((w) => w.span.end <= open).pop();
  return before !== undefined && before.pos === 'ADP';
}

function directAttributions(doc: Document, sentences: readonly SentenceWords[], regions: readonly QuoteRegion[], lex: StatementLexicon): Attribution[] {
  const out: Attribution[] = [];
  for (const region of regions) {
    const first = sentenceAt(sentences, region.open);
    const last = sentenceAt(sentences, Math.max(region.open, region.close - 1)) ?? first;
    if (!first || !last || region.content.end <= region.content.start) continue;
    const evidence = { start: first.span.start, end: Math.max(last.span.end, region.closeEnd) };
    // A named speaker before the quote wins over a pronoun after it: Baloch said, “… [¶] “…,” he said.
    // "On this weekend’s broadcast of “Fox News Sunday,” Pence said …": a quote governed by a preposition is a
    // title or a name, not the words of the cue after it.
    const governed = governedQuote(first, region.open);
    const found = cueBeforeQuote(first, region.open, lex) ?? (governed ? undefined : cueAfterQuote(last, region.closeEnd, lex)) ?? cueParagraphBefore(sentences, first, region, lex);
    if (found) {
      out.push({
        kind: 'direct', source: found.source, cue: spanOfWords(found.words, found.match.from, found.match.to - 1),
        cueLemma: found.match.cue.lemma, content: region.content, evidence, adjunct: found.adjunct, continued: false, paragraph: first.paragraph,
      });
      continue;
    }
    const signed = signatureAfterQuote(doc.text, sentences, last, region.closeEnd);
    if (signed) {
      out.push({ kind: 'direct', source: signed.source, cue: signed.dash, content: region.content, evidence, continued: false, paragraph: first.paragraph });
      continue;
    }
    // A scare quote ("had nothing to do with the “recent offer”") sits inside a sentence with no cue;
    // only a quote that is its own sentence(s) can carry on the previous speaker's words.
    if (isWholeSentenceQuote(region, first, last)) {
      out.push({ kind: 'direct', content: region.content, evidence, continued: true, paragraph: first.paragraph });
    }
  }
  return out;
}

function inAny(spans: readonly Span[], s: Span): boolean {
  return spans.some((r) => spansOverlap(r, s));
}

/** The reported clause must be a clause: it has a verb and does not start with one ("which they said was preplanned"). */
function isReportedClause(words: readonly Word[], start: number, end: number, complementizer: boolean): boolean {
  if (start > end) return false;
  const first = words[start]!;
  // "said Act 1079 created …": a capitalised word inside the sentence is a name, whatever its tag.
  const verbal = isVerbal(first) && !(/^\p{Lu}/u.test(first.original) && start > 0);
  // "said for an accused person, benefits may include …": a fronted phrase before the clause's subject.
  const comma = words.slice(start, end + 1).findIndex((w) => w.lower === ',');
  const fronted = first.pos === 'ADP' && comma > 1 && words.slice(start + comma + 1, end + 1).some(isVerbal);
  if (!complementizer && !fronted && (verbal || ['ADP', 'PART', 'SCONJ', 'PUNCT', 'CCONJ'].includes(first.pos) || isQuoteMark(first))) return false;
  // After "that" a clause of four or more words is a clause even when the tagger found no verb in it
  // ("said that revelations about his tax history show the need for reform", "show" read as a noun).
  return words.slice(start, end + 1).some(isVerbal) || (complementizer && end - start >= 3);
}

/** Cues that, with an object and "of"/"with", accuse rather than report: "accused the minister of lying". */
const ACCUSATIONS = new Set(['accuse', 'charge']);

/** Whether the words after an accusation cue are an object followed by "of" or "with" (within six words). */
function accusationObject(words: readonly Word[], from: number): boolean {
  for (let k = from; k < Math.min(words.length, from + 7); k++) {
    const w = words[k]!.lower;
    if (w === 'of' || w === 'with') return k > from;
    if (w === 'that' || w === ',' || isVerbal(words[k]!)) return false;
  }
  return false;
}

function indirectInSentence(s: SentenceWords, blocked: readonly Span[], used: readonly Span[], lex: StatementLexicon): Attribution[] {
  const out: Attribution[] = [];
  const words = s.words;
  const claimed: Span[] = [];
  const free = (w: Word) => !inAny(blocked, w.span) && !inAny(used, w.span) && !inAny(claimed, w.span);
  for (let k = 0; k < words.length; k++) {
    // Only a cue word can start a statement: most words are passed over before the spans are searched.
    const lower = words[k]!.lower;
    if (!lex.prepositionalCues.has(lower) && !lex.phrasalCues.has(lower) && !lex.cueForms.has(lower)) continue;
    if (!free(words[k]!)) continue;
    const according = accordingTo(words, k, lex);
    if (according) {
      out.push({ ...according, evidence: s.span, continued: false, paragraph: s.paragraph });
      claimed.push(according.content);
      continue;
    }
    const match = cueAt(words, k, lex);
    if (match) {
      const forward = reportedAfter(words, match, lex);
      // "accused X of …", "charged X with …": an accusation (an event), not a statement.
      if (forward && ACCUSATIONS.has(match.cue.lemma) && accusationObject(words, match.to)) continue;
      if (forward) {
        out.push({ ...forward, evidence: s.span, continued: false, paragraph: s.paragraph });
        claimed.push(forward.content);
        k = match.to - 1;
        continue;
      }
      const inverted = reportedBefore(words, match, lex) ?? reportedAround(words, match, lex);
      if (inverted && !inAny(claimed, inverted.content)) {
        out.push({ ...inverted, evidence: s.span, continued: false, paragraph: s.paragraph });
        claimed.push(inverted.content);
        continue;
      }
    }
  }
  // The learned cue model, after the lexicon's shapes have claimed their clauses: a verb or noun they did
  // not take ("criticized the Act", "called for a review", "Republicans worry the deal …").
  for (let k = 0; k < words.length; k++) {
    if (!free(words[k]!)) continue;
    const modelMatch = modelCueAt(words, k, lex);
    if (!modelMatch || words.slice(modelMatch.from, modelMatch.to).some((w) => !free(w))) continue;
    const lexical = cueAt(words, k, lex);
    // "accused X of …": an accusation (an event), as for the lexicon's cues.
    if (ACCUSATIONS.has(modelMatch.cue.lemma) && accusationObject(words, modelMatch.to)) continue;
    const found = modelReported(words, modelMatch, lex);
    // A cue of the lexicon keeps the lexicon's shapes for a clause, which did not find one here ("praised his
    // staff worked hard" is not read); the model adds only its noun-phrase content ("praised the plan",
    // "reported her presence").
    if (found && lexical && !found.nounContent) continue;
    if (found && !inAny(claimed, found.content) && !inAny(used, found.content)) {
      out.push({ ...found, evidence: s.span, continued: false, paragraph: s.paragraph });
      claimed.push(found.content);
      if (found.content.start > words[k]!.span.start) k = modelMatch.to - 1;
    }
  }
  return out.sort((a, b) => a.content.start - b.content.start);
}

const DAY_WORDS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'yesterday', 'today', 'tonight', 'again', 'repeatedly', 'publicly', 'privately', 'also']);
const BE_FORMS = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', "'s", "'re"]);
const WH_WORDS = new Set(['what', 'how', 'why', 'whether', 'if', 'who', 'where', 'when', 'which']);
const NOUN_PHRASE_CONTENT = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM', 'PRON']);
const LIGHT_PREPOSITIONS = new Set(['at', 'about', 'for', 'on', 'over', 'against', 'to', 'with']);
const NP_ADJUNCTS = new Set(['in', 'at', 'during', 'amid', 'after', 'before', 'since', 'last', 'earlier', 'later']);
const CONTENT_SUBORDINATORS = new Set(['after', 'before', 'while', 'because', 'since', 'although', 'though', 'until', 'unless', 'as', 'when']);

/** "was first reported": the head follows a form of "be" (adverbs between) — a passive reports what was done to its subject. */
function isPassive(words: readonly Word[], k: number): boolean {
  if (words[k]!.pos !== 'VERB' || !/(?:ed|en|wn|ld|ght)$/u.test(words[k]!.lower)) return false;
  let j = k - 1;
  while (j >= 0 && (words[j]!.pos === 'ADV' || words[j]!.lower === 'not')) j--;
  return j >= 0 && BE_FORMS.has(words[j]!.lower);
}

/**
 * Where the content after a model cue ends. A noun-phrase object ends with the phrase ("attacked Machado
 * in early-morning tweets" → "Machado"; "cited the report's findings of fraud" keeps its "of" phrase); a
 * clause ("worried the deal would fail") or a wh-clause runs to the clause end; an infinitive ("warned
 * states to boost their security after …") stops before a subordinate clause.
 */
function contentEnd(words: readonly Word[], start: number, lex: StatementLexicon, infinitive: boolean, subordinate: boolean): { end: number; nounContent: boolean } {
  const toClauseEnd = () => clauseEnd(words, start, lex, subordinate);
  const clause = (end: number) => ({ end, nounContent: false });
  const phrase = (end: number) => ({ end: trimEnd(words, start, end), nounContent: true });
  if (WH_WORDS.has(words[start]!.lower)) return clause(toClauseEnd());
  if (infinitive) {
    const end = toClauseEnd();
    for (let k = start + 2; k <= end; k++) if (CONTENT_SUBORDINATORS.has(words[k]!.lower) || words[k]!.lower === ',') return clause(k - 1);
    return clause(end);
  }
  let j = start;
  let inQuote = false;
  while (j < words.length) {
    const w = words[j]!;
    if (isQuoteMark(w)) inQuote = !inQuote;
    else if (inQuote || NOUN_PHRASE_CONTENT.has(w.pos) && !DAY_WORDS.has(w.lower) && !WH_WORDS.has(w.lower) && w.lower !== 'that') { /* in the phrase */ }
    else if (w.lower === "'s" || w.lower === '-' || w.pos === 'ADV' && words[j + 1] !== undefined && words[j + 1]!.pos === 'ADJ') { /* in the phrase */ }
    else if ((w.lower === 'and' || w.lower === 'or') && words[j + 1] !== undefined && NOUN_PHRASE_CONTENT.has(words[j + 1]!.pos)) { /* coordination */ }
    else break;
    j++;
  }
  // The phrase is the subject of a clause ("worried the deal would fail"): the clause runs on.
  if (j < words.length && j > start && isVerbal(words[j]!)) return clause(toClauseEnd());
  // A noun phrase keeps its complements ("her plans for enhancing service", "Trump to stop attacking", "no
  // proof that …") up to an adjunct of time, place or reason, or a comma.
  const end = toClauseEnd();
  for (let k = j; k <= end; k++) {
    const w = words[k]!;
    // "described Mr. Obama as a climate evangelist": "as" after the object is its complement, not a subordinator.
    if (w.lower === ',' || DAY_WORDS.has(w.lower) || CONTENT_SUBORDINATORS.has(w.lower) && w.lower !== 'as' || NP_ADJUNCTS.has(w.lower)) return phrase(k - 1);
  }
  return phrase(end);
}

function trimEnd(words: readonly Word[], start: number, end: number): number {
  while (end >= start && (words[end]!.pos === 'PUNCT' && !isQuoteMark(words[end]!) || words[end]!.pos === 'CCONJ')) end--;
  return end;
}

const PARTICLES = new Set(['for', 'on', 'out', 'up', 'about', 'off', 'over', 'back']);
const CUE_AUXILIARIES = new Set(['AUX', 'ADV', 'PART']);

/**
 * A cue the learned model finds at word k: the head with its auxiliaries ("has repeatedly criticized") and a
 * particle ("called for"). A form the lexicon knows keeps its lexicon flags ("told" takes an audience).
 */
function modelCueAt(words: readonly Word[], k: number, lex: StatementLexicon): CueMatch | undefined {
  const w = words[k]!;
  if (!isModelCue(words, k) || isQuoteMark(w)) return undefined;
  let from = k;
  while (from > 0 && CUE_AUXILIARIES.has(words[from - 1]!.pos) && words[from - 1]!.lower !== ',' && k - from < 4) from--;
  let to = k + 1;
  if (words[to] && PARTICLES.has(words[to]!.lower) && words[to]!.pos !== 'VERB') to++;
  const known = lex.cueForms.get(w.lower);
  const cue = known ?? { lemma: modelLemma(w.lower), takesObject: false, quoteOnly: false, infinitive: true, learned: false };
  return { cue, from: Math.min(from, k), to };
}

/**
 * The content and source of a model cue. Forward: the cue's object or clause to where the clause ends
 * ("Clinton criticized the Act on Monday, saying …" → "the Act on Monday"); backward, for a cue that ends its
 * clause: the clause before the comma ("The deal is dead, Republicans fear.").
 */
function modelReported(words: readonly Word[], match: CueMatch, lex: StatementLexicon): Found | undefined {
  const head = words[match.to - 1]!.pos === 'ADP' ? match.to - 2 : match.to - 1;
  let cue = spanOfWords(words, match.from, match.to - 1);
  // The subject of the cue: before it ("Clinton has criticized"), the sentence's subject for a participle or a
  // coordinated cue, or a possessive of a noun cue ("Trump's claim that …").
  const source = participleSubject(words, { ...match, from: head }, lex) ?? subjectBefore(words, match.from, 0)
    ?? (words[match.from - 1]?.lower === 'and' ? sentenceSubject(words, match.from) : undefined);
  const clause = clauseAfterCue(words, match, lex);
  let start = clause && (clause.complementizer || match.cue.takesObject) ? clause.start : match.to;
  while (start < words.length && DAY_WORDS.has(words[start]!.lower)) start++;
  // "took aim at Anan", "raised questions about the deal": a bare noun and a preposition complete the cue.
  if (start === match.to && words[start]?.pos === 'NOUN' && words[start + 1]?.pos === 'ADP' && LIGHT_PREPOSITIONS.has(words[start + 1]!.lower) && start + 2 < words.length) {
    cue = spanOfWords(words, match.from, start + 1);
    start += 2;
  }
  const subjectStart = source ? words.findIndex((x) => x.span.start === source.start) : -1;
  const forwardOpen = start < words.length && !TERMINAL.has(words[start]!.lower) && words[start]!.lower !== ',';
  if (forwardOpen && source) {
    const first = words[start]!;
    const infinitive = first.lower === 'to' && words[start + 1] !== undefined && isVerbal(words[start + 1]!);
    // "charged with …", "endorsed by …", "respond to requests": a preposition after the cue opens an adjunct, not content.
    if (first.pos === 'ADP' && !infinitive && !(clause?.complementizer)) return undefined;
    if (isPassive(words, head)) return undefined;
    const { end, nounContent } = contentEnd(words, start, lex, infinitive, subjectStart >= 0 && opensSubordinate(words, subjectStart));
    const content = words.slice(start, end + 1);
    if (end >= start && content.some((x) => ['NOUN', 'PROPN', 'PRON', 'VERB', 'NUM'].includes(x.pos))) {
      return { kind: 'indirect', source, cue, cueLemma: match.cue.lemma, content: spanOfWords(words, start, end), ...(nounContent ? { nounContent } : {}) };
    }
    return undefined;
  }
  if (forwardOpen) return undefined;
  // "…, Republicans fear." / "…, fear Republicans.": the clause before the comma that opens the cue clause.
  let comma = match.from - 1;
  while (comma >= 0 && words[comma]!.lower !== ',') comma--;
  if (comma < 1) return undefined;
  const back = match.from === comma + 1 ? subjectAfter(words, match.to)?.span : subjectBefore(words, match.from, comma + 1);
  if (!back) return undefined;
  let from = 0;
  while (from < comma && (words[from]!.pos === 'PUNCT' || words[from]!.pos === 'CCONJ')) from++;
  let end = comma - 1;
  while (end >= from && words[end]!.pos === 'PUNCT') end--;
  if (!isReportedClause(words, from, end, false)) return undefined;
  return { kind: 'indirect', source: back, cue, cueLemma: match.cue.lemma, content: spanOfWords(words, from, end) };
}

type Found = Omit<Attribution, 'evidence' | 'continued' | 'paragraph'>;

/**
 * Trump defended his tweets, saying it shows he would be awake — the participle's speaker is the
 * speaker of an earlier cue in the sentence ("“…,” Chaffetz said, adding that …"), else the sentence's subject.
 */
function participleSubject(words: readonly Word[], match: CueMatch, lex: StatementLexicon): Span | undefined {
  if (match.from < 2 || words[match.from - 1]!.lower !== ',' || !words[match.from]!.lower.endsWith('ing')) return undefined;
  for (let k = match.from - 2; k >= 0; k--) {
    const earlier = cueAt(words, k, lex);
    if (earlier) return subjectBefore(words, earlier.from, 0) ?? subjectAfter(words, earlier.to)?.span;
  }
  return sentenceSubject(words, match.from);
}

/** Siddiqui said Monday (that) he would not rejoin the cabinet. / Umar told reporters the party … */
function reportedAfter(words: readonly Word[], match: CueMatch, lex: StatementLexicon): Found | undefined {
  // "He accused the government of failing … and alleged that …": a coordinated cue's speaker is the sentence's subject.
  const source = participleSubject(words, match, lex) ?? subjectBefore(words, match.from, 0)
    ?? (words[match.from - 1]?.lower === 'and' ? sentenceSubject(words, match.from) : undefined);
  if (!source) return undefined;
  const subjectStart = words.findIndex((w) => w.span.start === source.start);
  // "vowed to punish those who …", "refused to resign": an intention cue's content is its infinitive.
  const to = match.to;
  if (match.cue.infinitive && words[to]?.lower === 'to' && words[to + 1] && (isVerbal(words[to + 1]!) || words[to + 1]!.pos === 'ADV')) {
    const end = clauseEnd(words, to, lex, opensSubordinate(words, subjectStart));
    if (end > to) {
      return { kind: 'indirect', source, cue: spanOfWords(words, match.from, match.to - 1), cueLemma: match.cue.lemma, content: spanOfWords(words, to, end) };
    }
  }
  const clause = clauseAfterCue(words, match, lex);
  if (!clause || ((match.cue.quoteOnly || match.cue.learned) && !clause.complementizer)) return undefined;
  const end = clauseEnd(words, clause.start, lex, opensSubordinate(words, subjectStart));
  if (!isReportedClause(words, clause.start, end, clause.complementizer)) return undefined;
  return {
    kind: 'indirect', source, cue: spanOfWords(words, match.from, match.to - 1), cueLemma: match.cue.lemma,
    content: spanOfWords(words, clause.start, end), adjunct: clause.adjunct,
  };
}

/** The party will not return to the cabinet, sources said. / …, said the convener on Monday. */
function reportedBefore(words: readonly Word[], match: CueMatch, lex: StatementLexicon): Found | undefined {
  let comma = match.from - 1;
  while (comma >= 0 && words[comma]!.lower !== ',') comma--;
  if (comma < 1 || trailingCueClause(words, comma + 1, lex)?.from !== match.from) return undefined;
  let start = 0;
  while (start < comma && (words[start]!.pos === 'PUNCT' || words[start]!.pos === 'CCONJ')) start++;
  let end = comma - 1;
  while (end >= start && (words[end]!.pos === 'PUNCT')) end--;
  if (!isReportedClause(words, start, end, false) || match.cue.quoteOnly || match.cue.learned) return undefined;
  const source = match.from === comma + 1 ? subjectAfter(words, match.to)?.span : subjectBefore(words, match.from, comma + 1);
  if (!source) return undefined;
  return {
    kind: 'indirect', source, cue: spanOfWords(words, match.from, match.to - 1), cueLemma: match.cue.lemma,
    content: spanOfWords(words, start, end),
  };
}

/** Back in Virginia, he said, he decided to act. — a cue clause set off by commas inside its content. */
function reportedAround(words: readonly Word[], match: CueMatch, lex: StatementLexicon): Found | undefined {
  let after = match.to;
  while (after < words.length && isTimeWord(words[after]!, lex)) after++;
  if (words[after]?.lower !== ',' || match.cue.quoteOnly || match.cue.learned) return undefined;
  let comma = match.from - 1;
  while (comma > 0 && words[comma]!.lower !== ',') comma--;
  if (comma < 1) return undefined;
  const source = subjectBefore(words, match.from, comma + 1);
  if (!source || words[comma + 1]!.span.start !== source.start) return undefined;
  let end = words.length - 1;
  while (end > after && (TERMINAL.has(words[end]!.lower) || isQuoteMark(words[end]!))) end--;
  let start = 0;
  while (start < comma && (words[start]!.pos === 'PUNCT' || words[start]!.pos === 'CCONJ')) start++;
  // "The museum, Mr. Bush said, celebrated several of his heroes": the aside may also split the clause's
  // subject from its predicate.
  const splitClause = start < comma && !words.slice(start, comma).some(isVerbal) && after + 1 <= end && isVerbal(words[after + 1]!)
    && words.slice(start, comma).some((w) => w.pos === 'NOUN' || w.pos === 'PROPN' || w.pos === 'PRON');
  if (!splitClause && !isReportedClause(words, start, comma - 1, false) && !isReportedClause(words, after + 1, end, false)) return undefined;
  return {
    kind: 'indirect', source, cue: spanOfWords(words, match.from, match.to - 1), cueLemma: match.cue.lemma,
    content: spanOfWords(words, start, end),
  };
}

/** The source of "according to": the words up to the next comma or the sentence end. */
function accordingSource(words: readonly Word[], from: number): { span: Span; next: number } | undefined {
  let next = from;
  while (next < words.length && words[next]!.lower !== ',' && !TERMINAL.has(words[next]!.lower)) next++;
  if (!words.slice(from, next).some((w) => w.pos === 'NOUN' || w.pos === 'PROPN')) return undefined;
  return { span: spanOfWords(words, from, next - 1), next };
}

/**
 * According to the party, the talks failed. / The talks failed, according to officials. / The talks,
 * according to officials, failed.
 */
function accordingTo(words: readonly Word[], k: number, lex: StatementLexicon): Found | undefined {
  const prep = lex.prepositionalCues.get(words[k]!.lower);
  if (!prep || words[k + 1]?.lower !== prep.second) return undefined;
  const source = accordingSource(words, k + 2);
  if (!source) return undefined;
  const cue = spanOfWords(words, k, k + 1);
  const found = (start: number, end: number): Found | undefined =>
    isReportedClause(words, start, end, false)
      ? { kind: 'indirect', source: source.span, cue, cueLemma: prep.lemma, content: spanOfWords(words, start, end) }
      : undefined;
  const leading = words.slice(0, k).every((w) => w.pos === 'ADV' || w.pos === 'CCONJ' || w.lower === ',');
  const afterComma = words[source.next]?.lower === ',';
  if (leading && afterComma) return found(source.next + 1, clauseEnd(words, source.next + 1, lex));
  if (k >= 2 && words[k - 1]!.lower === ',') {
    let end = afterComma ? clauseEnd(words, source.next + 1, lex) : k - 2;
    while (end >= 0 && TERMINAL.has(words[end]!.lower)) end--;
    return found(0, end);
  }
  return undefined;
}

/** Every direct and indirect statement in the document, in text order, speakers as written. */
export function findAttributions(doc: Document): Attribution[] {
  const lex = statementLexicon();
  const sentences = sentenceWords(doc);
  const regions = findQuoteRegions(doc.text, paragraphSpans(doc));
  const direct = directAttributions(doc, sentences, regions, lex);
  const quoted = regions.map((r) => ({ start: r.open, end: r.closeEnd }));
  const usedCues = direct.flatMap((a) => (a.cue ? [a.cue] : []));
  const indirect = sentences.flatMap((s) => indirectInSentence(s, quoted, usedCues, lex))
    // A reported clause that is all one quote is the quote's attribution, already found.
    .filter((a) => !direct.some((d) => d.cue && spansOverlap(d.content, a.content)));
  return [...direct, ...indirect].sort((a, b) => a.evidence.start - b.evidence.start || a.content.start - b.content.start);
}
