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
  /** Written as an organisation or its office ("Litzman's office denied", "the ministry said"): "it" may continue it. */
  institutional: boolean;
  paragraph: number;
}

/** A speaker as found, with whether it was written as an institution. */
type Found = Speaker & { institutional?: boolean };

/** Heads of a source who speaks for the speaker before ("Litzman's office denied …. “…,” a spokesperson said."). */
const SPOKES = new Set(['spokesperson', 'spokesman', 'spokeswoman', 'representative']);

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

/**
 * The head of a phrase, i.e. its last word before any prepositional complement ("the MQM-P's key leaders" →
 * "leaders", "sources in the ministry" → "sources", "Rep. Yoon of the People Power Party" → "yoon").
 */
function headWord(text: string): string {
  const core = text.toLowerCase().split(/\s(?:of|for|from|in|at|with|close to|within)\s/u)[0]!;
  const words = core.match(/[\p{L}-]+/gu) ?? [];
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
    const { institutional, ...found } = this.find(a) ?? {};
    if (!found.speaker && !found.speakerSpan && !found.document) return undefined;
    if (found.speaker && a.source && byDocument(this.doc.text, a)) {
      this.lastDocument = { speaker: found.speaker, group: false, institutional: true, paragraph: a.paragraph };
    }
    if (found.speaker || found.speakerSpan) {
      const group = found.speakerSpan !== undefined && this.lex.groupHeads.has(headWord(this.doc.text.slice(found.speakerSpan.start, found.speakerSpan.end)));
      this.last = { ...found, group, institutional: institutional ?? this.isOrganisation(found.speaker), paragraph: a.paragraph };
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

  /** Whether the actor is named (not by a pronoun or an office) inside the span. */
  private namedIn(span: Span, actor: string): boolean {
    return this.doc.mentions.some((m) => m.actor === actor && m.type === 'PERSON' && spanContains(span, m.span));
  }

  /** The last person named before the attribution, within its paragraph and the one before, other than `not`. */
  private lastPersonBefore(a: Attribution, not: string): string | undefined {
    const from = this.doc.sentences.find((s) => s.paragraph >= a.paragraph - 1)?.span.start ?? 0;
    const m = lastOf(this.doc.mentions, (x) => x.type === 'PERSON' && x.actor !== undefined && x.actor !== not
      && x.span.start >= from && x.span.end <= a.evidence.start && !this.namedIn(a.content, x.actor));
    return m?.actor;
  }

  private recent(a: Attribution): LastSpeaker | undefined {
    return this.last && a.paragraph - this.last.paragraph <= CHAIN_REACH ? this.last : undefined;
  }

  private copyLast(last: LastSpeaker): Found {
    return { ...(last.speaker ? { speaker: last.speaker } : {}), ...(last.speakerSpan ? { speakerSpan: last.speakerSpan } : {}), institutional: last.institutional };
  }

  private find(a: Attribution): Found | undefined {
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

    // "Litzman's office denied …. “…,” it continued." — "it" continues an institution that spoke last.
    if (lower === 'it' && recent?.institutional) return this.copyLast(recent);

    // “…,” he added. — a pronoun after a quote chain names the last speaker, not the nearest name.
    if (PERSONAL_PRONOUNS.has(lower) || GROUP_PRONOUNS.has(lower)) {
      const wantsGroup = GROUP_PRONOUNS.has(lower);
      // "he" is a person: an organisation that spoke last ("the PTI said …") is not who "he" refers to.
      const fits = (last: LastSpeaker | undefined) => last !== undefined && last.group === wantsGroup && (wantsGroup || !this.isOrganisation(last.speaker));
      // "“If Gen Prayut were a brand …,” he said": a person named inside the quote is not its "he".
      if (!wantsGroup && recent?.speaker && this.namedIn(a.content, recent.speaker)) {
        const other = this.lastPersonBefore(a, recent.speaker);
        if (other) return { speaker: other };
      }
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

    const head = headWord(text);
    const names = mentions.filter((m) => m.type !== 'PRONOUN');
    // "“…,” the official said": an office or "the official" with no name refers back to the last speaker.
    if (/^the\b/u.test(lower) && this.lex.roleHeads.has(head) && names.length === 0 && recent && !recent.group) return this.copyLast(recent);
    // "“…,” a spokesperson said" with no one named: the spokesperson speaks for the last speaker.
    if (SPOKES.has(head) && names.length === 0 && recent) return this.copyLast(recent);

    // However, the MQM-P's key leaders stated that … — a group speaks; the party it belongs to is the speaker.
    if (this.lex.groupHeads.has(head)) {
      const party = lastOf(mentions, (m) => PARTY_TYPES.has(m.type));
      if (party?.actor) return { speaker: party.actor, speakerSpan: a.source, institutional: true };
      // "Litzman's office denied", "Trump's campaign said": a person's office or team speaks for the person.
      const owner = lastOf(mentions, (m) => m.type === 'PERSON' && /^['\u2019]s\b/u.test(this.doc.text.slice(m.span.end, m.span.end + 2)));
      if (owner?.actor) return { speaker: owner.actor, institutional: true };
      return { speakerSpan: a.source };
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
