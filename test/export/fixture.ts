import type { Document } from '../../src/document/document.js';
import type { TimeValue } from '../../src/document/layers.js';
import type { ExportSource } from '../../src/export/index.js';
import { Article, day } from '../record/fixture.js';

export const month = (value: string, start: string, end: string): TimeValue => ({ kind: 'date', granularity: 'month', value, start, end });

/** Sets the dateline of a built article to its opening place ("KARACHI - …"). */
function dateline(a: Article, written: string, place: string): Article {
  a.doc.meta.dateline = { span: a.span(written), place };
  return a;
}

/** Puts the n-th event of an article at a place actor. */
function at(a: Article, event: number, place: string): Article {
  a.doc.events[event]!.place = place;
  return a;
}

/**
 * Four short hand-annotated reports (written for these tests) about a budget quarrel in a real country, so that
 * the gazetteer and the country names have something to find: a meeting in Karachi reported twice under
 * different local ids, a month-precision accusation, a court, the United Nations, and a party that leaves the
 * coalition for the opposition and later returns.
 */
export function budgetStory(): Document[] {
  const a1 = new Article(
    'KARACHI - Senator Amna Sheikh of the Pakistan Peoples Party (PPP) on Thursday met Federal Minister for Finance Omar Latif in Karachi to discuss the provincial budget. The PPP, a coalition partner of the Pakistan Muslim League-Nawaz (PML-N), demanded more funds for Sindh.',
    '2024-05-10',
    'PPP senator meets finance minister over Sindh budget',
  )
    .actor('p1', 'PERSON', 'Amna Sheikh')
    .actor('o1', 'PARTY', 'Pakistan Peoples Party', ['PPP'])
    .actor('p2', 'PERSON', 'Omar Latif')
    .actor('l1', 'PLACE', 'Karachi', ['KARACHI'], ['Karachi', 'KARACHI'])
    .actor('o2', 'PARTY', 'Pakistan Muslim League-Nawaz', ['PML-N'])
    .actor('l2', 'PLACE', 'Sindh')
    .role('p1', 'Senator', undefined, 'Senator Amna Sheikh')
    .role('p2', 'Federal Minister for Finance', undefined, 'Federal Minister for Finance Omar Latif')
    .membership('p1', 'o1', 'Amna Sheikh of the Pakistan Peoples Party')
    .relation('o1', 'o2', 'coalition', 'positive', 'a coalition partner of the Pakistan Muslim League-Nawaz')
    .event('CONSULT', ['p1'], ['p2'], 'met', { date: day('2024-05-09'), evidence: 'Senator Amna Sheikh of the Pakistan Peoples Party (PPP) on Thursday met Federal Minister for Finance Omar Latif in Karachi to discuss the provincial budget.' })
    .event('REQUEST', ['o1'], ['o2'], 'demanded', { evidence: 'The PPP, a coalition partner of the Pakistan Muslim League-Nawaz (PML-N), demanded more funds for Sindh.' });
  dateline(a1, 'KARACHI', 'Karachi');
  at(a1, 0, 'l1');
  a1.doc.events[0]!.cameo = '040';
  a1.doc.events[0]!.context = ['economic'];
  a1.doc.meta.url = 'https://news.example.org/budget/1';

  const a2 = new Article(
    'ISLAMABAD - Finance Minister Omar Latif said on Friday he had met Amna Sheikh in Karachi on Thursday. In January, the PPP accused the government of neglecting Sindh. The Supreme Court on Friday summoned the Election Commission of Pakistan. The United Nations urged calm.',
    '2024-05-11',
    'Minister confirms talks with PPP senator',
  )
    .actor('x1', 'PERSON', 'Omar Latif')
    .actor('x2', 'PERSON', 'Amna Sheikh')
    .actor('x3', 'PLACE', 'Karachi')
    .actor('x4', 'PARTY', 'PPP')
    .actor('x5', 'GOVBODY', 'government')
    .actor('x6', 'GOVBODY', 'Supreme Court')
    .actor('x7', 'GOVBODY', 'Election Commission of Pakistan')
    .actor('x8', 'ORG', 'United Nations')
    .role('x1', 'Finance Minister', undefined, 'Finance Minister Omar Latif')
    .event('CONSULT', ['x1'], ['x2'], 'met', { date: day('2024-05-09'), evidence: 'Finance Minister Omar Latif said on Friday he had met Amna Sheikh in Karachi on Thursday.' })
    .event('ACCUSE', ['x4'], ['x5'], 'accused', { date: month('2024-01', '2024-01-01', '2024-01-31'), evidence: 'In January, the PPP accused the government of neglecting Sindh.' })
    .event('CONSULT', ['x6'], ['x7'], 'summoned', { date: day('2024-05-10'), evidence: 'The Supreme Court on Friday summoned the Election Commission of Pakistan.' })
    .event('REQUEST', ['x8'], [], 'urged', { evidence: 'The United Nations urged calm.' });
  dateline(a2, 'ISLAMABAD', 'Islamabad');
  at(a2, 0, 'x3');
  a2.doc.events[0]!.cameo = '040';
  a2.doc.meta.url = 'https://news.example.org/budget/2';

  const a3 = new Article(
    'LAHORE - The PPP on Wednesday quit the ruling coalition with the PML-N and joined the opposition against the PML-N.',
    '2024-06-20',
  )
    .actor('y1', 'PARTY', 'PPP')
    .actor('y2', 'PARTY', 'PML-N')
    .relation('y1', 'y2', 'coalition', 'negative', 'quit the ruling coalition with the PML-N')
    .relation('y1', 'y2', 'opposition', 'positive', 'joined the opposition against the PML-N')
    .event('RETREAT', ['y1'], ['y2'], 'quit', { date: day('2024-06-19'), evidence: 'The PPP on Wednesday quit the ruling coalition with the PML-N and joined the opposition against the PML-N.' });
  dateline(a3, 'LAHORE', 'Lahore');

  const a4 = new Article(
    'LAHORE - The PPP rejoined the coalition with the PML-N on Monday, ending its spell in opposition.',
    '2024-08-06',
  )
    .actor('z1', 'PARTY', 'PPP')
    .actor('z2', 'PARTY', 'PML-N')
    .relation('z1', 'z2', 'coalition', 'positive', 'rejoined the coalition with the PML-N')
    .relation('z1', 'z2', 'opposition', 'negative', 'ending its spell in opposition')
    .event('AGREE', ['z1'], ['z2'], 'rejoined', { date: day('2024-08-05'), evidence: 'The PPP rejoined the coalition with the PML-N on Monday, ending its spell in opposition.' });
  dateline(a4, 'LAHORE', 'Lahore');

  return [a1.doc, a2.doc, a3.doc, a4.doc];
}

/** The record id of the actor a record calls `name` (ids carry a hash: "pakistan-peoples-party-8e5a0ce190"). */
export function recordId(source: ExportSource, name: string): string {
  const actor = [...source.actors()].find((a) => a.name === name);
  if (!actor) throw new Error(`no record actor named ${name}`);
  return actor.id;
}
