/**
 * The annotation layers of a Document. Every layer is a plain record that points at the original text by
 * Span and at other records by id; strings shown to people are derived from spans, except canonical names
 * and normalized values, which are the point of those records.
 */
import type { Span } from './span.js';

export const ACTOR_TYPES = ['PERSON', 'PARTY', 'ORG', 'GOVBODY', 'PLACE'] as const;
export type ActorType = (typeof ACTOR_TYPES)[number];

/** What a mention names: an actor of some type, an office (TITLE), or a pronoun resolved to an actor. */
export type MentionType = ActorType | 'TITLE' | 'PRONOUN';

/** How an annotation was produced, so that users and evaluation can tell model output from rules. */
export type Provenance = 'model' | 'gazetteer' | 'rule' | 'coref';

export interface Sentence {
  id: string;
  span: Span;
  /** Zero-based index of the paragraph (blank-line separated block) the sentence sits in. */
  paragraph: number;
  /** True for the dateline segment ("KARACHI -", "LAHORE (Reuters) -"). */
  dateline?: boolean;
}

export interface Token {
  span: Span;
  /** Index into Document.sentences. */
  sentence: number;
  /** Universal POS tag where the segmenter gives one. */
  pos?: string;
}

export interface Mention {
  id: string;
  span: Span;
  type: MentionType;
  /** The actor this mention refers to, once aliases are resolved. */
  actor?: string;
  source: Provenance;
  confidence?: number;
}

export interface Actor {
  id: string;
  type: ActorType;
  /** The fullest proper name the document gives ("Khalid Maqbool Siddiqui"). */
  name: string;
  /** Every other surface form seen for this actor, deduplicated, canonical name excluded. */
  aliases: string[];
  /** Ids of the mentions that refer to this actor. */
  mentions: string[];
}

export interface Role {
  id: string;
  /** Actor id of the office holder. */
  person: string;
  /** The office as written, without the organisation ("Convener", "Federal Minister for Planning, …"). */
  title: string;
  /** Actor id of the organisation or body the office belongs to, where the text gives it. */
  org?: string;
  /** A past office: "former minister", "ex-premier", "then finance minister", "her predecessor". */
  former?: boolean;
  /** ISO 3166-1 alpha-3 code of the country whose office it is, where the text says ("Thai Prime Minister", "President of Kenya"). */
  country?: string;
  evidence: Span;
}

export interface Membership {
  id: string;
  person: string;
  org: string;
  evidence: Span;
  /** True when inferred (e.g. from a role in the party) rather than stated. */
  inferred?: boolean;
}

/** A normalized time value. `value` is ISO: YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Www, or a duration (P7M). */
export interface TimeValue {
  kind: 'date' | 'range' | 'duration' | 'set';
  granularity: 'year' | 'quarter' | 'month' | 'week' | 'day' | 'time' | 'unknown';
  value: string;
  /** For ranges and coarse dates: the first and last day covered (YYYY-MM-DD). */
  start?: string;
  end?: string;
}

export interface TimeExpression {
  id: string;
  span: Span;
  value: TimeValue;
}

export type StatementKind = 'direct' | 'indirect';

export type CueType = 'speech' | 'belief' | 'intention' | 'document' | 'poll' | 'perception' | 'other';

export interface Statement {
  id: string;
  kind: StatementKind;
  /** Actor id of the speaker, when the speaker is a named actor. */
  speaker?: string;
  /** The speaker as written when it is a described group or unnamed source ("the MQM-P's key leaders"). */
  speakerSpan?: Span;
  /** The cue ("said", "added", "according to"). */
  cue?: Span;
  /** Lemma of the cue verb ("say", "add", "clarify"). */
  cueLemma?: string;
  /**
   * What kind of attribution the cue makes (PolNeAR's definition): speech ("said"), belief ("believes"),
   * intention ("plans to"), document ("the report states"), poll ("a survey found"), perception ("saw").
   * Filter to `speech` for what someone said.
   */
  cueType?: CueType;
  content: Span;
  /** When the statement was made, if the text says ("said Monday"). */
  date?: TimeValue;
  /** The sentence(s) that carry the statement. */
  evidence: Span;
}

export const PLOVER_TYPES = [
  'AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST',
  'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT',
] as const;
export type PloverType = (typeof PLOVER_TYPES)[number];

export type Modality = 'asserted' | 'negated' | 'future' | 'conditional' | 'hypothetical' | 'reported' | 'denied';

export type StateChangeKind =
  | 'took_office'
  | 'left_office'
  | 'joined_cabinet'
  | 'left_cabinet'
  | 'joined_coalition'
  | 'left_coalition'
  | 'portfolios_assigned'
  | 'joined_party'
  | 'left_party';

export interface Event {
  id: string;
  type: PloverType;
  /** PLOVER mode within the type, where one applies ("resign" under RETREAT). */
  mode?: string;
  /** CAMEO equivalent code ("057", "0831"). */
  cameo?: string;
  actor: string[];
  recipient: string[];
  trigger: Span;
  date?: TimeValue;
  /** Actor id of a PLACE. */
  place?: string;
  modality: Modality;
  /** PLOVER contexts ("legislative", "political_institutions"). */
  context?: string[];
  /** The statement this event was reported in, if any. */
  statement?: string;
  evidence: Span;
}

export interface StateChange {
  id: string;
  kind: StateChangeKind;
  /** Actor id of the person or party whose state changes. */
  subject: string;
  /** Actor id of the body, cabinet or office involved. */
  body?: string;
  /** Actor id of the partner (coalition joined with). */
  with?: string;
  portfolios?: string[];
  /** Office title for took_office/left_office. */
  title?: string;
  date?: TimeValue;
  event?: string;
  evidence: Span;
}

export type CommitmentKind = 'promise' | 'assurance' | 'pledge' | 'offer' | 'plan' | 'agreement-term';
export type CommitmentStatus = 'open' | 'in_progress' | 'kept' | 'overdue' | 'broken' | 'disputed';

export interface Commitment {
  id: string;
  kind: CommitmentKind;
  by: string;
  to?: string;
  what: Span;
  due?: TimeValue;
  /** Statement id the commitment was reported in, or absent when the article itself reports it. */
  statement?: string;
  /** Actor id of whoever reported the commitment, when it is not the committer. */
  source?: string;
  condition?: Span;
  status: CommitmentStatus;
  evidence: Span;
}

export interface Agreement {
  id: string;
  kind: string;
  parties: string[];
  points?: number;
  date?: TimeValue;
  status?: string;
  evidence: Span;
}

export type RelationKind = 'ally' | 'coalition' | 'opposition' | 'negotiating' | 'member';

export interface Relation {
  id: string;
  a: string;
  b: string;
  kind: RelationKind;
  polarity: 'positive' | 'negative';
  /** YYYY-MM-DD: the date the relation is reported to hold on. */
  asOf: string;
  evidence: Span;
}

/** Every layer a stage may read or add, by name. */
export interface Layers {
  sentences: Sentence[];
  tokens: Token[];
  mentions: Mention[];
  actors: Actor[];
  roles: Role[];
  memberships: Membership[];
  times: TimeExpression[];
  statements: Statement[];
  events: Event[];
  stateChanges: StateChange[];
  commitments: Commitment[];
  agreements: Agreement[];
  relations: Relation[];
}
export type LayerName = keyof Layers;
export const LAYER_NAMES: readonly LayerName[] = [
  'sentences', 'tokens', 'mentions', 'actors', 'roles', 'memberships', 'times',
  'statements', 'events', 'stateChanges', 'commitments', 'agreements', 'relations',
];
