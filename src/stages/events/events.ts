import type { Document } from '../../document/document.js';
import type { Event, Modality, StateChange, TimeValue } from '../../document/layers.js';
import { normalizeText } from '../../document/normalize.js';
import type { Stage } from '../../pipeline/stage.js';
import { agentOf, CLAUSE_OPENERS, clauseStartOf, objectOf, partyOf, placeOf, possessorOf, subjectOf, unique } from './arguments.js';
import { allowsUnnamedActor, contextCues, triggerLexicon, typeRecoding, type EventCoding, type TriggerForm } from './lexicon.js';
import { modalityOf } from './modality.js';
import { sentenceViews, speakerActor, type SentenceView } from './sentence-view.js';
import { isPassive, leadingParty, portfoliosIn, resolveKind, rulingParty, titleAfterAs } from './state-changes.js';

interface TriggerHit {
  form: TriggerForm;
  first: number;
  last: number;
}

const VERB_TAGS = new Set(['VERB', 'AUX']);
const ATTRIBUTIVE_BEFORE = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'our', 'this', 'these', 'those']);
const PRONOUNS = new Set(['he', 'she', 'it', 'they', 'we', 'i', 'you', 'him', 'her', 'them', 'us']);
const NEEDS_WINDOW = 8;
/** "insist on that": after a preposition, "that" is a pronoun, not a complement clause. */
const THAT_AS_PRONOUN_AFTER = new Set(['on', 'about', 'of', 'for', 'with', 'in', 'at', 'to', 'by', 'from', 'like']);
/** Types whose "that" complement names who is addressed: "demanded that", "accused … that", "warned that". */
const COMPLEMENT_TYPES: ReadonlySet<string> = new Set(['REQUEST', 'ACCUSE', 'THREATEN', 'REJECT']);

/**
 * For the trigger forms of one first word: which of them need each word (`entry.needsSet`), and how far after
 * the first word any of them looks. Built once per first word, when it is first met.
 */
interface NeedsIndex {
  byWord: Map<string, number[]>;
  reach: number;
}
const needsIndexes = new WeakMap<readonly TriggerForm[], NeedsIndex>();
function needsIndex(forms: readonly TriggerForm[]): NeedsIndex {
  let index = needsIndexes.get(forms);
  if (!index) {
    index = { byWord: new Map(), reach: 0 };
    for (let f = 0; f < forms.length; f++) {
      const { entry, words } = forms[f]!;
      if (!entry.needsSet) continue;
      index.reach = Math.max(index.reach, words.length + (entry.needsWithin ?? NEEDS_WINDOW));
      for (const w of entry.needsSet) {
        const list = index.byWord.get(w);
        if (list) list.push(f);
        else index.byWord.set(w, [f]);
      }
    }
    needsIndexes.set(forms, index);
  }
  return index;
}

/**
 * For each form of `forms` at word i, the first word after the form's last word that its entry needs (-1 for
 * none within the index's reach): one pass over the words after i instead of one per form, as a word can
 * start over a hundred Phoenix forms, each needing its own object words.
 */
function firstNeeded(view: SentenceView, i: number, forms: readonly TriggerForm[]): Int32Array {
  const { byWord, reach } = needsIndex(forms);
  const first = new Int32Array(forms.length).fill(-1);
  const until = Math.min(view.words.length, i + reach);
  for (let k = i + 1; k < until; k++) {
    const list = byWord.get(view.words[k]!.text);
    if (!list) continue;
    for (const f of list) if (first[f] === -1 && k >= i + forms[f]!.words.length) first[f] = k;
  }
  return first;
}

/**
 * For the trigger forms of one first word, in list order: the positions of all of them, and of those a word
 * not tagged as a verb can still start (a one-word verb form needs a verb tag), so an untagged word does not
 * walk the hundred-odd Phoenix verb forms of "set" or "hold" one by one.
 */
interface FormLists {
  all: number[];
  untagged: number[];
}
const formLists = new WeakMap<readonly TriggerForm[], FormLists>();
function formListsOf(forms: readonly TriggerForm[]): FormLists {
  let lists = formLists.get(forms);
  if (!lists) {
    lists = { all: forms.map((_, f) => f), untagged: [] };
    forms.forEach((form, f) => {
      if (!(form.entry.pos === 'verb' && form.words.length === 1)) lists!.untagged.push(f);
    });
    formLists.set(forms, lists);
  }
  return lists;
}

/** Lexicon triggers in a sentence, longest match first, never inside an actor's name ("Free Aceh Movement"). */
function findTriggers(view: SentenceView): TriggerHit[] {
  const lexicon = triggerLexicon();
  const hits: TriggerHit[] = [];
  const { words } = view;
  const inName = (i: number) => view.refs.some((r) => !r.fromStatement && r.first <= i && i <= r.last);
  for (let i = 0; i < words.length; i++) {
    const forms = lexicon.get(words[i]!.text);
    if (!forms || inName(i)) continue;
    let needed: Int32Array | undefined;
    let passive: boolean | undefined;
    // A verb trigger must be tagged as a verb: "the meeting" and "a visit" are not events by themselves.
    const lists = formListsOf(forms);
    const order = VERB_TAGS.has(words[i]!.pos) ? lists.all : lists.untagged;
    for (const f of order) {
      const form = forms[f]!;
      const last = i + form.words.length - 1;
      if (last >= words.length || !form.words.every((w, k) => words[i + k]!.text === w)) continue;
      const { entry } = form;
      if (entry.notBefore?.includes(words[last + 1]?.text ?? '')) continue;
      if (entry.notFollowedBy && followedBy(view, last, entry.notFollowedBy)) continue;
      // "works being carried out by the government": a Phoenix object pattern needs its object after an active verb.
      if (entry.fromPhoenix && entry.needsSet && form.participle && (passive ??= isPassive(view, i))) continue;
      // "the detained sailors", "Ousted chief minister Rana Tariq": a participle used as an adjective.
      if (entry.pos === 'verb' && form.participle && (i === 0 || ATTRIBUTIVE_BEFORE.has(words[i - 1]!.text))) continue;
      if (entry.needsSet) {
        const until = Math.min(words.length, last + 1 + (entry.needsWithin ?? NEEDS_WINDOW));
        needed ??= firstNeeded(view, i, forms);
        const at = needed[f]!;
        if (at < 0 || at >= until) continue;
      }
      hits.push({ form, first: i, last });
      i = last;
      break;
    }
  }
  return mainTriggers(view, hits);
}

/** Whether one of `words` comes within six words after position `last`. */
function followedBy(view: SentenceView, last: number, words: readonly string[]): boolean {
  const until = Math.min(view.words.length, last + 7);
  for (let k = last + 1; k < until; k++) if (words.includes(view.words[k]!.text)) return true;
  return false;
}

const NOUN_PHRASE_WORDS = new Set(['the', 'a', 'an', 'his', 'her', 'its', 'their', 'our', 'immediate', 'early', 'prompt', 'swift', 'complete', 'full', 'unconditional']);

/**
 * A noun trigger that is the object of a verb trigger is what that event is about, not an event of its own:
 * "demanded the resignation of the commissioner" is a REQUEST; nobody resigned.
 */
function governedNoun(view: SentenceView, hits: readonly TriggerHit[], noun: TriggerHit): boolean {
  const verb = hits.find((h) => h.form.entry.pos === 'verb' && h.last < noun.first && noun.first - h.last <= 4);
  if (!verb) return false;
  const between = view.words.slice(verb.last + 1, noun.first);
  return between.every((w) => NOUN_PHRASE_WORDS.has(w.text) || w.pos === 'ADJ');
}

const BE_FORMS = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'am', "'s", "'re"]);

/**
 * A clause reports one main event. A Phoenix verb yields to a hand-written trigger of its clause and to an
 * earlier Phoenix verb there, and a Phoenix gerund without "be" is a modifier, not the event ("refugees
 * fleeing the civil war", "according to a report").
 */
function mainTriggers(view: SentenceView, hits: TriggerHit[]): TriggerHit[] {
  const clauses = hits.map((h) => clauseStartOf(view, h.first));
  const kept = hits.filter((h, k) => {
    if (!h.form.entry.fromPhoenix) return true;
    const word = view.words[h.first]!.text;
    if (word.endsWith('ing') && !BE_FORMS.has(view.words[h.first - 1]?.text ?? '') && !BE_FORMS.has(view.words[h.first - 2]?.text ?? '')) return false;
    return !hits.some((o, j) => j !== k && clauses[j] === clauses[k] && (!o.form.entry.fromPhoenix || j < k));
  });
  return kept.filter((h) => h.form.entry.pos !== 'noun' || !governedNoun(view, kept, h));
}

/** Where a trigger's arguments stop: the next trigger or a word that opens a new clause. */
function argumentEnd(view: SentenceView, hit: TriggerHit, next: TriggerHit | undefined): number {
  const limit = next ? next.first : view.words.length;
  // "A day after the PM toured Port Qasimabad, the RPL-S said …": a fronted adverbial clause ends at its comma.
  const fronted = subordinateBefore(view, hit.first) !== undefined;
  for (let i = hit.last + 1; i < limit; i++) {
    if (CLAUSE_OPENERS.has(view.words[i]!.text) || (fronted && view.words[i]!.text === ',')) return i;
    // "visited Port Qasimabad on Monday, keeping a promise made to the RPL-S": a participle clause is another's.
    if (view.words[i]!.text === ',' && view.words[i + 1]?.pos === 'VERB' && /(?:ing|ed)$/u.test(view.words[i + 1]!.text)) return i;
  }
  return limit;
}

const SUBORDINATORS = new Set(['after', 'before', 'when', 'once', 'since', 'until', 'if', 'unless', 'although', 'though', 'as']);

/** The subordinator opening the clause of a trigger, when the sentence opens with that clause ("After X met Y, …"). */
function subordinateBefore(view: SentenceView, at: number): number | undefined {
  for (let i = at - 1; i >= 0; i--) {
    const w = view.words[i]!.text;
    if (w === ',' || CLAUSE_OPENERS.has(w)) return undefined;
    if (SUBORDINATORS.has(w) && view.words.slice(0, i).every((x) => x.pos !== 'VERB' && x.pos !== 'AUX')) return i;
  }
  return undefined;
}

const DAY_COUNT: Record<string, number> = { a: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7 };

/** "A day after X toured …, the party said on Tuesday": the event is that many days before (or after) the date of the main clause. */
function dayShift(view: SentenceView, at: number): number {
  const sub = subordinateBefore(view, at);
  const word = sub !== undefined ? view.words[sub]!.text : '';
  if (sub === undefined || (word !== 'after' && word !== 'before') || !/^days?$/u.test(view.words[sub - 1]?.text ?? '')) return 0;
  const n = DAY_COUNT[view.words[sub - 2]?.text ?? ''] ?? Number(view.words[sub - 2]?.text);
  if (!Number.isFinite(n)) return 0;
  return word === 'after' ? -n : n;
}

const DEADLINE_BEFORE = /\b(?:by|until|till|before|deadline|within|no later than|expires?|expiring)\s+(?:the\s+)?$/iu;

const isDated = (t: { value: TimeValue }) => t.value.kind === 'date' || t.value.kind === 'range';

/** A deadline ("by July 17", "until Friday") dates what must happen, not what did. */
function isDeadline(doc: Document, t: { span: { start: number } }): boolean {
  return DEADLINE_BEFORE.test(doc.text.slice(Math.max(0, t.span.start - 24), t.span.start));
}

/**
 * The date of an event: the time expression of its own clause, nearest the trigger ("met on Tuesday" even
 * when "July 17" stands in another clause of the sentence); else the nearest in the sentence that is no
 * deadline; else the date of the statement carrying it; else the day the story is at.
 */
function dateOf(doc: Document, view: SentenceView, at: number, clause?: { start: number; end: number }): TimeValue | undefined {
  const offset = view.words[at]!.span.start;
  const inSentence = doc.times.filter((t) => t.span.start >= view.span.start && t.span.end <= view.span.end && isDated(t));
  const nearest = (ts: typeof inSentence) => ts.reduce<(typeof inSentence)[number] | undefined>((best, t) => (!best || Math.abs(t.span.start - offset) < Math.abs(best.span.start - offset) ? t : best), undefined);
  if (clause) {
    const from = view.words[clause.start]?.span.start ?? view.span.start;
    const to = view.words[clause.end - 1]?.span.end ?? view.span.end;
    const own = nearest(inSentence.filter((t) => t.span.start >= from && t.span.end <= to));
    if (own) return own.value;
  }
  const best = nearest(inSentence.filter((t) => !isDeadline(doc, t)));
  if (best) return shifted(best.value, dayShift(view, at));
  const statement = view.statementAt[at] ?? doc.statements.find((s) => s.evidence.start <= offset && offset < s.evidence.end);
  return statement?.date ?? narrativeDate(doc, view);
}

function shifted(value: TimeValue, days: number): TimeValue {
  if (days === 0 || value.kind !== 'date' || value.granularity !== 'day' || !/^\d{4}-\d{2}-\d{2}$/u.test(value.value)) return value;
  const d = new Date(`${value.value}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  const iso = d.toISOString().slice(0, 10);
  return { kind: 'date', granularity: 'day', value: iso, start: iso, end: iso };
}

/**
 * The day a story is at: the last day-precise date stated before ("… said Monday he would not rejoin the
 * cabinet. Hours after the meeting, Prime Minister Imran Khan summoned …" → that Monday), passing over
 * deadlines, days after publication and days named inside quotations; for the lead, which tells the news before its date, the first day
 * of the sentence after it.
 */
function narrativeDate(doc: Document, view: SentenceView): TimeValue | undefined {
  const published = doc.meta.published;
  // A day named inside a quotation ("nothing sensational in Sunday's press conference") is the speaker's, not the story's.
  const quoted = (t: { span: { start: number } }) => doc.statements.some((st) => st.kind === 'direct' && st.content.start <= t.span.start && t.span.start < st.content.end);
  const usable = (t: { span: { start: number }; value: TimeValue }) =>
    t.value.kind === 'date' && t.value.granularity === 'day' && !isDeadline(doc, t) && (!published || t.value.value <= published) && !quoted(t);
  let found: TimeValue | undefined;
  for (const t of doc.times) {
    if (t.span.end <= view.span.start && usable(t)) found = t.value;
  }
  if (found) return found;
  const next = doc.sentences[view.index + 1];
  if (view.index > 1 || !next) return undefined;
  return doc.times.find((t) => t.span.start >= next.span.start && t.span.end <= next.span.end && usable(t))?.value;
}

/** "Colombia has elected Gustavo Petro", "has resigned": a change told in the present perfect is of the day of publication. */
function presentPerfectDate(doc: Document, view: SentenceView, at: number): TimeValue | undefined {
  const before = view.words.slice(Math.max(0, at - 3), at).map((w) => w.text);
  const published = doc.meta.published;
  if (!published || !/^\d{4}-\d{2}-\d{2}$/u.test(published) || !before.some((w) => w === 'has' || w === 'have')) return undefined;
  return { kind: 'date', granularity: 'day', value: published };
}

function contextsOf(view: SentenceView, own: readonly string[]): string[] {
  return unique([...own, ...sentenceContexts(view)]);
}

/** The contexts whose cues occur in a sentence, found once per sentence (every trigger of it asks). */
const contextsBySentence = new WeakMap<SentenceView, string[]>();
function sentenceContexts(view: SentenceView): string[] {
  let found = contextsBySentence.get(view);
  if (!found) {
    const words = view.words.map((w) => w.text);
    // A cue is looked for word by word only when its first word is in the sentence at all.
    const present = new Set(words);
    found = contextCues()
      .filter(([, cues]) => cues.some((cue) => present.has(cue[0]!) && words.some((_, i) => cue.every((c, k) => words[i + k] === c))))
      .map(([name]) => name);
    contextsBySentence.set(view, found);
  }
  return found;
}

/**
 * Reported speech with no actor named in its clause is the speaker's own: "the MQM-P's key leaders stated
 * that the party's recent move was a part of pressurising the federal government".
 */
function speakerOf(view: SentenceView, at: number, clauseStart: number): string[] {
  const statement = view.statementAt[at];
  if (!statement || statement.kind !== 'indirect') return [];
  // An unresolved pronoun is a subject we could not name ("they discussed", "the MoU it had signed").
  if (view.words.slice(clauseStart, at).some((w) => PRONOUNS.has(w.text))) return [];
  if (statement.speaker) return [statement.speaker];
  const group = statement.speakerSpan;
  const inGroup = group ? view.refs.find((r) => view.words[r.first]!.span.start >= group.start && view.words[r.last]!.span.end <= group.end) : undefined;
  return inGroup ? [inGroup.actor] : [];
}

/** Who states an obligation: the statement's speaker, else the subject of the clause that governs it. */
function obligationSource(doc: Document, view: SentenceView, clauseStart: number): string[] {
  const statement = view.statementAt[clauseStart];
  const speaker = statement && speakerActor(doc, statement);
  if (speaker) return [speaker];
  if (clauseStart < 2) return [];
  return subjectOf({ view, at: clauseStart - 1, clauseStart: clauseStartOf(view, clauseStart - 1) });
}

/** The clause names something before the trigger (a noun, no pronoun): "Israeli soldiers arrested". */
function hasNounSubject(view: SentenceView, clauseStart: number, at: number): boolean {
  const before = view.words.slice(clauseStart, at);
  return before.some((w) => w.pos === 'NOUN' || w.pos === 'PROPN') && !before.some((w) => PRONOUNS.has(w.text));
}

function codingFor(form: TriggerForm, modality: Modality): EventCoding {
  const { entry } = form;
  if (modality === 'negated' && entry.negated) return entry.negated;
  if (modality === 'future') return entry.future ?? typeRecoding(entry.type, 'future') ?? entry;
  if (modality === 'conditional') return typeRecoding(entry.type, 'conditional') ?? entry;
  return entry;
}

interface Draft {
  event: Omit<Event, 'id'>;
  /** The trigger records state changes only. */
  noEvent: boolean;
  passive: boolean;
  /** The actor is a group no actor record names ("Israeli soldiers"), for a type coded without one. */
  unnamedActor: boolean;
  sentence: number;
  stateChanges: Omit<StateChange, 'id' | 'event'>[];
}

/** A state change is a fact only when it is asserted or reported, not planned, refused or imagined. */
const STATE_MODALITIES: ReadonlySet<Modality> = new Set(['asserted', 'reported']);

/**
 * Events of one sentence: each lexicon trigger with its actor (nearest actor before it in its clause, or the
 * owner of a noun trigger), recipient (first actor after it), place, date, modality, contexts, and the
 * political state changes it makes.
 */
function sentenceEvents(doc: Document, view: SentenceView, previousActors: string[] | undefined): Draft[] {
  const hits = findTriggers(view);
  const triggerWords = new Set(hits.flatMap((h) => Array.from({ length: h.last - h.first + 1 }, (_, k) => h.first + k)));
  const drafts: Draft[] = [];
  let lastDraft: { hit: TriggerHit; subject: string[] } | undefined;
  let recentActors = previousActors;
  // "tasked PTI's Karachi leaders to meet the MQM-P leaders": the meeting is what was asked, not an event, and
  // the asking's arguments run through it ("offered to hand over to Great Britain two of its nationals").
  const governed = hits.map((h, k) => h.form.entry.pos === 'verb' && h.form.infinitive && view.words[h.first - 1]?.text === 'to' && hits.slice(0, k).some((o) => o.last >= h.first - 8));
  hits.forEach((hit, k) => {
    const { form, first, last } = hit;
    const { entry } = form;
    const isVerb = entry.pos === 'verb';
    const infinitive = isVerb && form.infinitive && view.words[first - 1]?.text === 'to';
    if (governed[k]) return;
    const clauseStart = clauseStartOf(view, first);
    const modality = modalityOf({
      view, first, clauseStart, isVerb, triggerWords,
      ...(infinitive ? { infinitiveGovernor: view.words[first - 2]?.text ?? '' } : {}),
    });
    if (entry.stateChange && !STATE_MODALITIES.has(modality) && modality !== 'negated') return;
    const coding = codingFor(form, modality);
    const end = argumentEnd(view, hit, hits.find((_, j) => j > k && !governed[j]));
    const passive = isVerb && form.participle && isPassive(view, first);

    // "summoned Maqbool Siddiqui to Islamabad and assured him": the second verb shares the first one's subject.
    const between = lastDraft ? view.words.slice(lastDraft.hit.last + 1, first).map((w) => w.text) : [];
    const afterAnd = between.slice(between.lastIndexOf('and') + 1);
    const coordinated =
      lastDraft &&
      isVerb &&
      lastDraft.hit.form.entry.pos === 'verb' &&
      between.includes('and') &&
      !afterAnd.some((w) => PRONOUNS.has(w)) &&
      !view.refs.some((r) => r.first > lastDraft!.hit.last + between.lastIndexOf('and') && r.last < first);
    let subject: string[];
    if (coordinated) subject = lastDraft!.subject;
    else if (!isVerb) {
      subject = possessorOf(view, first, last, entry.ofOwner);
      if (subject.length === 0 && !entry.needsPossessor) subject = subjectOf({ view, at: first, clauseStart, ...(recentActors ? { previousActors: recentActors } : {}) });
    } else {
      subject = subjectOf({ view, at: first, clauseStart, partyOf: (p) => partyOf(doc, p), ...(recentActors ? { previousActors: recentActors } : {}) });
    }
    if (subject.length === 0 && (isVerb || !entry.needsPossessor)) subject = speakerOf(view, first, clauseStart);
    lastDraft = { hit, subject };
    if (subject.length > 0) recentActors = subject;

    // "The Bush administration declared Tuesday that China must drop barriers": the speaker asks, China is asked.
    const actor = entry.speakerActs ? obligationSource(doc, view, clauseStart) : passive ? agentOf(view, last, end) : subject;
    let place = placeOf(view, last, end);
    if (!place && (coding.type === 'CONSULT' || coding.cameo === '036')) {
      // "PM will visit Karachi": a place as the object of a visit is where it happens.
      place = view.refs.find((r) => r.first === last + 1 && r.type === 'PLACE')?.actor;
    }
    let recipient = entry.speakerActs || passive ? subject : objectOf({ view, after: last, end, exclude: place ? [...actor, place] : actor });
    // "The PRC demanded that the US cancel its plans": with no object before it, a complement clause's subject
    // is who the demand, accusation or threat is addressed to.
    if (recipient.length === 0 && isVerb && !passive && !entry.speakerActs && view.words[end]?.text === 'that' && !THAT_AS_PRONOUN_AFTER.has(view.words[end - 1]?.text ?? '') && COMPLEMENT_TYPES.has(coding.type)) {
      const clauseEnd = argumentEnd(view, { form, first: end, last: end }, undefined);
      recipient = objectOf({ view, after: end, end: Math.min(clauseEnd, end + 6), exclude: actor });
    }
    // "gave food aid to Oman", "offered to hand over to Oman two sailors": with no other object, the place
    // after "to" is who receives.
    if (recipient.length === 0 && place && !passive && !entry.speakerActs && coding.mode !== 'visit') {
      const ref = view.refs.find((r) => r.actor === place && r.first > last && r.last < end);
      if (ref && view.words[ref.first - 1]?.text === 'to') {
        recipient = [place];
        place = undefined;
      }
    }
    if (entry.needsRecipient && recipient.filter((r) => !actor.includes(r)).length === 0) return;
    const stateChanges: Draft['stateChanges'] = [];
    if (entry.stateChange && STATE_MODALITIES.has(modality)) {
      const objectRefs = view.refs.filter((r) => r.first > last && r.last < end);
      const objectText = normalizeText(doc.text.slice(view.words[last]!.span.end, view.words[Math.max(last, end - 1)]!.span.end)).text;
      const objectIsParty = objectRefs[0]?.type === 'PARTY';
      const kind = resolveKind(entry.stateChange, objectText, objectIsParty);
      const objectChanges = entry.changesObject || entry.stateChange === 'portfolios_assigned' || entry.stateChange === 'took_office' || entry.stateChange === 'sworn';
      const changed = entry.selfChange ? actor : objectChanges ? recipient.slice(0, 1) : actor.slice(0, 1);
      if (kind) {
        const body = objectRefs.find((r) => r.type === 'GOVBODY' || r.type === 'ORG')?.actor;
        const coalition = kind === 'joined_coalition' || kind === 'left_coalition';
        // "withdrew from the ruling coalition": the partner is the party that leads it.
        const partner =
          leadingParty(doc, objectText) ??
          (objectIsParty && coalition ? objectRefs[0]!.actor : undefined) ??
          (coalition && /\bruling\b|\bgoverning\b/iu.test(objectText) ? rulingParty(doc) : undefined);
        const portfolios = kind === 'portfolios_assigned' ? portfoliosIn(objectText) : [];
        const title = kind === 'took_office' ? titleAfterAs(objectText) : undefined;
        const date = dateOf(doc, view, first, { start: clauseStart, end }) ?? presentPerfectDate(doc, view, first);
        for (const subject of changed) {
          stateChanges.push({
            kind,
            subject,
            ...(body && kind !== 'joined_coalition' ? { body } : {}),
            ...(partner ? { with: partner } : {}),
            ...(portfolios.length > 0 ? { portfolios } : {}),
            ...(title ? { title } : {}),
            ...(date ? { date } : {}),
            evidence: view.span,
          });
        }
      }
    }
    const date = dateOf(doc, view, first, { start: clauseStart, end });
    const statement = view.statementAt[first];
    const unnamedActor =
      isVerb && !passive && actor.length === 0 && allowsUnnamedActor(coding.type) && hasNounSubject(view, clauseStart, first);
    drafts.push({
      noEvent: entry.noEvent === true,
      passive: passive && !entry.stateChange,
      unnamedActor,
      sentence: view.index,
      stateChanges,
      event: {
        type: coding.type,
        ...(coding.mode ? { mode: coding.mode } : {}),
        ...(coding.cameo ? { cameo: coding.cameo } : {}),
        actor,
        recipient: recipient.filter((r) => !actor.includes(r)),
        trigger: { start: view.words[first]!.span.start, end: view.words[last]!.span.end },
        ...(date ? { date } : {}),
        ...(place ? { place } : {}),
        modality,
        context: contextsOf(view, entry.context),
        ...(statement ? { statement: statement.id } : {}),
        evidence: view.span,
      },
    });
  });
  return mergeSameType(drafts);
}

/**
 * One sentence often tells one event twice: "PPP Chairman Bilawal's offer that the PPP was ready to embrace
 * the MQM-P" (offer + ready to), "PTI and the MQM-P had signed … following which the latter joined". Events of
 * the same type merge when their actors overlap or one of them has no recipient.
 */
function mergeSameType(drafts: Draft[]): Draft[] {
  const out: Draft[] = [];
  for (const d of drafts) {
    const into = out.find(
      (o) =>
        o.event.type === d.event.type &&
        !o.noEvent &&
        !d.noEvent &&
        d.event.actor.length > 0 &&
        (o.event.actor.some((a) => d.event.actor.includes(a)) || o.event.recipient.length === 0 || d.event.recipient.length === 0),
    );
    if (!into || into.event.actor.length === 0) {
      out.push(d);
      continue;
    }
    const actor = unique([...into.event.actor, ...d.event.actor]);
    into.event.actor = actor;
    into.event.recipient = unique([...into.event.recipient, ...d.event.recipient]).filter((r) => !actor.includes(r));
    into.event.context = unique([...(into.event.context ?? []), ...(d.event.context ?? [])]);
    if (!into.event.place && d.event.place) into.event.place = d.event.place;
    into.stateChanges.push(...d.stateChanges);
  }
  return out;
}

/**
 * "A day after the PM toured Port Qasimabad … The Prime Minister visited Port Qasimabad on Monday": one visit
 * told twice in an article, by the same actor, to the same place on the same day.
 */
function visitRetold(events: readonly Event[], e: Omit<Event, 'id'>): boolean {
  if (e.mode !== 'visit' || !e.date) return false;
  return events.some(
    (o) => o.mode === 'visit' && o.type === e.type && o.date?.value === e.date!.value && o.actor.some((a) => e.actor.includes(a)) && (!o.place || !e.place || o.place === e.place),
  );
}

/** Adds the events and stateChanges layers. */
export function extractEvents(doc: Document): void {
  const events: Event[] = [];
  const stateChanges: StateChange[] = [];
  let previousActors: string[] | undefined;
  for (const view of sentenceViews(doc)) {
    if (doc.sentences[view.index]?.dateline) continue;
    let lastEvent: Event | undefined;
    for (const draft of sentenceEvents(doc, view, previousActors)) {
      const known = draft.stateChanges.filter((sc) => stateChanges.some((o) => o.kind === sc.kind && o.subject === sc.subject));
      for (const sc of known) {
        // "his resignation" told again: the body may be named only the second time ("decision to quit the federal cabinet").
        const first = stateChanges.find((o) => o.kind === sc.kind && o.subject === sc.subject)!;
        if (!first.body && sc.body) first.body = sc.body;
      }
      const fresh = draft.stateChanges.filter((sc) => !known.includes(sc));
      const retold = (known.length > 0 && fresh.length === 0 && draft.event.type === 'RETREAT') || visitRetold(events, draft.event);
      let event: Event | undefined;
      // "Three US servicemen were killed by an improvised explosive device": a passive conflict event with a
      // known victim and no named agent is still an event, its actor empty; so is one whose agent is a group
      // no actor names ("Israeli soldiers arrested"). Only for conflict types: an unnamed agent of words
      // ("were accused", "the demand") is not a reported event.
      const conflict = allowsUnnamedActor(draft.event.type);
      const agentless = conflict && draft.unnamedActor;
      if ((draft.event.actor.length > 0 || agentless) && !retold && !draft.noEvent) {
        event = { id: `e${events.length + 1}`, ...draft.event };
        events.push(event);
        lastEvent = event;
        previousActors = event.actor;
      }
      const carrier = event ?? lastEvent;
      for (const sc of fresh) {
        stateChanges.push({ id: `sc${stateChanges.length + 1}`, ...sc, ...(carrier ? { event: carrier.id } : {}) });
      }
    }
  }
  doc.events = events;
  doc.stateChanges = stateChanges;
}

export const eventsStage: Stage = {
  name: 'events',
  reads: ['sentences', 'tokens', 'mentions', 'actors', 'memberships', 'times', 'statements'],
  adds: ['events', 'stateChanges'],
  run(doc) {
    extractEvents(doc);
  },
};
