/**
 * A learned cue model: the probability that a verb or noun is the head of an attribution cue in PolNeAR's
 * sense ("criticized the Act", "called for …", "the report found …", "Trump's claim that …"), from its form,
 * a crude stem, its tag and its neighbours. Logistic regression over sparse features, trained on the PolNeAR
 * train split by scripts/train-polnear-cue-model.ts (weights in cue-model.json). The training script and this
 * module share `cueFeatures`, so the features are the same at training and at run time.
 */
import { existsSync, readFileSync } from 'node:fs';
import { packagePath } from '../../package-path.js';
import type { Word } from './clauses.js';

/** Tags a cue head may have. */
export const CUE_HEAD_POS = new Set(['VERB', 'NOUN']);

const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', "'s", "'re", 'am']);

/** "criticized" → "critic", "says" → "say": a crude stem that joins a verb's forms (not a lemma). */
export function crudeStem(lower: string): string {
  const w = lower.replace(/'s$/u, '');
  if (w.length > 5 && w.endsWith('ing')) return w.slice(0, -3).replace(/(.)\1$/u, '$1');
  if (w.length > 4 && w.endsWith('ied')) return w.slice(0, -3) + 'y';
  if (w.length > 4 && w.endsWith('ies')) return w.slice(0, -3) + 'y';
  if (w.length > 4 && w.endsWith('ed')) return w.slice(0, -2).replace(/(.)\1$/u, '$1').replace(/e$/u, '');
  if (w.length > 4 && /(?:ss|sh|ch|x)es$/u.test(w)) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1).replace(/e$/u, '');
  return w.replace(/e$/u, '');
}

/** The sparse features of word k as a cue head. */
export function cueFeatures(words: readonly Word[], k: number): string[] {
  const w = words[k]!;
  const s = crudeStem(w.lower);
  const p1 = words[k - 1];
  const p2 = words[k - 2];
  const n1 = words[k + 1];
  const n2 = words[k + 2];
  let thatSoon = false;
  for (let j = k + 1; j < Math.min(words.length, k + 5); j++) if (words[j]!.lower === 'that') thatSoon = true;
  let quoteAfter = false;
  for (let j = k + 1; j < Math.min(words.length, k + 4); j++) if (/^["\u201C\u201D]$/u.test(words[j]!.lower) || words[j]!.lower === "''") quoteAfter = true;
  const passive = p1 !== undefined && BE.has(p1.lower);
  const f = [
    'b',
    `w=${w.lower}`,
    `s=${s}`,
    `p=${w.pos}`,
    `sp=${s}|${w.pos}`,
    `n1=${n1?.lower ?? '</s>'}`,
    `n1p=${n1?.pos ?? '</s>'}`,
    `n2p=${n2?.pos ?? '</s>'}`,
    `s_n1=${s}|${n1?.lower ?? '</s>'}`,
    `s_n1p=${s}|${n1?.pos ?? '</s>'}`,
    `s_n2=${s}|${n1?.lower ?? '</s>'}|${n2?.lower ?? '</s>'}`,
    `p1=${p1?.lower ?? '<s>'}`,
    `p1p=${p1?.pos ?? '<s>'}`,
    `s_p1p=${s}|${p1?.pos ?? '<s>'}`,
    `s_p1=${s}|${p1?.lower ?? '<s>'}`,
    `p2p=${p2?.pos ?? '<s>'}`,
    `that=${thatSoon}`,
    `s_that=${s}|${thatSoon}`,
    `s_q=${s}|${quoteAfter}`,
    `s_pass=${s}|${passive}`,
    `cap=${k > 0 && /^\p{Lu}/u.test(w.original)}`,
    `s_end=${s}|${n1 === undefined || /^[.!?]$/u.test(n1.lower)}`,
    `s_n12p=${s}|${n1?.pos ?? '</s>'}|${n2?.pos ?? '</s>'}`,
    `p12p=${p2?.pos ?? '<s>'}|${p1?.pos ?? '<s>'}`,
    `s_subj=${s}|${subjectBefore(words, k)}`,
    `s_comma=${s}|${p1?.lower === ',' || p2?.lower === ','}`,
  ];
  return f;
}

/** The tag of the word before the head, past auxiliaries and adverbs ("Clinton has repeatedly criticized" → PROPN). */
function subjectBefore(words: readonly Word[], k: number): string {
  let j = k - 1;
  while (j >= 0 && (words[j]!.pos === 'AUX' || words[j]!.pos === 'ADV' || words[j]!.pos === 'PART')) j--;
  return j < 0 ? '<s>' : words[j]!.pos;
}

export interface CueModelFile {
  $comment: string;
  threshold: number;
  weights: Record<string, number>;
  /** Lemmas (compromise's infinitive) of forms seen as cue heads in train, for cueType. */
  lemmas: Record<string, string>;
}

let cached: { weights: ReadonlyMap<string, number>; lemmas: ReadonlyMap<string, string>; threshold: number } | null | undefined;

function model() {
  if (cached === undefined) {
    const file = packagePath('src/stages/statements/cue-model.json');
    if (!existsSync(file)) cached = null;
    else {
      const m = JSON.parse(readFileSync(file, 'utf8')) as CueModelFile;
      cached = { weights: new Map(Object.entries(m.weights)), lemmas: new Map(Object.entries(m.lemmas)), threshold: m.threshold };
    }
  }
  return cached;
}

export function scoreFeatures(weights: ReadonlyMap<string, number>, features: readonly string[]): number {
  let z = 0;
  for (const f of features) z += weights.get(f) ?? 0;
  return 1 / (1 + Math.exp(-z));
}

/** The probability that word k heads a cue; 0 for words that cannot (wrong tag, no model). */
export function cueProbability(words: readonly Word[], k: number): number {
  const m = model();
  if (!m || !CUE_HEAD_POS.has(words[k]!.pos)) return 0;
  return scoreFeatures(m.weights, cueFeatures(words, k));
}

/** Word k is a cue head by the model's decision threshold. */
export function isModelCue(words: readonly Word[], k: number, threshold?: number): boolean {
  const m = model();
  return m !== null && m !== undefined && cueProbability(words, k) >= (threshold ?? m.threshold);
}

/** The lemma of a cue head form, as learned ("criticized" → "criticize"), else its crude stem. */
export function modelLemma(lower: string): string {
  return model()?.lemmas.get(lower) ?? crudeStem(lower);
}
