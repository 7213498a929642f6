import type { Modality } from '../../document/layers.js';
import { modalityCues } from './lexicon.js';
import type { SentenceView } from './sentence-view.js';

/** Does the phrase (split into words) end exactly at word `end - 1`? */
function endsAt(view: SentenceView, phrase: string[], end: number): boolean {
  const start = end - phrase.length;
  if (start < 0) return false;
  return phrase.every((w, k) => view.words[start + k]!.text === w);
}

/** Cue phrases split into words once and grouped by their last word (the cue lists are loaded once). */
const cueIndexes = new WeakMap<readonly string[], Map<string, string[][]>>();
function byLastWord(cues: readonly string[]): Map<string, string[][]> {
  let index = cueIndexes.get(cues);
  if (!index) {
    index = new Map();
    for (const cue of cues) {
      const words = cue.split(' ');
      const last = words[words.length - 1]!;
      const list = index.get(last);
      if (list) list.push(words);
      else index.set(last, [words]);
    }
    cueIndexes.set(cues, index);
  }
  return index;
}

/** Does any cue phrase occur with its last word in [from, to)? */
function cueIn(view: SentenceView, cues: readonly string[], from: number, to: number): boolean {
  const index = byLastWord(cues);
  for (let end = Math.max(from, 0) + 1; end <= to; end++) {
    const candidates = index.get(view.words[end - 1]?.text ?? '');
    if (candidates?.some((phrase) => endsAt(view, phrase, end))) return true;
  }
  return false;
}

export interface ModalityInput {
  view: SentenceView;
  /** First word of the trigger. */
  first: number;
  /** First word of the trigger's clause. */
  clauseStart: number;
  isVerb: boolean;
  /** The trigger is an infinitive ("to rejoin") whose governor is not itself a trigger. */
  infinitiveGovernor?: string;
  /** Word positions taken by triggers, so that "provided" as a trigger is not read as a condition. */
  triggerWords: ReadonlySet<number>;
}

/**
 * The modality of one trigger, strongest first: denied > negated > conditional > hypothetical > future >
 * reported > asserted.
 */
export function modalityOf(input: ModalityInput): Modality {
  const { view, first, clauseStart, isVerb } = input;
  const cues = modalityCues();
  const aux = Math.max(clauseStart, first - 3);
  // "The minister denied that he had met the envoy": the meeting is denied, not asserted.
  const statement = view.statementAt[first];
  if (cueIn(view, cues.denial, 0, first) || (statement?.cueLemma && cues.denial.includes(statement.cueLemma))) return 'denied';
  // "he would not rejoin the federal cabinet"
  if (isVerb && cueIn(view, cues.negators, aux, first)) return 'negated';
  // "ready to embrace the MQM-P … provided it helped the opposition"
  for (let i = clauseStart; i < view.words.length; i++) {
    if (input.triggerWords.has(i)) continue;
    if (byLastWord(cues.conditional).get(view.words[i]!.text)?.some((phrase) => endsAt(view, phrase, i + 1))) return 'conditional';
  }
  // "the meeting was not aimed at perusing Siddiqui to rejoin the cabinet": an unrealized infinitive.
  if (input.infinitiveGovernor !== undefined && !cues.realizingGovernors.includes(input.infinitiveGovernor)) return 'hypothetical';
  if (isVerb && cueIn(view, cues.hypothetical, aux, first)) return 'hypothetical';
  // "PM will visit Karachi in the first week of February"
  if (isVerb && cueIn(view, cues.future, Math.max(clauseStart, first - 4), first)) return 'future';
  if (statement) return 'reported';
  return 'asserted';
}
