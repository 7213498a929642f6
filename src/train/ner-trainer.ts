/**
 * Trains the named-entity tagger (src/models/ner/model.ts): an averaged perceptron (Collins 2002) over BIO
 * tags, greedy left-to-right with the tags it predicted itself as history, features counted once and cached
 * as integer ids. Written here rather than taken from a library because no maintained npm package trains a
 * sequence perceptron with our own features.
 */
import { historyFeatures, sentenceFeatures, taggerSentence, type FeatureLexicon } from '../models/ner/features.js';
import { NerModel } from '../models/ner/model.js';
import type { TaggedSentence } from './newswire.js';

export interface NerTrainingOptions {
  epochs: number;
  /** Static features seen fewer times than this in the training data are dropped. */
  minCount: number;
  /** Seed of the shuffle between epochs, so a run can be repeated exactly. */
  seed: number;
  log?: (line: string) => void;
}

export const DEFAULT_NER_TRAINING: NerTrainingOptions = { epochs: 8, minCount: 2, seed: 13 };

/** mulberry32: a small seeded generator for the epoch shuffle. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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
    return { lower, shapes, offsets, flat: Int32Array.from(flat), gold: s.tags.map((t) => tagIndex.get(t) ?? 0) };
  });
  log(`features: ${names.length} static (seen ≥ ${options.minCount} times), ${sentences.length} sentences`);

  // History features get ids as they first appear; room is reserved for them.
  const capacity = (names.length + 150_000) * T;
  const weights = new Float32Array(capacity);
  const totals = new Float64Array(capacity);
  const stamps = new Int32Array(capacity);
  let clock = 0;
  const idOf = (f: string): number => {
    let id = ids.get(f);
    if (id === undefined && (names.length + 1) * T <= capacity) {
      id = names.length;
      ids.set(f, id);
      names.push(f);
    }
    return id ?? -1;
  };
  const update = (feature: number, tag: number, delta: number) => {
    const p = feature * T + tag;
    totals[p]! += (clock - stamps[p]!) * weights[p]!;
    stamps[p] = clock;
    weights[p]! += delta;
  };
  const allowed = (prev: number, t: number) => {
    const tag = tags[t]!;
    return !tag.startsWith('I-') || (prev >= 0 && (tags[prev] === `B-${tag.slice(2)}` || tags[prev] === tag));
  };

  const random = seededRandom(options.seed);
  const order = cached.map((_, i) => i);
  const scores = new Float64Array(T);
  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    let correct = 0;
    let total = 0;
    for (const n of order) {
      const { lower, shapes, offsets, flat, gold } = cached[n]!;
      const predicted: number[] = [];
      for (let i = 0; i < gold.length; i++) {
        clock++;
        const history = historyFeatures(
          i > 0 ? tags[predicted[i - 1]!]! : '<s>',
          i > 1 ? tags[predicted[i - 2]!]! : '<s>',
          lower[i]!,
          shapes[i]!,
        ).map(idOf).filter((id) => id >= 0);
        const active = [...flat.subarray(offsets[i]!, offsets[i + 1]!), ...history];
        scores.fill(0);
        for (const f of active) for (let t = 0; t < T; t++) scores[t]! += weights[f * T + t]!;
        const prev = i > 0 ? predicted[i - 1]! : -1;
        let best = -1;
        for (let t = 0; t < T; t++) if (allowed(prev, t) && (best < 0 || scores[t]! > scores[best]!)) best = t;
        const truth = gold[i]!;
        if (best !== truth) {
          for (const f of active) {
            update(f, truth, 1);
            update(f, best, -1);
          }
        } else correct++;
        total++;
        predicted.push(best);
      }
    }
    log(`epoch ${epoch}: training accuracy ${((100 * correct) / total).toFixed(2)}%`);
  }

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
  return new NerModel(tags, averaged);
}
