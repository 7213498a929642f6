import type { Actor, ActorType } from '../document/layers.js';
import type { Document } from '../document/document.js';
import { compareNameTokens, comparePersonNames, foldName, organisationKeys, personNameTokens, slugOf } from './names.js';
import type { ActorMember, RecordActor, ResolutionDecision } from './types.js';

/** Score at or above which a per-article actor joins a cross-document actor automatically. */
export const MERGE_THRESHOLD = 0.75;

/** The key of a per-article actor, stable across rebuilds: `articleId:localActorId`. */
export function memberKey(article: string, local: string): string {
  return `${article}:${local}`;
}

interface Candidate {
  key: string;
  article: string;
  actor: Actor;
  /** Folded names of the parties and organisations the article ties this person to (roles, memberships). */
  orgs: Set<string>;
  titles: Set<string>;
}

interface Cluster {
  type: ActorType;
  members: (ActorMember & { key: string })[];
  memberTypes: ActorType[];
  names: Set<string>;
  orgs: Set<string>;
  titles: Set<string>;
  keys: Set<string>;
}

/** Which cross-document actor each per-article actor belongs to. */
export interface Resolution {
  actors: RecordActor[];
  /** memberKey → record actor id. */
  byMember: Map<string, string>;
}

/** Party-like types can be confused by extraction (a party tagged ORG in one article); they may merge. */
function compatibleTypes(a: ActorType, b: ActorType): boolean {
  if (a === b) return true;
  const partyLike = new Set<ActorType>(['PARTY', 'ORG']);
  return partyLike.has(a) && partyLike.has(b);
}

function candidatesOf(doc: Document): Candidate[] {
  const actorsById = new Map(doc.actors.map((a) => [a.id, a]));
  const orgKeysOf = (id: string | undefined): string[] => {
    const org = id ? actorsById.get(id) : undefined;
    return org && (org.type === 'PARTY' || org.type === 'ORG') ? [...organisationKeys([org.name, ...org.aliases])] : [];
  };
  return doc.actors.map((actor) => {
    const orgs = new Set<string>();
    const titles = new Set<string>();
    for (const r of doc.roles) if (r.person === actor.id) { titles.add(foldName(r.title)); for (const k of orgKeysOf(r.org)) orgs.add(k); }
    for (const m of doc.memberships) if (m.person === actor.id) for (const k of orgKeysOf(m.org)) orgs.add(k);
    return { key: memberKey(doc.meta.id, actor.id), article: doc.meta.id, actor, orgs, titles };
  });
}

function scoreAgainst(c: Candidate, cluster: Cluster, surnameHolders: number): { score: number; reasons: string[] } {
  if (!compatibleTypes(c.actor.type, cluster.type)) return { score: 0, reasons: [] };
  if (c.actor.type !== 'PERSON') {
    const own = foldName(c.actor.name);
    if (cluster.keys.has(own)) return { score: 1, reasons: [`same name "${own}"`] };
    const shared = [...organisationKeys([c.actor.name, ...c.actor.aliases])].find((k) => cluster.keys.has(k));
    return shared ? { score: 0.9, reasons: [`shared name or acronym "${shared}"`] } : { score: 0, reasons: [] };
  }
  let best = { score: 0, reasons: [] as string[] };
  for (const name of cluster.names) {
    const cmp = comparePersonNames(c.actor.name, name);
    // A clash with any full name in the cluster vetoes the match: "Nadia Baloch" never joins Imran Baloch's cluster.
    if (cmp.score < 0) return cmp;
    if (cmp.score > best.score) best = cmp;
  }
  if (best.score <= 0) return best;
  let score = best.score;
  const reasons = [...best.reasons];
  const sharedOrg = [...c.orgs].find((o) => cluster.orgs.has(o));
  if (sharedOrg) { score += 0.15; reasons.push(`same party or organisation "${sharedOrg}"`); }
  else if (c.orgs.size > 0 && cluster.orgs.size > 0) { score -= 0.4; reasons.push('different parties or organisations'); }
  const sharedTitle = [...c.titles].find((t) => cluster.titles.has(t));
  if (sharedTitle) { score += 0.1; reasons.push(`same title "${sharedTitle}"`); }
  if (personNameTokens(c.actor.name).length === 1 && surnameHolders === 1) { score += 0.15; reasons.push('the only known person with this surname'); }
  return { score: Math.min(score, 1), reasons };
}

function addToCluster(cluster: Cluster, c: Candidate, member: ActorMember): void {
  cluster.members.push({ ...member, key: c.key });
  cluster.memberTypes.push(c.actor.type);
  for (const n of [c.actor.name, ...c.actor.aliases]) if (c.actor.type !== 'PERSON' || personNameTokens(n).length > 0) cluster.names.add(n);
  for (const o of c.orgs) cluster.orgs.add(o);
  for (const t of c.titles) cluster.titles.add(t);
  for (const k of organisationKeys([c.actor.name, ...c.actor.aliases])) cluster.keys.add(k);
}

function newCluster(c: Candidate): Cluster {
  const cluster: Cluster = { type: c.actor.type, members: [], memberTypes: [], names: new Set(), orgs: new Set(), titles: new Set(), keys: new Set() };
  addToCluster(cluster, c, memberOf(c, 'first', 1, []));
  return cluster;
}

function memberOf(c: Candidate, via: ActorMember['via'], score: number, reasons: string[]): ActorMember {
  return { article: c.article, local: c.actor.id, name: c.actor.name, aliases: c.actor.aliases, via, score: Math.round(score * 100) / 100, reasons };
}

/** Pairs that must not (split) or must (merge) end up together; a later decision on the same pair wins. */
function constraintsOf(decisions: ResolutionDecision[]): { cannot: Set<string>; must: [string, string][] } {
  const pairKey = (a: string, b: string): string => (a < b ? `${a}|${b}` : `${b}|${a}`);
  const verdict = new Map<string, { a: string; b: string; together: boolean }>();
  for (const d of decisions) {
    if (d.kind === 'merge') verdict.set(pairKey(d.a, d.b), { a: d.a, b: d.b, together: true });
    else for (const other of d.from) verdict.set(pairKey(d.member, other), { a: d.member, b: other, together: false });
  }
  const cannot = new Set<string>();
  const must: [string, string][] = [];
  for (const [key, v] of verdict) if (v.together) must.push([v.a, v.b]); else cannot.add(key);
  return { cannot, must };
}

/**
 * Resolves actors across articles. Articles are taken in publication order; each per-article actor joins the
 * best-scoring cross-document actor of a compatible type when the score reaches MERGE_THRESHOLD (name match,
 * plus shared party, title, or a unique surname), else starts a new one. An article's own actors stay apart
 * (the article already decided they differ). Manual decisions win: split pairs never join, merged pairs are
 * joined after the automatic pass.
 */
export function resolveActors(docs: Document[], decisions: ResolutionDecision[] = []): Resolution {
  const { cannot, must } = constraintsOf(decisions);
  const forbidden = (a: string, b: string): boolean => cannot.has(a < b ? `${a}|${b}` : `${b}|${a}`);
  const clusters: Cluster[] = [];
  const bySurname = new Map<string, Set<Cluster>>();
  const byKey = new Map<string, Set<Cluster>>();
  const index = (cluster: Cluster): void => {
    const add = (map: Map<string, Set<Cluster>>, key: string): void => {
      const set = map.get(key) ?? new Set();
      set.add(cluster);
      map.set(key, set);
    };
    if (cluster.type === 'PERSON') for (const n of cluster.names) { const s = personNameTokens(n).at(-1); if (s) add(bySurname, s); }
    else for (const k of cluster.keys) add(byKey, k);
  };
  const candidateClusters = (c: Candidate): Cluster[] => {
    if (c.actor.type === 'PERSON') {
      const surname = personNameTokens(c.actor.name).at(-1);
      if (!surname) return [];
      // Transliteration variants of the surname live under other keys: scan those whose key is close.
      const out = new Set<Cluster>();
      for (const [key, set] of bySurname) if (compareNameTokens(key, surname) !== 'none') for (const k of set) out.add(k);
      return [...out];
    }
    const out = new Set<Cluster>();
    for (const k of organisationKeys([c.actor.name, ...c.actor.aliases])) for (const cluster of byKey.get(k) ?? []) out.add(cluster);
    return [...out];
  };
  for (const doc of docs) {
    const candidates = candidatesOf(doc);
    const pairs: { c: Candidate; cluster: Cluster; score: number; reasons: string[] }[] = [];
    const ambiguous = new Set<Candidate>();
    for (const c of candidates) {
      const surname = personNameTokens(c.actor.name).at(-1);
      const surnameHolders = c.actor.type === 'PERSON' && surname ? (bySurname.get(surname)?.size ?? 0) : 0;
      // Only clusters that could match: people sharing a surname-compatible token, organisations sharing a key.
      const scored = candidateClusters(c)
        .filter((cluster) => cannot.size === 0 || !cluster.members.some((m) => forbidden(m.key, c.key)))
        .map((cluster) => ({ c, cluster, ...scoreAgainst(c, cluster, surnameHolders) }))
        .filter((p) => p.score >= MERGE_THRESHOLD)
        .sort((x, y) => y.score - x.score);
      // Two equally good people ("Baloch" when both an Imran and a Nadia Baloch are known) mean no decision.
      if (c.actor.type === 'PERSON' && scored.length > 1 && scored[0]!.score - scored[1]!.score <= 0.05) ambiguous.add(c);
      pairs.push(...scored);
    }
    // Best matches first across the whole article, so "federal cabinet" takes the federal cabinet before the
    // article's separate "cabinet" actor can, and a full-name match beats a bare surname.
    pairs.sort((x, y) => y.score - x.score);
    const placed = new Set<Candidate>();
    const taken = new Set<Cluster>();
    for (const p of pairs) {
      if (placed.has(p.c) || taken.has(p.cluster) || ambiguous.has(p.c)) continue;
      addToCluster(p.cluster, p.c, memberOf(p.c, 'auto', p.score, p.reasons));
      index(p.cluster);
      placed.add(p.c);
      taken.add(p.cluster);
    }
    for (const c of candidates) {
      if (placed.has(c)) continue;
      const cluster = newCluster(c);
      clusters.push(cluster);
      index(cluster);
    }
  }
  for (const [a, b] of must) {
    const ca = clusters.find((k) => k.members.some((m) => m.key === a));
    const cb = clusters.find((k) => k.members.some((m) => m.key === b));
    if (!ca || !cb || ca === cb) continue;
    for (const m of cb.members) {
      ca.members.push({ ...m, via: 'manual', score: 1, reasons: [...m.reasons, `merged by hand with ${a}`] });
      for (const n of [m.name, ...m.aliases]) ca.names.add(n);
    }
    ca.memberTypes.push(...cb.memberTypes);
    for (const o of cb.orgs) ca.orgs.add(o);
    for (const k of cb.keys) ca.keys.add(k);
    clusters.splice(clusters.indexOf(cb), 1);
  }
  return finish(clusters);
}

const ACRONYM = /^[A-Z0-9-]+$/;

/**
 * Canonical name: the name most members use (ties: the longer, then the earlier); for organisations a spelled-out
 * name wins over an acronym ("Democratic Alliance Party", not "DAP"), which stays an alias.
 */
function canonicalName(cluster: Cluster): string {
  const counts = new Map<string, number>();
  for (const m of cluster.members) counts.set(m.name, (counts.get(m.name) ?? 0) + 1);
  if (cluster.type !== 'PERSON') {
    for (const n of cluster.names) if (!counts.has(n) && !ACRONYM.test(n) && /^[A-Z]/.test(n) && n.includes(' ')) counts.set(n, 0);
  }
  const spelledOut = (n: string): number => (cluster.type !== 'PERSON' && !ACRONYM.test(n) ? 1 : 0);
  return [...counts].sort((x, y) => spelledOut(y[0]) - spelledOut(x[0]) || y[1] - x[1] || y[0].length - x[0].length)[0]![0];
}

/** The type most members have; a party tagged ORG in some articles is still a party. */
function typeOf(cluster: Cluster): ActorType {
  const counts = new Map<ActorType, number>();
  for (const t of cluster.memberTypes) counts.set(t, (counts.get(t) ?? 0) + (t === 'PARTY' ? 1.5 : 1));
  return [...counts].sort((x, y) => y[1] - x[1])[0]![0];
}

function finish(clusters: Cluster[]): Resolution {
  const used = new Map<string, number>();
  const byMember = new Map<string, string>();
  const actors = clusters.map((cluster): RecordActor => {
    const name = canonicalName(cluster);
    const base = slugOf(name);
    const n = (used.get(base) ?? 0) + 1;
    used.set(base, n);
    const id = n === 1 ? base : `${base}-${n}`;
    const aliases = [...new Set(cluster.members.flatMap((m) => [m.name, ...m.aliases]))].filter((a) => a !== name);
    for (const m of cluster.members) byMember.set(m.key, id);
    return { id, type: typeOf(cluster), name, aliases, members: cluster.members.map(({ key: _key, ...m }) => m) };
  });
  return { actors, byMember };
}
