/**
 * The named-entity tagger: a structured averaged perceptron over BIO tags, decoded by Viterbi over the BIO
 * constraint (I-X only after B-X or I-X). Weights are stored quantized and pruned in a gzipped binary file.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { packagePath } from '../../package-path.js';
import { contextFeatures, historyFeatures, taggerSentence, wordShape, type FeatureLexicon, type TaggerSentence } from './features.js';

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


type Weights = Float32Array | undefined;

/** Splits `rest` at its first `|`: [before, after], or undefined when it has none. */
function splitBar(rest: string): [string, string] | undefined {
  const bar = rest.indexOf('|');
  return bar < 0 ? undefined : [rest.slice(0, bar), rest.slice(bar + 1)];
}

/** The weights of the features one lower-case word (or one shape) takes part in, by the position it has in them. */
class Part {
  /** "w-1=this", "w+1=this", "w-2=this", "w+2=this" (for a shape: "s-1=", "s+1=", and "first|s=" in `prev2`). */
  prev: Weights;
  next: Weights;
  prev2: Weights;
  next2: Weights;
  /** The word's own "w=this" and "cased=this" ("s=this" in `own` for a shape). */
  own: Weights;
  cased: Weights;
  /** "w-1w=this|b" and "ww+1=this|b" (for shapes, "s-1s+1=this|b|c" keyed by b then c) by the part of b. */
  readonly before = new Map<Part, Weights>();
  readonly beforeNext = new Map<Part, Weights>();
  readonly shapes3 = new Map<Part, Map<Part, Weights>>();
  /** "t-1|w=P|this" ("t-1|s=P|this" for a shape) by tag index P. */
  history: Weights[] | undefined;
}

/**
 * The model's context and history features indexed by the words, shapes and tags they are made of, so that
 * decoding looks each token's word and shape up once and reaches its features through them, instead of
 * building every feature name (`w-1w=${prev}|${word}`) and hashing it for each token: that was most of the
 * tagger's time. The features are exactly those of contextFeatures and historyFeatures (features.ts, which
 * training uses), and their weights are added in the same order, so the scores are bit-identical;
 * test/models/ner.test.ts checks both against the feature names. A name is split at its first `|` (or first
 * two), which is exact whenever the parts before the last contain none; where one does, contextScores builds
 * the name.
 */
class FeatureIndex {
  readonly bias: Weights;
  /** "p3=", "x2=", "x3=", "x4=" by the affix; the word features "g=…" by name. */
  readonly prefix3 = new Map<string, Float32Array>();
  readonly suffix2 = new Map<string, Float32Array>();
  readonly suffix3 = new Map<string, Float32Array>();
  readonly suffix4 = new Map<string, Float32Array>();
  /** "c=", "cc=", "c-1=", "c+1=" by the word class. */
  readonly wordClass = new Map<string, Float32Array>();
  readonly coarseClass = new Map<string, Float32Array>();
  readonly classBefore = new Map<string, Float32Array>();
  readonly classAfter = new Map<string, Float32Array>();
  readonly gazetteer: ReadonlyMap<string, Weights>;
  readonly place2: Weights;
  readonly afterHonorific: Weights;
  readonly afterTitle: Weights;
  readonly beforeOrghead: Weights;
  readonly words = new Map<string, Part>();
  readonly shapes = new Map<string, Part>();
  /** "t-1=P" by tag index (tags.length for "<s>"). */
  readonly prevTag: Weights[];
  /** "t-2t-1=PP|P" at [P * S + PP]. */
  readonly prevPair: Weights[];

  constructor(tags: readonly string[], weights: ReadonlyMap<string, Float32Array>) {
    const S = tags.length + 1;
    const tagName = (p: number) => (p === tags.length ? '<s>' : tags[p]!);
    const tagIndex = new Map<string, number>([...tags, '<s>'].map((t, k) => [t, k]));
    this.bias = weights.get('b');
    this.gazetteer = new Map(['place', 'org', 'common', 'honorific', 'title', 'party', 'orghead', 'govhead', 'partyhead', 'temporal'].map((g) => [g, weights.get(`g=${g}`)]));
    this.place2 = weights.get('g=place2');
    this.afterHonorific = weights.get('g=after-honorific');
    this.afterTitle = weights.get('g=after-title');
    this.beforeOrghead = weights.get('g=before-orghead');
    this.prevTag = Array.from({ length: S }, (_, p) => weights.get(`t-1=${tagName(p)}`));
    this.prevPair = Array.from({ length: S * S }, (_, k) => weights.get(`t-2t-1=${tagName(k % S)}|${tagName(Math.floor(k / S))}`));
    const part = (m: Map<string, Part>, key: string) => {
      let p = m.get(key);
      if (!p) m.set(key, (p = new Part()));
      return p;
    };
    const word = (key: string) => part(this.words, key);
    const shape = (key: string) => part(this.shapes, key);
    for (const [name, w] of weights) {
      const eq = name.indexOf('=');
      if (eq < 0) continue;
      const rest = name.slice(eq + 1);
      switch (name.slice(0, eq + 1)) {
        case 'w-1=': word(rest).prev = w; break;
        case 'w+1=': word(rest).next = w; break;
        case 'w-2=': word(rest).prev2 = w; break;
        case 'w+2=': word(rest).next2 = w; break;
        case 's-1=': shape(rest).prev = w; break;
        case 's+1=': shape(rest).next = w; break;
        case 'first|s=': shape(rest).prev2 = w; break;
        case 'w=': word(rest).own = w; break;
        case 'cased=': word(rest).cased = w; break;
        case 's=': shape(rest).own = w; break;
        case 'p3=': this.prefix3.set(rest, w); break;
        case 'x2=': this.suffix2.set(rest, w); break;
        case 'x3=': this.suffix3.set(rest, w); break;
        case 'x4=': this.suffix4.set(rest, w); break;
        case 'c=': this.wordClass.set(rest, w); break;
        case 'cc=': this.coarseClass.set(rest, w); break;
        case 'c-1=': this.classBefore.set(rest, w); break;
        case 'c+1=': this.classAfter.set(rest, w); break;
        case 'w-1w=':
        case 'ww+1=': {
          const split = splitBar(rest);
          if (split) (name.startsWith('w-1w=') ? word(split[0]).before : word(split[0]).beforeNext).set(word(split[1]), w);
          break;
        }
        case 's-1s+1=': {
          const first = splitBar(rest);
          const second = first && splitBar(first[1]);
          if (!first || !second) break;
          const byMiddle = shape(first[0]).shapes3;
          const middle = shape(second[0]);
          let inner = byMiddle.get(middle);
          if (!inner) byMiddle.set(middle, (inner = new Map()));
          inner.set(shape(second[1]), w);
          break;
        }
        case 't-1|s=':
        case 't-1|w=': {
          const split = splitBar(rest);
          const p = split && tagIndex.get(split[0]);
          if (!split || p === undefined) break;
          const target = name.startsWith('t-1|s=') ? shape(split[1]) : word(split[1]);
          (target.history ??= new Array<Weights>(S).fill(undefined))[p] = w;
          break;
        }
      }
    }
  }
}

/** The index entries of a sentence's tokens (NerModel.sentenceParts). */
export interface SentenceParts {
  /** Whether the two words before and at k (an empty string beyond the sentence) name a place. */
  placeAt(k: number, lex: FeatureLexicon): boolean;
  /** The entry of the word (shape) at k, of "<s>" before the sentence and "</s>" after it. */
  word(k: number): Part | undefined;
  shape(k: number): Part | undefined;
  /**
   * The same entries as arrays, token k at k + 2 (two "<s>" before, two "</s>" after): the decoder reads every
   * token's entries, and indexing is cheaper than the calls.
   */
  words: readonly (Part | undefined)[];
  shapes: readonly (Part | undefined)[];
  /** What the word at k (an empty string beyond the sentence) adds to its neighbours' scores, looked up once. */
  neighbour(k: number, lex: FeatureLexicon): Neighbour;
}

/**
 * The features a word gives the token after it ("g=after-title", "c-1=") and the one before it
 * ("g=before-orghead", "c+1="): they depend on the lower-case word and the lexicon only, so they are looked
 * up once per word form rather than in six lists for every scored token.
 */
export interface Neighbour {
  afterTitle: boolean;
  beforeOrghead: boolean;
  /** The weights of "c-1=" ("c+1=") for the word's class; undefined without a class or a weight. */
  classBefore: Weights;
  classAfter: Weights;
}

export class NerModel {
  readonly tags: readonly string[];
  private readonly weights: Map<string, Float32Array>;
  /** allowed[prev][tag]: the BIO constraint, with index tags.length standing for the sentence start. */
  private readonly allowed: boolean[][];
  private readonly wordCache = new Map<string, Float64Array>();
  private featureIndex: FeatureIndex | undefined;
  /**
   * Lower-case (or letterless) words the training data never has inside a name (meta.outsideWords): with
   * `namesOnly` they are tagged O unscored even next to a capital.
   */
  private readonly outsideWords: ReadonlySet<string>;
  private decodingTables: { transitions: Float64Array; targets: Int32Array[]; outside: number } | undefined;

  constructor(tags: readonly string[], weights: Map<string, Float32Array>, readonly meta: Record<string, unknown> = {}) {
    this.tags = tags;
    this.weights = weights;
    this.outsideWords = new Set(Array.isArray(meta.outsideWords) ? (meta.outsideWords as string[]) : []);
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

  /** Adds one feature's weights to `scores` (nothing for a feature the model does not have). */
  private add(w: Weights, scores: Float64Array): void {
    if (w) for (let t = 0; t < w.length; t++) scores[t]! += w[t]!;
  }

  private index(): FeatureIndex {
    this.featureIndex ??= new FeatureIndex(this.tags, this.weights);
    return this.featureIndex;
  }

  /**
   * Adds the weights of contextFeatures(s, i, lex) to `scores`, feature by feature in the same order, without
   * building their names (see FeatureIndex). `parts` is sentenceParts(s).
   */
  contextScores(s: TaggerSentence, parts: SentenceParts, i: number, lex: FeatureLexicon, scores: Float64Array): void {
    const x = this.index();
    const { forms, lower } = s;
    const n = lower.length;
    const l = lower[i]!;
    const pw = parts.words;
    const ps = parts.shapes;
    const prevW = pw[i + 1];
    const nextW = pw[i + 3];
    const prevS = ps[i + 1];
    const nextS = ps[i + 3];
    const hereW = pw[i + 2];
    const hereS = ps[i + 2];
    this.add(x.bias, scores);
    this.add(prevW?.prev, scores);
    this.add(nextW?.next, scores);
    this.add(pw[i]?.prev2, scores);
    this.add(pw[i + 4]?.next2, scores);
    this.add(prevS?.prev, scores);
    this.add(nextS?.next, scores);
    // Pair and triple names are indexed by splitting at "|" (see FeatureIndex): where a part before the last
    // has one, the name is built and looked up instead.
    const { shapes } = s;
    const prevShape = i > 0 ? shapes[i - 1]! : '<s>';
    const prevWord = i > 0 ? lower[i - 1]! : '<s>';
    if (prevShape.includes('|') || shapes[i]!.includes('|')) this.add(this.weights.get(`s-1s+1=${prevShape}|${shapes[i]!}|${i + 1 < n ? shapes[i + 1]! : '</s>'}`), scores);
    else if (prevS && hereS && nextS) this.add(prevS.shapes3.get(hereS)?.get(nextS), scores);
    if (prevWord.includes('|')) this.add(this.weights.get(`w-1w=${prevWord}|${l}`), scores);
    else if (prevW && hereW) this.add(prevW.before.get(hereW), scores);
    if (l.includes('|')) this.add(this.weights.get(`ww+1=${l}|${i + 1 < n ? lower[i + 1]! : '</s>'}`), scores);
    else if (hereW && nextW) this.add(hereW.beforeNext.get(nextW), scores);
    if (i === 0) this.add(hereS?.prev2, scores);
    if (parts.placeAt(i + 1, lex) || parts.placeAt(i, lex)) this.add(x.place2, scores);
    const prevForm = i > 0 ? forms[i - 1]! : '';
    if (lex.honorificPrefixes.has(prevForm.endsWith('.') ? prevForm.slice(0, -1) : prevForm)) this.add(x.afterHonorific, scores);
    const before = parts.neighbour(i - 1, lex);
    const after = parts.neighbour(i + 1, lex);
    if (before.afterTitle) this.add(x.afterTitle, scores);
    if (after.beforeOrghead) this.add(x.beforeOrghead, scores);
    this.add(before.classBefore, scores);
    this.add(after.classAfter, scores);
  }

  private neighbours = new Map<string, Neighbour>();
  /** The lexicon's lists the cached neighbours were read from: another lexicon empties the cache. */
  private neighboursFrom: unknown[] = [];

  /** The Neighbour entry of a lower-case word ("" beyond the sentence), cached per form. */
  neighbourOf(lower: string, lex: FeatureLexicon): Neighbour {
    const from = [lex.titleHeads, lex.titleModifiers, lex.orgHeads, lex.govbodyHeads, lex.partyHeads, lex.wordClasses];
    if (from.some((list, k) => list !== this.neighboursFrom[k])) {
      this.neighbours.clear();
      this.neighboursFrom = from;
    }
    let n = this.neighbours.get(lower);
    if (!n) {
      const x = this.index();
      const c = lex.wordClasses?.get(lower);
      n = {
        afterTitle: lex.titleHeads.has(lower) || lex.titleModifiers.has(lower),
        beforeOrghead: lex.orgHeads.has(lower) || lex.govbodyHeads.has(lower) || lex.partyHeads.has(lower),
        classBefore: c ? x.classBefore.get(c.fine) : undefined,
        classAfter: c ? x.classAfter.get(c.fine) : undefined,
      };
      if (this.neighbours.size >= WORD_CACHE_SIZE) this.neighbours.clear();
      this.neighbours.set(lower, n);
    }
    return n;
  }

  /** The index entries of a sentence's words and shapes, looked up once per token (undefined: in no indexed feature). */
  sentenceParts(s: TaggerSentence): SentenceParts {
    const x = this.index();
    // places.has(`${lower[k - 1]} ${lower[k]}`), "" beyond either end, asked for two tokens each and so remembered.
    const places: (boolean | undefined)[] = new Array<boolean | undefined>(s.lower.length + 1);
    const placeAt = (k: number, lex: FeatureLexicon) =>
      (places[k] ??= lex.places.has(`${k > 0 ? s.lower[k - 1]! : ''} ${k < s.lower.length ? s.lower[k]! : ''}`));
    const n = s.lower.length;
    const words = new Array<Part | undefined>(n + 4);
    const shapes = new Array<Part | undefined>(n + 4);
    words[0] = words[1] = x.words.get('<s>');
    words[n + 2] = words[n + 3] = x.words.get('</s>');
    shapes[0] = shapes[1] = x.shapes.get('<s>');
    shapes[n + 2] = shapes[n + 3] = x.shapes.get('</s>');
    for (let k = 0; k < n; k++) {
      words[k + 2] = x.words.get(s.lower[k]!);
      shapes[k + 2] = x.shapes.get(s.shapes[k]!);
    }
    const clamp = (k: number) => (k < 0 ? 1 : k >= n ? n + 2 : k + 2);
    const neighbours = new Array<Neighbour | undefined>(n);
    const neighbour = (k: number, lex: FeatureLexicon): Neighbour =>
      k < 0 || k >= n ? this.neighbourOf('', lex) : (neighbours[k] ??= this.neighbourOf(s.lower[k]!, lex));
    return { placeAt, word: (k) => words[clamp(k)], shape: (k) => shapes[clamp(k)], words, shapes, neighbour };
  }

  /**
   * Adds the weights of historyFeatures(tag p, tag pp, lower[i], shapes[i]) to `scores` in the same order; p and
   * pp are tag indices, tags.length for the sentence start. (The tag comes first in those names and has no
   * "|", so their index is exact.)
   */
  historyScores(parts: SentenceParts, i: number, p: number, pp: number, scores: Float64Array): void {
    const x = this.index();
    this.add(x.prevTag[p], scores);
    this.add(x.prevPair[p * (this.tags.length + 1) + pp], scores);
    const byShape = parts.shape(i)?.history;
    if (byShape) this.add(byShape[p], scores);
    const byWord = parts.word(i)?.history;
    if (byWord) this.add(byWord[p], scores);
  }

  /** Adds the weights of wordFeatures(form, lex) to `scores` in the same order, through the index. */
  ownScores(form: string, lex: FeatureLexicon, scores: Float64Array): void {
    const x = this.index();
    const l = form.toLowerCase();
    const word = x.words.get(l);
    const g = (name: string) => this.add(x.gazetteer.get(name), scores);
    this.add(word?.own, scores);
    this.add(x.shapes.get(wordShape(form))?.own, scores);
    this.add(x.prefix3.get(l.slice(0, 3)), scores);
    this.add(x.suffix2.get(l.slice(-2)), scores);
    this.add(x.suffix3.get(l.slice(-3)), scores);
    this.add(x.suffix4.get(l.slice(-4)), scores);
    if (form !== l) this.add(word?.cased, scores);
    if (lex.places.has(l)) g('place');
    if (lex.organizations.has(l)) g('org');
    if (lex.commonWords.has(l)) g('common');
    if (lex.honorificPrefixes.has(form) || lex.honorificPrefixes.has(form.replace(/\.$/u, ''))) g('honorific');
    if (lex.titleHeads.has(l)) g('title');
    if (lex.partyKeys.has(l)) g('party');
    if (lex.orgHeads.has(l)) g('orghead');
    if (lex.govbodyHeads.has(l)) g('govhead');
    if (lex.partyHeads.has(l)) g('partyhead');
    if (lex.temporal.has(l)) g('temporal');
    const c = lex.wordClasses?.get(l);
    if (c) {
      this.add(x.wordClass.get(c.fine), scores);
      this.add(x.coarseClass.get(c.coarse), scores);
    }
  }

  /** Summed weights of a word's own features, cached per word form: most words recur across a corpus. */
  private wordScores(form: string, lex: FeatureLexicon): Float64Array {
    let cached = this.wordCache.get(form);
    if (!cached) {
      cached = new Float64Array(this.tags.length);
      this.ownScores(form, lex, cached);
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
   * I-X, a path's score being the sum of its tokens' scores (the weights were trained that way, by the
   * structured perceptron of src/train/ner-trainer.ts, which decodes with this same search). Every previous
   * tag is extended: exact for the first-order history features; the pair feature sees the tag before the
   * previous one on that tag's best path, as in training.
   */
  private viterbi(tokens: readonly string[], lex: FeatureLexicon, namesOnly: boolean): string[] {
    const n = tokens.length;
    if (n === 0) return [];
    const sentence = taggerSentence(tokens);
    const parts = this.sentenceParts(sentence);
    const T = this.tags.length;
    const S = T + 1;
    const START = T;
    const { transitions, targets, outside } = this.decoding();
    const capital = capitalised(sentence);
    // back[i * S + t]: the previous tag on the best path that has tag t at token i.
    // Buffers kept between sentences: allocating them per sentence was a large share of the decoder's time (GC).
    const buffers = this.buffers(n * S);
    const back = buffers.back;
    back.fill(-1, 0, n * S);
    let delta = buffers.delta.fill(-Infinity);
    let next = buffers.next;
    delta[START] = 0;
    const { emission } = buffers;
    for (let i = 0; i < n; i++) {
      next.fill(-Infinity);
      // Names only: a lower-case token with no capitalised neighbour is tagged O without its own scores (the
      // same for every path), but each path still pays what its last tags say about an O after them.
      const skip = namesOnly && !capital[i] && ((!capital[i - 1] && !capital[i + 1]) || this.outsideWords.has(sentence.forms[i]!));
      if (!skip) {
        emission.set(this.wordScores(sentence.forms[i]!, lex));
        this.contextScores(sentence, parts, i, lex, emission);
      }
      const byShape = parts.shapes[i + 2]?.history;
      const byWord = parts.words[i + 2]?.history;
      // next[t] = max over p of (delta[p] + history scores of t after p), then the token's own scores added once.
      for (let p = 0; p < S; p++) {
        const d = delta[p]!;
        if (d === -Infinity) continue;
        const before = i > 0 ? back[(i - 1) * S + p]! : START;
        const base = (p * S + (before < 0 ? START : before)) * T;
        const ws = byShape?.[p];
        const ww = byWord?.[p];
        // The history score of each tag the path may take: the transition, then the shape's and the word's
        // weights, added in that order (the sum training used), for those tags only.
        if (skip) {
          let r = transitions[base + outside]!;
          if (ws) r += ws[outside]!;
          if (ww) r += ww[outside]!;
          const v = d + r;
          if (v > next[outside]!) {
            next[outside] = v;
            back[i * S + outside] = p;
          }
          continue;
        }
        const allowed = targets[p]!;
        for (let c = 0; c < allowed.length; c++) {
          const t = allowed[c]!;
          let r = transitions[base + t]!;
          if (ws) r += ws[t]!;
          if (ww) r += ww[t]!;
          const v = d + r;
          if (v > next[t]!) {
            next[t] = v;
            back[i * S + t] = p;
          }
        }
      }
      if (!skip) for (let t = 0; t < T; t++) next[t]! += emission[t]!;
      const swap = delta;
      delta = next;
      next = swap;
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

  private decodeBuffers: { back: Int16Array; delta: Float64Array; next: Float64Array; emission: Float64Array } | undefined;

  private buffers(backLength: number): { back: Int16Array; delta: Float64Array; next: Float64Array; emission: Float64Array } {
    const T = this.tags.length;
    if (!this.decodeBuffers || this.decodeBuffers.back.length < backLength) {
      this.decodeBuffers = {
        back: new Int16Array(Math.max(backLength, 256 * (T + 1))),
        delta: new Float64Array(T + 1),
        next: new Float64Array(T + 1),
        emission: new Float64Array(T),
      };
    }
    return this.decodeBuffers;
  }

  /**
   * What the decoder needs besides the index: the weights of "t-1=P" and "t-2t-1=PP|P" summed for each pair
   * (P, PP) at (P * S + PP) * T, the tags allowed after each previous tag, and the index of O.
   */
  private decoding(): { transitions: Float64Array; targets: Int32Array[]; outside: number } {
    if (!this.decodingTables) {
      const x = this.index();
      const T = this.tags.length;
      const S = T + 1;
      const transitions = new Float64Array(S * S * T);
      for (let p = 0; p < S; p++) {
        for (let pp = 0; pp < S; pp++) {
          const row = transitions.subarray((p * S + pp) * T, (p * S + pp + 1) * T);
          this.add(x.prevTag[p], row);
          this.add(x.prevPair[p * S + pp], row);
        }
      }
      const targets = this.allowed.map((row) => Int32Array.from(row.flatMap((ok, t) => (ok ? [t] : []))));
      this.decodingTables = { transitions, targets, outside: this.tags.indexOf('O') };
    }
    return this.decodingTables;
  }

  private greedy(tokens: readonly string[], lex: FeatureLexicon, namesOnly: boolean): string[] {
    const sentence = taggerSentence(tokens);
    const out: string[] = [];
    const scores = new Float64Array(this.tags.length);
    const outside = this.tags.indexOf('O');
    const capital = capitalised(sentence);
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

/**
 * Which tokens count as capitalised for the names-only shortcut: a capital first letter, or a hyphen right
 * after one, so that the lower-case part of "Lee Ka - chiu" is still tagged.
 */
function capitalised(s: TaggerSentence): boolean[] {
  const out = s.shapes.map((shape) => shape.startsWith('X'));
  for (let k = 1; k < out.length; k++) if (s.forms[k] === '-' && out[k - 1]) out[k] = true;
  return out;
}

let shipped: NerModel | undefined;

/** The model shipped with the package, loaded once. */
export function shippedNerModel(): NerModel {
  shipped ??= NerModel.load();
  return shipped;
}
