/**
 * Roles (who holds which office, in which organisation) and memberships, from the ways news writing
 * introduces people: title before name, apposition, "of"/"in" complements, possessives and delegations.
 */
import type { Span } from '../../document/span.js';
import { spanUnion } from '../../document/span.js';
import type { Lexicon } from './lexicon.js';
import type { Candidate } from './mentions.js';
import type { Word } from './words.js';

export interface RoleDraft {
  /** Candidate index of the holder's name mention, and of the TITLE mention. */
  person: number;
  title: number;
  /** Candidate index of the organisation mention, where the text gives one. */
  org?: number;
  evidence: Span;
}

export interface MembershipDraft {
  person: number;
  org: number;
  evidence: Span;
  inferred: boolean;
}

const ORGANISATIONS = new Set(['PARTY', 'ORG', 'GOVBODY']);
const DELEGATION_WORDS = new Set(['delegation', 'team', 'leadership', 'committee']);
const LEADS = new Set(['led', 'headed']);

function isOrganisation(c: Candidate | undefined): c is Candidate {
  return c !== undefined && ORGANISATIONS.has(c.type);
}

/** Index of the candidate that starts at word `at`, skipping one article. */
function candidateAt(byStart: ReadonlyMap<number, number>, words: readonly Word[], at: number): number | undefined {
  return byStart.get(at) ?? (words[at]?.lower === 'the' ? byStart.get(at + 1) : undefined);
}

export interface RoleFindings {
  roles: RoleDraft[];
  memberships: MembershipDraft[];
  /** TITLE candidate index → the name candidate of the person it is written with, generic offices included. */
  holders: Map<number, number>;
  /** TITLE candidate index → the organisation candidate written with it, held or not ("the MQM-P convener"). */
  titleOrgs: Map<number, number>;
}

/** `isParty(n)`: candidate n names a party once aliases are resolved ("WPA" defined as "Working People's Alliance"). */
export function findRoles(candidates: readonly Candidate[], words: readonly Word[], lex: Lexicon, isParty: (n: number) => boolean): RoleFindings {
  const roles: RoleDraft[] = [];
  const holders = new Map<number, number>();
  const memberships: MembershipDraft[] = [];
  const byStart = new Map<number, number>();
  candidates.forEach((c, n) => {
    if (!byStart.has(c.from) || c.type !== 'GOVBODY') byStart.set(c.from, n);
  });
  const orgOfTitle = new Map<number, number>();

  candidates.forEach((t, n) => {
    if (t.type !== 'TITLE') return;
    // Organisation before the office: "PTI Central Vice President", "MQM-P's convener", "(RPL-S) convener".
    const before = candidates[n - 1];
    let org: number | undefined;
    if (isOrganisation(before) && (before.to === t.from || (before.to + 1 === t.from && ["'s", ')'].includes(words[before.to]!.text)))) org = n - 1;
    // Organisation after it: "Opposition Leader in Sindh Assembly", "Chairman of the Senate".
    let holderAt = t.to;
    const prep = words[t.to]?.lower;
    if (prep === 'in' || prep === 'of') {
      const after = candidateAt(byStart, words, t.to + 1);
      if (after !== undefined && isOrganisation(candidates[after])) {
        org ??= after;
        holderAt = candidates[after]!.to;
      } else if (after !== undefined && candidates[after]!.type === 'PLACE') holderAt = candidates[after]!.to;
    } else if (candidates[n + 1]?.type === 'PLACE' && candidates[n + 1]!.from === t.to && candidates[n + 2]?.type === 'PERSON') {
      // "Chief Minister Sindh Murad Ali Shah".
      holderAt = candidates[n + 1]!.to;
    }
    // A party office in a list takes the party of the office before it: "MQM-P Convener, Senior Deputy Convener Amir Khan".
    if (org === undefined && lex.partyOffices.has(t.title!.head)) {
      for (let m = n - 1; m >= 0 && candidates[m]!.span.start >= 0; m--) {
        const c = candidates[m]!;
        if (words[c.from]!.sentence !== words[t.from]!.sentence) break;
        if (c.type === 'TITLE' && orgOfTitle.has(m)) {
          org = orgOfTitle.get(m);
          break;
        }
      }
    }
    if (org !== undefined) orgOfTitle.set(n, org);

    let holder = candidateAt(byStart, words, holderAt);
    if (holder !== undefined && candidates[holder]!.type !== 'PERSON') holder = undefined;
    if (holder !== undefined && words[holderAt]?.lower === 'the') holder = undefined;
    // Apposition: "Farogh Naseem, the minister for law and justice, has been…", "Asma Rana-Qureshi, a PML-N lawmaker,".
    if (holder === undefined) {
      const first = org === n - 1 ? n - 1 : n;
      const p = candidates[first - 1];
      const gap = words.slice(p?.to ?? 0, candidates[first]!.from).map((w) => w.lower).join(' ');
      if (p?.type === 'PERSON' && (gap === ',' || gap === ', the' || gap === ', a' || gap === ', an')) holder = first - 1;
    }
    if (holder === undefined) return;
    holders.set(n, holder);
    const evidence = spanUnion(spanUnion(t.span, candidates[holder]!.span), org !== undefined ? candidates[org]!.span : t.span);
    if (!t.title!.generic) roles.push({ person: holder, title: n, ...(org !== undefined ? { org } : {}), evidence });
    if (org !== undefined && isParty(org)) memberships.push({ person: holder, org, evidence, inferred: !t.title!.generic });
  });

  candidates.forEach((c, n) => {
    if (!isParty(n)) return;
    const next = candidates[n + 1];
    // "MQM-P's Faisal Subzwari", "PTI's Asad Umar".
    if (next?.type === 'PERSON' && (next.from === c.to || (next.from === c.to + 1 && words[c.to]!.text === "'s"))) {
      memberships.push({ person: n + 1, org: n, evidence: spanUnion(c.span, next.span), inferred: false });
      return;
    }
    // "Farhatullah Babar of the Pakistan Peoples Party".
    const person = candidates[n - 1];
    const gap = person ? words.slice(person.to, c.from).map((w) => w.lower).join(' ') : '';
    if (person?.type === 'PERSON' && (gap === 'of' || gap === 'of the')) {
      memberships.push({ person: n - 1, org: n, evidence: spanUnion(person.span, c.span), inferred: false });
    }
    // "The PTI delegation led by the Federal Minister for Planning … Asad Umar".
    if (DELEGATION_WORDS.has(words[c.to]?.lower ?? '') && LEADS.has(words[c.to + 1]?.lower ?? '') && words[c.to + 2]?.lower === 'by') {
      let at = candidateAt(byStart, words, c.to + 3);
      if (at !== undefined && candidates[at]!.type === 'TITLE') at = candidateAt(byStart, words, candidates[at]!.to);
      if (at !== undefined && candidates[at]!.type === 'PERSON') {
        memberships.push({ person: at, org: n, evidence: spanUnion(c.span, candidates[at]!.span), inferred: false });
      }
    }
  });
  return { roles, memberships, holders, titleOrgs: orgOfTitle };
}
