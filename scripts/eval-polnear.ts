/**
 * Attribution quality on PolNeAR (Newell et al., 2018; ../shared/data/polnear, brat standoff).
 *
 *   node --import tsx scripts/eval-polnear.ts [dev|train] [--limit N] [--misses N]
 *
 * A gold attribution is found when one system statement's content overlaps its content by at least half of
 * the longer of the two, and (when the gold names a source) the system's speaker as written overlaps the
 * gold source. PolNeAR joins the pieces of one quotation broken by its cue (“…,” she said, “…”) into one
 * attribution; so system quotes sharing a cue, or continued without one, are scored as one. Kind is decided from the gold content: direct when at least half of it lies inside double
 * quote marks. Precision counts a system statement as correct when it finds some gold attribution.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createDocument } from '../src/document/document.js';
import type { StatementKind } from '../src/document/layers.js';
import type { Span } from '../src/document/span.js';
import { packagePath } from '../src/package-path.js';
import { segmentStage } from '../src/stages/segment/segment.js';
import { findAttributions, type Attribution } from '../src/stages/statements/attribute.js';
import { statementLexicon } from '../src/stages/statements/lexicon.js';

export const POLNEAR = packagePath('../shared/data/polnear/data');

interface GoldAttribution {
  content: Span[];
  source: Span[];
  cue: Span[];
  kind: StatementKind;
}

interface Article {
  name: string;
  text: string;
  published?: string;
  gold: GoldAttribution[];
}

export type MissReason = 'no cue found (cue not in lexicon)' | 'no cue found (cue in lexicon)' | 'wrong content span' | 'wrong source';
export type FalseAlarmReason = 'nothing attributed there' | 'content span disagrees';

export interface KindScore {
  gold: number;
  system: number;
  goldFound: number;
  systemCorrect: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface PolnearReport {
  split: string;
  articles: number;
  tokens: number;
  seconds: number;
  byKind: Record<StatementKind | 'all', KindScore>;
  misses: Record<MissReason, number>;
  falseAlarms: Record<FalseAlarmReason, number>;
  missedCues: [string, number][];
  examples: string[];
}

/** brat offsets count code points; JavaScript strings count UTF-16 units. */
function codePointOffsets(text: string): number[] {
  const map: number[] = [];
  let unit = 0;
  for (const ch of text) {
    map.push(unit);
    unit += ch.length;
  }
  map.push(unit);
  return map;
}

function parseAnn(ann: string, text: string): GoldAttribution[] {
  const toUnits = codePointOffsets(text);
  const spans = new Map<string, Span[]>();
  for (const line of ann.split('\n')) {
    const m = /^(T\d+)\t\S+ ([\d ;]+)\t/u.exec(line);
    if (!m) continue;
    spans.set(m[1]!, m[2]!.split(';').map((r) => {
      const [a, b] = r.trim().split(' ').map(Number);
      return { start: toUnits[a!] ?? a!, end: toUnits[b!] ?? b! };
    }));
  }
  const out: GoldAttribution[] = [];
  for (const line of ann.split('\n')) {
    if (!/^E\d+\tAttribution/u.test(line)) continue;
    const roles = new Map<string, string>();
    for (const part of line.split('\t')[1]!.trim().split(/\s+/u)) {
      const [role, id] = part.split(':');
      roles.set(role!.replace(/\d+$/u, ''), id!);
    }
    const content = spans.get(roles.get('Content') ?? '') ?? [];
    if (content.length === 0) continue;
    out.push({ content, source: spans.get(roles.get('Source') ?? '') ?? [], cue: spans.get(roles.get('Cue') ?? '') ?? [], kind: kindOf(text, content) });
  }
  return out;
}

/** Direct when at least half of the content lies inside double quote marks. */
function kindOf(text: string, content: Span[]): StatementKind {
  let inside = 0;
  let total = 0;
  for (const s of content) {
    let open = false;
    for (let i = s.start; i < s.end; i++) {
      const c = text[i]!;
      if (c === '\u201C' || (c === '"' && !open)) open = true;
      else if (c === '\u201D' || c === '"') open = false;
      else if (!/\s/u.test(c)) {
        total++;
        if (open) inside++;
      }
    }
  }
  return total > 0 && inside * 2 >= total ? 'direct' : 'indirect';
}

export function loadPolnear(split: string, limit = Infinity): Article[] {
  const dir = join(POLNEAR, split);
  const anns = readdirSync(join(dir, 'attributions')).sort();
  return readdirSync(join(dir, 'text'))
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .slice(0, limit)
    .flatMap((f) => {
      const name = f.replace(/\.txt$/u, '');
      // Some articles were annotated by several annotators; the first annotation is scored.
      const ann = anns.find((a) => a.startsWith(`${name}_`) && a.endsWith('.ann'));
      if (!ann) return [];
      const text = readFileSync(join(dir, 'text', f), 'utf8');
      const published = /_(\d{4}-\d{2}-\d{2})_/u.exec(f)?.[1];
      return [{ name, text, ...(published ? { published } : {}), gold: parseAnn(readFileSync(join(dir, 'attributions', ann), 'utf8'), text) }];
    });
}

function overlapLength(a: readonly Span[], b: Span): number {
  return a.reduce((sum, s) => sum + Math.max(0, Math.min(s.end, b.end) - Math.max(s.start, b.start)), 0);
}

function lengthOf(spans: readonly Span[]): number {
  return spans.reduce((sum, s) => sum + (s.end - s.start), 0);
}

/** A system statement as scored: its content pieces (several for a quotation broken by its cue). */
interface Scored {
  kind: StatementKind;
  source?: Span;
  cue?: Span;
  content: Span[];
}

function chainQuotes(system: readonly Attribution[]): Scored[] {
  const out: Scored[] = [];
  for (const a of system) {
    const prev = out[out.length - 1];
    const sameCue = prev?.cue !== undefined && a.cue !== undefined && prev.cue.start === a.cue.start;
    if (prev && ((a.continued && prev.kind === 'direct') || sameCue)) prev.content.push(a.content);
    else out.push({ kind: a.kind, ...(a.source ? { source: a.source } : {}), ...(a.cue ? { cue: a.cue } : {}), content: [a.content] });
  }
  return out;
}

function contentMatches(g: GoldAttribution, a: Scored): boolean {
  const inter = a.content.reduce((sum, piece) => sum + overlapLength(g.content, piece), 0);
  return inter * 2 >= Math.max(lengthOf(g.content), lengthOf(a.content));
}

function touches(g: GoldAttribution, a: Scored): boolean {
  return a.content.some((piece) => overlapLength(g.content, piece) > 0);
}

function sourceMatches(g: GoldAttribution, a: Scored): boolean {
  if (g.source.length === 0) return true;
  return a.source !== undefined && overlapLength(g.source, a.source) > 0;
}

function score(gold: number, system: number, goldFound: number, systemCorrect: number): KindScore {
  const precision = system ? systemCorrect / system : 0;
  const recall = gold ? goldFound / gold : 0;
  return { gold, system, goldFound, systemCorrect, precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

export function evaluatePolnear(split = 'dev', options: { limit?: number; examples?: number } = {}): PolnearReport {
  const lex = statementLexicon();
  const articles = loadPolnear(split, options.limit);
  const counts = { direct: [0, 0, 0, 0], indirect: [0, 0, 0, 0] } as Record<StatementKind, number[]>;
  const misses: Record<MissReason, number> = {
    'no cue found (cue not in lexicon)': 0, 'no cue found (cue in lexicon)': 0, 'wrong content span': 0, 'wrong source': 0,
  };
  const falseAlarms: Record<FalseAlarmReason, number> = { 'nothing attributed there': 0, 'content span disagrees': 0 };
  const missedCues = new Map<string, number>();
  const examples: string[] = [];
  let tokens = 0;
  let seconds = 0;
  for (const article of articles) {
    const doc = createDocument(article.text, article.published ? { published: article.published } : {});
    segmentStage.run(doc, { warn: () => undefined });
    const t1 = performance.now();
    const found0 = findAttributions(doc);
    seconds += (performance.now() - t1) / 1000;
    tokens += doc.tokens.length;
    const system = chainQuotes(found0);
    const found = new Set<GoldAttribution>();
    const correct = new Set<Scored>();
    for (const g of article.gold) {
      const full = system.find((a) => contentMatches(g, a) && sourceMatches(g, a));
      if (full) {
        found.add(g);
        correct.add(full);
      }
    }
    for (const g of article.gold) {
      counts[g.kind]![0]!++;
      if (found.has(g)) {
        counts[g.kind]![2]!++;
        continue;
      }
      const reason: MissReason = system.some((a) => contentMatches(g, a))
        ? 'wrong source'
        : system.some((a) => touches(g, a))
          ? 'wrong content span'
          : g.cue.some((c) => cueKnown(article.text.slice(c.start, c.end), lex))
            ? 'no cue found (cue in lexicon)'
            : 'no cue found (cue not in lexicon)';
      misses[reason]++;
      if (reason.startsWith('no cue')) {
        const cue = g.cue.map((c) => article.text.slice(c.start, c.end)).join(' … ').toLowerCase();
        missedCues.set(cue, (missedCues.get(cue) ?? 0) + 1);
      }
      if (examples.length < (options.examples ?? 0)) {
        const show = (s: readonly Span[]) => s.map((x) => article.text.slice(x.start, x.end)).join(' … ').replace(/\s+/gu, ' ').slice(0, 140);
        const near = system.find((a) => touches(g, a));
        const ours = near ? `\n    system: ${near.source ? show([near.source]) : '-'} | ${show(near.content)}` : '';
        examples.push(`[${reason}, ${g.kind}] ${article.name}\n    source: ${show(g.source)} | cue: ${show(g.cue)}\n    content: ${show(g.content)}${ours}`);
      }
    }
    for (const a of system) {
      counts[a.kind]![1]!++;
      if (correct.has(a) || article.gold.some((g) => contentMatches(g, a) && sourceMatches(g, a))) {
        counts[a.kind]![3]!++;
        continue;
      }
      const alarm: FalseAlarmReason = article.gold.some((g) => touches(g, a)) ? 'content span disagrees' : 'nothing attributed there';
      falseAlarms[alarm]++;
      if (examples.length < (options.examples ?? 0)) {
        const show = (x: readonly Span[]) => x.map((p) => article.text.slice(p.start, p.end)).join(' … ').replace(/\s+/gu, ' ').slice(0, 140);
        const opt = (x: Span | undefined) => show(x ? [x] : []);
        examples.push(`[false alarm: ${alarm}, ${a.kind}] ${article.name}\n    source: ${opt(a.source)} | cue: ${opt(a.cue)}\n    content: ${show(a.content)}`);
      }
    }
  }
  const d = counts.direct;
  const i = counts.indirect;
  return {
    split,
    articles: articles.length,
    tokens,
    seconds,
    byKind: {
      direct: score(d[0]!, d[1]!, d[2]!, d[3]!),
      indirect: score(i[0]!, i[1]!, i[2]!, i[3]!),
      all: score(d[0]! + i[0]!, d[1]! + i[1]!, d[2]! + i[2]!, d[3]! + i[3]!),
    },
    misses,
    falseAlarms,
    missedCues: [...missedCues].sort((a, b) => b[1] - a[1]).slice(0, 25),
    examples,
  };
}

function cueKnown(cue: string, lex: ReturnType<typeof statementLexicon>): boolean {
  const words = cue.toLowerCase().split(/\s+/u);
  return words.some((w) => lex.cueForms.has(w) || lex.phrasalCues.has(w) || lex.prepositionalCues.has(w));
}

export function formatPolnearReport(r: PolnearReport): string[] {
  const pct = (x: number) => (100 * x).toFixed(1);
  const lines = [`PolNeAR ${r.split}: ${r.articles} articles, ${r.tokens} tokens; attribution ${Math.round(r.tokens / r.seconds)} tokens/s (statements stage only, one core)`];
  for (const kind of ['direct', 'indirect', 'all'] as const) {
    const k = r.byKind[kind];
    lines.push(`  ${kind.padEnd(8)} gold ${k.gold}, system ${k.system}: P ${pct(k.precision)}  R ${pct(k.recall)}  F1 ${pct(k.f1)}`);
  }
  lines.push('  misses: ' + Object.entries(r.misses).map(([k, v]) => `${k} ${v}`).join('; '));
  lines.push('  false alarms: ' + Object.entries(r.falseAlarms).map(([k, v]) => `${k} ${v}`).join('; '));
  return lines;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const flag = (name: string) => {
    const at = args.indexOf(name);
    return at >= 0 ? Number(args[at + 1]) : undefined;
  };
  const split = args.find((a) => !a.startsWith('--') && !/^\d+$/u.test(a)) ?? 'dev';
  const limit = flag('--limit');
  const report = evaluatePolnear(split, { ...(limit ? { limit } : {}), examples: flag('--misses') ?? 0 });
  for (const line of formatPolnearReport(report)) console.log(line);
  console.log('  cues of attributions with no cue found: ' + report.missedCues.map(([c, n]) => `${c} ${n}`).join(', '));
  for (const e of report.examples) console.log(e);
}
