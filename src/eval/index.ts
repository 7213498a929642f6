/** Evaluation against hand-annotated gold files (`polity-gold/1`): loading, matching, scoring. */
export { GOLD_FORMAT, GoldFormatError, loadGold, parseGold } from './gold.js';
export type {
  GoldDocument, GoldEntity, GoldRole, GoldMembership, GoldQuote, GoldEvent, GoldStateChange, GoldCommitment,
  GoldAgreement, GoldRelation, GoldDate, GoldIds,
} from './gold.js';
export { scoreDocument, dateMatches, QUOTE_COVERAGE, ROLE_TITLE_OVERLAP, COMMITMENT_OVERLAP } from './score.js';
export { evaluateGoldDir, goldFiles, readGoldArticle, GoldDirectoryError, type EvaluateOptions } from './run.js';
export {
  EVAL_FORMAT, EVAL_LAYERS, EVAL_ATTRIBUTES, combineScores, selectLayers, formatReport, layerScore, attributeScore,
} from './report.js';
export type { EvalLayer, EvalAttribute, LayerScore, AttributeScore, DocumentScore, EvalReport, ScoringError } from './report.js';
