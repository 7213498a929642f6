import type { SqliteStore } from '../store/sqlite/sqlite-store.js';
import { foldName } from './names.js';
import { actorNamed } from './queries.js';
import { RecordError, addDecision, ensureRecord, loadRecord, rebuildRecord } from './record-store.js';
import { memberKey } from './resolve.js';
import type { RecordActor } from './types.js';

/**
 * Merges two cross-document actors by hand. The decision is kept (as a pair of per-article actors, which
 * survive rebuilds) and wins over automatic resolution from then on. Returns the merged actor.
 */
export function mergeActors(store: SqliteStore, a: string, b: string): RecordActor {
  ensureRecord(store);
  const record = loadRecord(store.db);
  const first = actorNamed(record, a);
  const second = actorNamed(record, b);
  if (first.id === second.id) throw new RecordError(`"${a}" and "${b}" are already one actor (${first.id})`);
  const keyA = memberKey(first.members[0]!.article, first.members[0]!.local);
  addDecision(store.db, { kind: 'merge', a: keyA, b: memberKey(second.members[0]!.article, second.members[0]!.local) });
  const rebuilt = rebuildRecord(store);
  return rebuilt.actors.find((x) => x.members.some((m) => memberKey(m.article, m.local) === keyA))!;
}

/**
 * Splits per-article actors off a cross-document actor by hand: those known by `alias` (their name or one of
 * their aliases), or the one holding mention `article:mentionId`. The split parts never rejoin it automatically.
 * Returns the actors the split produced.
 */
export function splitActor(store: SqliteStore, actor: string, by: { alias: string } | { mention: string }): RecordActor[] {
  ensureRecord(store);
  const target = actorNamed(loadRecord(store.db), actor);
  let parts;
  if ('alias' in by) {
    const folded = foldName(by.alias);
    parts = target.members.filter((m) => [m.name, ...m.aliases].some((n) => foldName(n) === folded));
  } else {
    const [article, mention] = by.mention.split(':');
    if (!article || !mention) throw new RecordError(`--mention takes ARTICLE:MENTION (e.g. 3f2a9c01:m4), not "${by.mention}"`);
    parts = target.members.filter((m) => m.article.startsWith(article) && store.getDocument(m.article)?.actors.find((x) => x.id === m.local)?.mentions.includes(mention));
  }
  if (parts.length === 0) throw new RecordError(`nothing in ${target.id} matches ${'alias' in by ? `alias "${by.alias}"` : `mention ${by.mention}`}`);
  if (parts.length === target.members.length) throw new RecordError(`every part of ${target.id} matches; nothing would remain to split from`);
  const keys = parts.map((m) => memberKey(m.article, m.local));
  const rest = target.members.map((m) => memberKey(m.article, m.local)).filter((k) => !keys.includes(k));
  for (const key of keys) addDecision(store.db, { kind: 'split', member: key, from: rest });
  const rebuilt = rebuildRecord(store);
  return rebuilt.actors.filter((x) => x.members.some((m) => keys.includes(memberKey(m.article, m.local))));
}
