/**
 * `node --import tsx scripts/build-polnear-cues.ts [--min-count N] [--min-rate R]`: grows the statement cue
 * lexicon from the PolNeAR *train* split (../shared/data/polnear/data/train; never dev) and writes
 * src/stages/statements/cues-learned.json, which lexicon.ts merges with the hand-written cues.json.
 *
 * A candidate is a cue the annotators marked that is one verb ("urged") or a verb and its particle ("called
 * for"), tagged by the project's own segmenter. It is kept when it was a cue at least `min-count` times and
 * in at least `min-rate` of all its occurrences as a verb in the train texts, so a verb that is mostly not
 * a cue ("called" a name, "made") stays out. Forms already in cues.json are left out. Lemmas are
 * compromise's infinitives, so a learned form joins its hand-written lemma when there is one.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import nlp from 'compromise';
import { createDocument } from '../src/document/document.js';
import { packagePath } from '../src/package-path.js';
import { segmentStage } from '../src/stages/segment/segment.js';
import { loadPolnear } from './eval-polnear.js';

const args = process.argv.slice(2);
const flag = (name: string, fallback: number) => {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const MIN_COUNT = flag('--min-count', 3);
const MIN_RATE = flag('--min-rate', 0.4);
const OUT = packagePath('src/stages/statements/cues-learned.json');

interface HandFile { verbs: Record<string, { forms: string[] }>; prepositional: Record<string, string> }
const hand = JSON.parse(readFileSync(packagePath('src/stages/statements/cues.json'), 'utf8')) as HandFile;
// "according to" is tagged a verb, but it is a prepositional cue already.
const known = new Set([...Object.values(hand.verbs).flatMap((v) => v.forms), ...Object.keys(hand.prepositional)]);

const PARTICLES = new Set(['for', 'on', 'out', 'up', 'to', 'about', 'off', 'back', 'down', 'over']);
const asCue = new Map<string, number>();
const asVerb = new Map<string, number>();
const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
const normal = (s: string) => s.toLowerCase().replace(/[\u2018\u2019]/gu, "'");

const articles = loadPolnear('train');
for (const article of articles) {
  const doc = createDocument(article.text);
  segmentStage.run(doc, { warn: () => undefined });
  const words = doc.tokens
    .map((t) => ({ start: t.span.start, end: t.span.end, lower: normal(doc.text.slice(t.span.start, t.span.end)), pos: t.pos ?? 'X' }))
    .filter((w) => !/^\s*$/u.test(w.lower));
  const at = new Map(words.map((w, i) => [w.start, i]));
  // Denominators: every verb form and verb + particle pair in the text.
  words.forEach((w, i) => {
    if (w.pos !== 'VERB') return;
    bump(asVerb, w.lower);
    const next = words[i + 1];
    if (next && PARTICLES.has(next.lower)) bump(asVerb, `${w.lower} ${next.lower}`);
  });
  for (const g of article.gold) {
    if (g.cue.length !== 1) continue;
    const i = at.get(g.cue[0]!.start);
    if (i === undefined || words[i]!.pos !== 'VERB') continue;
    const end = g.cue[0]!.end;
    if (words[i]!.end === end) bump(asCue, words[i]!.lower);
    else if (words[i + 1]?.end === end && PARTICLES.has(words[i + 1]!.lower)) bump(asCue, `${words[i]!.lower} ${words[i + 1]!.lower}`);
  }
}

function lemmaOf(form: string): string {
  const [verb, particle] = form.split(' ');
  const inf = nlp(verb!).verbs().toInfinitive().text().toLowerCase() || verb!;
  return particle ? `${inf} ${particle}` : inf;
}

const kept: { form: string; cue: number; verb: number }[] = [];
for (const [form, cue] of asCue) {
  const verb = asVerb.get(form) ?? cue;
  if (known.has(form) || cue < MIN_COUNT || cue / verb < MIN_RATE) continue;
  kept.push({ form, cue, verb });
}
kept.sort((a, b) => b.cue - a.cue || a.form.localeCompare(b.form));
const verbs: Record<string, { forms: string[] }> = {};
for (const k of kept) (verbs[lemmaOf(k.form)] ??= { forms: [] }).forms.push(k.form);
const file = {
  $comment: `Cue forms learned from PolNeAR train (${articles.length} articles) by scripts/build-polnear-cues.ts --min-count ${MIN_COUNT} --min-rate ${MIN_RATE}: `
    + 'a verb (or verb + particle) the annotators marked as a cue at least min-count times and in at least min-rate of its uses as a verb. '
    + 'Regenerate with the same command; do not edit by hand (hand-written cues go in cues.json).',
  counts: Object.fromEntries(kept.map((k) => [k.form, `${k.cue}/${k.verb}`])),
  verbs,
};
writeFileSync(OUT, JSON.stringify(file, null, 1) + '\n');
console.log(`${articles.length} train articles; ${asCue.size} verb cue forms seen, ${kept.length} kept (not in cues.json, count >= ${MIN_COUNT}, rate >= ${MIN_RATE}) -> ${OUT}`);
console.log(kept.map((k) => `${k.form} ${k.cue}/${k.verb}`).join(', '));
