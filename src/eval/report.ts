/** Scores per layer and per attribute, for one document and micro-averaged over many. */

export const EVAL_FORMAT = 'polity-eval/1';

/** The scored layers, named as in the gold files. */
export const EVAL_LAYERS = [
  'published', 'dateline', 'entities', 'roles', 'memberships', 'quotes', 'events', 'state_changes',
  'commitments', 'agreements', 'relations',
] as const;
export type EvalLayer = (typeof EVAL_LAYERS)[number];

/**
 * Attributes scored apart from the match, as accuracy over matched pairs where the gold row gives the
 * attribute. `quotes.found` is the exception: the share of gold fragments found inside some system quote,
 * whoever it is attributed to (quote recall before speaker attribution).
 */
export const EVAL_ATTRIBUTES = [
  'entities.type', 'roles.org', 'quotes.found', 'quotes.speaker', 'quotes.kind', 'events.recipient', 'events.date',
  'events.place', 'commitments.to', 'commitments.due', 'agreements.points', 'agreements.date', 'relations.polarity',
] as const;
export type EvalAttribute = (typeof EVAL_ATTRIBUTES)[number];

export function layerOf(attribute: EvalAttribute): EvalLayer {
  return attribute.slice(0, attribute.indexOf('.')) as EvalLayer;
}

export interface LayerScore {
  tp: number;
  fp: number;
  fn: number;
  /** null when undefined (nothing predicted, or nothing to find). */
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

export interface AttributeScore {
  correct: number;
  total: number;
  accuracy: number | null;
}

/** A gold row the system missed, a system record that matched nothing, or a matched pair with a wrong attribute. */
export interface ScoringError {
  layer: EvalLayer;
  kind: 'missed' | 'spurious' | 'wrong';
  /** For `wrong`: the attribute that differs. */
  attribute?: EvalAttribute;
  item: string;
}

export interface DocumentScore {
  doc: string;
  file: string;
  layers: Record<EvalLayer, LayerScore>;
  attributes: Record<EvalAttribute, AttributeScore>;
  errors: ScoringError[];
}

export interface EvalReport {
  format: typeof EVAL_FORMAT;
  documents: DocumentScore[];
  /** Micro-averaged: counts summed over documents, then P/R/F1 computed once. */
  layers: Record<EvalLayer, LayerScore>;
  attributes: Record<EvalAttribute, AttributeScore>;
}

const ratio = (num: number, den: number): number | null => (den === 0 ? null : num / den);

export function layerScore(tp: number, fp: number, fn: number): LayerScore {
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  const f1 = ratio(2 * tp, 2 * tp + fp + fn);
  return { tp, fp, fn, precision, recall, f1 };
}

export function attributeScore(correct: number, total: number): AttributeScore {
  return { correct, total, accuracy: ratio(correct, total) };
}

/** Sums the counts of every document and recomputes the ratios (micro-average). */
export function combineScores(documents: readonly DocumentScore[]): EvalReport {
  const layers = {} as Record<EvalLayer, LayerScore>;
  for (const layer of EVAL_LAYERS) {
    const sum = (key: 'tp' | 'fp' | 'fn') => documents.reduce((n, d) => n + d.layers[layer][key], 0);
    layers[layer] = layerScore(sum('tp'), sum('fp'), sum('fn'));
  }
  const attributes = {} as Record<EvalAttribute, AttributeScore>;
  for (const attribute of EVAL_ATTRIBUTES) {
    const sum = (key: 'correct' | 'total') => documents.reduce((n, d) => n + d.attributes[attribute][key], 0);
    attributes[attribute] = attributeScore(sum('correct'), sum('total'));
  }
  return { format: EVAL_FORMAT, documents: [...documents], layers, attributes };
}

/** Keeps only the given layers (and their attributes and errors) in a report. */
export function selectLayers(report: EvalReport, wanted: readonly EvalLayer[]): EvalReport {
  const keep = new Set(wanted);
  const pickLayers = (scores: Record<EvalLayer, LayerScore>) =>
    Object.fromEntries(Object.entries(scores).filter(([layer]) => keep.has(layer as EvalLayer))) as Record<EvalLayer, LayerScore>;
  const pickAttributes = (scores: Record<EvalAttribute, AttributeScore>) =>
    Object.fromEntries(Object.entries(scores).filter(([a]) => keep.has(layerOf(a as EvalAttribute)))) as Record<EvalAttribute, AttributeScore>;
  return {
    ...report,
    layers: pickLayers(report.layers),
    attributes: pickAttributes(report.attributes),
    documents: report.documents.map((d) => ({
      ...d,
      layers: pickLayers(d.layers),
      attributes: pickAttributes(d.attributes),
      errors: d.errors.filter((e) => keep.has(e.layer)),
    })),
  };
}

const percent = (x: number | null): string => (x === null ? '—' : (100 * x).toFixed(1));

/** The report as a plain-text table: one row per layer, then the attribute accuracies. */
export function formatReport(report: EvalReport): string[] {
  const rows: string[][] = [['layer', 'P', 'R', 'F1', 'TP', 'FP', 'FN']];
  for (const [layer, s] of Object.entries(report.layers)) {
    rows.push([layer, percent(s.precision), percent(s.recall), percent(s.f1), String(s.tp), String(s.fp), String(s.fn)]);
  }
  const attributeRows: string[][] = [['attribute', 'accuracy', 'correct', 'of']];
  for (const [attribute, s] of Object.entries(report.attributes)) {
    attributeRows.push([attribute, percent(s.accuracy), String(s.correct), String(s.total)]);
  }
  const docs = report.documents.length;
  return [
    `${docs} document${docs === 1 ? '' : 's'}, micro-averaged (P/R/F1 and accuracy in %)`,
    '',
    ...alignColumns(rows),
    '',
    ...alignColumns(attributeRows),
  ];
}

/** Left-aligns the first column and right-aligns the numbers. Hand-written: a table of a dozen rows needs no library. */
function alignColumns(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  '));
}
