/** Exact-span precision, recall and F1 of tagged entities, per class and over chosen classes. */
import { entitiesOf } from '../models/ner/model.js';

export interface SpanCounts {
  tp: number;
  fp: number;
  fn: number;
}

export interface SpanScore extends SpanCounts {
  precision: number;
  recall: number;
  f1: number;
}

export function spanScore(c: SpanCounts): SpanScore {
  const precision = c.tp + c.fp > 0 ? c.tp / (c.tp + c.fp) : 0;
  const recall = c.tp + c.fn > 0 ? c.tp / (c.tp + c.fn) : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { ...c, precision, recall, f1 };
}

/** Counts per class, from gold and predicted entities given as "start:end:label" keys per sentence. */
export class SpanTally {
  readonly byLabel = new Map<string, SpanCounts>();

  private counts(label: string): SpanCounts {
    let c = this.byLabel.get(label);
    if (!c) this.byLabel.set(label, (c = { tp: 0, fp: 0, fn: 0 }));
    return c;
  }

  addEntities(gold: readonly { start: number; end: number; label: string }[], predicted: readonly { start: number; end: number; label: string }[]): void {
    const key = (e: { start: number; end: number; label: string }) => `${e.start}:${e.end}:${e.label}`;
    const goldKeys = new Set(gold.map(key));
    const predictedKeys = new Set(predicted.map(key));
    for (const e of predicted) this.counts(e.label)[goldKeys.has(key(e)) ? 'tp' : 'fp']++;
    for (const e of gold) if (!predictedKeys.has(key(e))) this.counts(e.label).fn++;
  }

  addTags(gold: readonly string[], predicted: readonly string[]): void {
    this.addEntities(entitiesOf(gold), entitiesOf(predicted));
  }

  score(labels?: readonly string[]): SpanScore {
    const sum: SpanCounts = { tp: 0, fp: 0, fn: 0 };
    for (const [label, c] of this.byLabel) {
      if (labels && !labels.includes(label)) continue;
      sum.tp += c.tp;
      sum.fp += c.fp;
      sum.fn += c.fn;
    }
    return spanScore(sum);
  }
}
