/**
 * Features of one token for the named-entity tagger: the word, its shape and affixes, its neighbours, lexicon
 * and gazetteer membership, and the tags already given to the two tokens before it.
 */

import type { WordClass } from './word-classes.js';

/** Word lists the tagger consults; the actors stage's lexicon and gazetteer provide them. */
export interface FeatureLexicon {
  places: ReadonlySet<string>;
  organizations: ReadonlySet<string>;
  commonWords: ReadonlySet<string>;
  honorificPrefixes: ReadonlySet<string>;
  titleHeads: ReadonlySet<string>;
  titleModifiers: ReadonlySet<string>;
  partyKeys: ReadonlyMap<string, string>;
  orgHeads: ReadonlySet<string>;
  govbodyHeads: ReadonlySet<string>;
  partyHeads: ReadonlySet<string>;
  temporal: ReadonlySet<string>;
  /** Word classes from unannotated text (word-classes.ts); without them the tagger has no class features. */
  wordClasses?: ReadonlyMap<string, WordClass>;
}

const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032]/gu;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u00AB\u00BB]/gu;
const DASHES = /[\u2010-\u2015\u2212]/gu;
const NON_ASCII = /[^\x00-\x7F]/;

/** The form the tagger sees: straight quotes, plain dashes. */
export function taggerForm(token: string): string {
  // Every character replaced is outside ASCII; most tokens have none.
  if (!NON_ASCII.test(token)) return token;
  return token.replace(SINGLE_QUOTES, "'").replace(DOUBLE_QUOTES, '"').replace(DASHES, '-');
}

/** "Bhutto" → "Xx", "MQM" → "X", "2018" → "d", "U.N." → "X.X.": character classes with runs squeezed. */
export function wordShape(word: string): string {
  let shape = '';
  let last = '';
  for (const ch of word) {
    const code = ch.charCodeAt(0);
    // ASCII by code, the rest by Unicode class: the shape is computed for every token, so the common case is cheap.
    const c =
      code >= 65 && code <= 90 ? 'X'
      : code >= 97 && code <= 122 ? 'x'
      : code >= 48 && code <= 57 ? 'd'
      : code < 128 ? ch
      : /\p{Lu}/u.test(ch) ? 'X'
      : /\p{Ll}/u.test(ch) ? 'x'
      : /\p{N}/u.test(ch) ? 'd'
      : ch;
    if (c !== last) shape += c;
    last = c;
  }
  return shape;
}

/** Features of a word on its own, the same wherever it occurs; the model caches their summed weights per word. */
export function wordFeatures(form: string, lex: FeatureLexicon): string[] {
  const l = form.toLowerCase();
  const f = [`w=${l}`, `s=${wordShape(form)}`, `p3=${l.slice(0, 3)}`, `x2=${l.slice(-2)}`, `x3=${l.slice(-3)}`, `x4=${l.slice(-4)}`];
  if (form !== l) f.push(`cased=${l}`);
  if (lex.places.has(l)) f.push('g=place');
  if (lex.organizations.has(l)) f.push('g=org');
  if (lex.commonWords.has(l)) f.push('g=common');
  if (lex.honorificPrefixes.has(form) || lex.honorificPrefixes.has(form.replace(/\.$/u, ''))) f.push('g=honorific');
  if (lex.titleHeads.has(l)) f.push('g=title');
  if (lex.partyKeys.has(l)) f.push('g=party');
  if (lex.orgHeads.has(l)) f.push('g=orghead');
  if (lex.govbodyHeads.has(l)) f.push('g=govhead');
  if (lex.partyHeads.has(l)) f.push('g=partyhead');
  if (lex.temporal.has(l)) f.push('g=temporal');
  const c = lex.wordClasses?.get(l);
  if (c) f.push(`c=${c.fine}`, `cc=${c.coarse}`);
  return f;
}

/** A sentence as the tagger reads it: normalized forms, lower case, shapes. */
export interface TaggerSentence {
  forms: string[];
  lower: string[];
  shapes: string[];
}

export function taggerSentence(tokens: readonly string[]): TaggerSentence {
  const forms = tokens.map(taggerForm);
  return { forms, lower: forms.map((f) => f.toLowerCase()), shapes: forms.map(wordShape) };
}

/** Features of the token at `i` that depend on its neighbours. */
export function contextFeatures(s: TaggerSentence, i: number, lex: FeatureLexicon): string[] {
  const { forms, lower, shapes } = s;
  const at = (k: number, arr: readonly string[], edge: string) => (k < 0 || k >= arr.length ? edge : arr[k]!);
  const l = lower[i]!;
  const f = [
    'b',
    `w-1=${at(i - 1, lower, '<s>')}`,
    `w+1=${at(i + 1, lower, '</s>')}`,
    `w-2=${at(i - 2, lower, '<s>')}`,
    `w+2=${at(i + 2, lower, '</s>')}`,
    `s-1=${at(i - 1, shapes, '<s>')}`,
    `s+1=${at(i + 1, shapes, '</s>')}`,
    `s-1s+1=${at(i - 1, shapes, '<s>')}|${shapes[i]}|${at(i + 1, shapes, '</s>')}`,
    `w-1w=${at(i - 1, lower, '<s>')}|${l}`,
    `ww+1=${l}|${at(i + 1, lower, '</s>')}`,
  ];
  if (i === 0) f.push(`first|s=${shapes[i]}`);
  const next = at(i + 1, lower, '');
  const prev = at(i - 1, lower, '');
  if (lex.places.has(`${l} ${next}`) || lex.places.has(`${prev} ${l}`)) f.push('g=place2');
  if (lex.honorificPrefixes.has(at(i - 1, forms, '').replace(/\.$/u, ''))) f.push('g=after-honorific');
  if (lex.titleHeads.has(prev) || lex.titleModifiers.has(prev)) f.push('g=after-title');
  if (lex.orgHeads.has(next) || lex.govbodyHeads.has(next) || lex.partyHeads.has(next)) f.push('g=before-orghead');
  const prevClass = lex.wordClasses?.get(prev);
  const nextClass = lex.wordClasses?.get(next);
  if (prevClass) f.push(`c-1=${prevClass.fine}`);
  if (nextClass) f.push(`c+1=${nextClass.fine}`);
  return f;
}

/** Every static feature (all but the previous tags) of every token of a sentence, for training. */
export function sentenceFeatures(tokens: readonly string[], lex: FeatureLexicon): string[][] {
  const s = taggerSentence(tokens);
  return s.forms.map((form, i) => [...wordFeatures(form, lex), ...contextFeatures(s, i, lex)]);
}

/** Features that depend on the tags given so far. */
export function historyFeatures(prev1: string, prev2: string, lower: string, shape: string): string[] {
  return [`t-1=${prev1}`, `t-2t-1=${prev2}|${prev1}`, `t-1|s=${prev1}|${shape}`, `t-1|w=${prev1}|${lower}`];
}
