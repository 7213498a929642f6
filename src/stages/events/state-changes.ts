import type { Document } from '../../document/document.js';
import type { StateChangeKind } from '../../document/layers.js';
import type { TriggerStateChange } from './lexicon.js';
import type { SentenceView } from './sentence-view.js';

const BE = new Set(['is', 'was', 'were', 'are', 'be', 'been', 'being']);
const BETWEEN_BE_AND_PARTICIPLE = new Set(['also', 'not', 'reportedly', 'formally', 'finally', 'now', 'then', 'later']);

/** "was also assigned", "has been appointed": a be-form at most two words before the participle. */
export function isPassive(view: SentenceView, first: number): boolean {
  for (let i = first - 1; i >= Math.max(0, first - 3); i--) {
    const w = view.words[i]!.text;
    if (BE.has(w)) return true;
    if (!BETWEEN_BE_AND_PARTICIPLE.has(w)) return false;
  }
  return false;
}

/** The party that leads a body named like "the PTI-led coalition government", looked up among the party actors. */
export function leadingParty(doc: Document, text: string): string | undefined {
  const led = /(?<![\p{L}\p{N}.-])([\p{L}\p{N}.-]+?)\s*-\s*led\b/iu.exec(text);
  if (!led) return undefined;
  const name = led[1]!.toLowerCase();
  return doc.actors.find((a) => a.type === 'PARTY' && [a.name, ...a.aliases].some((n) => n.toLowerCase() === name))?.id;
}

const LED_SOMETHING = /-\s*led\s/iu;

/**
 * The party leading the government in this article: "the PTI-led government", else a party named "the ruling
 * X" or "the governing X" ("the ruling People Power Party"), for "the ruling party" and "the opposition".
 */
export function rulingParty(doc: Document): string | undefined {
  // Most articles have no "-led" at all; the lookbehind keeps the name group from restarting inside a name.
  const m = LED_SOMETHING.test(doc.text) ? /(?<![\p{L}\p{N}.-])([\p{L}\p{N}.-]+?)\s*-\s*led\s+(?:federal\s+|coalition\s+|provincial\s+)*government/iu.exec(doc.text) : null;
  const led = m ? leadingParty(doc, m[0]) : undefined;
  if (led) return led;
  const parties = new Set(doc.actors.filter((a) => a.type === 'PARTY').map((a) => a.id));
  const named = doc.mentions.find((x) => x.actor && parties.has(x.actor) && /\b(?:ruling|governing)\s+(?:coalition\s+)?(?:partner\s+)?$/iu.test(doc.text.slice(Math.max(0, x.span.start - 24), x.span.start)));
  return named?.actor;
}

/** Which kind of "joined" this is, from the words of its object: a coalition, a cabinet, a ministry or office, or a party. */
function joinedKind(objectText: string, objectIsParty: boolean): StateChangeKind | undefined {
  const t = objectText.toLowerCase();
  if (/\bcoalition\b|\balliance\b/u.test(t)) return 'joined_coalition';
  if (/\bcabinet\b|\bgovernment\b/u.test(t)) return 'joined_cabinet';
  if (/\bministry\b|\boffice\b|\bpost\b|\bpower\b/u.test(t)) return 'took_office';
  return objectIsParty ? 'joined_party' : undefined;
}

/**
 * Which kind of "left" this is: a coalition or alliance; a party; else an office ("left the Health Ministry",
 * "quit the federal cabinet" — a minister leaving the cabinet leaves an office).
 */
function leftKind(objectText: string, objectIsParty: boolean): StateChangeKind | undefined {
  const t = objectText.toLowerCase();
  if (/\bcoalition\b|\balliance\b/u.test(t)) return 'left_coalition';
  if (objectIsParty && !/\bcabinet\b|\bgovernment\b|\bministry\b/u.test(t)) return 'left_party';
  if (/\bcabinet\b|\bgovernment\b|\bministry\b|\boffice\b|\bpost\b|\bpower\b/u.test(t)) return 'left_office';
  return undefined;
}

export function resolveKind(kind: TriggerStateChange, objectText: string, objectIsParty: boolean): StateChangeKind | undefined {
  if (kind === 'joined') return joinedKind(objectText, objectIsParty);
  if (kind === 'left') return leftKind(objectText, objectIsParty);
  // "took oath as members of the federal cabinet" joins the cabinet; "sworn in as Minister for Ports" takes an office.
  if (kind === 'sworn') return /\bcabinet\b/iu.test(objectText) ? 'joined_cabinet' : 'took_office';
  return kind;
}

/**
 * Portfolios named after an assignment: "was also assigned two federal ministries – those of information
 * technology and law" → ["information technology", "law"].
 */
export function portfoliosIn(text: string): string[] {
  const m = /(?:ministries|ministry|portfolios|portfolio)\s*(?:[-,:]\s*)?(?:those\s+)?(?:of|for)\s+([^.;()]+)/iu.exec(text);
  if (!m) return [];
  return m[1]!
    .split(/\s*,\s*|\s+and\s+/u)
    .map((p) => p.trim().replace(/^the\s+/iu, ''))
    .filter((p) => p.length > 0 && p.split(/\s+/u).length <= 4);
}

/** The office named after "as" in an appointment: "appointed Ali as the new finance minister" → "new finance minister". */
export function titleAfterAs(text: string): string | undefined {
  const m = /\bas\s+(?:the\s+|a\s+|an\s+)?([^,.;]+)/iu.exec(text);
  // "as Federal Minister for Ports on Monday after the talks": the office ends before when and why.
  return m?.[1]?.replace(TITLE_TAIL, '').trim();
}

const TITLE_TAIL =
  /\s+(?:(?:on|in|at|from|since|by)\s+(?:the\s+)?(?:\d|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|last|next|this|early|late|mid)|(?:after|before|following|amid|despite|during|while|today|yesterday|tomorrow)\b).*$/iu;
