/**
 * Events as CSV for event-data users: one row per actor–recipient pair of each record event (a dyad, as in
 * GDELT and POLECAT), ISO dates, CAMEO codes as text, country codes. docs/exports.md maps every column to its
 * GDELT 2.0 and POLECAT counterpart.
 */
import { stringify } from 'csv-stringify/sync';
import { PloverWriter, type PloverEntity, type PloverRecord } from './plover.js';
import type { ExportSource } from './source.js';

export const EVENT_CSV_COLUMNS = [
  'event_id', 'record_event', 'date', 'enddate', 'date_precision', 'date_source',
  'actor1_id', 'actor1_name', 'actor1_text', 'actor1_country', 'actor1_sector', 'actor1_sector2', 'actor1_office',
  'actor2_id', 'actor2_name', 'actor2_text', 'actor2_country', 'actor2_sector', 'actor2_sector2', 'actor2_office',
  'event_type', 'event_mode', 'cameo_code', 'cameo_root', 'quad_code', 'modality', 'contexts',
  'place', 'place_country', 'lat', 'lon', 'geonameid', 'feature_code',
  'num_sources', 'source_url', 'title', 'published', 'trigger', 'sentence', 'source_articles',
] as const;

type Row = Record<(typeof EVENT_CSV_COLUMNS)[number], string>;

function actorCells(prefix: 'actor1' | 'actor2', e: PloverEntity | undefined): Partial<Row> {
  if (!e) return {};
  return {
    [`${prefix}_id`]: e.identifier_id,
    [`${prefix}_name`]: e.identifier_text,
    [`${prefix}_text`]: e.entity_text,
    [`${prefix}_country`]: e.code ?? '',
    [`${prefix}_sector`]: e.sector?.slice(0, 3) ?? '',
    [`${prefix}_sector2`]: e.sector?.slice(3, 6) ?? '',
    [`${prefix}_office`]: e.office ?? '',
  };
}

/** The rows of one PLOVER record: every actor with every other recipient, or with an empty recipient when there is none. */
export function csvRows(r: PloverRecord): Row[] {
  const first = r.polity.sources[0];
  const loc = r.event_loc;
  const base: Row = Object.fromEntries(EVENT_CSV_COLUMNS.map((c) => [c, ''])) as Row;
  Object.assign(base, {
    event_id: r.id,
    record_event: r.polity.record_event,
    date: r.date,
    enddate: r.enddate ?? '',
    date_precision: r.date_precision,
    date_source: r.polity.date_source,
    event_type: r.event.join(';'),
    event_mode: r.mode?.join(';') ?? '',
    cameo_code: r.polity.cameo ?? '',
    cameo_root: r.polity.cameo?.slice(0, 2) ?? '',
    quad_code: String(r.quad_code),
    modality: r.polity.modality,
    contexts: r.context.join(';'),
    place: loc?.resolved_place ?? '',
    place_country: loc?.country_code ?? '',
    lat: loc?.lat?.toString() ?? '',
    lon: loc?.lon?.toString() ?? '',
    geonameid: loc?.geonameid?.toString() ?? '',
    feature_code: loc?.feature_code ?? '',
    num_sources: String(r.polity.sources.length),
    source_url: first?.url ?? '',
    title: first?.title ?? '',
    published: first?.published ?? '',
    trigger: first?.trigger.text ?? '',
    sentence: r.text,
    source_articles: r.polity.sources.map((s) => s.article).join(';'),
  });
  const actors = r.actor.length > 0 ? r.actor : [undefined];
  // An actor is no dyad with itself (merged reports can name one actor on both sides).
  const recipientsOf = (a: PloverEntity | undefined): (PloverEntity | undefined)[] => {
    const others = r.recipient.filter((b) => b.identifier_id !== a?.identifier_id);
    return others.length > 0 ? others : [undefined];
  };
  return actors.flatMap((a) => recipientsOf(a).map((b) => ({ ...base, ...actorCells('actor1', a), ...actorCells('actor2', b) })));
}

/** Every dated record event as CSV with a header row, one row per actor pair, written a record at a time. */
export function* eventCsv(source: ExportSource, codedDate?: string): Generator<string> {
  // Every cell is a string, so csv-stringify writes "036" as it is; quoted_match quotes what needs it.
  const options = { columns: [...EVENT_CSV_COLUMNS], quoted_match: /[\n\r",]/u };
  yield stringify([EVENT_CSV_COLUMNS.slice()], { quoted_match: options.quoted_match });
  for (const r of new PloverWriter(source, codedDate).records()) yield stringify(csvRows(r), options);
}
