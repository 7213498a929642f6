import type { SqliteStore } from '../store/sqlite/sqlite-store.js';
import { foldName } from './names.js';
import { actorNamed, getActor, type ActorSummary } from './queries.js';
import { RecordError, addDecision, ensureRecord, rebuildRecord } from './record-store.js';
import { memberKey } from './link.js';

interface MemberRow { article_id: string; local_id: string; name: string; aliases: string }

function membersOf(store: SqliteStore, actorId: string): MemberRow[] {
  return store.db.prepare(`SELECT m.article_id, m.local_id, x.name, x.aliases FROM record_actor_members m
    JOIN actors x ON x.article_id = m.article_id AND x.id = m.local_id WHERE m.actor_id = ? ORDER BY m.rowid`).all(actorId) as MemberRow[];
}

function actorOfMember(store: SqliteStore, key: string): ActorSummary | undefined {
  const i = key.lastIndexOf(':');
  const id = store.db.prepare('SELECT actor_id FROM record_actor_members WHERE article_id = ? AND local_id = ?').pluck().get(key.slice(0, i), key.slice(i + 1)) as string | undefined;
  return id ? getActor(store.db, id) : undefined;
}

/**
 * Merges two record actors by hand. The decision is kept (as a pair of per-article actors, which survive
 * rebuilds) and wins over automatic resolution from then on; the record is re-clustered (streaming) so every
 * state and event follows. Returns the merged actor.
 */
export function mergeActors(store: SqliteStore, a: string, b: string): ActorSummary {
  ensureRecord(store);
  const first = actorNamed(store.db, a);
  const second = actorNamed(store.db, b);
  if (first.id === second.id) throw new RecordError(`"${a}" and "${b}" are already one actor (${first.id})`);
  const ma = membersOf(store, first.id)[0]!;
  const mb = membersOf(store, second.id)[0]!;
  const keyA = memberKey(ma.article_id, ma.local_id);
  addDecision(store.db, { kind: 'merge', a: keyA, b: memberKey(mb.article_id, mb.local_id) });
  rebuildRecord(store);
  return actorOfMember(store, keyA)!;
}

/**
 * Splits per-article actors off a record actor by hand: those known by `alias` (their name or one of their
 * aliases), or the one holding mention `article:mentionId`. The split parts never rejoin it automatically.
 * Returns the actors the split produced.
 */
export function splitActor(store: SqliteStore, actor: string, by: { alias: string } | { mention: string }): ActorSummary[] {
  ensureRecord(store);
  const target = actorNamed(store.db, actor);
  const members = membersOf(store, target.id);
  let parts: MemberRow[];
  if ('alias' in by) {
    const folded = foldName(by.alias);
    parts = members.filter((m) => [m.name, ...(JSON.parse(m.aliases) as string[])].some((n) => foldName(n) === folded));
  } else {
    const [article, mention] = by.mention.split(':');
    if (!article || !mention) throw new RecordError(`--mention takes ARTICLE:MENTION (e.g. 3f2a9c01:m4), not "${by.mention}"`);
    const holders = new Set((store.db.prepare('SELECT article_id || \':\' || actor_id FROM mentions WHERE article_id >= ? AND article_id < ? AND id = ?').pluck()
      .all(article.toLowerCase(), `${article.toLowerCase()}\uffff`, mention) as string[]));
    parts = members.filter((m) => holders.has(`${m.article_id}:${m.local_id}`));
  }
  if (parts.length === 0) throw new RecordError(`nothing in ${target.id} (${target.name}) matches ${'alias' in by ? `alias "${by.alias}"` : `mention ${by.mention}`}`);
  if (parts.length === members.length) throw new RecordError(`every part of ${target.id} matches; nothing would remain to split from`);
  const keys = parts.map((m) => memberKey(m.article_id, m.local_id));
  const split = new Set(keys);
  const rest = members.map((m) => memberKey(m.article_id, m.local_id)).filter((k) => !split.has(k));
  for (const key of keys) addDecision(store.db, { kind: 'split', member: key, from: rest });
  rebuildRecord(store);
  const out = new Map<string, ActorSummary>();
  for (const k of keys) { const a = actorOfMember(store, k); if (a) out.set(a.id, a); }
  return [...out.values()];
}
