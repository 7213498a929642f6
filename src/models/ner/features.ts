/**
 * Features of one token for the named-entity tagger: the word, its shape and affixes, its neighbours, lexicon
 * and gazetteer membership, and the tags already given to the two tokens before it.
 */

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
}

const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032]/gu;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u00AB\u00BB]/gu;
const DASHES = /[\u2010-\u2015\u2212]/gu;

/** The form the tagger sees: straight quotes, plain dashes. */
export function taggerForm(token: string): string {
  return token.replace(SINGLE_QUOTES, "'").replace(DOUBLE_QUOTES, '"').replace(DASHES, '-');
}

/** "Bhutto" → "Xx", "MQM" → "X", "2018" → "d", "U.N." → "X.X.": character classes with runs squeezed. */
export function wordShape(word: string): string {
  let shape = '';
  let last = '';
  for (const ch of word) {
    const c = /\p{Lu}/u.test(ch) ? 'X' : /\p{Ll}/u.test(ch) ? 'x' : /\p{N}/u.test(ch) ? 'd' : ch;
    if (c !== last) shape += c;
    last = c;
  }
  return shape;
}

/** Static features of every token of a sentence (everything but the previous tags), computed once. */
export function sentenceFeatures(tokens: readonly string[], lex: FeatureLexicon): string[][] {
  const forms = tokens.map(taggerForm);
  const lower = forms.map((f) => f.toLowerCase());
  const shapes = forms.map(wordShape);
  const at = (k: number, arr: readonly string[], edge: string) => (k < 0 ? edge : k >= arr.length ? edge : arr[k]!);
  return forms.map((w, i) => {
    const l = lower[i]!;
    const f = [
      'b',
      `w=${l}`,
      `s=${shapes[i]}`,
      `p3=${l.slice(0, 3)}`,
      `x2=${l.slice(-2)}`,
      `x3=${l.slice(-3)}`,
      `x4=${l.slice(-4)}`,
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
    if (w !== l) f.push(`cased=${l}`);
    const next = at(i + 1, lower, '');
    const prev = at(i - 1, lower, '');
    if (lex.places.has(l)) f.push('g=place');
    if (lex.places.has(`${l} ${next}`) || lex.places.has(`${prev} ${l}`)) f.push('g=place2');
    if (lex.organizations.has(l)) f.push('g=org');
    if (lex.commonWords.has(l)) f.push('g=common');
    if (lex.honorificPrefixes.has(w) || lex.honorificPrefixes.has(w.replace(/\.$/u, ''))) f.push('g=honorific');
    if (lex.honorificPrefixes.has(at(i - 1, forms, '').replace(/\.$/u, ''))) f.push('g=after-honorific');
    if (lex.titleHeads.has(l)) f.push('g=title');
    if (lex.titleHeads.has(prev) || lex.titleModifiers.has(prev)) f.push('g=after-title');
    if (lex.partyKeys.has(l)) f.push('g=party');
    if (lex.orgHeads.has(l)) f.push('g=orghead');
    if (lex.govbodyHeads.has(l)) f.push('g=govhead');
    if (lex.partyHeads.has(l)) f.push('g=partyhead');
    if (lex.orgHeads.has(next) || lex.govbodyHeads.has(next) || lex.partyHeads.has(next)) f.push('g=before-orghead');
    if (lex.temporal.has(l)) f.push('g=temporal');
    return f;
  });
}

/** Features that depend on the tags given so far. */
export function historyFeatures(prev1: string, prev2: string, staticFeatures: readonly string[]): string[] {
  return [`t-1=${prev1}`, `t-2t-1=${prev2}|${prev1}`, `t-1|${staticFeatures[2]}`, `t-1|${staticFeatures[1]}`];
}
