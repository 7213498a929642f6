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
  /** A past office ("former minister", "then-president", "X served as mayor"). */
  former?: boolean;
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
/** Words between "from" and a party's name that describe the party: "from the ruling People Power Party". */
const PARTY_DESCRIPTORS = new Set(['the', 'ruling', 'opposition', 'main', 'governing', 'minor', 'junior', 'senior', 'rival']);

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
    // "Chief Election Commissioner (CEC) Sikandar Sultan": the office's abbreviation in brackets before the name.
    const abbreviation = candidates[n + 1];
    if (prep === '(' && abbreviation?.type === 'TITLE' && abbreviation.from === t.to + 1 && abbreviation.title?.expansion !== undefined && words[abbreviation.to]?.text === ')') {
      holderAt = abbreviation.to + 1;
    } else if (prep === 'in' || prep === 'of') {
      const after = candidateAt(byStart, words, t.to + 1);
      if (after !== undefined && isOrganisation(candidates[after])) {
        org ??= after;
        holderAt = candidates[after]!.to;
      } else if (after !== undefined && candidates[after]!.type === 'PLACE') holderAt = candidates[after]!.to;
    } else if (candidates[n + 1]?.type === 'PLACE' && candidates[n + 1]!.from === t.to && candidates[n + 2]?.type === 'PERSON') {
      // "Chief Minister Sindh Murad Ali Shah".
      holderAt = candidates[n + 1]!.to;
    } else if (isOrganisation(candidates[n + 1]) && candidates[n + 1]!.from === t.to && candidates[n + 2]?.type === 'PERSON' && candidates[n + 2]!.from === candidates[n + 1]!.to) {
      // "speaker provincial assembly Ali Raza", "Chairman Senate Sadiq Sanjrani".
      org ??= n + 1;
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
    // "the party's Vice Chairman X", "party chairman X": the party named last before it.
    if (org === undefined && (words[t.from]?.lower === 'party' || (words[t.from - 1]?.text === "'s" && words[t.from - 2]?.lower === 'party'))) {
      org = lastParty(n);
    }
    if (org !== undefined) orgOfTitle.set(n, org);

    const found = holdersOf(n, t, holderAt, org);
    if (found.length === 0) return;
    holders.set(n, found[0]!.person);
    for (const { person, former } of found) {
      const evidence = spanUnion(spanUnion(t.span, candidates[person]!.span), org !== undefined ? candidates[org]!.span : t.span);
      // A bare generic head right after an organisation is its office ("Pheu Thai leader X"), unless a member
      // modifier comes first ("veteran PTI leader X", "senior party leader X"): then only membership.
      const office = !t.title!.generic || (org === n - 1 && candidates[org]!.to === t.from && !lex.memberModifiers.has(words[candidates[org]!.from - 1]?.lower ?? ''));
      const past = former || t.title!.former === true;
      if (office) roles.push({ person, title: n, ...(org !== undefined ? { org } : {}), ...(past ? { former: true } : {}), evidence });
      if (org !== undefined && isParty(org)) memberships.push({ person, org, evidence, inferred: !t.title!.generic });
    }
  });

  // "Attorney-General and Minister of Justice, Godfred Dame", "then-president and current vice-president
  // Cristina Fernández": an office coordinated with the next one shares its holder.
  for (let n = candidates.length - 2; n >= 0; n--) {
    const t = candidates[n]!;
    const next = candidates[n + 1]!;
    if (t.type !== 'TITLE' || holders.has(n) || next.type !== 'TITLE' || !holders.has(n + 1)) continue;
    if (words[t.to]?.lower !== 'and' || next.from !== t.to + 1 + (lex.formerMarkers.has(words[t.to + 1]?.lower ?? '') || lex.presentMarkers.has(words[t.to + 1]?.lower ?? '') ? 1 : 0)) continue;
    const person = holders.get(n + 1)!;
    holders.set(n, person);
    const org = orgOfTitle.get(n);
    if (!t.title!.generic) roles.push({ person, title: n, ...(org !== undefined ? { org } : {}), ...(t.title!.former ? { former: true } : {}), evidence: spanUnion(t.span, candidates[person]!.span) });
  }

  // "X, the Attorney-General and Minister of Justice": an office coordinated after a held one, with no name of its own.
  for (let n = 1; n < candidates.length; n++) {
    const t = candidates[n]!;
    const prev = candidates[n - 1]!;
    if (t.type !== 'TITLE' || holders.has(n) || prev.type !== 'TITLE' || !holders.has(n - 1) || t.title!.generic) continue;
    if (words[prev.to]?.lower !== 'and' || t.from !== prev.to + 1 || candidates[n + 1]?.from === t.to) continue;
    const person = holders.get(n - 1)!;
    holders.set(n, person);
    const org = orgOfTitle.get(n);
    roles.push({ person, title: n, ...(org !== undefined ? { org } : {}), ...(t.title!.former ? { former: true } : {}), evidence: spanUnion(t.span, candidates[person]!.span) });
  }

  /** The last party named before candidate n, within the same or the previous two sentences. */
  function lastParty(n: number): number | undefined {
    const sentence = words[candidates[n]!.from]!.sentence;
    for (let m = n - 1; m >= 0; m--) {
      const c = candidates[m]!;
      if (words[c.from]!.sentence < sentence - 2) return undefined;
      if (isParty(m)) return m;
    }
    return undefined;
  }

  /** The names a TITLE candidate is written with: after it, in apposition before it, or joined by a link verb. */
  function holdersOf(n: number, t: Candidate, holderAt: number, org: number | undefined): { person: number; former: boolean }[] {
    const person = (m: number | undefined) => (m !== undefined && candidates[m]!.type === 'PERSON' ? m : undefined);
    // "deputy chairmen Ali Raza and Dr. Sana Mir", "lawmakers including X and Y": each name after a plural office.
    if (t.title!.plural) {
      let at = holderAt;
      if (lex.coordinationOpeners.has(words[at]?.lower ?? '')) at++;
      else if (words[at]?.lower === 'such' && words[at + 1]?.lower === 'as') at += 2;
      const names: { person: number; former: boolean; party?: number }[] = [];
      for (;;) {
        const m = person(byStart.get(at));
        if (m === undefined) break;
        names.push({ person: m, former: false });
        at = candidates[m]!.to;
        // "… and Y from the ruling People Power Party and Z": a party complement between names gives them membership.
        if (words[at]?.lower === 'from' || words[at]?.lower === 'of') {
          let k = at + 1;
          while (k < words.length && PARTY_DESCRIPTORS.has(words[k]!.lower)) k++;
          const p = byStart.get(k);
          if (p === undefined || !isParty(p)) break;
          for (const named of names) {
            if (named.party !== undefined) continue;
            named.party = p;
            memberships.push({ person: named.person, org: p, evidence: spanUnion(candidates[named.person]!.span, candidates[p]!.span), inferred: false });
          }
          at = candidates[p]!.to;
        }
        if (words[at]?.text === ',' && words[at + 1]?.lower === 'and') at += 2;
        else if (words[at]?.text === ',' || words[at]?.lower === 'and') at++;
        else break;
      }
      return names.length >= 1 ? names : [];
    }
    let holder = person(candidateAt(byStart, words, holderAt));
    if (holder !== undefined && words[holderAt]?.lower === 'the') holder = undefined;
    if (holder !== undefined) return [{ person: holder, former: false }];
    // "the U.N. High Commissioner for Human Rights, Michelle Bachelet, asked", "a former Pro-Chancellor of the
    // University of Lagos (UNILAG), Wale Babalakin,": the name in apposition after a described office.
    let at = holderAt;
    if (words[at]?.text === '(' && words[at + 2]?.text === ')') at += 3;
    // "former Senator and activist, Shehu Sani": a lower-case descriptor coordinated with the office.
    if (words[at]?.lower === 'and' && /^\p{Ll}+$/u.test(words[at + 1]?.text ?? '') && words[at + 2]?.text === ',') at += 2;
    if (words[at]?.text === ',') {
      const after = person(byStart.get(at + 1));
      let opening = (org === n - 1 ? candidates[org]!.from : t.from) - 1;
      if (lex.formerMarkers.has(words[opening]?.lower ?? '')) opening--;
      // "the disgraced Accountant-General of the Federation, X": up to two lower-case words after the article.
      for (let skip = 0; skip < 2 && /^\p{Ll}+$/u.test(words[opening]?.text ?? '') && !/^(the|a|an)$/u.test(words[opening]!.lower); skip++) {
        if (/^(the|a|an)$/u.test(words[opening - 1]?.lower ?? '')) opening--;
        else break;
      }
      // "The Attorney-General and Minister of Justice, Ama Owusu,": the first of coordinated offices opens it.
      for (let m = n - 1; m >= 0 && words[opening]?.lower === 'and' && candidates[m]!.type === 'TITLE' && candidates[m]!.to === opening; m--) {
        opening = candidates[m]!.from - 1;
      }
      // The office opens the phrase: after an article, a possessive ("Ramaphosa's advocate, Karrisha Pillay,"),
      // a list separator ("…; former Senator and activist, Shehu Sani,") or at the sentence start.
      const opens = words[opening] === undefined || words[opening]!.sentence !== words[t.from]!.sentence || /^(the|a|an|'s|;|:)$/u.test(words[opening]!.lower);
      if (after !== undefined && [',', '.', ')', ';'].includes(words[candidates[after]!.to]?.text ?? '') && opens) {
        return [{ person: after, former: false }];
      }
    }
    // Apposition: "Farogh Naseem, the minister for law and justice, has been…", "Asma Rana-Qureshi, a PML-N
    // lawmaker,", "Park, former justice minister and a member of the party".
    const first = org === n - 1 ? n - 1 : n;
    const p = candidates[first - 1];
    const gap = words.slice(p?.to ?? 0, candidates[first]!.from).map((w) => w.lower).join(' ');
    const appositive = /^,(?: (?:the|a|an))?(?: (\p{L}+))?$/u.exec(gap);
    if (p?.type === 'PERSON' && appositive && (appositive[1] === undefined || lex.formerMarkers.has(appositive[1]))) {
      return [{ person: first - 1, former: false }];
    }
    // "… former justice minister and a member of the party": a second office in the same apposition.
    if (p?.type === 'TITLE' && /^and (the|a|an)$/u.test(gap) && holders.has(first - 1)) return [{ person: holders.get(first - 1)!, former: false }];
    // "Silvina Batakis took office as economy minister", "X served as mayor": a link verb before the office.
    for (let m = first - 1; m >= 0 && m >= first - 2; m--) {
      const c = candidates[m]!;
      if (c.type !== 'PERSON') continue;
      const link = words.slice(c.to, candidates[first]!.from).map((w) => w.lower).join(' ');
      const bare = link.replace(/ (the|a|an)$/u, '');
      if (lex.predicativeLinks.has(bare)) return [{ person: m, former: false }];
      if (lex.formerLinks.has(bare)) return [{ person: m, former: true }];
    }
    return [];
  }

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
