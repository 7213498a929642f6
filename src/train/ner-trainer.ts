/**
 * Trains the named-entity tagger (src/models/ner/model.ts): a structured averaged perceptron (Collins 2002)
 * over BIO tags. Each training sentence is decoded by Viterbi over the BIO constraint with the current
 * weights, and the weights move towards the gold sequence's features and away from the predicted sequence's,
 * so that training and decoding agree. Static features are counted once and cached as integer ids; the
 * history features (previous tag, pair, tag × shape, tag × word) have fixed ids. Written here rather than taken from a library because no maintained npm package trains a
 * sequence perceptron with our own features.
 */
import { sentenceFeatures, taggerForm, taggerSentence, type FeatureLexicon } from '../models/ner/features.js';
import { NerModel } from '../models/ner/model.js';
import type { TaggedSentence } from './newswire.js';
import { seededRandom } from './seeded-random.js';

export interface NerTrainingOptions {
  epochs: number;
  /** Static features seen fewer times than this in the training data are dropped. */
  minCount: number;
  /** Seed of the shuffle between epochs, so a run can be repeated exactly. */
  seed: number;
  log?: (line: string) => void;
}

/** How often a word must be seen, always outside a name, to be left unscored by the names-only decoder. */
const OUTSIDE_MIN_COUNT = 3;

export const DEFAULT_NER_TRAINING: NerTrainingOptions = { epochs: 8, minCount: 2, seed: 13 };

export function trainNer(sentences: readonly TaggedSentence[], lex: FeatureLexicon, options: NerTrainingOptions = DEFAULT_NER_TRAINING): NerModel {
  const log = options.log ?? (() => undefined);
  const labels = [...new Set(sentences.flatMap((s) => s.tags.filter((t) => t !== 'O').map((t) => t.slice(2))))].sort();
  const tags = ['O', ...labels.flatMap((l) => [`B-${l}`, `I-${l}`])];
  const tagIndex = new Map(tags.map((t, i) => [t, i]));
  const T = tags.length;

  const counts = new Map<string, number>();
  for (const s of sentences) for (const fs of sentenceFeatures(s.tokens, lex)) for (const f of fs) counts.set(f, (counts.get(f) ?? 0) + 1);
  const names: string[] = [];
  const ids = new Map<string, number>();
  for (const [f, n] of counts) {
    if (n >= options.minCount) {
      ids.set(f, names.length);
      names.push(f);
    }
  }
  counts.clear();
  // Static feature ids per token, flattened per sentence, with offsets.
  const cached = sentences.map((s) => {
    const feats = sentenceFeatures(s.tokens, lex);
    const offsets = new Int32Array(feats.length + 1);
    const flat: number[] = [];
    feats.forEach((fs, i) => {
      offsets[i] = flat.length;
      for (const f of fs) {
        const id = ids.get(f);
        if (id !== undefined) flat.push(id);
      }
    });
    offsets[feats.length] = flat.length;
    const { lower, shapes } = taggerSentence(s.tokens);
    return { lower, shapes, offsets, flat: Int32Array.from(flat), gold: Int32Array.from(s.tags, (t) => tagIndex.get(t) ?? 0) };
  });
  log(`features: ${names.length} static (seen ≥ ${options.minCount} times), ${sentences.length} sentences`);

  // History features have fixed places after the static ones: the previous tag (S of them, S = T + 1 with
  // the sentence start), the previous pair (S × S), the previous tag with the shape and with the word.
  const S = T + 1;
  const START = T;
  const tagName = (p: number) => (p === START ? '<s>' : tags[p]!);
  const shapeIds = new Map<string, number>();
  const wordIds = new Map<string, number>();
  for (const c of cached) {
    for (const sh of c.shapes) if (!shapeIds.has(sh)) shapeIds.set(sh, shapeIds.size);
    for (const w of c.lower) if (!wordIds.has(w)) wordIds.set(w, wordIds.size);
  }
  const F = names.length;
  const PREV = F;
  const PAIR = PREV + S;
  const BY_SHAPE = PAIR + S * S;
  const BY_WORD = BY_SHAPE + shapeIds.size * S;
  const FEATURES = BY_WORD + wordIds.size * S;
  const sentenceShapes = cached.map((c) => Int32Array.from(c.shapes, (sh) => shapeIds.get(sh)!));
  const sentenceWords = cached.map((c) => Int32Array.from(c.lower, (w) => wordIds.get(w)!));

  const weights = new Float32Array(FEATURES * T);
  const totals = new Float64Array(FEATURES * T);
  const stamps = new Int32Array(FEATURES * T);
  let clock = 1;
  const update = (feature: number, tag: number, delta: number) => {
    const p = feature * T + tag;
    totals[p]! += (clock - stamps[p]!) * weights[p]!;
    stamps[p] = clock;
    weights[p]! += delta;
  };
  const allowed = tags.map((_, t) => {
    const tag = tags[t]!;
    return Array.from({ length: S }, (_, prev) => !tag.startsWith('I-') || (prev !== START && (tags[prev] === `B-${tag.slice(2)}` || tags[prev] === tag)));
  });
  const addRow = (feature: number, into: Float64Array) => {
    const base = feature * T;
    for (let t = 0; t < T; t++) into[t]! += weights[base + t]!;
  };

  const random = seededRandom(options.seed);
  const order = cached.map((_, i) => i);
  const emission = new Float64Array(T);
  const history = new Float64Array(T);
  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    let correct = 0;
    let total = 0;
    let exact = 0;
    for (const n of order) {
      const { offsets, flat, gold } = cached[n]!;
      const shapes = sentenceShapes[n]!;
      const words = sentenceWords[n]!;
      const len = gold.length;
      // Viterbi over the BIO constraint with the current weights, as NerModel decodes (every previous tag
      // extended; the pair feature sees the tag before the previous one on that tag's best path).
      const back = new Int16Array(len * S).fill(-1);
      let delta = new Float64Array(S).fill(-Infinity);
      let next = new Float64Array(S);
      delta[START] = 0;
      for (let i = 0; i < len; i++) {
        next.fill(-Infinity);
        emission.fill(0);
        for (let k = offsets[i]!; k < offsets[i + 1]!; k++) addRow(flat[k]!, emission);
        for (let p = 0; p < S; p++) {
          if (delta[p] === -Infinity) continue;
          const pp = i > 0 ? back[(i - 1) * S + p]! : START;
          history.set(emission);
          addRow(PREV + p, history);
          addRow(PAIR + p * S + (pp < 0 ? START : pp), history);
          addRow(BY_SHAPE + shapes[i]! * S + p, history);
          addRow(BY_WORD + words[i]! * S + p, history);
          for (let t = 0; t < T; t++) {
            if (!allowed[t]![p]) continue;
            const v = delta[p]! + history[t]!;
            if (v > next[t]!) {
              next[t] = v;
              back[i * S + t] = p;
            }
          }
        }
        [delta, next] = [next, delta];
      }
      let best = -1;
      for (let t = 0; t < T; t++) if (delta[t]! > -Infinity && (best < 0 || delta[t]! > delta[best]!)) best = t;
      const predicted = new Int32Array(len);
      for (let i = len - 1; i >= 0; i--) {
        predicted[i] = best;
        best = back[i * S + best]!;
      }
      // Update on the whole sequence: the gold path's features up, the predicted path's down, at the
      // positions whose tag or history differ (elsewhere the two cancel).
      let same = true;
      for (let i = 0; i < len; i++) {
        total++;
        if (predicted[i] === gold[i]) correct++;
        const g = gold[i]!;
        const y = predicted[i]!;
        const gp = i > 0 ? gold[i - 1]! : START;
        const yp = i > 0 ? predicted[i - 1]! : START;
        const gpp = i > 1 ? gold[i - 2]! : START;
        const ypp = i > 1 ? predicted[i - 2]! : START;
        if (g === y && gp === yp && gpp === ypp) continue;
        same = false;
        const step = (tag: number, p: number, pp: number, d: number) => {
          for (let k = offsets[i]!; k < offsets[i + 1]!; k++) update(flat[k]!, tag, d);
          update(PREV + p, tag, d);
          update(PAIR + p * S + pp, tag, d);
          update(BY_SHAPE + shapes[i]! * S + p, tag, d);
          update(BY_WORD + words[i]! * S + p, tag, d);
        };
        step(g, gp, gpp, 1);
        step(y, yp, ypp, -1);
      }
      if (same) exact++;
      clock++;
    }
    log(`epoch ${epoch}: training accuracy ${((100 * correct) / total).toFixed(2)}%, sentences exact ${((100 * exact) / order.length).toFixed(1)}%`);
  }

  for (const [p, name] of Array.from({ length: S }, (_, p) => [p, tagName(p)] as const)) names[PREV + p] = `t-1=${name}`;
  for (let p = 0; p < S; p++) for (let pp = 0; pp < S; pp++) names[PAIR + p * S + pp] = `t-2t-1=${tagName(pp)}|${tagName(p)}`;
  for (const [sh, k] of shapeIds) for (let p = 0; p < S; p++) names[BY_SHAPE + k * S + p] = `t-1|s=${tagName(p)}|${sh}`;
  for (const [w, k] of wordIds) for (let p = 0; p < S; p++) names[BY_WORD + k * S + p] = `t-1|w=${tagName(p)}|${w}`;
  const averaged = new Map<string, Float32Array>();
  names.forEach((name, f) => {
    const w = new Float32Array(T);
    let any = false;
    for (let t = 0; t < T; t++) {
      const p = f * T + t;
      const avg = (totals[p]! + (clock - stamps[p]!) * weights[p]!) / clock;
      w[t] = avg;
      if (avg !== 0) any = true;
    }
    if (any) averaged.set(name, w);
  });
  // Words never inside a name: lower-case (or letterless) forms seen at least OUTSIDE_MIN_COUNT times in
  // training, always tagged O. The names-only decoder tags them O without scoring them even next to a capital.
  const seen = new Map<string, number>();
  for (const s of sentences) {
    s.tokens.forEach((token, i) => {
      const form = taggerForm(token);
      if (form.toLowerCase() !== form && /\p{L}/u.test(form)) return;
      const n = seen.get(form) ?? 0;
      if (n >= 0) seen.set(form, s.tags[i] === 'O' ? n + 1 : -1);
    });
  }
  const outsideWords = [...seen].filter(([, n]) => n >= OUTSIDE_MIN_COUNT).map(([w]) => w).sort();
  log(`words never inside a name (seen ≥ ${OUTSIDE_MIN_COUNT} times): ${outsideWords.length}`);
  return new NerModel(tags, averaged, { training: 'structured', outsideWords });
}
