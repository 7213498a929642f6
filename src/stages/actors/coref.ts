/**
 * Coreference for the mentions that carry no name: an office written alone ("PM", "the federal minister",
 * "the MQM-P convener") goes to the person the document gives that office; a third-person pronoun goes to
 * the most salient person before it.
 */
import type { Lexicon } from './lexicon.js';
import type { Candidate } from './mentions.js';
import type { RoleDraft } from './roles.js';
import type { Word } from './words.js';

/** Candidate index → candidate index of the named mention it refers to. */
export type Antecedents = Map<number, number>;

function titleWords(words: readonly Word[], c: Candidate): string[] {
  if (c.title?.expansion) return c.title.expansion.toLowerCase().split(' ');
  return words.slice(c.from, c.to).map((w) => w.lower);
}

/**
 * "PM" → the holder of "Prime Minister"; "the federal minister" → the holder of "Federal Minister for
 * Planning, …": same head, every word of the bare office inside the held one, same organisation if given.
 */
export function resolveTitles(
  candidates: readonly Candidate[],
  words: readonly Word[],
  roles: readonly RoleDraft[],
  titleOrgs: ReadonlyMap<number, number>,
  lex: Lexicon,
  actorOf: ReadonlyMap<number, number>,
  antecedents: Antecedents,
): void {
  candidates.forEach((c, n) => {
    if (c.type !== 'TITLE' || antecedents.has(n)) return;
    const bare = titleWords(words, c);
    const org = titleOrgs.get(n);
    // "the PTI chief", "the union's head": a top-office word with its organisation names whoever holds that
    // organisation's top office ("PTI Chairman Ali Raza").
    const top = org !== undefined && bare.length === 1 ? lex.topOffices.get(c.title!.head) : undefined;
    const fitting = roles.filter((r) => {
      const held = titleWords(words, candidates[r.title]!);
      const head = candidates[r.title]!.title!.head;
      if (top?.has(head)) return !held.some((w) => lex.rankModifiers.has(w)) && r.org !== undefined && actorOf.get(r.org) === actorOf.get(org!);
      if (head !== c.title!.head || !bare.every((w) => held.includes(w))) return false;
      if (held.some((w) => lex.rankModifiers.has(w) && !bare.includes(w))) return false;
      return org === undefined || (r.org !== undefined && actorOf.get(r.org) === actorOf.get(org));
    });
    const before = fitting.filter((r) => candidates[r.title]!.from < c.from);
    const chosen = (before.length > 0 ? before[before.length - 1] : fitting[0]);
    if (chosen) antecedents.set(n, chosen.person);
  });
}

/**
 * Pronouns: inside a quotation, the last person named earlier in the same quotation; outside, the last person
 * named earlier in the sentence, else the first person named (the subject) in the closest sentence before that
 * names one. Mentions inside quotations are skipped from outside, so in "“PM will visit Karachi…,” he added"
 * "he" is the speaker named before the quotation, not the PM. A resolved pronoun passes its person on
 * ("he would look into his party's concerns").
 */
export function resolvePronouns(candidates: readonly Candidate[], words: readonly Word[], antecedents: Antecedents): void {
  const personal = (n: number) => candidates[n]!.type === 'PERSON' || antecedents.has(n);
  const target = (n: number) => (candidates[n]!.type === 'PERSON' ? n : antecedents.get(n)!);
  candidates.forEach((c, n) => {
    if (c.type !== 'PRONOUN') return;
    const word = words[c.from]!;
    // "assured him that he would…": the subject pronoun is not the object named just before it.
    const object = words[c.from - 1]?.lower === 'that' && candidates[n - 1]?.type === 'PRONOUN' && candidates[n - 1]!.to === c.from - 1 ? antecedents.get(n - 1) : undefined;
    const fits = (m: number) => personal(m) && (object === undefined || target(m) !== object);
    let found: number | undefined;
    for (let m = n - 1; m >= 0 && found === undefined; m--) {
      const p = candidates[m]!;
      const w = words[p.from]!;
      if (word.inQuote) {
        if (w.sentence !== word.sentence || !w.inQuote) break;
        if (fits(m)) found = target(m);
        continue;
      }
      if (w.sentence !== word.sentence) break;
      if (!w.inQuote && fits(m)) found = target(m);
    }
    if (found === undefined && !word.inQuote) {
      let sentence = -1;
      let subject: number | undefined;
      for (let m = n - 1; m >= 0; m--) {
        const w = words[candidates[m]!.from]!;
        if (w.sentence === word.sentence || w.inQuote || !personal(m)) continue;
        if (sentence !== -1 && w.sentence !== sentence) break;
        sentence = w.sentence;
        subject = target(m);
      }
      found = subject;
    }
    if (found !== undefined) antecedents.set(n, found);
  });
}
