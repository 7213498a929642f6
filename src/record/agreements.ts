import type { CommitmentStatus } from '../document/layers.js';
import type { AgreementStatus, Evidence, RecordAgreement } from './types.js';

/** What the record knows of one point of an agreement: its commitment's status on the day, and the report behind it. */
export interface TermState {
  commitment: string;
  status: CommitmentStatus;
  evidence?: Evidence;
}

/**
 * An agreement's status from the reported progress on its points: every point done → implemented; any point done
 * or under way → being_implemented; else any point broken or disputed, or the agreement itself reported disputed →
 * disputed; else agreed. Progress outranks a dispute about another point: the agreement is then being carried out.
 */
export function agreementStatus(terms: TermState[], reported?: string): AgreementStatus {
  if (terms.length > 0 && terms.every((t) => t.status === 'kept')) return 'implemented';
  if (terms.some((t) => t.status === 'kept' || t.status === 'in_progress')) return 'being_implemented';
  if (terms.some((t) => t.status === 'broken' || t.status === 'disputed') || reported === 'disputed') return 'disputed';
  return 'agreed';
}

/** An agreement with each point's status (and evidence) as of the day its commitments were read for, and the status they give. */
export function agreementAsOf(a: RecordAgreement, stateOf: (commitment: string) => { status: CommitmentStatus; evidence?: Evidence } | undefined): RecordAgreement {
  const terms = a.terms.map((t) => {
    const on = stateOf(t.commitment);
    return { commitment: t.commitment, status: on?.status ?? t.status, ...(on?.evidence && { evidence: on.evidence }) };
  });
  return { ...a, terms, status: agreementStatus(terms, a.reported) };
}
