/**
 * `npm run train:ner`: trains the named-entity tagger on the train split of English Worldwide Newswire
 * (sha1(file name) mod 10 ≥ 2; see src/train/split.ts), reports exact-span F1 on dev, and writes
 * src/models/ner/ner-model.json.gz. A few minutes on one core.
 */
import { packagePath } from '../src/package-path.js';
import { actorLexicon } from '../src/stages/actors/lexicon.js';
import { DEFAULT_NER_MODEL } from '../src/models/ner/model.js';
import { readNewswire } from '../src/train/newswire.js';
import { trainNer, DEFAULT_NER_TRAINING } from '../src/train/ner-trainer.js';
import { SpanTally } from '../src/train/ner-metrics.js';

const DATA = packagePath('../shared/data/en-worldwide-newswire/processed_annotated');
const lex = actorLexicon();
const t0 = performance.now();
const train = readNewswire(DATA, ['train']);
const dev = readNewswire(DATA, ['dev']);
const sentences = train.flatMap((f) => f.sentences);
console.log(`train: ${train.length} files, ${sentences.length} sentences; dev: ${dev.length} files`);
const model = trainNer(sentences, lex, { ...DEFAULT_NER_TRAINING, log: (l) => console.log(l) });
const trainSeconds = (performance.now() - t0) / 1000;

const tally = new SpanTally();
for (const s of dev.flatMap((f) => f.sentences)) tally.addTags(s.tags, model.predict(s.tokens, lex));
const main = tally.score(['Person', 'Organization', 'Location']);
const all = tally.score();
const pct = (x: number) => Number((100 * x).toFixed(1));
Object.assign(model.meta, {
  data: 'en-worldwide-newswire/processed_annotated',
  split: 'sha1(file name) mod 10: 0 test, 1 dev, 2-9 train',
  trainFiles: train.length,
  trainedOn: new Date().toISOString().slice(0, 10),
  epochs: DEFAULT_NER_TRAINING.epochs,
  devF1: { personOrganizationLocation: pct(main.f1), all: pct(all.f1) },
});
const saved = model.save(packagePath(DEFAULT_NER_MODEL));
console.log(`dev exact-span F1: Person+Organization+Location ${pct(main.f1)}, all classes ${pct(all.f1)}`);
for (const [label] of [...tally.byLabel].sort()) console.log(`  ${label}: F1 ${pct(tally.score([label]).f1)}`);
console.log(`trained in ${trainSeconds.toFixed(0)} s; saved ${saved.features} features, ${(saved.bytes / 1e6).toFixed(2)} MB → ${DEFAULT_NER_MODEL}`);
