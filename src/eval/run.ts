/** `polity eval`: analyses the article behind every gold file in a directory and scores the result. */
import { readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { analyze } from '../analyze.js';
import type { Document } from '../document/document.js';
import { readSource } from '../ingest/index.js';
import type { Pipeline } from '../pipeline/pipeline.js';
import { GoldFormatError, loadGold, type GoldDocument } from './gold.js';
import { combineScores, selectLayers, type EvalLayer, type EvalReport } from './report.js';
import { scoreDocument } from './score.js';

export interface EvaluateOptions {
  /** Score only these layers (default: all). */
  layers?: readonly EvalLayer[];
  /** The pipeline to evaluate (default: the default pipeline). */
  pipeline?: Pipeline;
}

/** The gold directory is missing or holds no gold file. */
export class GoldDirectoryError extends Error {
  constructor(
    readonly dir: string,
    readonly reason: string,
  ) {
    super(`${dir}: ${reason}`);
    this.name = 'GoldDirectoryError';
  }
}

/** Every `*.gold.json` in `dir`, sorted by name. */
export function goldFiles(dir: string): string[] {
  let names: string[];
  try {
    if (!statSync(dir).isDirectory()) throw new GoldDirectoryError(dir, 'not a directory');
    names = readdirSync(dir);
  } catch (err) {
    if (err instanceof GoldDirectoryError) throw err;
    throw new GoldDirectoryError(dir, `cannot read: ${err instanceof Error ? err.message : String(err)}`);
  }
  const files = names.filter((n) => n.endsWith('.gold.json')).sort().map((n) => join(dir, n));
  if (files.length === 0) throw new GoldDirectoryError(dir, 'holds no *.gold.json file');
  return files;
}

/**
 * The article a gold file describes, read by the ingest module as `polity` reads any input, with the gold
 * publication date given as the publication date (as TempEval gives the document creation time) so that
 * relative dates resolve against the right day. `file` is relative to the gold directory's parent.
 */
export async function readGoldArticle(gold: GoldDocument, goldPath: string): Promise<Document> {
  const location = resolve(dirname(goldPath), '..', gold.file);
  const kind = /\.html?$/iu.test(location) ? 'html' : 'text';
  for await (const item of readSource({ location, kind }, gold.published ? { published: gold.published } : {})) {
    if (!item.ok) throw new GoldFormatError(goldPath, `cannot read its article: ${item.error.message}`);
    return item.doc;
  }
  throw new GoldFormatError(goldPath, `its article ${location} holds no text`);
}

/** Loads every gold file in `dir` (all are checked before any article is analysed), analyses and scores. */
export async function evaluateGoldDir(dir: string, options: EvaluateOptions = {}): Promise<EvalReport> {
  const golds = goldFiles(dir).map((path) => ({ path, gold: loadGold(path) }));
  const scores = [];
  for (const { path, gold } of golds) {
    const doc = await readGoldArticle(gold, path);
    await analyze(doc, options.pipeline);
    scores.push(scoreDocument(gold, doc));
  }
  const report = combineScores(scores);
  return options.layers ? selectLayers(report, options.layers) : report;
}
