/**
 * Pairing gold rows with system records. Every layer is scored one-to-one: a gold row is credited to at most
 * one system record and vice versa, so duplicates in the output count as false positives.
 */
import type { Actor } from '../document/layers.js';
import { goldIdList, type GoldEntity, type GoldIds } from './gold.js';
import { lastWordRunEnd, nameKey, wordTokens } from './fold.js';

export interface Pair {
  gold: number;
  system: number;
}

/**
 * Greedy best-first matching: every (gold, system) pair that `score` accepts (a number, higher is better) is
 * taken in descending order of score, skipping rows already used; ties go to the earlier rows. Greedy rather
 * than optimal (Hungarian) because scores here are rank preferences, not costs to be traded off.
 */
export function alignOneToOne<G, S>(gold: readonly G[], system: readonly S[], score: (g: G, s: S) => number | undefined): Pair[] {
  const candidates: Array<Pair & { score: number }> = [];
  gold.forEach((g, gi) =>
    system.forEach((s, si) => {
      const value = score(g, s);
      if (value !== undefined) candidates.push({ gold: gi, system: si, score: value });
    }),
  );
  candidates.sort((a, b) => b.score - a.score || a.gold - b.gold || a.system - b.system);
  const usedGold = new Set<number>();
  const usedSystem = new Set<number>();
  const pairs: Pair[] = [];
  for (const c of candidates) {
    if (usedGold.has(c.gold) || usedSystem.has(c.system)) continue;
    usedGold.add(c.gold);
    usedSystem.add(c.system);
    pairs.push({ gold: c.gold, system: c.system });
  }
  return pairs.sort((a, b) => a.gold - b.gold);
}

const namesOf = (x: { name: string; aliases?: string[] }): string[] => [x.name, ...(x.aliases ?? [])];

/** Which system actor stands for which gold entity: the one-to-one pairing every layer resolves ids through. */
export class EntityAlignment {
  private readonly goldOf = new Map<string, string>();
  /** Gold entity index ↔ system actor index. */
  readonly pairs: Pair[];

  constructor(
    readonly entities: readonly GoldEntity[],
    readonly actors: readonly Actor[],
  ) {
    this.pairs = alignOneToOne(entities, actors, entityMatchScore);
    for (const pair of this.pairs) {
      this.goldOf.set(actors[pair.system]!.id, entities[pair.gold]!.id);
    }
  }

  /** The gold entity id a system actor id stands for, if any. */
  goldId(actorId: string | undefined): string | undefined {
    return actorId === undefined ? undefined : this.goldOf.get(actorId);
  }

  /** True when the system actor stands for one of the acceptable gold ids. */
  matches(acceptable: GoldIds | undefined, actorId: string | undefined): boolean {
    const goldId = this.goldId(actorId);
    return goldId !== undefined && goldIdList(acceptable).includes(goldId);
  }

  /** True when any of the system actors stands for one of the acceptable gold ids. */
  matchesAny(acceptable: GoldIds | undefined, actorIds: readonly string[]): boolean {
    return actorIds.some((id) => this.matches(acceptable, id));
  }

  /**
   * The gold entity a described speaker names: of the entities whose name or alias occurs word for word in
   * the text, the one named last (an English noun phrase ends in its head: "MQM-P Convener Dr Khalid
   * Maqbool Siddiqui" is Siddiqui, "the MQM-P’s key leaders" can only be the MQM-P), then the longest name.
   */
  goldIdInText(text: string): string | undefined {
    let best: { id: string; end: number; length: number } | undefined;
    for (const entity of this.entities) {
      for (const name of namesOf(entity)) {
        const end = lastWordRunEnd(text, name);
        if (end === undefined) continue;
        const length = wordTokens(name).length;
        if (best === undefined || end > best.end || (end === best.end && length > best.length)) best = { id: entity.id, end, length };
      }
    }
    return best?.id;
  }
}

/**
 * A gold entity and a system actor match when a name or alias of one equals a name or alias of the other
 * (by nameKey). Among several candidates, equal canonical names rank first, then equal types, then the number
 * of shared names.
 */
function entityMatchScore(entity: GoldEntity, actor: Actor): number | undefined {
  const goldKeys = new Set(namesOf(entity).map(nameKey).filter((k) => k !== ''));
  const systemKeys = new Set(namesOf(actor).map(nameKey).filter((k) => k !== ''));
  let shared = 0;
  for (const key of systemKeys) if (goldKeys.has(key)) shared++;
  if (shared === 0) return undefined;
  return (nameKey(entity.name) === nameKey(actor.name) ? 100 : 0) + (entity.type === actor.type ? 10 : 0) + shared;
}
