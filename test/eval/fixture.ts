/**
 * A hand-built system output for test/fixtures/eval/articles/quetta-talks.txt, with known hits and misses
 * against gold/quetta-talks.gold.json in every layer (the expected counts are in score.test.ts).
 */
import { readFileSync } from 'node:fs';
import { createDocument, type Document } from '../../src/document/document.js';
import type { Span } from '../../src/document/span.js';
import { loadGold, type GoldDocument } from '../../src/eval/index.js';
import { packagePath } from '../../src/package-path.js';

export const FIXTURE_DIR = packagePath('test/fixtures/eval');
export const ARTICLE_PATH = packagePath('test/fixtures/eval/articles/quetta-talks.txt');
export const GOLD_PATH = packagePath('test/fixtures/eval/gold/quetta-talks.gold.json');

export function fixtureGold(): GoldDocument {
  return loadGold(GOLD_PATH);
}

/** The span of the first occurrence of `phrase` in `text`; throws if absent so a fixture typo fails loudly. */
export function spanOf(text: string, phrase: string): Span {
  const start = text.indexOf(phrase);
  if (start < 0) throw new Error(`fixture phrase not in text: ${phrase}`);
  return { start, end: start + phrase.length };
}

export function systemDocument(): Document {
  const text = readFileSync(ARTICLE_PATH, 'utf8');
  const at = (phrase: string) => spanOf(text, phrase);
  const doc = createDocument(text, { published: '2022-02-15', dateline: { span: at('QUETTA -'), place: 'QUETTA' } });
  const everything = { start: 0, end: text.length };

  doc.actors.push(
    { id: 'a1', type: 'PERSON', name: 'Nadir Baloch', aliases: ['Baloch'], mentions: [] },
    { id: 'a2', type: 'PERSON', name: 'Rukhsana Mengal', aliases: [], mentions: [] },
    { id: 'a3', type: 'PARTY', name: 'Balochistan Awami Front', aliases: ['B.A.F.'], mentions: [] },
    { id: 'a4', type: 'ORG', name: 'National Unity Party', aliases: [], mentions: [] },
    { id: 'a5', type: 'PLACE', name: 'QUETTA', aliases: [], mentions: [] },
    { id: 'a6', type: 'PERSON', name: 'Baloch', aliases: [], mentions: [] },
    { id: 'a7', type: 'PLACE', name: 'Coastal Districts', aliases: [], mentions: [] },
  );
  doc.roles.push(
    { id: 'r1', person: 'a1', title: 'President', org: 'a3', evidence: at('President') },
    { id: 'r2', person: 'a2', title: 'Chief Minister of Balochistan', evidence: at('Chief Minister') },
    { id: 'r3', person: 'a1', title: 'Sardar', evidence: at('Sardar') },
  );
  doc.memberships.push(
    { id: 'm1', person: 'a1', org: 'a3', evidence: everything },
    { id: 'm2', person: 'a2', org: 'a4', evidence: everything, inferred: true },
    { id: 'm3', person: 'a1', org: 'a4', evidence: everything },
  );
  doc.statements.push(
    { id: 's1', kind: 'indirect', speaker: 'a1', content: at('his party would not rejoin the provincial cabinet until its demands were met'), evidence: everything },
    { id: 's2', kind: 'indirect', speaker: 'a2', content: at('We will release the funds before the end of March'), evidence: everything },
    { id: 's3', kind: 'indirect', speakerSpan: at('The BAF’s senior leaders'), content: at('the government had ignored the coastal districts'), evidence: everything },
    {
      id: 's4', kind: 'indirect', speaker: 'a1',
      content: at('the party had signed a five-point agreement with the ruling National Unity Party (NUP) in June 2021 and joined the coalition government'),
      evidence: everything,
    },
  );
  const day = (value: string) => ({ kind: 'date' as const, granularity: 'day' as const, value });
  const inMonth = (value: string) => ({ kind: 'date' as const, granularity: 'month' as const, value });
  doc.events.push(
    { id: 'e1', type: 'REJECT', actor: ['a3'], recipient: [], trigger: at('not rejoin'), date: day('2022-02-15'), modality: 'negated', evidence: everything },
    { id: 'e2', type: 'CONSULT', actor: ['a2'], recipient: ['a1'], trigger: at('met'), date: day('2022-02-15'), place: 'a5', modality: 'asserted', evidence: everything },
    { id: 'e3', type: 'AGREE', actor: ['a3', 'a4'], recipient: [], trigger: at('signed'), date: inMonth('2021-06'), modality: 'asserted', evidence: everything },
    { id: 'e4', type: 'ACCUSE', actor: ['a1'], recipient: ['a4'], trigger: at('ignored'), modality: 'reported', evidence: everything },
    { id: 'e5', type: 'THREATEN', actor: ['a7'], recipient: [], trigger: at('ignored'), modality: 'asserted', evidence: everything },
  );
  doc.stateChanges.push(
    { id: 'c1', kind: 'joined_coalition', subject: 'a3', with: 'a4', date: day('2021-06-10'), evidence: everything },
    { id: 'c2', kind: 'left_cabinet', subject: 'a1', date: day('2022-02-15'), evidence: everything },
    { id: 'c3', kind: 'took_office', subject: 'a2', date: inMonth('2021-07'), evidence: everything },
  );
  doc.commitments.push(
    {
      id: 'k1', kind: 'promise', by: 'a2', to: 'a1', what: at('release the funds before the end of March'),
      due: { kind: 'range', granularity: 'day', value: '2022-03', start: '2022-02-15', end: '2022-03-31' }, status: 'open', evidence: everything,
    },
    { id: 'k2', kind: 'plan', by: 'a3', what: at('rejoin the provincial cabinet'), status: 'open', evidence: everything },
  );
  doc.agreements.push(
    { id: 'g1', kind: 'agreement', parties: ['a4', 'a3'], points: 5, date: inMonth('2021-06'), evidence: everything },
    { id: 'g2', kind: 'agreement', parties: ['a3'], evidence: everything },
  );
  doc.relations.push(
    { id: 'l1', a: 'a4', b: 'a3', kind: 'coalition', polarity: 'positive', asOf: '2022-02-15', evidence: everything },
    { id: 'l2', a: 'a1', b: 'a3', kind: 'member', polarity: 'positive', asOf: '2022-02-15', evidence: everything },
  );
  return doc;
}
