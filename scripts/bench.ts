/**
 * `npm run bench`: runs every section in scripts/bench/ (or those named on the command line) and prints
 * throughput and memory. Each section module exports `section: BenchSection`.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchSection } from './bench/lib/section.js';

const dir = join(dirname(fileURLToPath(import.meta.url)), 'bench');
const wanted = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.ts'))
  .sort();

for (const file of files) {
  const { section } = (await import(pathToFileURL(join(dir, file)).href)) as { section: BenchSection };
  if (wanted.length > 0 && !wanted.includes(section.name)) continue;
  const before = process.memoryUsage();
  const t0 = performance.now();
  const lines = await section.run();
  const seconds = (performance.now() - t0) / 1000;
  const after = process.memoryUsage();
  console.log(`\n## ${section.name} (${seconds.toFixed(1)} s, rss ${(after.rss / 2 ** 20).toFixed(0)} MiB, heap +${((after.heapUsed - before.heapUsed) / 2 ** 20).toFixed(0)} MiB)`);
  for (const line of lines) console.log(line);
}
