export { exportSourceFromDocuments, exportSourceFromStore, type ExportSource } from './source.js';
export {
  PloverWriter, ploverJsonLines, PLOVER_CODER, PLOVER_CODEBOOK, type DatePrecision, type PloverEntity, type PloverLocation,
  type PloverRecord, type PloverSource,
} from './plover.js';
export { eventCsv, csvRows, EVENT_CSV_COLUMNS } from './csv.js';
export { allianceGraph, writeGexf, writeGraphml, type AllianceEdge, type AllianceGraph, type AllianceNode } from './graph.js';
export { recordJsonLines, RECORD_LINE_KINDS, type RecordLineKind } from './record-jsonl.js';
export { ActorCoder, sectorOfWords, type ActorCodes } from './actor-codes.js';
export { countryNamed, countriesNamedIn, resolvePlace, type ResolvedPlace } from './places.js';
export { EXPORT_FORMATS, exportChunks, type ExportFormat } from './formats.js';
