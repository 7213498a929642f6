/**
 * PLOVER event records (JSON Lines), field names after the PLOVER manual's data fields (see docs/exports.md and
 * schema/plover-record.schema.json): one record per de-duplicated record event, with every article that reported
 * it, actors coded by country and sector and identified by their cross-article record id.
 */
import { readFileSync } from 'node:fs';
import type { Document } from '../document/document.js';
import type { Event, Modality, TimeValue } from '../document/layers.js';
import { packagePath } from '../package-path.js';
import { ActorCoder } from './actor-codes.js';
import { countryOfCode } from './places.js';
import type { ExportSource, RecordEvent } from './source.js';

export interface PloverEntity {
  /** ISO 3166 alpha-3 country code, or a PLOVER non-state code (UNO, EUR, IGO …); absent when not known. */
  code?: string;
  /** PLOVER sector: 3 characters, or 6 when a second sector applies ("PTYGOV"). */
  sector?: string;
  entity_text: string;
  /** The record's cross-article actor id. */
  identifier_id: string;
  identifier_text: string;
  office?: string;
}

export interface PloverLocation {
  extracted_place?: string;
  resolved_place?: string;
  geonameid?: number;
  lat?: number;
  lon?: number;
  city?: string;
  country?: string;
  /** ISO 3166 alpha-3, as the actors' codes. */
  country_code?: string;
  feature_class?: string;
  feature_code?: string;
  /**
   * city or country: a place named in the text, found in the gazetteer; actors: the country every actor of the
   * event belongs to. Absent for a named place the gazetteer does not know.
   */
  resolution?: 'city' | 'country' | 'actors';
}

export type DatePrecision = 'day' | 'week' | 'month' | 'quarter' | 'year';

export interface PloverSource {
  article: string;
  event: string;
  title?: string;
  url?: string;
  published?: string;
  trigger: { start: number; end: number; text: string };
  evidence: { start: number; end: number };
}

export interface PloverRecord {
  id: string;
  date: string;
  enddate?: string;
  /** Extension: how precise `date` is; a month-precision date is its first day with `enddate` its last. */
  date_precision: DatePrecision;
  actor: PloverEntity[];
  recipient: PloverEntity[];
  event: string[];
  mode?: string[];
  quad_code: 1 | 2 | 3 | 4;
  event_loc?: PloverLocation;
  event_text: string[];
  text: string;
  text_info: { sequence?: number; start: number; end: number };
  cite_info: { title?: string; url?: string; publication?: string; language: string; coder: string; codebook: string };
  coder: string;
  coded_date: string;
  context: string[];
  polity: {
    /** The record's event id. */
    record_event: string;
    modality: Modality;
    /** PLOVER's auxiliary mode for the modality, where PLOVER defines one. */
    auxiliary_mode?: 'future' | 'hypothetical' | 'negation';
    cameo?: string;
    /** Where `date` came from: the event's own date in the text, or the publication date when the text gives none. */
    date_source: 'event' | 'published';
    /** Every article that reported the event, the one the record's text fields come from first. */
    sources: PloverSource[];
    statement?: string;
    state_changes: string[];
  };
}

export const PLOVER_CODER = 'polity';
export const PLOVER_CODEBOOK = 'PLOVER 2021 (16 event types with modes)';

const AUXILIARY: Partial<Record<Modality, PloverRecord['polity']['auxiliary_mode']>> = {
  future: 'future',
  hypothetical: 'hypothetical',
  conditional: 'hypothetical',
  negated: 'negation',
  denied: 'negation',
};

const PRECISION_RANK: Record<string, number> = { day: 5, time: 5, week: 4, month: 3, quarter: 2, year: 1 };

let quadCodes: Record<string, 1 | 2 | 3 | 4> | undefined;

function quadOf(type: string): 1 | 2 | 3 | 4 {
  quadCodes ??= (JSON.parse(readFileSync(packagePath('src/export/lexicon/quad.json'), 'utf8')) as { quad: Record<string, 1 | 2 | 3 | 4> }).quad;
  const q = quadCodes[type];
  if (q === undefined) throw new Error(`polity: no PLOVER quad category for ${type}`);
  return q;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/u;

/** The days a time value covers and how precisely: "in January 2020" is 2020-01-01…2020-01-31, month. */
function datesOf(t: TimeValue | undefined): { date: string; enddate?: string; precision: DatePrecision } | undefined {
  if (!t || t.kind === 'duration' || t.kind === 'set') return undefined;
  const start = t.start && DAY.test(t.start) ? t.start : DAY.test(t.value) ? t.value : undefined;
  if (!start) return undefined;
  const end = t.end && DAY.test(t.end) ? t.end : undefined;
  const precision: DatePrecision = t.kind === 'range' || t.granularity === 'time' || t.granularity === 'unknown' ? 'day' : t.granularity;
  return { date: start, ...(end && end !== start && { enddate: end }), precision };
}

interface LocatedSource {
  source: RecordEvent['sources'][number];
  doc: Document;
  event: Event;
}

/** Builds PLOVER records from an export source; one coder (and its caches) serves the whole export. */
export class PloverWriter {
  private readonly coder: ActorCoder;

  constructor(private readonly source: ExportSource, private readonly codedDate = new Date().toISOString().slice(0, 10)) {
    this.coder = new ActorCoder(source);
  }

  get actorCoder(): ActorCoder {
    return this.coder;
  }

  /** The PLOVER record of a record event, or undefined when it has no date at all (PLOVER requires one). */
  record(e: RecordEvent): PloverRecord | undefined {
    const located = e.sources.flatMap((s): LocatedSource[] => {
      const doc = this.source.document(s.article);
      const event = doc?.events.find((x) => x.id === s.event);
      return doc && event ? [{ source: s, doc, event }] : [];
    });
    const primary = located[0];
    if (!primary) return undefined;
    // The most precise date any report gives ("on January 13" over "in January").
    const dated = located
      .map((l) => ({ l, d: datesOf(l.event.date) }))
      .filter((x) => x.d !== undefined)
      .sort((a, b) => (PRECISION_RANK[b.d!.precision] ?? 0) - (PRECISION_RANK[a.d!.precision] ?? 0))[0];
    const dates = dated?.d ?? (e.date ? { date: e.date, precision: 'day' as const } : undefined);
    if (!dates) return undefined;
    const day = dates.date;
    const { doc, event } = primary;
    const sequence = doc.sentences.findIndex((s) => s.span.start <= event.trigger.start && event.trigger.start < s.span.end);
    const auxiliary = AUXILIARY[e.modality];
    const contexts = [...new Set(located.flatMap((l) => l.event.context ?? []))];
    const triggers = [...new Set(located.map((l) => l.doc.text.slice(l.event.trigger.start, l.event.trigger.end)))];
    const location = this.location(e, located, day);
    return {
      id: `${doc.meta.id}-${event.id}`,
      date: dates.date,
      ...(dates.enddate && { enddate: dates.enddate }),
      date_precision: dates.precision,
      actor: e.actors.map((a) => this.entity(a, located, day)),
      recipient: e.recipients.map((a) => this.entity(a, located, day)),
      event: [e.type],
      ...(e.mode && { mode: [e.mode] }),
      quad_code: quadOf(e.type),
      ...(location && { event_loc: location }),
      event_text: triggers,
      text: doc.text.slice(event.evidence.start, event.evidence.end),
      text_info: { ...(sequence >= 0 && { sequence }), start: event.evidence.start, end: event.evidence.end },
      cite_info: {
        ...(doc.meta.title && { title: doc.meta.title }),
        ...(doc.meta.url && { url: doc.meta.url }),
        ...(doc.meta.dateline?.agency && { publication: doc.meta.dateline.agency }),
        language: 'en',
        coder: PLOVER_CODER,
        codebook: PLOVER_CODEBOOK,
      },
      coder: PLOVER_CODER,
      coded_date: this.codedDate,
      context: contexts,
      polity: {
        record_event: e.id,
        modality: e.modality,
        ...(auxiliary && { auxiliary_mode: auxiliary }),
        ...(event.cameo && { cameo: event.cameo }),
        date_source: dated ? 'event' : 'published',
        sources: located.map((l) => ({
          article: l.doc.meta.id,
          event: l.event.id,
          ...(l.doc.meta.title && { title: l.doc.meta.title }),
          ...(l.doc.meta.url && { url: l.doc.meta.url }),
          ...(l.doc.meta.published && { published: l.doc.meta.published }),
          trigger: { start: l.event.trigger.start, end: l.event.trigger.end, text: l.doc.text.slice(l.event.trigger.start, l.event.trigger.end) },
          evidence: { start: l.event.evidence.start, end: l.event.evidence.end },
        })),
        ...(event.statement && { statement: event.statement }),
        state_changes: doc.stateChanges.filter((s) => s.event === event.id).map((s) => s.id),
      },
    };
  }

  /** Every record event that has a date, in the record's order. */
  *records(): Generator<PloverRecord> {
    for (const e of this.source.events()) {
      const r = this.record(e);
      if (r) yield r;
    }
  }

  private entity(actorId: string, located: LocatedSource[], day: string): PloverEntity {
    const actor = this.source.actor(actorId);
    const codes = this.coder.codes(actorId, day);
    return {
      ...(codes.country && { code: codes.country }),
      ...(codes.sectors.length > 0 && { sector: codes.sectors.join('') }),
      entity_text: this.mentionText(actorId, located) ?? actor?.name ?? actorId,
      identifier_id: actorId,
      identifier_text: actor?.name ?? actorId,
      ...(codes.office && { office: codes.office }),
    };
  }

  /** The actor as written in a report's evidence, a name preferred over a title or pronoun. */
  private mentionText(actorId: string, located: LocatedSource[]): string | undefined {
    const type = this.source.actor(actorId)?.type;
    for (const { doc, event } of located) {
      const locals = new Set(doc.actors.filter((a) => this.source.recordActorOf(doc.meta.id, a.id) === actorId).map((a) => a.id));
      const inEvidence = doc.mentions.filter((m) => m.actor !== undefined && locals.has(m.actor) && m.span.start >= event.evidence.start && m.span.end <= event.evidence.end);
      const mention = inEvidence.find((m) => m.type === type) ?? inEvidence[0];
      if (mention) return doc.text.slice(mention.span.start, mention.span.end);
    }
    return undefined;
  }

  /** The event's place from the gazetteer, else the one country all its actors belong to. */
  private location(e: RecordEvent, located: LocatedSource[], day: string): PloverLocation | undefined {
    for (const { doc, event } of located) {
      if (!event.place) continue;
      const placeId = this.source.recordActorOf(doc.meta.id, event.place);
      const placeActor = placeId ? this.source.actor(placeId) : undefined;
      const mention = doc.mentions.find((m) => m.actor === event.place && m.span.start >= event.evidence.start && m.span.end <= event.evidence.end);
      const extracted = mention ? doc.text.slice(mention.span.start, mention.span.end) : doc.actors.find((a) => a.id === event.place)?.name;
      const resolved = placeId ? this.coder.place(placeId) : undefined;
      return {
        ...(extracted && { extracted_place: extracted }),
        ...(placeActor && { resolved_place: placeActor.name }),
        ...(resolved && {
          ...(resolved.geonameid !== undefined && { geonameid: resolved.geonameid }),
          lat: resolved.lat,
          lon: resolved.lon,
          ...(resolved.resolution === 'city' && { city: resolved.name }),
          country: resolved.countryName,
          country_code: resolved.country,
          feature_class: resolved.featureClass,
          feature_code: resolved.featureCode,
          resolution: resolved.resolution,
        }),
      };
    }
    const countries = new Set([...e.actors, ...e.recipients].map((a) => this.coder.codes(a, day).country));
    const [only] = [...countries];
    // A non-state code (UNO, IGO) is no country to place the event in.
    const country = countries.size === 1 && only ? countryOfCode(only) : undefined;
    return country ? { country: country.countryName, country_code: country.country, resolution: 'actors' } : undefined;
  }
}

/** Every dated record event as PLOVER JSON Lines (one record per line, each line ending in a newline). */
export function* ploverJsonLines(source: ExportSource, codedDate?: string): Generator<string> {
  for (const r of new PloverWriter(source, codedDate).records()) yield `${JSON.stringify(r)}\n`;
}
