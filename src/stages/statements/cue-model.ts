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
  return features(words, k, true);
}

/** cueFeatures without the features that name the stem (templates in STEM_TEMPLATES), in the same order. */
function baseCueFeatures(words: readonly Word[], k: number): string[] {
  return features(words, k, false);
}

function features(words: readonly Word[], k: number, withStem: boolean): string[] {
  const w = words[k]!;
  const p1 = words[k - 1];
  const p2 = words[k - 2];
  const n1 = words[k + 1];
  const n2 = words[k + 2];
  let thatSoon = false;
  for (let j = k + 1; j < Math.min(words.length, k + 5); j++) if (words[j]!.lower === 'that') thatSoon = true;
  if (!withStem) {
    return [
      'b',
      `w=${w.lower}`,
      `p=${w.pos}`,
      `n1=${n1?.lower ?? '</s>'}`,
      `n1p=${n1?.pos ?? '</s>'}`,
      `n2p=${n2?.pos ?? '</s>'}`,
      `p1=${p1?.lower ?? '<s>'}`,
      `p1p=${p1?.pos ?? '<s>'}`,
      `p2p=${p2?.pos ?? '<s>'}`,
      `that=${thatSoon}`,
      `cap=${k > 0 && /^\p{Lu}/u.test(w.original)}`,
      `p12p=${p2?.pos ?? '<s>'}|${p1?.pos ?? '<s>'}`,
    ];
  }
  const s = crudeStem(w.lower);
  let quoteAfter = false;
  for (let j = k + 1; j < Math.min(words.length, k + 4); j++) if (/^["\u201C\u201D]$/u.test(words[j]!.lower) || words[j]!.lower === "''") quoteAfter = true;
  const passive = p1 !== undefined && BE.has(p1.lower);
  // The order is the trained one; the base list above is this list without the stem templates.
  return [
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

interface LoadedCueModel {
  weights: ReadonlyMap<string, number>;
  lemmas: ReadonlyMap<string, string>;
  threshold: number;
  /** logit(threshold): p ≥ threshold exactly when z ≥ this (up to rounding, see isModelCue). */
  zThreshold: number;
  /**
   * For each stem, an upper bound on what the features that name it can add to z: per feature template, the
   * largest positive weight of a key that may hold that stem. A key whose part after "=" contains "|" counts for
   * every prefix ending before a "|" too, so a stem that itself contains "|" is never under-bounded.
   */
  stemBound: ReadonlyMap<string, number>;
  /** The weights by template, then by the parts of the value between its "|"s (see KeyNode). */
  templates: TemplateNodes;
  /**
   * The features of STEM_TEMPLATES by stem first, then template, then the rest of the value: one lookup of the
   * stem in a large map, then small ones, instead of a large-map lookup of the stem for each of 14 templates.
   */
  stems: Map<string, KeyNode>;
}

/**
 * The weights as a tree: template ("s_n1"), then each part of the value split at "|" ("criticiz", "the").
 * Scoring walks it with the word's own strings instead of building each feature's name and hashing it, which
 * was most of the stage's allocation. A value part that itself contains "|" cannot be found this way, so a
 * word whose neighbourhood has one is scored through the names (cueLogit checks).
 */
interface KeyNode {
  weight: number;
  children: Map<string, KeyNode> | undefined;
}

function keyTree(weights: ReadonlyMap<string, number>): KeyNode {
  const root: KeyNode = { weight: 0, children: new Map() };
  const child = (node: KeyNode, part: string): KeyNode => {
    node.children ??= new Map();
    let next = node.children.get(part);
    if (!next) node.children.set(part, (next = { weight: 0, children: undefined }));
    return next;
  };
  for (const [key, weight] of weights) {
    const eq = key.indexOf('=');
    if (eq < 0) {
      child(root, key).weight = weight;
      continue;
    }
    let node = child(root, key.slice(0, eq));
    for (const part of key.slice(eq + 1).split('|')) node = child(node, part);
    node.weight = weight;
  }
  return root;
}

/** The weight of the feature under `node` with value a (a|b, a|b|c); 0 for a feature the model lacks. */
function w1(node: KeyNode | undefined, a: string): number {
  return node?.children?.get(a)?.weight ?? 0;
}
function w2(node: KeyNode | undefined, a: string, b: string): number {
  return node?.children?.get(a)?.children?.get(b)?.weight ?? 0;
}

const TEMPLATES = ['w', 'p', 'n1', 'n1p', 'n2p', 'p1', 'p1p', 'p2p', 'that', 'cap', 'p12p'] as const;
/** The tree's node of each template that does not name the stem, and the bias weight, looked up once. */
type TemplateNodes = { [T in (typeof TEMPLATES)[number]]: KeyNode | undefined } & { b: number };

function stemTree(tree: KeyNode): Map<string, KeyNode> {
  const stems = new Map<string, KeyNode>();
  for (const template of STEM_TEMPLATES) {
    for (const [stem, node] of tree.children?.get(template)?.children ?? []) {
      let byTemplate = stems.get(stem);
      if (!byTemplate) stems.set(stem, (byTemplate = { weight: 0, children: new Map() }));
      byTemplate.children!.set(template, node);
    }
  }
  return stems;
}

/** The node of `template` under a stem's node (stemTree). */
function under(stem: KeyNode | undefined, template: string): KeyNode | undefined {
  return stem?.children?.get(template);
}

function templateNodes(tree: KeyNode): TemplateNodes {
  const nodes = { b: tree.children?.get('b')?.weight ?? 0 } as TemplateNodes;
  for (const t of TEMPLATES) nodes[t] = tree.children?.get(t);
  return nodes;
}

/**
 * The logit of `features(words, k, withStem)`: the same weights added in the same order (so the same number),
 * read through the key tree. undefined where a word involved contains "|" (the caller then uses the names).
 */
function cueLogit(m: LoadedCueModel, words: readonly Word[], k: number, withStem: boolean): number | undefined {
  const w = words[k]!;
  const p1 = words[k - 1];
  const p2 = words[k - 2];
  const n1 = words[k + 1];
  const n2 = words[k + 2];
  if (w.lower.includes('|') || p1?.lower.includes('|') || n1?.lower.includes('|') || n2?.lower.includes('|')) return undefined;
  let thatSoon = false;
  for (let j = k + 1; j < Math.min(words.length, k + 5); j++) if (words[j]!.lower === 'that') thatSoon = true;
  const t = m.templates;
  const n1l = n1?.lower ?? '</s>';
  const n1p = n1?.pos ?? '</s>';
  const n2p = n2?.pos ?? '</s>';
  const p1l = p1?.lower ?? '<s>';
  const p1p = p1?.pos ?? '<s>';
  const p2p = p2?.pos ?? '<s>';
  const that = thatSoon ? 'true' : 'false';
  const cap = k > 0 && /^\p{Lu}/u.test(w.original) ? 'true' : 'false';
  let z = 0;
  if (!withStem) {
    z += t.b;
    z += w1(t.w, w.lower);
    z += w1(t.p, w.pos);
    z += w1(t.n1, n1l);
    z += w1(t.n1p, n1p);
    z += w1(t.n2p, n2p);
    z += w1(t.p1, p1l);
    z += w1(t.p1p, p1p);
    z += w1(t.p2p, p2p);
    z += w1(t.that, that);
    z += w1(t.cap, cap);
    z += w2(t.p12p, p2p, p1p);
    return z;
  }
  const s = crudeStem(w.lower);
  let quoteAfter = false;
  for (let j = k + 1; j < Math.min(words.length, k + 4); j++) if (/^["\u201C\u201D]$/u.test(words[j]!.lower) || words[j]!.lower === "''") quoteAfter = true;
  const passive = p1 !== undefined && BE.has(p1.lower);
  const end = n1 === undefined || /^[.!?]$/u.test(n1.lower);
  const comma = p1?.lower === ',' || p2?.lower === ',';
  const st = m.stems.get(s);
  z += t.b;
  z += w1(t.w, w.lower);
  z += under(st, 's')?.weight ?? 0;
  z += w1(t.p, w.pos);
  z += w1(under(st, 'sp'), w.pos);
  z += w1(t.n1, n1l);
  z += w1(t.n1p, n1p);
  z += w1(t.n2p, n2p);
  z += w1(under(st, 's_n1'), n1l);
  z += w1(under(st, 's_n1p'), n1p);
  z += w2(under(st, 's_n2'), n1l, n2?.lower ?? '</s>');
  z += w1(t.p1, p1l);
  z += w1(t.p1p, p1p);
  z += w1(under(st, 's_p1p'), p1p);
  z += w1(under(st, 's_p1'), p1l);
  z += w1(t.p2p, p2p);
  z += w1(t.that, that);
  z += w1(under(st, 's_that'), that);
  z += w1(under(st, 's_q'), quoteAfter ? 'true' : 'false');
  z += w1(under(st, 's_pass'), passive ? 'true' : 'false');
  z += w1(t.cap, cap);
  z += w1(under(st, 's_end'), end ? 'true' : 'false');
  z += w2(under(st, 's_n12p'), n1p, n2p);
  z += w2(t.p12p, p2p, p1p);
  z += w1(under(st, 's_subj'), subjectBefore(words, k));
  z += w1(under(st, 's_comma'), comma ? 'true' : 'false');
  return z;
}

let cached: LoadedCueModel | null | undefined;

/** The templates of cueFeatures whose value starts with the stem (all but `w=`, `p=`, the neighbours, `that=`, `cap=`). */
const STEM_TEMPLATES = new Set(['s', 'sp', 's_n1', 's_n1p', 's_n2', 's_p1p', 's_p1', 's_that', 's_q', 's_pass', 's_end', 's_n12p', 's_subj', 's_comma']);

function stemBounds(weights: ReadonlyMap<string, number>): Map<string, number> {
  const best = new Map<string, Map<string, number>>();
  for (const [key, weight] of weights) {
    if (weight <= 0) continue;
    const eq = key.indexOf('=');
    const template = key.slice(0, eq);
    if (eq < 0 || !STEM_TEMPLATES.has(template)) continue;
    const value = key.slice(eq + 1);
    const stems = new Set([value]);
    for (let i = value.indexOf('|'); i >= 0; i = value.indexOf('|', i + 1)) stems.add(value.slice(0, i));
    for (const stem of stems) {
      let perTemplate = best.get(stem);
      if (!perTemplate) best.set(stem, perTemplate = new Map());
      perTemplate.set(template, Math.max(perTemplate.get(template) ?? 0, weight));
    }
  }
  const bound = new Map<string, number>();
  for (const [stem, perTemplate] of best) bound.set(stem, [...perTemplate.values()].reduce((a, b) => a + b, 0));
  return bound;
}

function model() {
  if (cached === undefined) {
    const file = packagePath('src/stages/statements/cue-model.json');
    if (!existsSync(file)) cached = null;
    else {
      const m = JSON.parse(readFileSync(file, 'utf8')) as CueModelFile;
      const weights = new Map(Object.entries(m.weights));
      const zThreshold = Math.log(m.threshold / (1 - m.threshold));
      const tree = keyTree(weights);
      cached = { weights, lemmas: new Map(Object.entries(m.lemmas)), threshold: m.threshold, zThreshold, stemBound: stemBounds(weights), templates: templateNodes(tree), stems: stemTree(tree) };
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
  const z = cueLogit(m, words, k, true);
  return z === undefined ? scoreFeatures(m.weights, cueFeatures(words, k)) : 1 / (1 + Math.exp(-z));
}

/**
 * Word k is a cue head by the model's decision threshold. Most verbs and nouns are far from it: their stem-free
 * features plus the largest the stem's features could add stay below the threshold's logit, and they are
 * rejected without building the stem features. Only a word that could pass is scored in full, by
 * cueProbability, so every decision is the one the full score gives (the margin covers rounding in the bound).
 */
export function isModelCue(words: readonly Word[], k: number, threshold?: number): boolean {
  const m = model();
  if (m === null || m === undefined || !CUE_HEAD_POS.has(words[k]!.pos)) return false;
  if (threshold === undefined) {
    let z = cueLogit(m, words, k, false);
    if (z === undefined) {
      z = 0;
      for (const f of baseCueFeatures(words, k)) z += m.weights.get(f) ?? 0;
    }
    if (z + (m.stemBound.get(crudeStem(words[k]!.lower)) ?? 0) < m.zThreshold - 1e-6) return false;
  }
  return cueProbability(words, k) >= (threshold ?? m.threshold);
}

/** The lemma of a cue head form, as learned ("criticized" → "criticize"), else its crude stem. */
export function modelLemma(lower: string): string {
  return model()?.lemmas.get(lower) ?? crudeStem(lower);
}
