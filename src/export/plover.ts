/**
 * PLOVER event records (JSON Lines), field names after the PLOVER manual (see docs/exports.md): one record
 * per event, with a `polity` extension carrying modality, CAMEO code and evidence offsets.
 */
import { textOf, type Document } from '../document/document.js';
import type { Event, Modality } from '../document/layers.js';

export interface PloverEntity {
  code: string;
  entity_text: string;
  identifier_id: string;
  identifier_text: string;
  sector?: string;
  office?: string;
}

export interface PloverLocation {
  extracted_place: string;
  resolved_place: string;
}

export interface PloverRecord {
  id: string;
  date: string;
  actor: PloverEntity[];
  event: string;
  mode?: string;
  recipient: PloverEntity[];
  event_loc?: PloverLocation;
  event_text: string;
  text: string;
  text_info: { sequence: number; start: number; end: number; text_story?: string };
  cite_info: { title?: string; url?: string; publication?: string; language: string; coder: string; codebook: string };
  coder: string;
  coded_date: string;
  context: string[];
  comment?: string;
  polity: {
    document: string;
    event: string;
    modality: Modality;
    /** PLOVER's auxiliary mode for the modality, where PLOVER defines one. */
    auxiliary_mode?: 'future' | 'hypothetical' | 'negation';
    cameo?: string;
    /** Where `date` came from: the event's own date, or the publication date when the text gives none. */
    date_source: 'event' | 'published' | 'none';
    trigger: { start: number; end: number };
    evidence: { start: number; end: number };
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

/** A short actor code: a party's acronym alias ("MQM-P"), else its canonical name upper-cased. */
function actorCode(name: string, aliases: readonly string[], type: string): string {
  const acronym = [name, ...aliases].find((n) => /^[\p{Lu}\p{N}-]{2,10}$/u.test(n));
  return type === 'PARTY' && acronym ? acronym : name.toUpperCase();
}

function entity(doc: Document, actorId: string, evidence: Event['evidence']): PloverEntity {
  const actor = doc.actors.find((a) => a.id === actorId);
  const inEvidence = doc.mentions.filter((m) => m.actor === actorId && m.span.start >= evidence.start && m.span.end <= evidence.end);
  // A name says more than a title or pronoun for the same actor ("Khalid Maqbool Siddiqui" over "Convener").
  const mention = inEvidence.find((m) => m.type === actor?.type) ?? inEvidence[0];
  const role = doc.roles.find((r) => r.person === actorId);
  return {
    code: actor ? actorCode(actor.name, actor.aliases, actor.type) : actorId,
    entity_text: mention ? textOf(doc, mention.span) : (actor?.name ?? actorId),
    identifier_id: actorId,
    identifier_text: actor?.name ?? actorId,
    ...(actor ? { sector: actor.type } : {}),
    ...(role ? { office: role.title } : {}),
  };
}

/** The PLOVER record of one event of a document. `codedDate` is the day the record is written (YYYY-MM-DD). */
export function ploverRecord(doc: Document, event: Event, codedDate: string): PloverRecord {
  const eventDate = event.date?.start ?? (/^\d{4}-\d{2}-\d{2}$/u.test(event.date?.value ?? '') ? event.date!.value : undefined);
  const date = eventDate ?? doc.meta.published ?? '';
  const sequence = doc.sentences.findIndex((s) => s.span.start <= event.trigger.start && event.trigger.end <= s.span.end);
  const place = event.place ? doc.actors.find((a) => a.id === event.place) : undefined;
  const placeMention = place ? doc.mentions.find((m) => m.actor === place.id && m.span.start >= event.evidence.start && m.span.end <= event.evidence.end) : undefined;
  const auxiliary = AUXILIARY[event.modality];
  const stateChanges = doc.stateChanges.filter((s) => s.event === event.id).map((s) => s.id);
  return {
    id: `${doc.meta.id}-${event.id}`,
    date,
    actor: event.actor.map((a) => entity(doc, a, event.evidence)),
    event: event.type,
    ...(event.mode ? { mode: event.mode } : {}),
    recipient: event.recipient.map((a) => entity(doc, a, event.evidence)),
    ...(place ? { event_loc: { extracted_place: placeMention ? textOf(doc, placeMention.span) : place.name, resolved_place: place.name } } : {}),
    event_text: textOf(doc, event.trigger),
    text: textOf(doc, event.evidence),
    text_info: { sequence, start: event.evidence.start, end: event.evidence.end },
    cite_info: {
      ...(doc.meta.title ? { title: doc.meta.title } : {}),
      ...(doc.meta.url ? { url: doc.meta.url } : {}),
      ...(doc.meta.dateline?.agency ? { publication: doc.meta.dateline.agency } : {}),
      language: 'en',
      coder: PLOVER_CODER,
      codebook: PLOVER_CODEBOOK,
    },
    coder: PLOVER_CODER,
    coded_date: codedDate,
    context: event.context ?? [],
    polity: {
      document: doc.meta.id,
      event: event.id,
      modality: event.modality,
      ...(auxiliary ? { auxiliary_mode: auxiliary } : {}),
      ...(event.cameo ? { cameo: event.cameo } : {}),
      date_source: eventDate ? 'event' : doc.meta.published ? 'published' : 'none',
      trigger: { start: event.trigger.start, end: event.trigger.end },
      evidence: { start: event.evidence.start, end: event.evidence.end },
      ...(event.statement ? { statement: event.statement } : {}),
      state_changes: stateChanges,
    },
  };
}

/** Every event of the documents as PLOVER JSON Lines (one record per line, each line ending in a newline). */
export function toPloverJsonLines(docs: Iterable<Document>, codedDate = new Date().toISOString().slice(0, 10)): string {
  let out = '';
  for (const doc of docs) for (const e of doc.events) out += `${JSON.stringify(ploverRecord(doc, e, codedDate))}\n`;
  return out;
}
