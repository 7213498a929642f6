import { readFileSync } from 'node:fs';
import nlp from 'compromise';
import { PLOVER_TYPES, type PloverType, type StateChangeKind } from '../../document/layers.js';
import { packagePath } from '../../package-path.js';

/** What a trigger is coded as: a PLOVER type with its mode, the CAMEO equivalent and PLOVER contexts. */
export interface EventCoding {
  type: PloverType;
  mode?: string;
  cameo?: string;
}

/** How a trigger changes political state; 'joined' is narrowed by its object (cabinet, coalition, party). */
/** 'joined' and 'left' resolve to cabinet, coalition, party or office by the object; 'sworn' to joined_cabinet or took_office. */
export type TriggerStateChange = StateChangeKind | 'joined' | 'left' | 'sworn';

/** What a lexicon entry may say about its trigger besides the coding, as written in triggers.json. */
interface TriggerOptions {
  negated?: EventCoding;
  future?: EventCoding;
  stateChange?: TriggerStateChange;
  /** The trigger's actors are the ones whose state changes ("Baloch and Soomro took oath"), not its object. */
  selfChange?: boolean;
  /** One of these words must follow within four words. */
  needs?: string[];
  /** The trigger is no event when one of these words follows it directly. */
  notBefore?: string[];
  /** A noun trigger needs an owner ("Bilawal's offer", "offer by the PPP") to name its actor. */
  needsPossessor?: boolean;
  /** An obligation ("China must drop barriers"): the speaker is the actor, the clause subject the recipient. */
  speakerActs?: boolean;
  /** The trigger is no event when one of these words follows within six words ("asked whether", "asked X about"). */
  notFollowedBy?: string[];
  /** How many words after the trigger `needs` looks (default 8). */
  needsWithin?: number;
  /** Coded only with a named recipient, as PETRARCH codes a verb only between a source and a target. */
  needsRecipient?: boolean;
  /** The trigger records a state change and no PLOVER event ("was elected president", "took office"). */
  noEvent?: boolean;
  /** The state change is the object's: "dismissed the minister", "was removed as prime minister". */
  changesObject?: boolean;
  /** A noun trigger's "of" complement is whose it is: "the resignation of the minister", "the downfall of X". */
  ofOwner?: boolean;
}

export interface TriggerEntry extends EventCoding, TriggerOptions {
  /** The trigger as written in the lexicon ("call for", "resignation"). */
  lemma: string;
  pos: 'verb' | 'noun';
  context: string[];
  /** From the Phoenix verb lexicon: it yields to a hand-written trigger of the same clause. */
  fromPhoenix?: boolean;
  /** `needs` as a set, for the lookup in every sentence. */
  needsSet?: ReadonlySet<string>;
}

/** One way a trigger is written: its words, lower-case, with the first one inflected. */
export interface TriggerForm {
  words: string[];
  entry: TriggerEntry;
  /** The first word is a past tense or participle ("summoned", "withdrawn"): passive voice is possible. */
  participle: boolean;
  /** The first word is the bare infinitive ("rejoin"), so "to" before it marks an infinitive clause. */
  infinitive: boolean;
}

interface RawEntry extends Partial<EventCoding>, TriggerOptions {
  verb?: string;
  noun?: string;
  context?: string[];
}

export class LexiconError extends Error {
  constructor(
    message: string,
    readonly file: string,
  ) {
    super(`${file}: ${message}`);
    this.name = 'LexiconError';
  }
}

const TRIGGERS_FILE = 'src/stages/events/triggers.json';
const VERB_LEXICON_FILE = 'src/stages/events/verb-lexicon/verb-lexicon.json';
const SPEECH_CUES_FILE = 'src/stages/statements/cues.json';

interface PhoenixCoding extends EventCoding {
  context?: string[];
}

/** verb-lexicon.json, built from the Phoenix CAMEO verb patterns by src/train/build-verb-lexicon.ts. */
interface VerbLexiconFile {
  blocks: {
    verbs: (Partial<PhoenixCoding> & { verb: string; forms: { other: string[]; past: string[] } })[];
    objects?: (PhoenixCoding & { needs: string[] })[];
  }[];
}

/** Words an object pattern may be away from its verb: "gave $50 million in humanitarian aid". */
const PHOENIX_OBJECT_REACH = 6;

function checkCoding(c: Partial<EventCoding> | undefined, what: string): void {
  if (c && !PLOVER_TYPES.includes(c.type as PloverType)) {
    throw new LexiconError(`${what}: unknown PLOVER type ${JSON.stringify(c.type)}`, TRIGGERS_FILE);
  }
}

/** Inflected forms of a verb: compromise conjugates it, the past tense standing in for a missing participle. */
function verbForms(verb: string): { form: string; participle: boolean; infinitive: boolean }[] {
  const doc = nlp(verb);
  doc.tag('Infinitive');
  const [c] = doc.verbs().conjugate() as Record<string, string>[];
  const forms = new Map<string, { participle: boolean; infinitive: boolean }>([[verb, { participle: false, infinitive: true }]]);
  if (c) {
    for (const key of ['PresentTense', 'Gerund']) if (c[key]) forms.set(c[key]!, { participle: false, infinitive: false });
    for (const key of ['PastTense', 'Participle']) if (c[key]) forms.set(c[key]!, { participle: true, infinitive: false });
  }
  return [...forms].map(([form, f]) => ({ form, ...f }));
}

function nounForms(noun: string): string[] {
  const plural = nlp(noun).nouns().toPlural().text();
  return plural && plural !== noun ? [noun, plural] : [noun];
}

/** Re-codings of a whole PLOVER type by modality, used where an entry gives none of its own. */
export type TypeRecoding = Partial<Record<PloverType, { future?: EventCoding; conditional?: EventCoding }>>;

interface TriggerFile {
  triggers: RawEntry[];
  byType?: TypeRecoding;
  unnamedActorTypes?: PloverType[];
}

let byType: TypeRecoding = {};
let unnamedActorTypes: ReadonlySet<PloverType> = new Set();

function loadTriggers(): Map<string, TriggerForm[]> {
  const raw = JSON.parse(readFileSync(packagePath(TRIGGERS_FILE), 'utf8')) as TriggerFile;
  byType = raw.byType ?? {};
  unnamedActorTypes = new Set(raw.unnamedActorTypes ?? []);
  for (const [type, recode] of Object.entries(byType)) {
    checkCoding({ type: type as PloverType }, `byType ${type}`);
    checkCoding(recode.future, `byType ${type} (future)`);
    checkCoding(recode.conditional, `byType ${type} (conditional)`);
  }
  const byFirstWord = new Map<string, TriggerForm[]>();
  const add = (words: string[], entry: TriggerEntry, participle: boolean, infinitive: boolean) => {
    const list = byFirstWord.get(words[0]!) ?? [];
    list.push({ words, entry, participle, infinitive });
    byFirstWord.set(words[0]!, list);
  };
  for (const r of raw.triggers) {
    const lemma = r.verb ?? r.noun;
    if (!lemma) throw new LexiconError('an entry has neither verb nor noun', TRIGGERS_FILE);
    checkCoding(r, lemma);
    checkCoding(r.negated, `${lemma} (negated)`);
    checkCoding(r.future, `${lemma} (future)`);
    const entry: TriggerEntry = {
      lemma,
      pos: r.verb ? 'verb' : 'noun',
      type: r.type as PloverType,
      context: r.context ?? [],
      ...(r.mode ? { mode: r.mode } : {}),
      ...(r.cameo ? { cameo: r.cameo } : {}),
      ...(r.negated ? { negated: r.negated } : {}),
      ...(r.future ? { future: r.future } : {}),
      ...(r.stateChange ? { stateChange: r.stateChange } : {}),
      ...(r.selfChange ? { selfChange: true } : {}),
      ...(r.needs ? { needs: r.needs } : {}),
      ...(r.needsWithin ? { needsWithin: r.needsWithin } : {}),
      ...(r.notFollowedBy ? { notFollowedBy: r.notFollowedBy } : {}),
      ...(r.notBefore ? { notBefore: r.notBefore } : {}),
      ...(r.needsPossessor ? { needsPossessor: true } : {}),
      ...(r.speakerActs ? { speakerActs: true } : {}),
      ...(r.noEvent ? { noEvent: true } : {}),
      ...(r.ofOwner ? { ofOwner: true } : {}),
      ...(r.changesObject ? { changesObject: true } : {}),
    };
    const [head, ...rest] = lemma.toLowerCase().split(' ');
    if (entry.pos === 'verb') {
      for (const f of verbForms(head!)) add([f.form, ...rest], entry, f.participle, f.infinitive);
    } else {
      // Only the head noun of a compound is pluralized: "car bombs", "hunger strikes".
      const words = lemma.toLowerCase().split(' ');
      const last = words[words.length - 1]!;
      const forms = words.length > 1 && ['to', 'of'].includes(last) ? [last] : nounForms(last);
      for (const f of forms) add([...words.slice(0, -1), f], entry, false, false);
    }
  }
  // Phoenix verbs the hand-written lexicon does not list: each object pattern as an entry that needs its object
  // head, then the plain verb, coded only between a named source and target.
  const handVerbs = new Set(raw.triggers.map((r) => r.verb?.toLowerCase().split(' ')[0]).filter((v): v is string => !!v));
  // Speech cues ("add", "argue", "insist") report statements, which polity keeps in their own layer.
  const speech = JSON.parse(readFileSync(packagePath(SPEECH_CUES_FILE), 'utf8')) as { verbs: Record<string, unknown> };
  for (const cue of Object.keys(speech.verbs)) if (!cue.includes(' ')) handVerbs.add(cue);
  const phoenix = JSON.parse(readFileSync(packagePath(VERB_LEXICON_FILE), 'utf8')) as VerbLexiconFile;
  for (const block of phoenix.blocks) {
    for (const v of block.verbs) {
      const words = v.verb.split(' ');
      if (handVerbs.has(words[0]!)) continue;
      const codings: (PhoenixCoding & { needs?: string[] })[] = [...(block.objects ?? []), ...(v.type ? [v as PhoenixCoding] : [])];
      for (const c of codings) {
        checkCoding(c, `${VERB_LEXICON_FILE} ${v.verb}`);
        const entry: TriggerEntry = {
          lemma: v.verb,
          pos: 'verb',
          fromPhoenix: true,
          type: c.type,
          context: c.context ?? [],
          ...(c.mode ? { mode: c.mode } : {}),
          ...(c.cameo ? { cameo: c.cameo } : {}),
          ...(c.needs ? { needs: c.needs, needsWithin: PHOENIX_OBJECT_REACH } : { needsRecipient: true }),
        };
        add(words, entry, false, true);
        for (const f of v.forms.other) add([f, ...words.slice(1)], entry, false, false);
        for (const f of v.forms.past) add([f, ...words.slice(1)], entry, true, false);
      }
    }
  }
  for (const list of byFirstWord.values()) for (const f of list) if (f.entry.needs && !f.entry.needsSet) f.entry.needsSet = new Set(f.entry.needs);
  // Longest first; among equally long forms, the one with a required context first ("accepted the demands" is CONCEDE, not AGREE).
  for (const list of byFirstWord.values()) list.sort((a, b) => b.words.length - a.words.length || Number(!!b.entry.needs) - Number(!!a.entry.needs));
  return byFirstWord;
}

let triggers: Map<string, TriggerForm[]> | undefined;

/** Trigger forms by their first word, longest first; the lexicon is read once. */
export function triggerLexicon(): Map<string, TriggerForm[]> {
  return (triggers ??= loadTriggers());
}

export interface ModalityCues {
  negators: string[];
  future: string[];
  hypothetical: string[];
  conditional: string[];
  denial: string[];
  realizingGovernors: string[];
}

/** The re-coding of a type for a modality ("will provide aid" → AGREE), if the trigger file gives one. */
export function typeRecoding(type: PloverType, modality: 'future' | 'conditional'): EventCoding | undefined {
  triggerLexicon();
  return byType[type]?.[modality];
}

/** Types coded even when their actor is a group no actor record names ("Israeli soldiers arrested …"). */
export function allowsUnnamedActor(type: PloverType): boolean {
  triggerLexicon();
  return unnamedActorTypes.has(type);
}

let modality: ModalityCues | undefined;

export function modalityCues(): ModalityCues {
  return (modality ??= JSON.parse(readFileSync(packagePath('src/stages/events/modality.json'), 'utf8')) as ModalityCues);
}

let contexts: [string, string[][]][] | undefined;

/** PLOVER contexts with their cue phrases, each split into words. */
export function contextCues(): [string, string[][]][] {
  if (!contexts) {
    const raw = JSON.parse(readFileSync(packagePath('src/stages/events/contexts.json'), 'utf8')) as { contexts: Record<string, string[]> };
    contexts = Object.entries(raw.contexts).map(([name, cues]) => [name, cues.map((c) => c.toLowerCase().split(' '))]);
  }
  return contexts;
}
