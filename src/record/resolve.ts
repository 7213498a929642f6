import type { Document } from '../document/document.js';
import { buildRecord } from './build.js';
import type { RecordActor, ResolutionDecision } from './types.js';

export { LINK_THRESHOLD as MERGE_THRESHOLD } from './link.js';

import { memberKey } from './link.js';

export { memberKey };

/** Which cross-document actor each per-article actor belongs to. */
export interface Resolution {
  actors: RecordActor[];
  /** memberKey → record actor id. */
  byMember: Map<string, string>;
}

/** Resolves the actors of some articles across them (see link.ts), in memory: for tests and small sets. */
export function resolveActors(docs: Document[], decisions: ResolutionDecision[] = []): Resolution {
  const { actors } = buildRecord(docs, decisions);
  const byMember = new Map<string, string>();
  for (const a of actors) for (const m of a.members) byMember.set(memberKey(m.article, m.local), a.id);
  return { actors, byMember };
}
