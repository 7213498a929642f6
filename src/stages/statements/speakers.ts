/**
 * Who said it: turns the speaker as written ("Siddiqui", "he", "the MQM-P's key leaders", "the federal
 * minister") into an actor id, following news conventions for pronoun chains and continued quotes.
 */
import type { Document } from '../../document/document.js';
import type { Mention } from '../../document/layers.js';
import type { Span } from '../../document/span.js';
import { spanContains } from '../../document/span.js';
import type { Attribution } from './attribute.js';
import { statementLexicon } from './lexicon.js';
import { isDocumentSource } from './cue-type.js';

export interface Speaker {
  /** Actor id. */
  speaker?: string;
  /** The speaker as written, for described groups and speakers no actor was found for. */
  speakerSpan?: Span;
  /** Said in a document: "A statement by X said", and "It said" after it. */
  document?: boolean;
}

interface LastSpeaker extends Speaker {
  group: boolean;
  paragraph: number;
}

const PERSONAL_PRONOUNS = new Set(['he', 'she', 'i']);
const GROUP_PRONOUNS = new Set(['they', 'we']);
const PARTY_TYPES = new Set(['PARTY', 'ORG', 'GOVBODY']);
/** How many paragraphs back a pronoun or a title may still refer to the last speaker. */
const CHAIN_REACH = 2;
/** How many paragraphs back "it said" / "the statement said" may still refer to the last document's author. */
const DOCUMENT_REACH = 8;

function mentionsIn(doc: Document, s: Span): Mention[] {
  return doc.mentions.filter((m) => spanContains(s, m.span) && m.actor !== undefined);
}

/** The head of a phrase, i.e. its last word ("the MQM-P's key leaders" → "leaders"). */
function headWord(text: string): string {
  const words = text.toLowerCase().match(/[\p{L}-]+/gu) ?? [];
  return words[words.length - 1] ?? '';
}

function lastOf<T>(xs: readonly T[], pick: (x: T) => boolean): T | undefined {
  for (let i = xs.length - 1; i >= 0; i--) if (pick(xs[i]!)) return xs[i];
  return undefined;
}

/**
 * Whether an attribution is made in a document: its source is one ("the report said"), or the source is the
 * author after a document subject ("A statement issued in Accra by X said").
 */
export function byDocument(text: string, a: Attribution): boolean {
  if (!a.source) return false;
  if (isDocumentSource(text.slice(a.source.start, a.source.end))) return true;
  const before = text.slice(a.evidence.start, a.source.start);
  const by = /\s(?:by|from)\s*$/u.exec(before);
  return a.evidence.start < a.source.start && by !== null && isDocumentSource(before.slice(0, by.index));
}

export class SpeakerResolver {
  private last: LastSpeaker | undefined;
  /** The author of the last statement made in a document ("A statement issued by X said …"). */
  private lastDocument: LastSpeaker | undefined;
  private readonly lex = statementLexicon();

  constructor(private readonly doc: Document) {}

  /** The speaker of one attribution; attributions must come in text order. Undefined drops the statement. */
  resolve(a: Attribution): Speaker | undefined {
    const found = this.find(a);
    if (!found) return undefined;
    if (found.speaker && a.source && byDocument(this.doc.text, a)) {
      this.lastDocument = { speaker: found.speaker, group: false, paragraph: a.paragraph };
    }
    if (found.speaker || found.speakerSpan) {
      const group = found.speakerSpan !== undefined && this.lex.groupHeads.has(headWord(this.doc.text.slice(found.speakerSpan.start, found.speakerSpan.end)));
      this.last = { ...found, group, paragraph: a.paragraph };
    }
    return found;
  }

  private actorType(id: string | undefined): string | undefined {
    return id === undefined ? undefined : this.doc.actors.find((x) => x.id === id)?.type;
  }

  private isPerson(id: string | undefined): boolean {
    return this.actorType(id) === 'PERSON';
  }

  /** A party, organisation or government body: not what "he" or "she" refers to. */
  private isOrganisation(id: string | undefined): boolean {
    return PARTY_TYPES.has(this.actorType(id) ?? '');
  }

  private recent(a: Attribution): LastSpeaker | undefined {
    return this.last && a.paragraph - this.last.paragraph <= CHAIN_REACH ? this.last : undefined;
  }

  private copyLast(last: LastSpeaker): Speaker {
    return { ...(last.speaker ? { speaker: last.speaker } : {}), ...(last.speakerSpan ? { speakerSpan: last.speakerSpan } : {}) };
  }

  private find(a: Attribution): Speaker | undefined {
    if (!a.source) {
      // “…” opening a paragraph with no cue, right after a quoted speaker, continues that speaker.
      const last = this.last;
      return last && a.paragraph - last.paragraph <= 1 ? this.copyLast(last) : undefined;
    }
    const text = this.doc.text.slice(a.source.start, a.source.end);
    const lower = text.toLowerCase();
    const mentions = mentionsIn(this.doc, a.source);
    const recent = this.recent(a);

    // "A statement issued by X said …. It said …", "The statement said …": the document's author speaks on.
    const document = this.lastDocument && a.paragraph - this.lastDocument.paragraph <= DOCUMENT_REACH ? this.lastDocument : undefined;
    if (document && (lower === 'it' || (isDocumentSource(text) && !mentions.some((m) => m.type !== 'PRONOUN' && m.type !== 'PLACE')))) {
      this.lastDocument = { ...document, paragraph: a.paragraph };
      return { speaker: document.speaker!, document: true };
    }

    // “…,” he added. — a pronoun after a quote chain names the last speaker, not the nearest name.
    if (PERSONAL_PRONOUNS.has(lower) || GROUP_PRONOUNS.has(lower)) {
      const wantsGroup = GROUP_PRONOUNS.has(lower);
      // "he" is a person: an organisation that spoke last ("the PTI said …") is not who "he" refers to.
      const fits = (last: LastSpeaker | undefined) => last !== undefined && last.group === wantsGroup && (wantsGroup || !this.isOrganisation(last.speaker));
      if (fits(recent)) return this.copyLast(recent!);
      const pronoun = mentions.find((m) => m.type === 'PRONOUN');
      if (pronoun?.actor) return { speaker: pronoun.actor };
      return !wantsGroup && fits(this.last) ? this.copyLast(this.last!) : { speakerSpan: a.source };
    }

    // The architect, who said he was never paid, … — "who" is the name just before it.
    if (lower === 'who') {
      const antecedent = lastOf(this.doc.mentions, (m) => m.actor !== undefined && m.span.end <= a.source!.start && a.source!.start - m.span.end <= 3);
      return antecedent?.actor ? { speaker: antecedent.actor } : { speakerSpan: a.source };
    }

    // However, the MQM-P's key leaders stated that … — a group speaks; the party it belongs to is the speaker.
    const head = headWord(text);
    if (this.lex.groupHeads.has(head)) {
      const party = lastOf(mentions, (m) => PARTY_TYPES.has(m.type));
      return { ...(party?.actor ? { speaker: party.actor } : {}), speakerSpan: a.source };
    }

    // The PTI chief said … / the party's chairman said … — an office whose holder is known is that person,
    // not the organisation named with it.
    const office = mentions.length > 0 && mentions[mentions.length - 1]!.type === 'TITLE' ? mentions[mentions.length - 1]! : undefined;
    if (office?.actor && this.isPerson(office.actor) && !mentions.some((m) => m.type === 'PERSON')) return { speaker: office.actor };

    const named = lastOf(mentions, (m) => m.type === 'PERSON')
      ?? lastOf(mentions, (m) => m.type !== 'PLACE' && m.type !== 'TITLE' && m.type !== 'PRONOUN')
      ?? lastOf(mentions, (m) => m.type === 'TITLE');
    if (named?.actor) return { speaker: named.actor };

    // The federal minister said … — an office named with "the" refers back to the last speaker.
    if (/^the\b/u.test(lower) && this.lex.roleHeads.has(head) && recent && !recent.group) return this.copyLast(recent);
    return { speakerSpan: a.source };
  }
}
