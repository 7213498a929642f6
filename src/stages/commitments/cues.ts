/**
 * Commitment cues: verbs of promising ("promised to", "assured him of"), readiness ("was ready to") and
 * the future modal of an agent ("PM will visit"), read from commitment-cues.json.
 */
import { readFileSync } from 'node:fs';
import type { CommitmentKind } from '../../document/layers.js';
import { packagePath } from '../../package-path.js';
import { TextPattern } from '../../document/text-pattern.js';

interface CueLexicon {
  verbs: { forms: string[]; kind: CommitmentKind; complements: string[] }[];
  readiness: { kind: CommitmentKind; adjectives: string[] };
  /** "is set to resume", "is scheduled to hold": a stated plan. */
  scheduled: string[];
  modals: string[];
  /** Future-in-the-past modals: a commitment only in what someone said ("he said the party would launch…"). */
  reportedModals: string[];
  /** Modals that carry their own negation ("won't"): the committed action is the negated one. */
  negativeModals: string[];
  firstPerson: string[];
  nonAgentive: string[];
  nonVerbs: string[];
  minimumWhatWords: number;
  emptyWords: string[];
  anaphoric: string[];
  conditions: string[];
  clauseBreaks: string[];
}

export const CUES = JSON.parse(readFileSync(packagePath('src/stages/commitments/commitment-cues.json'), 'utf8')) as CueLexicon;

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

/** Alternation of phrases, longest first, with any run of spaces allowed between words. */
export function phraseAlternation(phrases: readonly string[]): string {
  return [...phrases].sort((a, b) => b.length - a.length).map((p) => escapeRegExp(p).replace(/ /gu, '\\s+')).join('|');
}

export interface CueMatch {
  kind: CommitmentKind;
  /** View offset where the cue words begin. */
  start: number;
  /** Where the committed action begins ("visit Karachi…", "fulfilling MQM-P's…"). */
  what: number;
  /** Who the commitment is made to when the cue names them ("assured him"). */
  object?: { start: number; end: number };
  modal: boolean;
  /** The cue is a future-in-the-past "would": it commits only inside a statement. */
  reportedOnly?: boolean;
}

const NON_AGENTIVE = new Set(CUES.nonAgentive);
const ADVERB = '(?:also|still|soon|now|then|definitely|certainly|surely|never|not|only|further|personally|immediately)';

const VERB_CUES = CUES.verbs.map((v) => ({
  kind: v.kind,
  // "assured him of fulfilling", "promised to support", "pledged that the party would"
  pattern: new TextPattern(`\\b(?:${phraseAlternation(v.forms)})\\b((?:\\s+(?!(?:${phraseAlternation(v.complements)})\\b)[\\w'-]+){0,4}?)\\s+(${phraseAlternation(v.complements)})\\s+`, 'giu'),
}));

// "the PPP was ready to embrace the MQM-P"
const READINESS = new TextPattern(`\\b(?:is|are|was|were|am|be|been|remains?|remained|stands?|stood)\\s+(?:${ADVERB}\\s+)?(?:${phraseAlternation(CUES.readiness.adjectives)})\\s+to\\s+`, 'giu');

// "the Section 194 inquiry is set to resume its hearings"
const SCHEDULED = new TextPattern(`\\b(?:is|are|was|were)\\s+(?:${ADVERB}\\s+)?(?:${phraseAlternation(CUES.scheduled)})\\s+to\\s+`, 'giu');

// "PM will visit Karachi", "we'll support", "He will also inaugurate", "we will not abandon", "the party would launch"
const MODAL = new TextPattern(`(?:\\b|(?<=\\w))(${phraseAlternation([...CUES.modals, ...CUES.reportedModals])})\\s+((?:${ADVERB}\\s+)*)([a-z]+)\\b`, 'giu');
const REPORTED_MODALS = new Set(CUES.reportedModals.map((m) => m.toLowerCase()));
const NEGATIVE_MODALS = new Set(CUES.negativeModals.map((m) => m.toLowerCase()));

// "committed to Israel", "agreed to the second condition": "to" before a noun phrase is no action.
const NOT_A_VERB = new Set(CUES.nonVerbs);
function startsWithVerb(text: string, at: number): boolean {
  const word = /^[\p{L}'-]+/u.exec(text.slice(at))?.[0];
  return word !== undefined && word === word.toLowerCase() && !NOT_A_VERB.has(word);
}

// "the firms were assured of raw materials": the subject of a passive cue receives the commitment.
const PASSIVE_BEFORE = /\b(?:was|were|been|being|be|is|are|am|get|got)\s+(?:\w+ly\s+)?$/iu;

export function findCues(text: string): CueMatch[] {
  const out: CueMatch[] = [];
  for (const { kind, pattern: cue } of VERB_CUES) {
    const pattern = cue.for(text);
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      if (m[2]!.toLowerCase() === 'to' && !startsWithVerb(text, m.index + m[0].length)) continue;
      // "is committed to holding elections" is the actor's own pledge, not a passive.
      const stative = /^committed$/iu.test(/^\S+/u.exec(m[0])?.[0] ?? '');
      if (!stative && PASSIVE_BEFORE.test(text.slice(Math.max(0, m.index - 12), m.index))) continue;
      const objectText = m[1] ?? '';
      const objectStart = m.index + m[0].indexOf(objectText);
      out.push({
        kind,
        start: m.index,
        what: m.index + m[0].length,
        ...(objectText.trim() ? { object: { start: objectStart + (objectText.length - objectText.trimStart().length), end: objectStart + objectText.length } } : {}),
        modal: false,
      });
    }
  }
  const readiness = READINESS.for(text);
  readiness.lastIndex = 0;
  for (let m = readiness.exec(text); m; m = readiness.exec(text)) {
    if (!startsWithVerb(text, m.index + m[0].length)) continue;
    out.push({ kind: CUES.readiness.kind, start: m.index, what: m.index + m[0].length, modal: false });
  }
  const scheduled = SCHEDULED.for(text);
  scheduled.lastIndex = 0;
  for (let m = scheduled.exec(text); m; m = scheduled.exec(text)) {
    if (!startsWithVerb(text, m.index + m[0].length)) continue;
    out.push({ kind: 'plan', start: m.index, what: m.index + m[0].length, modal: false });
  }
  const modals = MODAL.for(text);
  modals.lastIndex = 0;
  for (let m = modals.exec(text); m; m = modals.exec(text)) {
    const modal = m[1]!.toLowerCase();
    const verb = m[3]!.toLowerCase();
    if (NON_AGENTIVE.has(verb)) continue;
    const adverbs = m[2] ?? '';
    const verbAt = m.index + m[0].length - verb.length;
    // A negated commitment keeps its negation: "will not abandon our allies", "won't raise taxes".
    const what = NEGATIVE_MODALS.has(modal) ? m.index : verbAt - adverbs.length;
    out.push({ kind: 'plan', start: m.index, what, modal: true, ...(REPORTED_MODALS.has(modal) ? { reportedOnly: true } : {}) });
  }
  return out.sort((a, b) => a.start - b.start);
}
