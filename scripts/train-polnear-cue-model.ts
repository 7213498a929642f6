/**
 * `node --import tsx scripts/train-polnear-cue-model.ts [--epochs N] [--l2 X] [--min-count N] [--threshold P]`: trains the
 * cue model of src/stages/statements/cue-model.ts on the PolNeAR *train* split
 * (../shared/data/polnear/data/train; never dev or test) and writes src/stages/statements/cue-model.json.
 *
 * Every verb and noun of the train texts, as the project's own segmenter tags them, is an example; it is
 * positive when it heads a gold cue (the cue's last verb, else its last noun: "has repeatedly *said*", "the
 * *report*"). Logistic regression by AdaGrad over the sparse features of `cueFeatures`, features seen fewer
 * than --min-count times (5) dropped. The last tenth of the train articles is held out to report token-level P/R/F1 and to
 * pick the threshold (best F1) unless --threshold is given; the written model is then trained on all of train.
 */
import { writeFileSync } from 'node:fs';
import nlp from 'compromise';
import { createDocument } from '../src/document/document.js';
import { packagePath } from '../src/package-path.js';
import { segmentStage } from '../src/stages/segment/segment.js';
import { sentenceWords } from '../src/stages/statements/clauses.js';
import { CUE_HEAD_POS, cueFeatures, scoreFeatures, type CueModelFile } from '../src/stages/statements/cue-model.js';
import { loadPolnear } from './eval-polnear.js';

const args = process.argv.slice(2);
const flag = (name: string): number | undefined => {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args[at + 1]) : undefined;
};
const EPOCHS = flag('--epochs') ?? 6;
const L2 = flag('--l2') ?? 1e-6;
const MIN_COUNT = flag('--min-count') ?? 5;
const RATE = 0.2;
const OUT = packagePath('src/stages/statements/cue-model.json');

interface Example { features: string[]; label: number; form: string }

function examplesOf(split: string): { article: number; ex: Example }[] {
  const out: { article: number; ex: Example }[] = [];
  loadPolnear(split).forEach((article, ai) => {
    const doc = createDocument(article.text);
    segmentStage.run(doc, { warn: () => undefined });
    const heads = new Set<number>();
    const sentences = sentenceWords(doc);
    const all = sentences.flatMap((s) => s.words.map((w) => ({ s, w })));
    for (const g of article.gold) {
      const inCue = all.filter(({ w }) => g.cue.some((c) => w.span.start >= c.start && w.span.end <= c.end)).map(({ w }) => w);
      const head = [...inCue].reverse().find((w) => w.pos === 'VERB') ?? [...inCue].reverse().find((w) => w.pos === 'NOUN');
      if (head) heads.add(head.span.start);
    }
    for (const s of sentences) {
      s.words.forEach((w, k) => {
        if (!CUE_HEAD_POS.has(w.pos)) return;
        out.push({ article: ai, ex: { features: cueFeatures(s.words, k), label: heads.has(w.span.start) ? 1 : 0, form: w.lower } });
      });
    }
  });
  return out;
}

function train(examples: readonly Example[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const e of examples) for (const f of e.features) counts.set(f, (counts.get(f) ?? 0) + 1);
  const weights = new Map<string, number>();
  const g2 = new Map<string, number>();
  // A fixed order shuffle (by a seeded generator) so a run can be repeated exactly.
  let seed = 17;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const order = examples.map((_, i) => i);
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const i of order) {
      const e = examples[i]!;
      const feats = e.features.filter((f) => (counts.get(f) ?? 0) >= MIN_COUNT);
      const grad = scoreFeatures(weights, feats) - e.label;
      for (const f of feats) {
        const w = weights.get(f) ?? 0;
        const g = grad + L2 * w;
        const acc = (g2.get(f) ?? 0) + g * g;
        g2.set(f, acc);
        weights.set(f, w - (RATE * g) / Math.sqrt(acc + 1e-8));
      }
    }
  }
  return weights;
}

function prf(weights: ReadonlyMap<string, number>, examples: readonly Example[], threshold: number) {
  let tp = 0, fp = 0, fn = 0;
  for (const e of examples) {
    const yes = scoreFeatures(weights, e.features) >= threshold;
    if (yes && e.label) tp++;
    else if (yes) fp++;
    else if (e.label) fn++;
  }
  const p = tp / Math.max(1, tp + fp);
  const r = tp / Math.max(1, tp + fn);
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}

const all = examplesOf('train');
const articles = all.reduce((m, e) => Math.max(m, e.article), -1) + 1;
const cut = Math.floor(articles * 0.9);
const fit = all.filter((e) => e.article < cut).map((e) => e.ex);
const held = all.filter((e) => e.article >= cut).map((e) => e.ex);
const heldModel = train(fit);
let threshold = flag('--threshold') ?? 0.5;
if (flag('--threshold') === undefined) {
  let best = -1;
  for (let t = 0.2; t <= 0.8; t += 0.05) {
    const { f1 } = prf(heldModel, held, t);
    if (f1 > best) [best, threshold] = [f1, Math.round(t * 100) / 100];
  }
}
const h = prf(heldModel, held, threshold);
const pct = (x: number) => (100 * x).toFixed(1);
console.log(`${articles} train articles, ${all.length} verb/noun examples (${all.filter((e) => e.ex.label).length} cue heads); `
  + `held-out last tenth at threshold ${threshold}: P ${pct(h.p)} R ${pct(h.r)} F1 ${pct(h.f1)}`);

const weights = train(all.map((e) => e.ex));
const kept: Record<string, number> = {};
for (const [f, w] of [...weights].sort((a, b) => a[0].localeCompare(b[0]))) if (Math.abs(w) >= 0.01) kept[f] = Math.round(w * 1000) / 1000;
const headForms = new Map<string, number>();
for (const e of all) if (e.ex.label) headForms.set(e.ex.form, (headForms.get(e.ex.form) ?? 0) + 1);
const lemmas: Record<string, string> = {};
for (const [form, n] of [...headForms].sort((a, b) => a[0].localeCompare(b[0]))) {
  if (n < 2) continue;
  const verb = nlp(form).verbs().toInfinitive().text().toLowerCase();
  lemmas[form] = verb || nlp(form).nouns().toSingular().text().toLowerCase() || form;
}
const file: CueModelFile = {
  $comment: `Cue model trained on PolNeAR train (${articles} articles, ${all.length} examples) by `
    + `node --import tsx scripts/train-polnear-cue-model.ts --epochs ${EPOCHS} --l2 ${L2} --min-count ${MIN_COUNT}${flag('--threshold') !== undefined ? ` --threshold ${threshold}` : ''}; `
    + `held-out token F1 ${pct(h.f1)} (P ${pct(h.p)}, R ${pct(h.r)}). Regenerate with the same command; do not edit by hand.`,
  threshold,
  weights: kept,
  lemmas,
};
writeFileSync(OUT, JSON.stringify(file) + '\n');
console.log(`${Object.keys(kept).length} weights, ${Object.keys(lemmas).length} lemmas -> ${OUT}`);
