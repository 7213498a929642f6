/**
 * Rule and gazetteer mentions: proper-name chunks typed by lexicon and gazetteer, offices (TITLE),
 * lower-case government bodies ("the federal cabinet") and third-person pronouns.
 */
import type { ActorType, MentionType } from '../../document/layers.js';
import type { Span } from '../../document/span.js';
import { squeeze, type Lexicon } from './lexicon.js';
import { matchTitle, type TitleMatch } from './titles.js';
import { isGivenName } from './given-names.js';
import { isAcronym, isAlphabetic, isCapitalized, type Word } from './words.js';

export interface Candidate {
  type: MentionType;
  /** Word index range [from, to). */
  from: number;
  to: number;
  span: Span;
  /** PERSON: the word range of the name without honorifics ("Khalid Maqbool Siddiqui" in "Dr Khalid Maqbool Siddiqui"). */
  nameFrom?: number;
  nameTo?: number;
  /** PARTY: the acronym key when the lexicon knows the party. */
  partyKey?: string;
  title?: TitleMatch;
  /** A lone unknown capitalised word: kept only if it names a person or place found elsewhere (see resolveSingles). */
  single?: boolean;
  source: 'rule' | 'gazetteer' | 'model';
}

interface SentenceRange {
  from: number;
  to: number;
}

/** Word ranges per sentence. */
export function sentenceRanges(words: readonly Word[]): SentenceRange[] {
  const ranges: SentenceRange[] = [];
  words.forEach((w, i) => {
    const last = ranges[ranges.length - 1];
    if (last && words[last.from]!.sentence === w.sentence) last.to = i + 1;
    else ranges.push({ from: i, to: i + 1 });
  });
  return ranges;
}

const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'our', 'as', 'former', 'new']);
/** Prepositions before which a bare body noun names the body: "in parliament", "by police". */
const BODY_PREPOSITIONS = new Set(['in', 'by', 'to', 'from', 'at', 'before', 'against', 'with']);
const LED = /^(.*\p{L})-(led|backed|based|run|ruled|allied|sponsored|affiliated|linked|supported)$/u;
/** LED on a word, tried only on words with a hyphen (it is asked of nearly every word). */
const ledMatch = (text: string) => (text.includes('-') ? LED.exec(text) : null);

export function spanOf(words: readonly Word[], from: number, to: number): Span {
  return { start: words[from]!.span.start, end: words[to - 1]!.span.end };
}

function isNameWord(w: Word, lex: Lexicon): boolean {
  return isCapitalized(w) && isAlphabetic(w) && !lex.temporal.has(w.lower) && !isAcronym(w);
}

function isHead(lower: string, lex: Lexicon): boolean {
  return lex.partyHeads.has(lower) || lex.orgHeads.has(lower) || lex.govbodyHeads.has(lower);
}

/**
 * An office starting at `k`, unless its words open an organisation's name: "National Justice Party" is a
 * party, though "National Justice" reads like an office.
 */
function officeAt(words: readonly Word[], k: number, end: number, lex: Lexicon) {
  const title = matchTitle(words, k, end, lex);
  if (!title || !title.capitalized) return title;
  const after = words[title.to];
  return after && isNameWord(after, lex) && isHead(after.lower, lex) ? null : title;
}

/**
 * Where a proper-name chunk starting at `i` ends. Connectors join inside names: "Ministry of Foreign Affairs",
 * "Osama bin Laden", and a spaced dash after a party head: "Muttahida Qaumi Movement - Pakistan".
 */
function nameChunkEnd(words: readonly Word[], i: number, end: number, lex: Lexicon): number {
  let k = i + 1;
  while (k < end) {
    const w = words[k]!;
    if (ledMatch(w.text)) break;
    const next = words[k + 1];
    const lastLower = words[k - 1]!.lower;
    const afterHead = lex.govbodyHeads.has(lastLower) || lex.partyHeads.has(lastLower) || lex.orgHeads.has(lastLower);
    // A body's name ends at its head word: "Opposition Leader in Sindh Assembly Firdaus Shamim Naqvi",
    // "Chairman of the Senate Sadiq Sanjrani".
    if (afterHead && isNameWord(w, lex) && !(lex.govbodyHeads.has(w.lower) || lex.partyHeads.has(w.lower) || lex.orgHeads.has(w.lower))) break;
    if (isNameWord(w, lex) && !officeAt(words, k, end, lex) && !lex.titleAbbreviations.has(w.text)) {
      k++;
      continue;
    }
    if (next && isNameWord(next, lex) && lex.nameConnectors.has(w.text)) {
      k += 2;
      continue;
    }
    // "Ministry of the Interior and Safety", "Hospital and Social Welfare Organizations Administration
    // Commission": "and" inside an organisation's name, after "<head> of …" or before a run ending in a head.
    if ((w.lower === 'and' || w.text === '&') && next && isNameWord(next, lex)) {
      let r = k + 1;
      while (r < end && isNameWord(words[r]!, lex) && !officeAt(words, r, end, lex)) r++;
      const ofHead = words.slice(i, k).some((x, m) => x.lower === 'of' && m > 0 && lex.ofConnectorHeads.has(words[i + m - 1]!.lower));
      if (isHead(words[r - 1]!.lower, lex) || (ofHead && r - (k + 1) <= 2 && !isHead(words[r]?.lower ?? '', lex))) {
        k = r;
        continue;
      }
    }
    if (w.lower === 'of' && lex.ofConnectorHeads.has(lastLower)) {
      const after = words[k + 1]?.lower === 'the' ? k + 2 : k + 1;
      if (after < end && isNameWord(words[after]!, lex)) {
        k = after + 1;
        continue;
      }
    }
    // "Rural People's League", "Rural Workers' Front": a possessive inside an organisation's name.
    if ((w.text === "'s" || (w.text === "'" && lastLower.endsWith('s'))) && next && isNameWord(next, lex) && (lastLower === 'people' || isHead(next.lower, lex))) {
      k += 2;
      continue;
    }
    if (w.text === '-' && next && isNameWord(next, lex) && (lex.partyHeads.has(lastLower) || lex.orgHeads.has(lastLower))) {
      k += 2;
      continue;
    }
    break;
  }
  return k;
}

/** The head word of an organisation name: the last word, or the word before "of" ("Ministry of Law"). */
function headWordOf(words: readonly Word[], from: number, to: number): string {
  for (let k = from + 1; k < to; k++) if (words[k]!.lower === 'of') return words[k - 1]!.lower;
  return words[to - 1]!.lower;
}

function typeOfAcronym(w: Word, lex: Lexicon): { type: ActorType; source: Candidate['source']; partyKey?: string } | null {
  const key = lex.partyKeys.get(squeeze(w.text));
  if (key) return { type: 'PARTY', source: 'gazetteer', partyKey: key };
  if (lex.nonActorAcronyms.has(w.text)) return null;
  if (lex.countryAbbreviations.has(w.text)) return { type: 'PLACE', source: 'gazetteer' };
  if (lex.places.has(w.lower)) return { type: 'PLACE', source: 'gazetteer' };
  if (lex.organizations.has(w.lower)) return { type: 'ORG', source: 'gazetteer' };
  // An unknown acronym with a faction suffix is a party in South Asian news: "PML-Z", "JUI-S".
  if (/-\p{Lu}{1,2}$/u.test(w.text)) return { type: 'PARTY', source: 'rule', partyKey: w.text };
  return { type: 'ORG', source: 'rule' };
}

export interface Typed {
  type: ActorType | 'SINGLE';
  source: Candidate['source'];
  partyKey?: string;
  nameFrom?: number;
  nameTo?: number;
}

/** Types a multi-word or single-word proper-name chunk; SINGLE means a lone unknown word, decided later. */
export function typeOfChunk(words: readonly Word[], from: number, to: number, lex: Lexicon): Typed | null {
  const surface = words.slice(from, to).map((w) => w.text).join(' ');
  const key = lex.partyKeys.get(squeeze(surface));
  if (key) return { type: 'PARTY', source: 'gazetteer', partyKey: key };
  const lower = surface.toLowerCase();
  if (lex.places.has(lower)) return { type: 'PLACE', source: 'gazetteer' };
  const head = headWordOf(words, from, to);
  if (to - from > 1 || lex.govbodyHeads.has(head) || lex.partyHeads.has(head)) {
    if (lex.govbodyHeads.has(head)) return { type: 'GOVBODY', source: 'rule' };
    if (lex.partyHeads.has(head)) return { type: 'PARTY', source: 'rule' };
    if (lex.orgHeads.has(head)) return { type: 'ORG', source: 'rule' };
  }
  if (lex.organizations.has(lower)) return { type: 'ORG', source: 'gazetteer' };
  // "Corcovado National Park", "Hyundai Heavy Industries", "World Cup": the last word says what it names,
  // unless an honorific opens a person's name ("Mr Park").
  const kind = to - from >= 2 && !lex.honorificPrefixes.has(words[from]!.text.replace(/\.$/u, '')) ? lex.chunkHeads.get(words[to - 1]!.lower) : undefined;
  if (kind === 'NONE') return null;
  if (kind === 'PLACE') return { type: 'PLACE', source: 'rule' };
  if (kind === 'ORG') return { type: 'ORG', source: 'rule' };
  let nameFrom = from;
  let nameTo = to;
  while (nameFrom < nameTo && lex.honorificPrefixes.has(words[nameFrom]!.text.replace(/\.$/u, ''))) nameFrom++;
  while (nameTo > nameFrom && lex.honorificSuffixes.has(words[nameTo - 1]!.text)) nameTo--;
  if (nameTo === nameFrom) return null;
  const honorific = nameFrom > from || nameTo < to;
  const informative = words.slice(nameFrom, nameTo).some((w) => !lex.commonWords.has(w.lower) && !lex.notNames.has(w.lower));
  if (!informative) return null;
  if (!honorific && looksLikePlace(words, nameFrom, nameTo, lex)) return { type: 'PLACE', source: 'rule' };
  if (!honorific && nameTo - nameFrom >= 2 && !looksLikePersonName(words, nameFrom, nameTo, lex)) return null;
  if (honorific || nameTo - nameFrom >= 2) return { type: 'PERSON', source: 'rule', nameFrom, nameTo };
  return { type: 'SINGLE', source: 'rule', nameFrom, nameTo };
}

/**
 * Whether capitalised words can be a person's name: not when they open with a demonym ("Saudi Aramco", "Thai
 * AirAsia", "Syrian Golan") or end in a plural common noun ("National Parks", "Kasi Socks", "Stolen
 * Generations"); the tagger may still find them as something else.
 */
function looksLikePersonName(words: readonly Word[], from: number, to: number, lex: Lexicon): boolean {
  if (lex.groups.has(words[from]!.lower) || lex.countryOf.has(words[from]!.lower)) return false;
  const last = words[to - 1]!.lower;
  const singular = last.endsWith('ies') ? `${last.slice(0, -3)}y` : last.slice(0, -1);
  return !(last.length > 3 && last.endsWith('s') && !last.endsWith('ss') && (lex.commonWords.has(last) || lex.commonWords.has(singular)));
}

/** Length of the longest gazetteer place (up to 3 words) starting at `i`, or 0. */
function placeAt(words: readonly Word[], i: number, end: number, lex: Lexicon): number {
  for (let n = Math.min(3, end - i); n >= 1; n--) {
    if (lex.places.has(words.slice(i, i + n).map((w) => w.lower).join(' '))) return n;
  }
  return 0;
}

/** Where a gazetteer place of two or three words that ends the chunk at `end` starts, at `from` or after; -1 if none. */
function placeEnding(words: readonly Word[], from: number, end: number, lex: Lexicon): number {
  for (let k = Math.max(from, end - 3); k <= end - 2; k++) {
    if (lex.places.has(words.slice(k, end).map((w) => w.lower).join(' '))) return k;
  }
  return -1;
}

/** "Port Qasimabad", "Gulshan Town", "Jacobabad": the shape of a place name. */
function looksLikePlace(words: readonly Word[], from: number, to: number, lex: Lexicon): boolean {
  const last = words[to - 1]!.lower;
  return (
    (to - from >= 2 && (lex.placeFirstWords.has(words[from]!.lower) || lex.placeLastWords.has(last))) ||
    lex.placeSuffixes.some((suffix) => last.length > suffix.length + 3 && last.endsWith(suffix))
  );
}

/** A lower-case office is an office only where news writing introduces one: "the minister for law", "MQM-P convener". */
function licensesLowercaseTitle(words: readonly Word[], i: number, previous: Candidate | undefined): boolean {
  const before = words[i - 1];
  if (!before) return false;
  if (DETERMINERS.has(before.lower) || before.text === "'s" || before.text === ',') return true;
  // "Rural People's League (RPL-S) convener Tariq Mehmood Qureshi".
  if (before.text === ')' && previous !== undefined && previous.to === i - 1 && previous.type !== 'TITLE') return true;
  return previous !== undefined && previous.to === i && previous.type !== 'TITLE';
}

/**
 * Lower-case government bodies with their modifiers: "the federal cabinet", "PTI-led coalition government",
 * "support the government". Returns the first word of the phrase, or -1.
 */
function govbodyPhraseStart(words: readonly Word[], i: number, from: number, lex: Lexicon): number {
  let k = i;
  while (k - 1 >= from) {
    const w = words[k - 1]!;
    const modifier =
      lex.jurisdictionModifiers.has(w.lower) ||
      lex.neutralModifiers.has(w.lower) ||
      ledMatch(w.text) !== null ||
      (isAcronym(w) && lex.partyKeys.has(squeeze(w.text))) ||
      (isCapitalized(w) && lex.places.has(w.lower));
    if (!modifier) break;
    k--;
  }
  const before = words[k - 1];
  // "the cabinet", "Fernandez's government", "a debate in parliament", "arrested by police".
  if (k === i && !(before && (DETERMINERS.has(before.lower) || before.text === "'s" || BODY_PREPOSITIONS.has(before.lower)))) return -1;
  return k;
}

/** A capitalised verb of a headline in the present tense: "Endorses", "Slams", "Debunks" (not "Boss", "Paris" is a place). */
const HEADLINE_VERB = /^\p{Lu}\p{Ll}{2,}[^s'u]s$/u;

/** A capitalised word that in title case says nothing of a name: a common word, or a headline verb that is no given name. */
function titleCaseFiller(w: Word, lex: Lexicon): boolean {
  return lex.commonWords.has(w.lower) || lex.notNames.has(w.lower) || (HEADLINE_VERB.test(w.text) && !isGivenName(w.lower));
}

/**
 * A headline written in title case, as a sentence ("America Ferrera Sends Donald Trump A Message") or inside
 * quotation marks: at least three words, nearly none in lower case, and a capitalised common word or verb
 * after the first. There capitals are no evidence of a name.
 */
function isTitleCase(words: readonly Word[], from: number, to: number, lex: Lexicon): boolean {
  const alpha = words.slice(from, to).filter((w) => isAlphabetic(w));
  if (alpha.length < 3) return false;
  const lower = alpha.filter((w) => !isCapitalized(w)).length;
  return lower <= Math.floor(alpha.length / 10) && alpha.slice(1).some((w) => isCapitalized(w) && !isAcronym(w) && titleCaseFiller(w, lex));
}

/**
 * Per word: whether it lies in a title-case sentence, line or quotation. A headline line the segmenter ran into
 * the next one ("… Will Not Allow People To Die On The Street\nDonald Trump, who has …") is read by its line.
 */
function titleCaseWords(words: readonly Word[], ranges: readonly SentenceRange[], lex: Lexicon, newlineBefore: Uint8Array | undefined): Uint8Array {
  const caps = new Uint8Array(words.length);
  for (const { from, to } of ranges) {
    if (isTitleCase(words, from, to, lex)) {
      caps.fill(1, from, to);
      continue;
    }
    if (newlineBefore !== undefined) {
      let line = from;
      for (let k = from + 1; k <= to; k++) {
        if (k < to && newlineBefore[k] !== 1) continue;
        if (line > from || k < to) if (isTitleCase(words, line, k, lex)) caps.fill(1, line, k);
        line = k;
      }
    }
    for (let k = from; k < to; k++) {
      if (!words[k]!.inQuote) continue;
      let end = k;
      while (end < to && words[end]!.inQuote) end++;
      if (isTitleCase(words, k, end, lex)) caps.fill(1, k, end);
      k = end;
    }
  }
  return caps;
}

/**
 * Per word: a line break before it, where a name ends ("… On The Street" / "Donald Trump, who …", "Donald Trump" /
 * "MANCHESTER"). Not in hard-wrapped text, where lines break inside sentences: when a third of the lines or more
 * run on into a lower-case word.
 */
function lineBreaks(words: readonly Word[], text: string | undefined, newlineBefore: Uint8Array | undefined): Uint8Array {
  if (text === undefined || newlineBefore === undefined) return new Uint8Array(words.length);
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  const runOn = lines.filter((l, k) => k + 1 < lines.length && /[\p{L},]$/u.test(l.trimEnd()) && /^\s*\p{Ll}/u.test(lines[k + 1]!)).length;
  if (lines.length > 3 && runOn * 3 >= lines.length) return new Uint8Array(words.length);
  return newlineBefore;
}

/** Per word: a line break between it and the word before (read once; title-case lines and name ends both use it). */
function newlinesBefore(words: readonly Word[], text: string | undefined): Uint8Array | undefined {
  if (text === undefined) return undefined;
  const before = new Uint8Array(words.length);
  for (let k = 1; k < words.length; k++) if (text.slice(words[k - 1]!.span.end, words[k]!.span.start).includes('\n')) before[k] = 1;
  return before;
}

/** Rule mentions of a document's words; `text` (the document's) lets a headline line be read as one. */
export function findCandidates(words: readonly Word[], lex: Lexicon, datelineEnd: number, text?: string): Candidate[] {
  const out: Candidate[] = [];
  const ranges = sentenceRanges(words);
  const newlineBefore = newlinesBefore(words, text);
  const caps = titleCaseWords(words, ranges, lex, newlineBefore);
  const lineBreakBefore = lineBreaks(words, text, newlineBefore);
  // The words of people's names in running text, read before the title-case lines, where they say a capitalised
  // common word or verb is a name after all ("Jeb Bush" in the text: "Bush" of "Jeb Bush Says …").
  const bodyNameWords = new Set<string>();
  // In title case a name ends before a common word, a headline verb or a given name that the running text does
  // not use in a name and the lexicons do not know as a place, organisation or the head of one: "America Ferrera |
  // Sent | Donald Trump | A Message About Latinos".
  const breaksName = (k: number): boolean => {
    const w = words[k]!;
    if (bodyNameWords.has(w.lower) || lex.places.has(w.lower) || lex.organizations.has(w.lower) || isHead(w.lower, lex) || lex.nameConnectors.has(w.lower)) return false;
    if (lex.commonWords.has(w.lower) || lex.notNames.has(w.lower)) return true;
    const prev = words[k - 1];
    // After a given name a word ending in -s is a surname: "Jeff Sessions", "Bernie Sanders".
    if (HEADLINE_VERB.test(w.text)) return !isGivenName(w.lower) && !(prev !== undefined && isGivenName(prev.lower));
    // A given name after a word that is none opens the next name: "Hillary Clinton Bernie Sanders Debate".
    return prev !== undefined && caps[k - 1] === 1 && isGivenName(w.lower) && isCapitalized(prev) && !isGivenName(prev.lower) && !lex.honorificPrefixes.has(prev.text.replace(/\.$/u, ''));
  };
  const plain = ranges.filter((r) => caps[r.from] !== 1 || caps[r.to - 1] !== 1);
  const titled = ranges.filter((r) => !plain.includes(r));
  for (const range of plain) scanSentence(range);
  for (const c of out) if (c.type === 'PERSON') for (let k = c.nameFrom ?? c.from; k < (c.nameTo ?? c.to); k++) bodyNameWords.add(words[k]!.lower);
  for (const range of titled) scanSentence(range);
  // Title-case sentences were read last: back to text order (stable, so mentions starting on one word keep theirs).
  return titled.length > 0 ? out.sort((a, b) => a.from - b.from) : out;

  function scanSentence({ from, to }: SentenceRange): void {
    let i = from;
    // "PORT QASIMABAD -": the dateline's words name one place.
    let datelineTo = i;
    while (datelineTo < to && words[datelineTo]!.span.end <= datelineEnd && isAlphabetic(words[datelineTo]!)) datelineTo++;
    if (datelineTo > i) {
      out.push({ type: 'PLACE', from: i, to: datelineTo, span: spanOf(words, i, datelineTo), source: 'rule' });
      i = datelineTo;
    }
    while (i < to) {
      const w = words[i]!;
      const previous = out[out.length - 1];
      // "he would not rejoin the federal cabinet": resolved later by coreference.
      if (lex.pronouns.has(w.lower)) {
        out.push({ type: 'PRONOUN', from: i, to: i + 1, span: w.span, source: 'rule' });
        i++;
        continue;
      }
      // "Senior Deputy Convener Amir Khan", "the minister for law and justice".
      const title = isAlphabetic(w) ? officeAt(words, i, to, lex) : null;
      // A lower-case office counts where news writing introduces one, after a former marker ("then finance
      // minister"), or right before a name ("party chairman Ali Raza", "superintendent Ryu Sam-yeong").
      const named = title !== null && words[title.to] !== undefined && ((isNameWord(words[title.to]!, lex) && !words[title.to]!.opensClause) || (title.plural === true && lex.coordinationOpeners.has(words[title.to]!.lower)));
      if (title && (title.capitalized || title.former || named || licensesLowercaseTitle(words, i, previous))) {
        out.push({ type: 'TITLE', from: title.from, to: title.to, span: spanOf(words, title.from, title.to), title, source: 'rule' });
        i = title.to;
        continue;
      }
      if (lex.govbodyNouns.has(w.text)) {
        const start = govbodyPhraseStart(words, i, from, lex);
        if (start >= 0) {
          const first = words[start]!;
          // "the new police bureau": a lower-case head after the noun ends the body's name.
          const last = words[i + 1] !== undefined && words[i + 1]!.text === words[i + 1]!.lower && lex.govbodyHeads.has(words[i + 1]!.lower) ? i + 1 : i;
          // "PTI-led federal government": the phrase keeps the party; the party gets its own mention too.
          out.push({ type: 'GOVBODY', from: start, to: last + 1, span: { start: first.span.start, end: words[last]!.span.end }, source: 'rule' });
          i = last + 1;
          continue;
        }
      }
      // "the PTI-led federal government": the party is named inside the compound.
      const led = ledMatch(w.text);
      if (led && /^\p{Lu}/u.test(led[1]!)) {
        const prefix: Word = { ...w, text: led[1]!, lower: led[1]!.toLowerCase(), span: { start: w.span.start, end: w.span.start + led[1]!.length } };
        const typed = isAcronym(prefix) ? typeOfAcronym(prefix, lex) : null;
        if (typed) out.push({ type: typed.type, from: i, to: i + 1, span: prefix.span, source: typed.source, ...(typed.partyKey ? { partyKey: typed.partyKey } : {}) });
        i++;
        continue;
      }
      // "both MQM-P and PTI could not resolve differences"; an all-capitals headline word ("TALKS") is no acronym.
      if (isAcronym(w) && !(w.opensClause && lex.commonWords.has(w.lower) && w.text.length > 3)) {
        const typed = typeOfAcronym(w, lex);
        if (typed) out.push({ type: typed.type, from: i, to: i + 1, span: w.span, source: typed.source, ...(typed.partyKey ? { partyKey: typed.partyKey } : {}) });
        i++;
        continue;
      }
      if (!isNameWord(w, lex) && !(isCapitalized(w) && lex.honorificPrefixes.has(w.text.replace(/\.$/u, '')))) {
        i++;
        continue;
      }
      if (caps[i] === 1 && titleCaseFiller(w, lex) && breaksName(i)) {
        i++;
        continue;
      }
      // A capitalised common word that opens a sentence or quote is not a name: "Hours after the meeting…";
      // unless it opens an organisation's name: "Working People's Alliance (WPA) convener…".
      if (w.opensClause && (lex.commonWords.has(w.lower) || lex.notNames.has(w.lower)) && !lex.honorificPrefixes.has(w.text)) {
        const chunkEnd = nameChunkEnd(words, i, to, lex);
        if (chunkEnd - i < 2 || !isHead(words[chunkEnd - 1]!.lower, lex) || w.text === 'The') {
          i++;
          continue;
        }
      }
      // "The Muttahida Qaumi Movement - Pakistan": an article is not part of the name.
      if (w.text === 'The' || w.text === 'A' || w.text === 'An') {
        i++;
        continue;
      }
      let chunkEnd = nameChunkEnd(words, i, to, lex);
      if (caps[i] === 1) for (let k = i + 1; k < chunkEnd; k++) if (caps[k] === 1 && breaksName(k)) { chunkEnd = k; break; }
      for (let k = i + 1; k < chunkEnd; k++) if (lineBreakBefore[k] === 1) { chunkEnd = k; break; }
      // "Chief Minister Sindh Murad Ali Shah", "Chief Justice of Pakistan Gulzar Ahmed": the office's place
      // comes between the office and the name.
      const afterOffice = previous?.type === 'TITLE' && previous.title!.capitalized && (previous.to === i || (previous.to === i - 1 && words[i - 1]!.lower === 'of'));
      const placeLength = afterOffice ? placeAt(words, i, chunkEnd, lex) : 0;
      if (placeLength > 0 && chunkEnd - i - placeLength >= 2) {
        out.push({ type: 'PLACE', from: i, to: i + placeLength, span: spanOf(words, i, i + placeLength), source: 'gazetteer' });
        i += placeLength;
        continue;
      }
      // "the Ted Cruz South Carolina victory party": a person's name run into a place the gazetteer knows ends there.
      const placeTail = chunkEnd - i >= 4 ? placeEnding(words, i + 2, chunkEnd, lex) : -1;
      if (placeTail > 0 && typeOfChunk(words, i, placeTail, lex)?.type === 'PERSON') chunkEnd = placeTail;
      const typed = typeOfChunk(words, i, chunkEnd, lex);
      if (typed) {
        out.push({
          type: typed.type === 'SINGLE' ? 'PERSON' : typed.type,
          from: i,
          to: chunkEnd,
          // "Mr Ali Raza": the mention is the name; the honorific stays in the actor's aliases.
          span: typed.nameFrom !== undefined ? spanOf(words, typed.nameFrom, typed.nameTo!) : spanOf(words, i, chunkEnd),
          source: typed.source,
          ...(typed.partyKey ? { partyKey: typed.partyKey } : {}),
          ...(typed.nameFrom !== undefined ? { nameFrom: typed.nameFrom, nameTo: typed.nameTo! } : {}),
          ...(typed.type === 'SINGLE' ? { single: true } : {}),
        });
      }
      i = chunkEnd;
    }
  }
}

/** "rubio's" → "rubio", "jesus'" → "jesus" (word texts have straight quotes, see words.ts). */
export function withoutPossessive(lower: string): string {
  return lower.endsWith("'s") ? lower.slice(0, -2) : lower.endsWith("s'") ? lower.slice(0, -1) : lower;
}

/**
 * Keeps a lone capitalised word when the document says what it is: part of a person's full name
 * ("Siddiqui" after "Khalid Maqbool Siddiqui"), a name after an office ("Prime Minister Imran"), or a place
 * after a preposition ("visited the headquarters in Bahadurabad"), or a name the tagger found.
 */
export function resolveSingles(
  candidates: Candidate[],
  words: readonly Word[],
  lex: Lexicon,
  modelType: (word: number) => ActorType | undefined = () => undefined,
): Candidate[] {
  const personWords = new Set<string>();
  for (const c of candidates) {
    if (c.type === 'PERSON' && !c.single) for (let k = c.nameFrom ?? c.from; k < (c.nameTo ?? c.to); k++) personWords.add(withoutPossessive(words[k]!.lower));
  }
  const kept: Candidate[] = [];
  candidates.forEach((c, n) => {
    if (!c.single) {
      kept.push(c);
      return;
    }
    const word = words[c.nameFrom ?? c.from]!;
    const before = candidates[n - 1];
    const afterTitle = before?.type === 'TITLE' && before.to === c.from && before.title!.capitalized;
    // "from Rubio's party" beside "Marco Rubio": the possessive of a person's name word is that person.
    if (personWords.has(withoutPossessive(word.lower)) || afterTitle || c.nameFrom !== c.from || c.nameTo !== c.to) {
      kept.push({ ...c, single: false });
      return;
    }
    const prep = words[c.from - 1];
    const common = lex.commonWords.has(word.lower) || lex.notNames.has(word.lower);
    const tagged = modelType(c.from);
    if (tagged !== undefined) kept.push({ ...c, type: tagged, single: false, source: 'model' });
    else if (prep && lex.placePrepositions.has(prep.lower) && !common) kept.push({ ...c, type: 'PLACE', single: false });
  });
  return kept;
}
