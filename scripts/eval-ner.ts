/**
 * `node --import tsx scripts/eval-ner.ts [dev|test]`: exact-span F1 of the shipped named-entity model on a
 * split of English Worldwide Newswire (default: test; split in src/train/split.ts), per class, for
 * Person+Organization+Location and for all 9 classes, side by side with compromise's people(), organizations()
 * and places() on the same sentences (compromise has no other classes, so it is scored on those three).
 */
import nlp from 'compromise';
import { packagePath } from '../src/package-path.js';
import { actorLexicon } from '../src/stages/actors/lexicon.js';
import { NerModel } from '../src/models/ner/model.js';
import { readNewswire } from '../src/train/newswire.js';
import { SpanTally } from '../src/train/ner-metrics.js';
import type { SplitName } from '../src/train/split.js';
import { entitiesOf } from '../src/models/ner/model.js';

const split = (process.argv[2] ?? 'test') as SplitName;
const DATA = packagePath('../shared/data/en-worldwide-newswire/processed_annotated');
const MAIN = ['Person', 'Organization', 'Location'];

interface Offset { start: number; length: number }

/** compromise entities on the sentence's tokens joined by spaces, mapped back to token ranges. */
function compromiseEntities(tokens: readonly string[]): { start: number; end: number; label: string }[] {
  const starts: number[] = [];
  let text = '';
  for (const t of tokens) {
    starts.push(text.length);
    text += `${t} `;
  }
  const tokenAt = (offset: number) => {
    let k = 0;
    while (k + 1 < starts.length && starts[k + 1]! <= offset) k++;
    return k;
  };
  const doc = nlp(text);
  const out: { start: number; end: number; label: string }[] = [];
  const add = (items: { offset: Offset }[], label: string) => {
    for (const { offset } of items) {
      // compromise keeps trailing punctuation in its text; the entity ends at its last word character.
      const chunk = text.slice(offset.start, offset.start + offset.length).replace(/[\s.,;:!?'"]+$/u, '');
      if (!chunk) continue;
      out.push({ start: tokenAt(offset.start), end: tokenAt(offset.start + chunk.length - 1) + 1, label });
    }
  };
  add(doc.people().json({ offset: true }) as { offset: Offset }[], 'Person');
  add(doc.organizations().json({ offset: true }) as { offset: Offset }[], 'Organization');
  add(doc.places().json({ offset: true }) as { offset: Offset }[], 'Location');
  return out;
}

const lex = actorLexicon();
const t0 = performance.now();
const model = NerModel.load();
const loadMs = performance.now() - t0;
const files = readNewswire(DATA, [split]);
const sentences = files.flatMap((f) => f.sentences);
const ours = new SpanTally();
const theirs = new SpanTally();
let tokens = 0;
let oursMs = 0;
let theirsMs = 0;
for (const s of sentences) {
  tokens += s.tokens.length;
  let t = performance.now();
  const predicted = model.predict(s.tokens, lex);
  oursMs += performance.now() - t;
  ours.addTags(s.tags, predicted);
  t = performance.now();
  const gold = entitiesOf(s.tags);
  theirs.addEntities(gold.filter((e) => MAIN.includes(e.label)), compromiseEntities(s.tokens));
  theirsMs += performance.now() - t;
}

const pct = (x: number) => (100 * x).toFixed(1).padStart(5);
const row = (a: SpanTally, labels: string[] | undefined) => {
  const s = a.score(labels);
  return `${pct(s.precision)} ${pct(s.recall)} ${pct(s.f1)}`;
};
console.log(`en-worldwide-newswire ${split} split: ${files.length} files, ${sentences.length} sentences, ${tokens} tokens`);
console.log(`model loaded in ${loadMs.toFixed(0)} ms`);
console.log(`${'class'.padEnd(26)}  polity P     R    F1 | compromise P  R    F1`);
for (const label of [...MAIN, ...[...ours.byLabel.keys()].filter((l) => !MAIN.includes(l)).sort()]) {
  const c = MAIN.includes(label) ? row(theirs, [label]) : '    —     —     —';
  console.log(`${label.padEnd(26)}  ${row(ours, [label])} | ${c}`);
}
console.log(`${'Person+Organization+Location'.padEnd(26)}  ${row(ours, MAIN)} | ${row(theirs, MAIN)}`);
console.log(`${'all 9 classes'.padEnd(26)}  ${row(ours, undefined)} |     —     —     —`);
console.log(`speed: polity ${Math.round(tokens / (oursMs / 1000))} tokens/s, compromise ${Math.round(tokens / (theirsMs / 1000))} tokens/s`);
