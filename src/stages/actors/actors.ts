/**
 * The actors stage: mentions (names, offices, pronouns), the document's actors with their aliases, roles
 * and memberships, each pointing at the original text.
 */
import type { Document } from '../../document/document.js';
import type { Actor, Membership, Mention, Role } from '../../document/layers.js';
import { normalizeText } from '../../document/normalize.js';
import { compareSpans } from '../../document/span.js';
import type { Stage } from '../../pipeline/stage.js';
import { resolveAliases } from './aliases.js';
import { resolvePronouns, resolveTitles, type Antecedents } from './coref.js';
import { actorLexicon, type Lexicon } from './lexicon.js';
import { findCandidates, resolveSingles, type Candidate } from './mentions.js';
import { findRoles } from './roles.js';
import { withDefinedOffices } from './titles.js';
import { mergeModelMentions, modelEntities, modelTypeAt } from './model-mentions.js';
import { shippedNerModel } from '../../models/ner/model.js';
import { buildWords, type Word } from './words.js';

/**
 * Where the dateline's place ends: "KARACHI -", "LAHORE (Reuters) -". Uses the ingest's dateline when there is
 * one, else an all-capitals run at the very start of the text followed by a dash.
 */
function datelinePlaceEnd(doc: Document): number {
  const from = doc.meta.dateline?.span.start ?? 0;
  const to = doc.meta.dateline?.span.end ?? Math.min(doc.text.length, 80);
  const m = /^\s*(\p{Lu}[\p{Lu}'.]+(?:[ ,]+\p{Lu}[\p{Lu}'.]+)*)\s*(?:\([^)]*\)\s*)?[-\u2013\u2014:]/u.exec(doc.text.slice(from, to));
  return m ? from + m.index + m[0].indexOf(m[1]!) + m[1]!.length : -1;
}

function collapse(s: string): string {
  return s.replace(/\s+/gu, ' ').trim();
}

/**
 * Names of groups of people are no actors: "Kenyans", "the British", "North Korean fishermen", "Berbers";
 * neither is a name the text writes as a group's adjective ("Chun Doo-hwan-style").
 */
function dropGroups(candidates: Candidate[], words: readonly Word[], lex: Lexicon): Candidate[] {
  return candidates.filter((c) => {
    if (c.type === 'TITLE' || c.type === 'PRONOUN') return true;
    const surface = words.slice(c.from, c.to).map((w) => w.lower).join(' ');
    if (lex.groups.has(surface)) return false;
    return !/-(style|type|like|era)$/u.test(words[c.to - 1]!.lower);
  });
}

/** The country whose office a role is, where the text says: "Thai Prime Minister", "Kenya's President", "President of Kenya". */
function roleCountry(candidates: readonly Candidate[], words: readonly Word[], lex: Lexicon, title: number, org: number | undefined, names: (n: number) => string): string | undefined {
  const t = candidates[title]!;
  const start = org !== undefined && candidates[org]!.to <= t.from ? candidates[org]!.from : t.from;
  let k = start - 1;
  if (words[k]?.text === "'s") k--;
  const before = words[k];
  if (before) {
    const code = lex.countryOf.get(before.lower) ?? lex.countryAbbreviations.get(before.text);
    if (code) return code;
  }
  const inside = lex.countryOf.get(words[t.from]!.lower);
  if (inside) return inside;
  const prep = words[t.to]?.lower;
  if (prep === 'of' || prep === 'in') {
    const after = candidates.find((c) => c.from === t.to + 1 || (c.from === t.to + 2 && words[t.to + 1]!.lower === 'the'));
    if (after?.type === 'PLACE') return lex.countryOf.get(names(candidates.indexOf(after)).toLowerCase()) ?? lex.countryAbbreviations.get(names(candidates.indexOf(after)));
  }
  if (org !== undefined) {
    const first = words[candidates[org]!.from]!;
    return lex.countryOf.get(first.lower) ?? lex.countryAbbreviations.get(first.text);
  }
  return undefined;
}

export function annotateActors(doc: Document): void {
  const words = buildWords(doc);
  const lex = withDefinedOffices(words, actorLexicon());
  const entities = modelEntities(doc, words, shippedNerModel(), lex);
  const ruleCandidates = resolveSingles(findCandidates(words, lex, datelinePlaceEnd(doc), doc.text), words, lex, modelTypeAt(entities));
  const candidates: Candidate[] = dropGroups(mergeModelMentions(ruleCandidates, entities, words, lex), words, lex);
  const view = (c: Candidate) => collapse(normalizeText(doc.text.slice(c.span.start, c.span.end)).text);
  const drafts = resolveAliases(candidates, words, lex, view);
  // Parties, and organisations people belong to (unions, federations, associations): an office in one states membership.
  const memberOrg = (d: (typeof drafts)[number]) => d.type === 'PARTY' || (d.type === 'ORG' && lex.memberOrgHeads.has(d.name.toLowerCase().split(/\s+/u).pop()!));
  const partyCandidates = new Set(drafts.filter(memberOrg).flatMap((d) => d.members));
  const { roles, memberships, holders, titleOrgs } = findRoles(candidates, words, lex, (n) => partyCandidates.has(n));
  const antecedents: Antecedents = new Map(holders);
  const actorOf = new Map<number, number>();
  drafts.forEach((d, a) => d.members.forEach((m) => actorOf.set(m, a)));
  resolveTitles(candidates, words, roles, titleOrgs, lex, actorOf, antecedents);
  resolvePronouns(candidates, words, antecedents);
  for (const [n, named] of antecedents) {
    const a = actorOf.get(named);
    if (a !== undefined) actorOf.set(n, a);
  }

  const order = candidates.map((_, n) => n).sort((x, y) => compareSpans(candidates[x]!.span, candidates[y]!.span));
  const mentionId = new Map<number, string>();
  const mentions: Mention[] = order.map((n, k) => {
    const c = candidates[n]!;
    const id = `m${k + 1}`;
    mentionId.set(n, id);
    const a = actorOf.get(n);
    return {
      id,
      span: c.span,
      type: c.type,
      ...(a !== undefined ? { actor: `a${a + 1}` } : {}),
      source: c.type === 'PRONOUN' || (c.type === 'TITLE' && antecedents.has(n)) ? 'coref' : c.source,
    };
  });

  const heldTitles = new Set(holders.keys());
  const surface = (n: number) => collapse(doc.text.slice(candidates[n]!.span.start, candidates[n]!.span.end));
  // Each actor's mentions in text order, gathered in one pass rather than one scan of all mentions per actor.
  const refsOf: number[][] = drafts.map(() => []);
  for (const n of order) {
    const a = actorOf.get(n);
    if (a !== undefined) refsOf[a]!.push(n);
  }
  const actors: Actor[] = drafts.map((d, a) => {
    const refs = refsOf[a]!;
    const aliases = new Set<string>();
    for (const n of refs) {
      const c = candidates[n]!;
      if (c.type === 'PRONOUN') continue;
      if (c.type === 'TITLE') {
        if (c.title?.expansion && !heldTitles.has(n)) aliases.add(surface(n));
        continue;
      }
      aliases.add(surface(n));
      if (c.type === 'PERSON' && (c.nameFrom !== c.from || c.nameTo !== c.to)) aliases.add(collapse(doc.text.slice(words[c.from]!.span.start, words[c.to - 1]!.span.end)));
      // "Prime Minister Imran Khan": an office written right before the name is part of how the text names them.
      const before = candidates[n - 1];
      if (c.type === 'PERSON' && before?.type === 'TITLE' && before.to === c.from && before.title!.capitalized) {
        aliases.add(collapse(doc.text.slice(before.span.start, c.span.end)));
      }
    }
    aliases.delete(d.name);
    return { id: `a${a + 1}`, type: d.type, name: d.name, aliases: [...aliases], mentions: refs.map((n) => mentionId.get(n)!) };
  });

  const actorId = (n: number) => `a${actorOf.get(n)! + 1}`;
  const seenRoles = new Set<string>();
  const roleLayer: Role[] = [];
  for (const r of roles) {
    const t = candidates[r.title]!;
    const title = t.title!.singular ?? collapse(doc.text.slice(t.span.start, t.span.end));
    const country = roleCountry(candidates, words, lex, r.title, r.org, (n) => surface(n));
    const role: Role = {
      id: '',
      person: actorId(r.person),
      title,
      ...(r.org !== undefined ? { org: actorId(r.org) } : {}),
      ...(r.former ? { former: true } : {}),
      ...(country ? { country } : {}),
      evidence: r.evidence,
    };
    const key = `${role.person}|${title.toLowerCase()}|${role.org ?? ''}`;
    if (seenRoles.has(key)) continue;
    seenRoles.add(key);
    roleLayer.push({ ...role, id: `r${roleLayer.length + 1}` });
  }
  // "Minister Kwon" after "Unification Minister Kwon Young-se": a shorter writing of an office the person
  // already holds in the document is that office, not another one.
  const titleWords = (t: string) => t.toLowerCase().split(/[\s-]+/u).filter((w) => w !== 'the' && w !== 'of' && w !== 'for');
  const subsumed = (r: Role) =>
    roleLayer.some((o) => o !== r && o.person === r.person && (r.org === undefined || o.org === r.org) && !o.former === !r.former &&
      o.title.length > r.title.length && titleWords(r.title).every((w) => titleWords(o.title).includes(w)));
  const keptRoles = roleLayer.filter((r) => !subsumed(r)).map((r, k) => ({ ...r, id: `r${k + 1}` }));
  const seenMemberships = new Set<string>();
  const membershipLayer: Membership[] = [];
  for (const m of memberships) {
    const person = actorId(m.person);
    const org = actorId(m.org);
    const key = `${person}|${org}`;
    if (seenMemberships.has(key)) continue;
    seenMemberships.add(key);
    membershipLayer.push({ id: `ms${membershipLayer.length + 1}`, person, org, evidence: m.evidence, ...(m.inferred ? { inferred: true } : {}) });
  }

  doc.mentions = mentions;
  doc.actors = actors;
  doc.roles = keptRoles;
  doc.memberships = membershipLayer;
}

export const actorsStage: Stage = {
  name: 'actors',
  reads: ['sentences', 'tokens'],
  adds: ['mentions', 'actors', 'roles', 'memberships'],
  run(doc) {
    annotateActors(doc);
  },
};
