/**
 * Token-level views of sentences for finding reporting clauses: who speaks (the subject of a cue), the cue
 * itself, and where the reported clause starts and ends.
 */
import type { Document } from '../../document/document.js';
import type { Span } from '../../document/span.js';
import { statementLexicon, type StatementLexicon, type CueVerb } from './lexicon.js';

export interface Word {
  span: Span;
  /** As written. */
  original: string;
  /** Lower case, with curly apostrophes made straight. */
  lower: string;
  pos: string;
}

export interface SentenceWords {
  index: number;
  span: Span;
  paragraph: number;
  words: Word[];
}

export interface CueMatch {
  cue: CueVerb;
  /** Index of the cue's first word and one past its last. */
  from: number;
  to: number;
}

const QUOTE_MARKS = new Set(["''", '"', '\u201C', '\u201D', '\u201E', '\u201F', '\u00AB', '\u00BB']);
const CLAUSE_STOPS = new Set(['which', 'who', 'whom', 'that', 'what', 'where', 'when', 'as', 'while', 'because', 'if', 'but', 'than']);
const NOUN_PHRASE_POS = new Set(['PROPN', 'NOUN', 'DET', 'ADJ', 'NUM', 'PRON']);
const INNER_PREPOSITIONS = new Set(['of', 'for', 'in', 'at', 'from', 'on']);
const SUBJECT_PRONOUNS = new Set(['he', 'she', 'they', 'we', 'i', 'it']);
const MONTHS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'jan', 'feb', 'aug', 'sept', 'oct', 'nov', 'dec']);

/** Curly apostrophes made straight; most words have none, and are returned as they are. */
function straightApostrophes(lower: string): string {
  return lower.includes('\u2018') || lower.includes('\u2019') ? lower.replace(/[\u2018\u2019]/gu, "'") : lower;
}

/**
 * The document's sentences as words. A sentence that starts in lower case or with a closing bracket is
 * joined to the one before it: the segmenter split inside a name or title ("Sen. David Perdue (R-Ga.)
 * [split] said he …").
 */
export function sentenceWords(doc: Document): SentenceWords[] {
  const all: SentenceWords[] = doc.sentences.map((s, index) => ({ index, span: s.span, paragraph: s.paragraph, words: [] }));
  for (const t of doc.tokens) {
    const raw = doc.text.slice(t.span.start, t.span.end);
    // Line breaks come through the tokenizer as tokens; they are not words.
    if (/^\s*$/u.test(raw)) continue;
    all[t.sentence]?.words.push({ span: t.span, original: raw, lower: straightApostrophes(raw.toLowerCase()), pos: t.pos ?? 'X' });
  }
  const out: SentenceWords[] = [];
  for (const s of all) {
    const prev = out[out.length - 1];
    const first = s.words[0]?.original ?? '';
    if (prev && prev.paragraph === s.paragraph && /^[)\p{Ll}]/u.test(first)) {
      prev.span = { start: prev.span.start, end: s.span.end };
      prev.words.push(...s.words);
    } else {
      out.push({ ...s, index: out.length });
    }
  }
  return out;
}

export function isQuoteMark(w: Word): boolean {
  return QUOTE_MARKS.has(w.lower);
}

export function isVerbal(w: Word): boolean {
  return w.pos === 'VERB' || w.pos === 'AUX';
}

/** The cue starting at word k ("said", "pointed out"), if any. */
export function cueAt(words: readonly Word[], k: number, lex: StatementLexicon): CueMatch | undefined {
  const w = words[k]!;
  const phrasal = lex.phrasalCues.get(w.lower)?.find((p) => words[k + 1]?.lower === p.second);
  if (phrasal) return { cue: phrasal.cue, from: k, to: k + 2 };
  const cue = lex.cueForms.get(w.lower);
  // "the said meeting", "an added burden": a cue form used as an adjective is not a cue; nor is a
  // capitalized word inside a sentence ("the United States economy").
  if (!cue || w.pos === 'ADJ' || w.pos === 'NOUN' && !/(?:ed|ied)$/u.test(w.lower)) return undefined;
  if (k > 0 && /^\p{Lu}/u.test(w.original) && !isQuoteMark(words[k - 1]!)) return undefined;
  // "was dismissed", "had been told": a passive participle reports what was done to its subject.
  if (isPassive(words, k)) return undefined;
  return { cue, from: k, to: k + 1 };
}

const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', "'s", "'re"]);

/** The participle at k follows a form of "be" (adverbs between: "was later dismissed"). */
function isPassive(words: readonly Word[], k: number): boolean {
  if (!/(?:ed|en|wn|ld|ght)$/u.test(words[k]!.lower)) return false;
  let j = k - 1;
  while (j >= 0 && (words[j]!.pos === 'ADV' || words[j]!.lower === 'not')) j--;
  return j >= 0 && BE.has(words[j]!.lower);
}

function isNounPhraseWord(w: Word, next: Word | undefined): boolean {
  if (CLAUSE_STOPS.has(w.lower) || isQuoteMark(w)) return false;
  if (NOUN_PHRASE_POS.has(w.pos)) return true;
  // The tagger reads some surnames as verbs ("Lynch said"); a capitalized word is a name here.
  if ((w.pos === 'VERB' || w.pos === 'X') && /^\p{Lu}/u.test(w.original)) return true;
  if (w.lower === "'s" || w.lower === "'" || w.lower === '-' || w.lower === '.' && w.pos !== 'PUNCT') return true;
  // "Minister for Planning", "leader of the party": a preposition between two nominal words.
  if (INNER_PREPOSITIONS.has(w.lower) && next && NOUN_PHRASE_POS.has(next.pos)) return true;
  return w.lower === 'and' && next?.pos === 'PROPN';
}

/** How far back a noun phrase ending at word j reaches; "Rep. Gwen Moore (D-Wis.)" keeps its bracket. */
function nounPhraseStart(words: readonly Word[], j: number, lowerBound: number): number {
  while (j >= lowerBound) {
    if (words[j]!.lower === ')') {
      let open = j - 1;
      while (open >= lowerBound && j - open < 8 && words[open]!.lower !== '(') open--;
      if (open < lowerBound || words[open]!.lower !== '(') return j;
      j = open - 1;
      continue;
    }
    if (!isNounPhraseWord(words[j]!, words[j + 1])) return j;
    j--;
  }
  return j;
}

/** Trims a word range to a noun phrase: no leading prepositions, conjunctions or punctuation. */
function trimPhrase(words: readonly Word[], start: number, end: number): [number, number] | undefined {
  while (start <= end && (words[start]!.pos === 'ADP' || words[start]!.pos === 'CCONJ' || words[start]!.pos === 'PUNCT' || words[start]!.pos === 'PART')) start++;
  while (end >= start && (words[end]!.pos === 'PUNCT' || words[end]!.pos === 'ADP' || words[end]!.pos === 'CCONJ')) end--;
  if (start > end) return undefined;
  const range = words.slice(start, end + 1);
  if (!range.some((w) => w.pos === 'PROPN' || w.pos === 'NOUN' || w.pos === 'PRON' && SUBJECT_PRONOUNS.has(w.lower) || /^\p{Lu}/u.test(w.original) && w.pos !== 'PRON')) return undefined;
  // A pronoun subject is the pronoun alone ("he said"); "his aides" is a phrase with a noun head.
  if (range.some((w) => w.pos === 'PRON' && !SUBJECT_PRONOUNS.has(w.lower) && !['his', 'her', 'their', 'its', 'our'].includes(w.lower))) return undefined;
  return [start, end];
}

/**
 * The subject written just before a cue: "Speaking to media, Siddiqui said" → "Siddiqui"; adverbs and
 * auxiliaries between them are skipped ("Umar also said", "the party has said").
 */
export function subjectBefore(words: readonly Word[], cueFrom: number, lowerBound: number): Span | undefined {
  let j = cueFrom - 1;
  while (j >= lowerBound && (words[j]!.pos === 'ADV' || words[j]!.pos === 'AUX' || words[j]!.lower === 'not') && !CLAUSE_STOPS.has(words[j]!.lower)) j--;
  j = beforeTimePhrase(words, j, lowerBound);
  while (j >= lowerBound && (words[j]!.pos === 'ADV' || words[j]!.pos === 'AUX') && !CLAUSE_STOPS.has(words[j]!.lower)) j--;
  // "an architect who said he was stiffed": the relative pronoun stands for the speaker.
  if (j >= lowerBound && words[j]!.lower === 'who') return words[j]!.span;
  // "Richard Revesz, director of the institute, said": an appositive closed by a comma before the cue.
  const appositive = j > lowerBound && words[j]!.lower === ',';
  if (appositive) j--;
  const end = j;
  j = nounPhraseStart(words, j, lowerBound);
  const trimmed = trimPhrase(words, j + 1, end);
  if (!trimmed) return undefined;
  let start = trimmed[0];
  let last = trimmed[1];
  if (appositive) {
    const directlyAfterComma = j > lowerBound && words[j]!.lower === ',';
    // "Trump, speaking to a veterans group in Virginia, said": the phrase before the cue is an object in
    // an aside; the speaker is the name before the aside.
    let comma = j;
    while (comma > lowerBound && words[comma]!.lower !== ',') comma--;
    if (words[comma]?.lower !== ',' || comma < lowerBound) return directlyAfterComma ? { start: words[start]!.span.start, end: words[last]!.span.end } : undefined;
    const k = nounPhraseStart(words, comma - 1, lowerBound);
    const head = trimPhrase(words, k + 1, comma - 1);
    if (head) {
      start = head[0];
      if (!directlyAfterComma) last = head[1];
    } else if (!directlyAfterComma) {
      return undefined;
    }
  }
  return { start: words[start]!.span.start, end: words[last]!.span.end };
}

const TIME_NOUNS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'yesterday', 'today', 'tonight', 'week', 'month', 'year', 'weekend', 'morning', 'afternoon', 'evening', 'night']);

/** "Wells Fargo this month announced", "Umar on Monday said": the time phrase between subject and cue is skipped. */
function beforeTimePhrase(words: readonly Word[], j: number, lowerBound: number): number {
  const lex = statementLexicon();
  let k = j;
  let hasTimeNoun = false;
  while (k >= lowerBound && isTimeWord(words[k]!, lex)) {
    if (TIME_NOUNS.has(words[k]!.lower) || MONTHS.has(words[k]!.lower)) hasTimeNoun = true;
    k--;
  }
  return hasTimeNoun && k >= lowerBound ? k : j;
}

/** The subject that opens a sentence ("Donald Trump is defending his tweets, saying …" → "Donald Trump"). */
export function sentenceSubject(words: readonly Word[], before: number): Span | undefined {
  let j = 0;
  while (j < before && (words[j]!.pos === 'ADV' || words[j]!.pos === 'CCONJ' || words[j]!.pos === 'PUNCT')) j++;
  const subject = subjectAfter(words, j);
  return subject && subject.next < before && isVerbal(words[subject.next]!) ? subject.span : undefined;
}

/** The subject written just after a cue, as in "“…,” said Siddiqui." Returns the span and the word after it. */
export function subjectAfter(words: readonly Word[], cueTo: number): { span: Span; next: number } | undefined {
  let j = cueTo;
  while (j < words.length) {
    if (words[j]!.lower === '(' && j > cueTo) {
      let close = j + 1;
      while (close < words.length && close - j < 8 && words[close]!.lower !== ')') close++;
      if (words[close]?.lower !== ')') break;
      j = close + 1;
      continue;
    }
    if (!isNounPhraseWord(words[j]!, words[j + 1])) break;
    j++;
  }
  const trimmed = trimPhrase(words, cueTo, j - 1);
  if (!trimmed) return undefined;
  return { span: { start: words[trimmed[0]]!.span.start, end: words[trimmed[1]]!.span.end }, next: j };
}

export function isTimeWord(w: Word, lex: StatementLexicon): boolean {
  return lex.timeWords.has(w.lower) || MONTHS.has(w.lower) || w.pos === 'NUM';
}

export interface ClauseStart {
  /** First word of the reported clause. */
  start: number;
  /** True when the clause is introduced by "that". */
  complementizer: boolean;
  /** Words between the cue and the clause (time, audience), for the statement date. */
  adjunct?: Span;
}

/**
 * Where the reported clause after a cue begins: after "that" when it comes within a few words
 * ("said in a statement on Monday that …"), else after time words and, for "tell"-like verbs, the
 * audience ("said Monday he would …", "told reporters the party …").
 */
export function clauseAfterCue(words: readonly Word[], match: CueMatch, lex: StatementLexicon): ClauseStart | undefined {
  const adjunctSpan = (from: number, to: number): Span | undefined =>
    to > from ? { start: words[from]!.span.start, end: words[to - 1]!.span.end } : undefined;
  for (let m = match.to; m < Math.min(words.length, match.to + 14); m++) {
    const w = words[m]!;
    if (w.lower === 'that' && w.pos !== 'PRON' && words[m + 1] && !isVerbal(words[m + 1]!)) {
      return { start: m + 1, complementizer: true, adjunct: adjunctSpan(match.to, m) };
    }
    // Reported questions: "asked whether there is a provision …", "asked X if …" (the clause keeps "whether").
    if ((w.lower === 'whether' || (w.lower === 'if' && match.cue.lemma === 'ask')) && words[m + 1] && !isVerbal(words[m + 1]!)) {
      return { start: m, complementizer: true, adjunct: adjunctSpan(match.to, m) };
    }
    if (isVerbal(w) || isQuoteMark(w) || w.pos === 'PUNCT' && w.lower !== ',' && w.lower !== '-' || CLAUSE_STOPS.has(w.lower)) break;
  }
  let j = match.to;
  if (match.cue.takesObject) {
    const objectStart = j;
    // "told reporters", "told the media", "told CNN": a determiner or adjective only before an audience word.
    const audienceAt = (i: number) => i < words.length && (lex.audience.has(words[i]!.lower) || words[i]!.pos === 'PROPN');
    while (j < words.length && j - objectStart < 4) {
      if (audienceAt(j)) j++;
      else if ((words[j]!.pos === 'DET' || words[j]!.pos === 'ADJ') && audienceAt(j + 1)) j += 2;
      else break;
    }
    // "told the forum he was …": any short noun phrase, ending at its last noun.
    if (j === objectStart) j = shortNounPhraseEnd(words, j);
    if (j === objectStart) return undefined;
  }
  while (j < words.length && isTimeWord(words[j]!, lex)) j++;
  return { start: j, complementizer: false, adjunct: adjunctSpan(match.to, j) };
}

/** Just after a determiner, adjectives and nouns starting at `from` ("the forum", "local election officials"). */
function shortNounPhraseEnd(words: readonly Word[], from: number): number {
  let j = from;
  if (words[j]?.pos === 'DET') j++;
  while (words[j]?.pos === 'ADJ') j++;
  const nouns = j;
  while (j - from < 5 && (words[j]?.pos === 'NOUN' || words[j]?.pos === 'PROPN')) j++;
  return j > nouns ? j : from;
}

const TERMINAL = new Set(['.', '!', '?', ';']);
const DASHES = new Set(['\u2015', '\u2014', '--']);
const SUBORDINATORS = new Set(['when', 'as', 'if', 'because', 'after', 'before', 'while', 'since', 'although', 'though', 'until', 'unless', 'once']);

/** The subject at `subjectStart` opens a subordinate clause ("When Clinton noted that …"). */
export function opensSubordinate(words: readonly Word[], subjectStart: number): boolean {
  const before = words[subjectStart - 1];
  return before !== undefined && SUBORDINATORS.has(before.lower);
}

/**
 * Where a reported clause ends: at the sentence end, or before a trailing cue clause (", he added") or a
 * trailing participle (", downplaying reports that …").
 */
export function clauseEnd(words: readonly Word[], start: number, lex: StatementLexicon, subordinate = false): number {
  let end = words.length - 1;
  for (let k = start; k < words.length; k++) {
    const w = words[k]!;
    // "… not paid any taxes ― as was true for …": a dash opens an aside the speaker did not say.
    if (DASHES.has(w.lower) && k > start) {
      end = k - 1;
      break;
    }
    // "… is depleted and says he will expand …": a coordinated cue starts a statement of its own.
    if ((w.lower === 'and' || w.lower === 'but') && k > start && coordinatedCue(words, start, k, lex)) {
      end = k - 1;
      break;
    }
    if (w.lower !== ',') continue;
    // "When Clinton noted that Trump paid no taxes, Trump boasted …": a reported clause inside a
    // subordinate clause ends at its comma.
    if (subordinate && k > start) {
      end = k - 1;
      break;
    }
    // ", even suggesting …": adverbs before the participle.
    let n = k + 1;
    while (words[n]?.pos === 'ADV' && words[n + 1]?.pos === 'VERB') n++;
    const next = words[n];
    if (!next) break;
    if (next.pos === 'VERB' && next.lower.endsWith('ing') && !lex.participleStops.has(next.lower)) {
      end = k - 1;
      break;
    }
    if (trailingCueClause(words, k + 1, lex)) {
      end = k - 1;
      break;
    }
  }
  while (end >= start && (TERMINAL.has(words[end]!.lower) || words[end]!.lower === ',')) end--;
  return end;
}

/** -ing, -ed, -s or another form: a coarse inflection, enough to tell which verbs are coordinated. */
function inflection(w: string): string {
  return w.endsWith('ing') ? 'ing' : w.endsWith('ed') ? 'ed' : w.endsWith('s') ? 's' : '';
}

/**
 * A cue verb after the conjunction at `and` (adverbs between: "and also warned") that coordinates with the
 * reporting verb, not with a verb of the reported clause: "the military is depleted and says he will …"
 * ends the clause, "… had contacted the convener and assured him that …" (the same inflection as a verb of
 * the clause) and "… would solve problems and find ways to …" (a base form) do not.
 */
function coordinatedCue(words: readonly Word[], start: number, and: number, lex: StatementLexicon): boolean {
  let k = and + 1;
  while (k < words.length && words[k]!.pos === 'ADV') k++;
  const w = words[k];
  // A base form ("… would order a review and warn …") coordinates with a verb of the clause.
  if (w === undefined || w.pos !== 'VERB' || inflection(w.lower) === '' || cueAt(words, k, lex) === undefined) return false;
  let v = and - 1;
  while (v >= start && words[v]!.pos !== 'VERB') v--;
  return v < start || inflection(words[v]!.lower) !== inflection(w.lower);
}

/**
 * ", he added." / ", said Siddiqui." / ", the minister said on Monday." — a cue clause starting at `from`.
 * When `toSentenceEnd`, only adjuncts may follow it; after a closing quote mark anything may ("“…,” she
 * said several months later, and …").
 */
export function trailingCueClause(words: readonly Word[], from: number, lex: StatementLexicon, toSentenceEnd = true): CueMatch | undefined {
  const first = cueAt(words, from, lex);
  // "…, accusing the prime minister of …": a participle is not inverted; the words after it are its object.
  if (first && words[from]!.lower.endsWith('ing')) return undefined;
  if (first) {
    const subject = subjectAfter(words, first.to);
    if (subject && (!toSentenceEnd || restIsAdjunct(words, subject.next, lex))) return first;
    return undefined;
  }
  const subject = subjectAfter(words, from);
  if (!subject) return undefined;
  let k = appositiveEnd(words, subject.next);
  while (k < words.length && (words[k]!.pos === 'ADV' || words[k]!.pos === 'AUX' || words[k]!.lower === 'not')) k++;
  const match = k < words.length ? cueAt(words, k, lex) : undefined;
  if (!match) return undefined;
  return !toSentenceEnd || restIsAdjunct(words, match.to, lex) ? match : undefined;
}

/**
 * "Michael McFaul, a senior fellow at the Hoover Institution and a former ambassador, said": after a subject,
 * an appositive set off by commas with no verb in it (up to 25 words) is skipped; returns the word after its
 * closing comma, or `at` when there is none.
 */
function appositiveEnd(words: readonly Word[], at: number): number {
  if (words[at]?.lower !== ',') return at;
  for (let k = at + 1; k < Math.min(words.length, at + 26); k++) {
    const w = words[k]!;
    if (w.lower === ',') return k > at + 1 ? k + 1 : at;
    if (isVerbal(w) || isQuoteMark(w) || TERMINAL.has(w.lower) || CLAUSE_STOPS.has(w.lower)) return at;
  }
  return at;
}

/** Only time words, an audience, a short prepositional phrase or punctuation up to the sentence end. */
function restIsAdjunct(words: readonly Word[], from: number, lex: StatementLexicon): boolean {
  for (let k = from; k < words.length; k++) {
    const w = words[k]!;
    // "…, top black lawmakers said Friday, as they bristled at …": what follows a comma is another clause.
    if (TERMINAL.has(w.lower) || isQuoteMark(w) || w.lower === ',') return true;
    if (isVerbal(w) || CLAUSE_STOPS.has(w.lower)) return false;
    if (!(isTimeWord(w, lex) || lex.audience.has(w.lower) || NOUN_PHRASE_POS.has(w.pos) || w.pos === 'ADP' || w.pos === 'ADV')) return false;
  }
  return true;
}
