import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/**
 * wink-nlp for the segmenter, reading every document as a fresh instance would.
 *
 * wink keeps each out-of-vocabulary token it reads in its lexicon, for every later document, and its tokenizer
 * takes a piece of text it finds there whole. So once one article has "except Rubio’s, Federal …" (where wink
 * keeps "Rubio’s" as one token), every later "Marco Rubio’s speech" is one token too, not "Rubio" + "’s": the
 * tokens of an article depended on what the process had read before it, and on which worker read it. Here the
 * lexemes a document added are forgotten (taken out of the lexicon's lookup hash) when it is done, so each
 * document is tokenized by the model alone. Forgotten lexemes stay in wink's internal arrays (it has no way to
 * remove them), so the instance is rebuilt from the model when they add up (about 90 ms, every few hundred
 * articles). Hand-written: wink has no option to keep documents apart.
 */

interface Lexemes {
  hash: Record<string, number>;
  list: string[];
  intrinsicSize: number;
}

/** Lexemes forgotten before the instance is rebuilt (each keeps a string and a few numbers alive in wink). */
let rebuildAfter = 200_000;

/** Sets how many forgotten lexemes make the next document rebuild the instance (tests use a small number). */
export function setRebuildLimit(lexemes: number): void {
  rebuildAfter = lexemes;
}

type Wink = ReturnType<typeof winkNLP>;

let lexemes: Lexemes | undefined;
let nlp: Wink | undefined;

function instance(rebuildIfFull: boolean): Wink {
  if (!nlp || (rebuildIfFull && lexemes!.list.length - lexemes!.intrinsicSize > rebuildAfter)) {
    // The core model is read afresh for each instance (wink copies it); keep its lexeme table to forget from.
    // wink's types leave the core model opaque; its lexeme table is this shape (wink-nlp src/cache.js).
    const readCore = (model as unknown as { core: () => { features: { lexeme: Lexemes } } }).core;
    const core = (): unknown => {
      const m = readCore();
      lexemes = m.features.lexeme;
      return m;
    };
    nlp = winkNLP({ ...model, core }, ['sbd', 'pos']);
  }
  return nlp;
}

/** wink's `its` helpers (the same object for every instance). */
export const its = instance(false).its;

/** wink's reading of a text, inside oneDocument. */
export function readDoc(text: string): ReturnType<Wink['readDoc']> {
  return instance(false).readDoc(text);
}

/**
 * Runs `read` (which reads one document's texts with readDoc), then forgets every lexeme wink added meanwhile:
 * what one document teaches wink does not change how the next one is tokenized.
 */
export function oneDocument<T>(read: () => T): T {
  instance(true);
  const table = lexemes!;
  const mark = table.list.length;
  try {
    return read();
  } finally {
    for (let k = mark; k < table.list.length; k++) {
      const text = table.list[k]!;
      if (table.hash[text] === k) delete table.hash[text];
    }
  }
}
