/**
 * The named-entity tagger: an averaged perceptron over BIO tags, decoded greedily left to right with the
 * BIO constraint (I-X only after B-X or I-X). Weights are stored quantized and pruned in a gzipped JSON file.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { packagePath } from '../../package-path.js';
import { contextFeatures, historyFeatures, taggerSentence, wordFeatures, type FeatureLexicon } from './features.js';

export const NER_MODEL_FORMAT = 'polity-ner/1';
/** Word forms whose feature scores are kept; the cache is emptied when full. */
const WORD_CACHE_SIZE = 100_000;

export const DEFAULT_NER_MODEL = 'src/models/ner/ner-model.bin.gz';

export class NerModelError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'NerModelError';
  }
}

/**
 * The model file, gzipped: a length-prefixed JSON header (format, tags, scale, meta, counts), then the feature
 * names joined by NUL, then per feature the number of stored weights (uint8), then every stored weight's tag
 * (uint8) and value (int16, weight × scale). Binary rather than JSON so that loading takes milliseconds.
 */
interface NerModelHeader {
  format: typeof NER_MODEL_FORMAT;
  tags: string[];
  scale: number;
  features: number;
  weights: number;
  /** What the model was trained on and how well it did. */
  meta: Record<string, unknown>;
}

/** A named entity found by the tagger: token range [start, end) and class ("Person", "Organization"…). */
export interface TaggedEntity {
  start: number;
  end: number;
  label: string;
}

/** Reads BIO tags as entities; a stray I-X opens an entity like B-X. */
export function entitiesOf(tags: readonly string[]): TaggedEntity[] {
  const out: TaggedEntity[] = [];
  let open: TaggedEntity | undefined;
  tags.forEach((tag, i) => {
    const label = tag.slice(2);
    if (tag.startsWith('I-') && open && open.label === label) {
      open.end = i + 1;
      return;
    }
    if (open) out.push(open);
    open = tag === 'O' ? undefined : { start: i, end: i + 1, label };
  });
  if (open) out.push(open);
  return out;
}


/** Paths more than this many nats behind the best are not extended (and tags that far behind add nothing to a softmax). */
const VITERBI_MARGIN = 6;

export class NerModel {
  readonly tags: readonly string[];
  private readonly weights: Map<string, Float32Array>;
  /** allowed[prev][tag]: the BIO constraint, with index tags.length standing for the sentence start. */
  private readonly allowed: boolean[][];
  private readonly wordCache = new Map<string, Float64Array>();
  /**
   * Softmax temperature turning the perceptron's scores into local probabilities for Viterbi decoding; 8 was
   * best on the dev split (P+O+L F1 77.6 against 76.9 greedy; 1 → 76.9, 4 → 77.3, 16 → 77.7 but all 9 classes lower).
   */
  temperature = 8;
  /** How many of the best previous tags the Viterbi decoder extends at each token. */
  beam = 2;

  constructor(tags: readonly string[], weights: Map<string, Float32Array>, readonly meta: Record<string, unknown> = {}) {
    this.tags = tags;
    this.weights = weights;
    this.allowed = [...tags, '<s>'].map((prev) =>
      tags.map((tag) => !tag.startsWith('I-') || prev === `B-${tag.slice(2)}` || prev === tag),
    );
  }

  /** Adds each feature's weights to `scores`. */
  private score(features: readonly string[], scores: Float64Array): void {
    for (const f of features) {
      const w = this.weights.get(f);
      if (w) for (let t = 0; t < w.length; t++) scores[t]! += w[t]!;
    }
  }

  /** Summed weights of a word's own features, cached per word form: most words recur across a corpus. */
  private wordScores(form: string, lex: FeatureLexicon): Float64Array {
    let cached = this.wordCache.get(form);
    if (!cached) {
      cached = new Float64Array(this.tags.length);
      this.score(wordFeatures(form, lex), cached);
      if (this.wordCache.size >= WORD_CACHE_SIZE) this.wordCache.clear();
      this.wordCache.set(form, cached);
    }
    return cached;
  }

  /**
   * BIO tags for one sentence's tokens. With `namesOnly`, a lower-case token with no capitalised neighbour is
   * tagged O without scoring: names are capitalised, and most tokens of news are far from one, so the actors
   * stage tags about a third of the tokens (dates and amounts in lower case are then missed).
   */
  predict(tokens: readonly string[], lex: FeatureLexicon, namesOnly = false, decoder: 'viterbi' | 'greedy' = 'viterbi'): string[] {
    return decoder === 'viterbi' ? this.viterbi(tokens, lex, namesOnly) : this.greedy(tokens, lex, namesOnly);
  }

  /**
   * Viterbi decoding over the BIO constraint: the best-scoring tag sequence in which I-X follows only B-X or
   * I-X. The history features see the previous tag of each path and the tag before it on that path's best
   * history (exact for the first-order features, the usual approximation for the second-order one); only the
   * `beam` best previous tags are extended at each token, which keeps the cost near the greedy decoder's.
   */
  private viterbi(tokens: readonly string[], lex: FeatureLexicon, namesOnly: boolean): string[] {
    const n = tokens.length;
    if (n === 0) return [];
    const sentence = taggerSentence(tokens);
    const T = this.tags.length;
    const S = T + 1;
    const START = T;
    const outside = this.tags.indexOf('O');
    const capital = sentence.shapes.map((s) => s.startsWith('X'));
    // back[i * S + t]: the previous tag on the best path that has tag t at token i.
    const back = new Int16Array(n * S).fill(-1);
    let delta = new Float64Array(S).fill(-Infinity);
    let next = new Float64Array(S);
    delta[START] = 0;
    const emission = new Float64Array(T);
    const history = new Float64Array(T);
    const local = new Float64Array(T);
    const live: number[] = [];
    for (let i = 0; i < n; i++) {
      next.fill(-Infinity);
      // The previous tags worth extending: the best `beam` within VITERBI_MARGIN of the best (log-probabilities).
      live.length = 0;
      for (let p = 0; p < S; p++) {
        if (delta[p] === -Infinity) continue;
        let k = live.length;
        while (k > 0 && delta[live[k - 1]!]! < delta[p]!) k--;
        live.splice(k, 0, p);
        if (live.length > this.beam) live.length = this.beam;
      }
      while (live.length > 1 && delta[live[live.length - 1]!]! < delta[live[0]!]! - VITERBI_MARGIN) live.pop();
      if (namesOnly && !capital[i] && !capital[i - 1] && !capital[i + 1]) {
        next[outside] = delta[live[0]!]!;
        back[i * S + outside] = live[0]!;
      } else {
        emission.set(this.wordScores(sentence.forms[i]!, lex));
        this.score(contextFeatures(sentence, i, lex), emission);
        for (const p of live) {
          const pp = i > 0 ? back[(i - 1) * S + p]! : START;
          history.fill(0);
          this.score(historyFeatures(p === START ? '<s>' : this.tags[p]!, pp === START || pp < 0 ? '<s>' : this.tags[pp]!, sentence.lower[i]!, sentence.shapes[i]!), history);
          const allowed = this.allowed[p]!;
          // The perceptron was trained on local decisions, so its scores say which tag is best after p, not
          // how good p's path is: each step's scores become local log-probabilities (softmax over the allowed
          // tags) before they are summed along a path.
          let max = -Infinity;
          for (let t = 0; t < T; t++) {
            local[t] = (emission[t]! + history[t]!) / this.temperature;
            if (allowed[t] && local[t]! > max) max = local[t]!;
          }
          let sum = 0;
          for (let t = 0; t < T; t++) if (allowed[t] && local[t]! > max - VITERBI_MARGIN * 2) sum += Math.exp(local[t]! - max);
          const norm = max + Math.log(sum);
          for (let t = 0; t < T; t++) {
            if (!allowed[t]) continue;
            const v = delta[p]! + local[t]! - norm;
            if (v > next[t]!) {
              next[t] = v;
              back[i * S + t] = p;
            }
          }
        }
      }
      [delta, next] = [next, delta];
    }
    let best = -1;
    for (let t = 0; t < T; t++) if (delta[t]! > -Infinity && (best < 0 || delta[t]! > delta[best]!)) best = t;
    const out = new Array<string>(n);
    for (let i = n - 1; i >= 0; i--) {
      out[i] = this.tags[best]!;
      best = back[i * S + best]!;
    }
    return out;
  }

  private greedy(tokens: readonly string[], lex: FeatureLexicon, namesOnly: boolean): string[] {
    const sentence = taggerSentence(tokens);
    const out: string[] = [];
    const scores = new Float64Array(this.tags.length);
    const outside = this.tags.indexOf('O');
    const capital = sentence.shapes.map((s) => s.startsWith('X'));
    let prev = this.tags.length;
    for (let i = 0; i < tokens.length; i++) {
      if (namesOnly && !capital[i] && !capital[i - 1] && !capital[i + 1]) {
        out.push('O');
        prev = outside;
        continue;
      }
      scores.set(this.wordScores(sentence.forms[i]!, lex));
      this.score(contextFeatures(sentence, i, lex), scores);
      this.score(historyFeatures(out[i - 1] ?? '<s>', out[i - 2] ?? '<s>', sentence.lower[i]!, sentence.shapes[i]!), scores);
      let best = -1;
      for (let t = 0; t < this.tags.length; t++) {
        if (this.allowed[prev]![t] && (best < 0 || scores[t]! > scores[best]!)) best = t;
      }
      out.push(this.tags[best]!);
      prev = best;
    }
    return out;
  }

  /**
   * Writes the model quantized to integers of at most ±32000; weights that quantize below `minStored` are
   * dropped, which is what keeps the file small.
   */
  save(path: string, minStored = 8): { features: number; bytes: number } {
    let max = 0;
    for (const w of this.weights.values()) for (const x of w) max = Math.max(max, Math.abs(x));
    const scale = max > 0 ? 32000 / max : 1;
    const names: string[] = [];
    const counts: number[] = [];
    const tagOf: number[] = [];
    const values: number[] = [];
    for (const [name, w] of this.weights) {
      let n = 0;
      w.forEach((x, t) => {
        const q = Math.round(x * scale);
        if (Math.abs(q) < minStored) return;
        tagOf.push(t);
        values.push(q);
        n++;
      });
      if (n === 0) continue;
      names.push(name);
      counts.push(n);
    }
    const header: NerModelHeader = { format: NER_MODEL_FORMAT, tags: [...this.tags], scale, features: names.length, weights: values.length, meta: this.meta };
    const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
    const nameBytes = Buffer.from(names.join('\u0000'), 'utf8');
    const lengths = Buffer.alloc(8);
    lengths.writeUInt32LE(headerBytes.length, 0);
    lengths.writeUInt32LE(nameBytes.length, 4);
    const body = Buffer.concat([
      lengths,
      headerBytes,
      nameBytes,
      Buffer.from(Uint8Array.from(counts)),
      Buffer.from(Uint8Array.from(tagOf)),
      Buffer.from(Int16Array.from(values).buffer),
    ]);
    const bytes = gzipSync(body, { level: 9 });
    writeFileSync(path, bytes);
    return { features: names.length, bytes: bytes.length };
  }

  static load(path = packagePath(DEFAULT_NER_MODEL)): NerModel {
    let body: Buffer;
    try {
      body = gunzipSync(readFileSync(path));
    } catch (err) {
      throw new NerModelError(path, `cannot read the model: ${err instanceof Error ? err.message : String(err)}`);
    }
    const headerLength = body.readUInt32LE(0);
    const namesLength = body.readUInt32LE(4);
    const header = JSON.parse(body.subarray(8, 8 + headerLength).toString('utf8')) as NerModelHeader;
    if (header.format !== NER_MODEL_FORMAT) throw new NerModelError(path, `format ${JSON.stringify(header.format)}, expected ${NER_MODEL_FORMAT}`);
    let at = 8 + headerLength;
    const names = body.subarray(at, at + namesLength).toString('utf8').split('\u0000');
    at += namesLength;
    const counts = body.subarray(at, at + header.features);
    at += header.features;
    const tagOf = body.subarray(at, at + header.weights);
    at += header.weights;
    const values = new Int16Array(body.buffer.slice(body.byteOffset + at, body.byteOffset + at + 2 * header.weights));
    const T = header.tags.length;
    const all = new Float32Array(header.features * T);
    const weights = new Map<string, Float32Array>();
    let k = 0;
    names.forEach((name, f) => {
      const w = all.subarray(f * T, (f + 1) * T);
      for (let n = 0; n < counts[f]!; n++, k++) w[tagOf[k]!] = values[k]! / header.scale;
      weights.set(name, w);
    });
    return new NerModel(header.tags, weights, header.meta);
  }
}

let shipped: NerModel | undefined;

/** The model shipped with the package, loaded once. */
export function shippedNerModel(): NerModel {
  shipped ??= NerModel.load();
  return shipped;
}
