export { ploverRecord, toPloverJsonLines, PLOVER_CODER, PLOVER_CODEBOOK, type PloverRecord, type PloverEntity, type PloverLocation } from './plover.js';
export { toEventCsv, EVENT_CSV_COLUMNS } from './csv.js';
