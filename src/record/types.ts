import type { ActorType, CommitmentKind, CommitmentStatus, Modality, PloverType, RelationKind } from '../document/layers.js';

/** Where a fact in the record comes from: an article, the sentence in it, and the character offsets. */
export interface Evidence {
  article: string;
  /** Publication date of the article (YYYY-MM-DD), when known. */
  published?: string;
  /** Index of the sentence in the article's sentences layer, when the span falls in one. */
  sentence?: number;
  start: number;
  end: number;
}

/** Evidence with the text it points at, as queries return it. */
export interface QuotedEvidence extends Evidence {
  text: string;
}

/** One per-article actor as it belongs to a cross-document actor: `article:local` is its key. */
export interface ActorMember {
  article: string;
  local: string;
  name: string;
  aliases: string[];
  /** How it joined: it started the cluster, an automatic match, or a manual merge. */
  via: 'first' | 'auto' | 'manual';
  /** Match score against the cluster when it joined (1 for 'first' and 'manual'). */
  score: number;
  /** Why it was merged, for people to check ("same name", "spelling variant mehmood~mehmud", "same party rpl-s"). */
  reasons: string[];
}

/** An actor across articles. */
export interface RecordActor {
  id: string;
  type: ActorType;
  name: string;
  aliases: string[];
  members: ActorMember[];
}

/** A manual resolution decision; keys are `article:localActorId` and stay valid across rebuilds. */
export type ResolutionDecision =
  | { kind: 'merge'; a: string; b: string }
  | { kind: 'split'; member: string; from: string[] };

/** An interval of a state (an office held, a party membership, a relation) with what opened and closed it. */
export interface Interval {
  /** YYYY-MM-DD; absent when the state is only known to have ended. */
  from?: string;
  /** True when `from` is the date of the act (took office), false when it is the first report of the state. */
  fromExact: boolean;
  /** YYYY-MM-DD, exclusive; absent while the state holds. */
  to?: string;
  opened?: Evidence;
  closed?: Evidence;
  /** The reports that the state held, in date order (the first and the latest when there are many). */
  reports: Evidence[];
  /** How many reports there were, when more than `reports` keeps. */
  reportCount?: number;
}

export interface Office extends Interval {
  id: string;
  person: string;
  title: string;
  org?: string;
}

export interface PartyMembership extends Interval {
  id: string;
  person: string;
  org: string;
}

export interface RelationState extends Interval {
  id: string;
  kind: RelationKind;
  a: string;
  b: string;
}

export interface RecordEvent {
  id: string;
  type: PloverType;
  mode?: string;
  /** YYYY-MM-DD of the event, else the earliest report's publication date. */
  date?: string;
  actors: string[];
  recipients: string[];
  modality: Modality;
  /** Each article that reported it (the first is the one the fields come from); past SOURCES_KEPT, the first and the latest. */
  sources: (Evidence & { event: string; trigger: { start: number; end: number } })[];
  /** How many reports there are, when more than the sources kept. */
  sourceCount?: number;
}

export interface FollowUp {
  /** kept: the act is reported done; broken: reversed or denied; pending: reported as still not done; progress: reported under way. */
  kind: 'kept' | 'broken' | 'pending' | 'progress';
  evidence: Evidence;
  /** The cue that decided it ("visited", "would not", "still not"). */
  cue: string;
}

export interface RecordCommitment {
  id: string;
  kind: CommitmentKind;
  by: string;
  to?: string;
  /** The promised act, as the first report words it. */
  what: Evidence;
  due?: { start: string; end: string };
  /** Date the commitment was made or first reported. */
  made?: string;
  status: CommitmentStatus;
  /** The evidence that decided the status (absent for open, and for overdue when nothing was reported). */
  statusEvidence?: Evidence;
  followUps: FollowUp[];
  /** How many follow-ups were read, when more than those kept (the first, the latest and the latest decisive). */
  followUpCount?: number;
  /** Every report of the commitment (the first is the primary); past SOURCES_KEPT, the first and the latest. */
  sources: (Evidence & { commitment: string })[];
  /** How many reports there are, when more than the sources kept. */
  sourceCount?: number;
}

export interface RecordAgreement {
  id: string;
  kind: string;
  parties: string[];
  points?: number;
  date?: string;
  sources: (Evidence & { agreement: string })[];
  /** Commitments that are the points of this agreement, with their status and the report behind it on the day read. */
  terms: { commitment: string; status: CommitmentStatus; evidence?: Evidence }[];
  /** From the points' progress on the day read (see agreements.ts); absent in what is stored. */
  status?: AgreementStatus;
  /** The latest status an article gave the agreement itself ("disputed"), if any. */
  reported?: string;
}

/** agreed → (disputed) → being_implemented → implemented, as its points are reported under way and done. */
export type AgreementStatus = 'agreed' | 'disputed' | 'being_implemented' | 'implemented';

export interface RecordStatement {
  article: string;
  statement: string;
  kind: 'direct' | 'indirect';
  speaker?: string;
  content: Evidence;
  evidence: Evidence;
}

/** The whole cross-document record, a pure function of the stored articles and the manual decisions. */
export interface CrossRecord {
  actors: RecordActor[];
  offices: Office[];
  memberships: PartyMembership[];
  relations: RelationState[];
  events: RecordEvent[];
  commitments: RecordCommitment[];
  agreements: RecordAgreement[];
  statements: RecordStatement[];
  /** Newest publication date among the articles, the reference for "overdue". */
  newest?: string;
}
