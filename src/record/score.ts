import { foldName } from './names.js';
import type { RecordActor } from './types.js';

/** Gold cross-document actor clusters (test/record/arc.gold.json, format polity-arc-actors/1). */
export interface GoldClusters {
  format: 'polity-arc-actors/1';
  entities: { id: string; type: string; name: string; aliases: string[] }[];
}

export interface ResolutionScore {
  /** Per-article actors whose name matched a gold entity (the others are not scored). */
  matched: number;
  unmatched: number;
  /** Pairwise: of the pairs the record put together, how many are the same gold entity; and the converse. */
  precision: number;
  recall: number;
  f1: number;
}

/**
 * Scores cross-document resolution against gold clusters, pairwise: every two per-article actors that name
 * gold entities form a pair; a pair is right when the record joins them exactly when the gold does. A
 * per-article actor is matched to the gold entity whose name or alias equals its canonical name (case-,
 * diacritic- and punctuation-insensitive), as in the gold README.
 */
export function scoreResolution(actors: RecordActor[], gold: GoldClusters): ResolutionScore {
  const goldOf = new Map<string, string>();
  for (const e of gold.entities) for (const n of [e.name, ...e.aliases]) goldOf.set(foldName(n), e.id);
  const items: { system: string; gold: string }[] = [];
  let unmatched = 0;
  for (const a of actors) {
    for (const m of a.members) {
      const g = goldOf.get(foldName(m.name));
      if (g) items.push({ system: a.id, gold: g }); else unmatched++;
    }
  }
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      const sameSystem = items[i]!.system === items[j]!.system;
      const sameGold = items[i]!.gold === items[j]!.gold;
      if (sameSystem && sameGold) tp++;
      else if (sameSystem) fp++;
      else if (sameGold) fn++;
    }
  }
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  return { matched: items.length, unmatched, precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}
