import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The package's root directory, found from this module whether it runs from src/ (tsx) or dist/src/
 * (compiled), so data files (lexicons, models, schema) are read from one place in both.
 */
function findPackageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('polity: cannot find the package root');
    dir = parent;
  }
  return dir;
}

const root = findPackageRoot();

/** Absolute path of a file shipped with the package, given relative to the package root. */
export function packagePath(relative: string): string {
  return join(root, relative);
}
