/**
 * Scores the time stage on TempEval-3 training data (TimeBank + AQUAINT, ../shared/data/tempeval3): every
 * TIMEX3 in a document's TEXT is a gold expression, normalized relative to the document creation time
 * (DCT). Reports extraction recall (a gold TIMEX3 overlapped by an extracted expression), strict value
 * accuracy (exact value string, over the gold expressions found) and the share of extracted expressions
 * that overlap no gold TIMEX3.
 *
 *   node --import tsx scripts/eval-tempeval.ts [--limit N] [--errors N]
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { decodeXML } from 'entities';
import { packagePath } from '../src/package-path.js';
import { extractTimes } from '../src/stages/time/extract.js';

export const TEMPEVAL_DIR = packagePath('../shared/data/tempeval3');

interface GoldTimex {
  start: number;
  end: number;
  value: string;
  type: string;
}

export interface TimeMLDocument {
  file: string;
  /** Document creation time, YYYY-MM-DD. */
  dct: string;
  text: string;
  timexes: GoldTimex[];
}

export interface TempEvalError {
  file: string;
  phrase: string;
  gold: string;
  system?: string;
}

export interface TempEvalScore {
  documents: number;
  gold: number;
  found: number;
  exact: number;
  extracted: number;
  spurious: number;
  recall: number;
  valueAccuracy: number;
  /** Extracted expressions that overlap no gold TIMEX3, as a share of all extracted. */
  spuriousRate: number;
  ms: number;
  errors: TempEvalError[];
}

function tmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tmlFiles(path);
    return name.endsWith('.tml') ? [path] : [];
  });
}

const attribute = (tag: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`, 'u').exec(tag)?.[1];

/** The plain TEXT of a TimeML file, with its TIMEX3 elements as offsets into it. */
export function readTimeML(file: string): TimeMLDocument {
  const xml = readFileSync(file, 'utf8');
  const dctTag = /<DCT>\s*(<TIMEX3[^>]*>)/u.exec(xml)?.[1] ?? '';
  const dct = (attribute(dctTag, 'value') ?? '').slice(0, 10);
  const body = /<TEXT>([\s\S]*)<\/TEXT>/u.exec(xml)?.[1] ?? '';
  let text = '';
  const timexes: GoldTimex[] = [];
  let open: { start: number; value: string; type: string } | undefined;
  for (const part of body.split(/(<[^>]+>)/u)) {
    if (!part.startsWith('<')) {
      text += decodeXML(part);
    } else if (part.startsWith('<TIMEX3')) {
      open = { start: text.length, value: attribute(part, 'value') ?? '', type: attribute(part, 'type') ?? '' };
    } else if (part.startsWith('</TIMEX3') && open) {
      timexes.push({ ...open, end: text.length });
      open = undefined;
    }
  }
  return { file, dct, text, timexes };
}

export function evaluateTempEval(options: { limit?: number; keepErrors?: number } = {}): TempEvalScore {
  const files = tmlFiles(TEMPEVAL_DIR).sort().slice(0, options.limit ?? Infinity);
  const score = { documents: 0, gold: 0, found: 0, exact: 0, extracted: 0, spurious: 0, ms: 0 };
  const errors: TempEvalError[] = [];
  for (const file of files) {
    const doc = readTimeML(file);
    if (!/^\d{4}-\d{2}-\d{2}$/u.test(doc.dct)) continue;
    const t0 = performance.now();
    const system = extractTimes(doc.text, { published: doc.dct });
    score.ms += performance.now() - t0;
    score.documents++;
    score.extracted += system.length;
    score.spurious += system.filter((s) => !doc.timexes.some((g) => s.span.start < g.end && g.start < s.span.end)).length;
    for (const g of doc.timexes) {
      score.gold++;
      const overlap = (s: (typeof system)[number]) => Math.min(s.span.end, g.end) - Math.max(s.span.start, g.start);
      const best = system.filter((s) => overlap(s) > 0).sort((a, b) => overlap(b) - overlap(a))[0];
      const phrase = doc.text.slice(g.start, g.end);
      if (!best) {
        if (errors.length < (options.keepErrors ?? 0)) errors.push({ file, phrase, gold: g.value });
        continue;
      }
      score.found++;
      if (best.value.value === g.value) score.exact++;
      else if (errors.length < (options.keepErrors ?? 0)) errors.push({ file, phrase, gold: g.value, system: best.value.value });
    }
  }
  return {
    ...score,
    recall: score.found / Math.max(1, score.gold),
    valueAccuracy: score.exact / Math.max(1, score.found),
    spuriousRate: score.spurious / Math.max(1, score.extracted),
    errors,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i >= 0 ? Number(process.argv[i + 1]) : undefined;
  };
  const limit = arg('--limit');
  const s = evaluateTempEval({ ...(limit ? { limit } : {}), keepErrors: arg('--errors') ?? 0 });
  for (const e of s.errors) console.log(`${e.file.split('/').pop()}\t${JSON.stringify(e.phrase)}\tgold ${e.gold}\tsystem ${e.system ?? '(missed)'}`);
  console.log(`tempeval3 (all ${s.documents} training documents): ${s.gold} gold TIMEX3`);
  console.log(`extraction recall ${s.recall.toFixed(3)} (${s.found}/${s.gold})`);
  console.log(`strict value accuracy ${s.valueAccuracy.toFixed(3)} (${s.exact}/${s.found})`);
  console.log(`extracted ${s.extracted}, overlapping no gold TIMEX3 ${s.spurious} (${s.spuriousRate.toFixed(3)})`);
  console.log(`time ${(s.ms / 1000).toFixed(2)} s`);
}
