/**
 * Event coding quality.
 * 1. The seed gold (../shared/gold): event, state-change and relation P/R/F1 through the eval harness.
 * 2. PLOVER gold standard records, dev half (../shared/data/plover/gsr-dev.json): each record's text run
 *    through the pipeline; event-type accuracy (old type names mapped per NOTE.md), source and target match.
 *
 * Usage: node --import tsx scripts/eval-plover.ts [--json]
 */
import { readFileSync } from 'node:fs';
import { createDocument, type Document } from '../src/document/document.js';
import type { Event } from '../src/document/layers.js';
import { evaluateGoldDir } from '../src/eval/index.js';
import { packagePath } from '../src/package-path.js';
import { Pipeline } from '../src/pipeline/pipeline.js';
import { defaultPipeline } from '../src/pipeline/default.js';
import { eventsStage } from '../src/stages/events/events.js';
import { relationsStage } from '../src/stages/relations/relations.js';
import { statementsStage } from '../src/stages/statements/statements.js';

/** Old (0.5b1) type names in the gold standard records and their current PLOVER names (NOTE.md). */
const OLD_TYPE_NAMES: Record<string, string> = { DEMAND: 'REQUEST', DISAPPROVE: 'ACCUSE', INVESTIGATE: 'ACCUSE', FIGHT: 'ASSAULT' };

interface GsrActor {
  actorText?: string;
}
interface GsrRecord {
  id: string;
  date?: string;
  event: string;
  eventText?: string;
  source?: GsrActor[] | string;
  target?: GsrActor[] | string;
  text: string;
}

/** The default pipeline, with the statements, events and relations stages appended where it does not list them. */
export function eventPipeline(): Pipeline {
  const base = defaultPipeline();
  const names = new Set(base.stages.map((s) => s.name));
  return new Pipeline([...base.stages, ...[statementsStage, eventsStage, relationsStage].filter((s) => !names.has(s.name))]);
}

function actorTexts(a: GsrActor[] | string | undefined): string[] {
  if (!Array.isArray(a)) return [];
  return a.map((x) => (x.actorText ?? '').toLowerCase().replace(/\s*\.\.\.\s*/gu, ' ').trim()).filter((t) => t.length > 0);
}

/** Surface forms of the actors an event names: canonical names, aliases and the mentions' text. */
function surfaceForms(doc: Document, ids: readonly string[]): string[] {
  return ids.flatMap((id) => {
    const actor = doc.actors.find((a) => a.id === id);
    const mentions = doc.mentions.filter((m) => m.actor === id).map((m) => doc.text.slice(m.span.start, m.span.end));
    return [...(actor ? [actor.name, ...actor.aliases] : []), ...mentions].map((s) => s.toLowerCase());
  });
}

/** A gold actor text and a system form match when one contains the other ("Syria" in "Syria's army"). */
function actorsMatch(gold: readonly string[], system: readonly string[]): boolean {
  return gold.some((g) => system.some((s) => s.length > 1 && (g.includes(s) || s.includes(g))));
}

/** The event the record is about: the one whose trigger is among the gold event words, else the first. */
function primaryEvent(doc: Document, events: readonly Event[], eventText: string): Event | undefined {
  const words = new Set(eventText.toLowerCase().split(/\s+/u));
  return events.find((e) => doc.text.slice(e.trigger.start, e.trigger.end).toLowerCase().split(/\s+/u).some((w) => words.has(w))) ?? events[0];
}

/**
 * The trivial baseline: runs of capitalised words ("Prime Minister Ehud Barak", "U.N."), lower-cased, in
 * text order; a sentence-initial function word ("The", "In") does not start a name.
 */
export function capitalisedNames(text: string): string[] {
  const names: string[] = [];
  const re = /(?:[A-Z][\p{L}.'’-]*)(?:\s+(?:[A-Z][\p{L}.'’-]*))*/gu;
  for (const m of text.matchAll(re)) {
    const words = m[0].split(/\s+/u);
    while (words.length > 0 && /^(The|A|An|In|On|At|After|According|Despite|Under|Newly|Ousted|Human)$/u.test(words[0]!)) words.shift();
    if (words.length > 0) names.push(words.join(' ').toLowerCase().replace(/['’]s$/u, ''));
  }
  return names;
}

export interface GsrScore {
  records: number;
  withEvent: number;
  typeCorrect: number;
  sourceChecked: number;
  sourceCorrect: number;
  targetChecked: number;
  targetCorrect: number;
  byType: Record<string, { n: number; correct: number }>;
  /** The trivial rule on the same records with an event: source = first capitalised name, target = second. */
  trivialSourceCorrect: number;
  trivialTargetCorrect: number;
  tokens: number;
  ms: number;
}

export async function scoreGsr(pipeline: Pipeline, path = packagePath('../shared/data/plover/gsr-dev.json')): Promise<GsrScore> {
  const records = JSON.parse(readFileSync(path, 'utf8')) as GsrRecord[];
  const score: GsrScore = { records: 0, withEvent: 0, typeCorrect: 0, sourceChecked: 0, sourceCorrect: 0, targetChecked: 0, targetCorrect: 0, byType: {}, trivialSourceCorrect: 0, trivialTargetCorrect: 0, tokens: 0, ms: 0 };
  for (const r of records) {
    const gold = OLD_TYPE_NAMES[r.event] ?? r.event;
    const doc = createDocument(r.text, r.date ? { published: r.date } : {});
    const run = await pipeline.run(doc);
    score.ms += run.timings.filter((t) => t.stage === 'events').reduce((a, t) => a + t.ms, 0);
    score.tokens += doc.tokens.length;
    score.records++;
    const slot = (score.byType[gold] ??= { n: 0, correct: 0 });
    slot.n++;
    const e = primaryEvent(doc, doc.events, r.eventText ?? '');
    if (!e) continue;
    score.withEvent++;
    if (e.type === gold) {
      score.typeCorrect++;
      slot.correct++;
    }
    const names = capitalisedNames(r.text);
    const sources = actorTexts(r.source);
    if (sources.length > 0) {
      score.sourceChecked++;
      if (actorsMatch(sources, surfaceForms(doc, e.actor))) score.sourceCorrect++;
      if (actorsMatch(sources, names.slice(0, 1))) score.trivialSourceCorrect++;
    }
    const targets = actorTexts(r.target);
    if (targets.length > 0) {
      score.targetChecked++;
      if (actorsMatch(targets, surfaceForms(doc, e.recipient))) score.targetCorrect++;
      if (actorsMatch(targets, names.slice(1, 2))) score.trivialTargetCorrect++;
    }
  }
  return score;
}

const pct = (n: number, d: number) => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)}%`);

export function formatGsr(s: GsrScore): string[] {
  return [
    `gsr-dev (../shared/data/plover/gsr-dev.json, ${s.records} records): type accuracy ${pct(s.typeCorrect, s.records)} of all records, ${pct(s.typeCorrect, s.withEvent)} of the ${s.withEvent} with an event (coverage ${pct(s.withEvent, s.records)})`,
    `  source match ${pct(s.sourceCorrect, s.sourceChecked)} (${s.sourceCorrect}/${s.sourceChecked}), target match ${pct(s.targetCorrect, s.targetChecked)} (${s.targetCorrect}/${s.targetChecked}) among records with an event`,
    `  trivial rule on the same records (source = first capitalised name, target = second): source ${pct(s.trivialSourceCorrect, s.sourceChecked)} (${s.trivialSourceCorrect}/${s.sourceChecked}), target ${pct(s.trivialTargetCorrect, s.targetChecked)} (${s.trivialTargetCorrect}/${s.targetChecked})`,
    `  by type: ${Object.entries(s.byType).sort().map(([t, v]) => `${t} ${v.correct}/${v.n}`).join(', ')}`,
  ];
}

async function main(): Promise<void> {
  const pipeline = eventPipeline();
  const seed = await evaluateGoldDir(packagePath('../shared/gold'), { pipeline, layers: ['events', 'state_changes', 'relations'] });
  const gsr = await scoreGsr(pipeline);
  if (process.argv.includes('--json')) {
    process.stdout.write(`${JSON.stringify({ seed: seed.layers, gsr }, null, 2)}\n`);
    return;
  }
  for (const [layer, s] of Object.entries(seed.layers)) {
    process.stdout.write(`seed gold ${layer}: P ${pct(s.tp, s.tp + s.fp)} R ${pct(s.tp, s.tp + s.fn)} F1 ${(100 * (s.f1 ?? 0)).toFixed(1)}% (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})\n`);
  }
  for (const line of formatGsr(gsr)) process.stdout.write(`${line}\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
