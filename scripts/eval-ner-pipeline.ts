/**
 * `node --import tsx scripts/eval-ner-pipeline.ts [dev|test]`: the mentions the pipeline EMITS (segment +
 * actors stages, rules and model together), scored by exact character span against English Worldwide Newswire
 * on a split (default test; src/train/split.ts), for Person, Organization (our ORG, PARTY and GOVBODY) and
 * Location (our PLACE), beside compromise's people(), organizations() and places() on the same text.
 *
 * Each article's text is rebuilt from its tokens (spaces between tokens, none before closing punctuation,
 * after opening brackets or around a hyphen, a blank line between sentences), so gold spans are exact
 * character ranges. Emitted mentions that open with a lower-case letter ("the government", "national
 * assembly") are descriptions the actors stage keeps for coreference, not names, and are not scored: the
 * data set annotates names only.
 */
import nlp from 'compromise';
import { createDocument } from '../src/document/document.js';
import { packagePath } from '../src/package-path.js';
import { Pipeline } from '../src/pipeline/pipeline.js';
import { actorsStage } from '../src/stages/actors/actors.js';
import { segmentStage } from '../src/stages/segment/segment.js';
import { entitiesOf } from '../src/models/ner/model.js';
import { readNewswire } from '../src/train/newswire.js';
import { SpanTally } from '../src/train/ner-metrics.js';
import type { SplitName } from '../src/train/split.js';

const split = (process.argv[2] ?? 'test') as SplitName;
/** With --errors, every false and missed span is printed after the scores. */
const errors: string[] | undefined = process.argv.includes('--errors') ? [] : undefined;
const DATA = packagePath('../shared/data/en-worldwide-newswire/processed_annotated');
const MAIN = ['Person', 'Organization', 'Location'];
const LABEL: Record<string, string> = { PERSON: 'Person', ORG: 'Organization', PARTY: 'Organization', GOVBODY: 'Organization', PLACE: 'Location' };
const NO_SPACE_BEFORE = /^(?:[.,;:!?%)\]}-]|'s|'|n't|'re|'ve|'ll|'d|'m|’s|’)$/u;
const NO_SPACE_AFTER = /^[([{$-]$/u;

interface Entity { start: number; end: number; label: string }

function rebuild(sentences: { tokens: string[]; tags: string[] }[]): { text: string; gold: Entity[] } {
  let text = '';
  const gold: Entity[] = [];
  for (const s of sentences) {
    if (text) text += '\n\n';
    const starts: number[] = [];
    const ends: number[] = [];
    s.tokens.forEach((t, k) => {
      if (k > 0 && !NO_SPACE_BEFORE.test(t) && !NO_SPACE_AFTER.test(s.tokens[k - 1]!)) text += ' ';
      starts.push(text.length);
      text += t;
      ends.push(text.length);
    });
    for (const e of entitiesOf(s.tags)) if (MAIN.includes(e.label)) gold.push({ start: starts[e.start]!, end: ends[e.end - 1]!, label: e.label });
  }
  return { text, gold };
}

function compromiseEntities(text: string): Entity[] {
  const doc = nlp(text);
  const out: Entity[] = [];
  const add = (items: { offset: { start: number; length: number } }[], label: string) => {
    for (const { offset } of items) {
      const chunk = text.slice(offset.start, offset.start + offset.length).replace(/[\s.,;:!?'"]+$/u, '');
      if (chunk) out.push({ start: offset.start, end: offset.start + chunk.length, label });
    }
  };
  add(doc.people().json({ offset: true }) as never, 'Person');
  add(doc.organizations().json({ offset: true }) as never, 'Organization');
  add(doc.places().json({ offset: true }) as never, 'Location');
  return out;
}

const pipeline = new Pipeline([segmentStage, actorsStage]);
const ours = new SpanTally();
const theirs = new SpanTally();
const files = readNewswire(DATA, [split]);
let cpu = 0;
let tokens = 0;
for (const f of files) {
  const { text, gold } = rebuild(f.sentences);
  const doc = createDocument(text);
  const before = process.cpuUsage();
  await pipeline.run(doc);
  const used = process.cpuUsage(before);
  cpu += used.user + used.system;
  tokens += doc.tokens.length;
  const emitted = doc.mentions.filter((m) => LABEL[m.type] !== undefined && !/^\p{Ll}/u.test(text.slice(m.span.start, m.span.end))).map((m) => ({ start: m.span.start, end: m.span.end, label: LABEL[m.type]! }));
  ours.addEntities(gold, emitted);
  if (errors) {
    const key = (e: Entity) => `${e.start}:${e.end}:${e.label}`;
    const g = new Set(gold.map(key));
    const o = new Set(emitted.map(key));
    for (const e of emitted) if (!g.has(key(e))) errors.push(`FP ${e.label} ${text.slice(e.start, e.end)}`);
    for (const e of gold) if (!o.has(key(e))) errors.push(`FN ${e.label} ${text.slice(e.start, e.end)}`);
  }
  theirs.addEntities(gold, compromiseEntities(text));
}
const pct = (x: number) => (100 * x).toFixed(1).padStart(5);
const row = (a: SpanTally, labels: string[]) => {
  const s = a.score(labels);
  return `${pct(s.precision)} ${pct(s.recall)} ${pct(s.f1)}`;
};
console.log(`en-worldwide-newswire ${split} split: ${files.length} files, pipeline-emitted mentions, exact character span`);
console.log(`${'class'.padEnd(28)}  polity P     R    F1 | compromise P  R    F1`);
for (const label of MAIN) console.log(`${label.padEnd(28)}  ${row(ours, [label])} | ${row(theirs, [label])}`);
console.log(`${'Person+Organization+Location'.padEnd(28)}  ${row(ours, MAIN)} | ${row(theirs, MAIN)}`);
console.log(`segment + actors: ${tokens} tokens in ${(cpu / 1e6).toFixed(1)} s CPU = ${Math.round(tokens / (cpu / 1e6))} tokens/s (model load included in the first article)`);
if (errors) for (const e of errors) console.log(e);
