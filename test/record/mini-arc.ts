import type { Document } from '../../src/document/document.js';
import { Article, day, range } from './fixture.js';

/**
 * Six short hand-annotated articles telling the RPL-S story: resignation (reported twice, two spellings),
 * promises, a reversal, new ministers, and the Prime Minister's visit (reported twice).
 */
export function miniArc(): Document[] {
  const a1 = new Article(
    "PORT QASIMABAD - Rural People's League (RPL-S) convener Tariq Mehmood Qureshi on Thursday resigned as Federal Minister for Ports and Shipping and left the federal cabinet. RPL-S senior deputy convener Imran Baloch said the decision was unanimous.",
    '2024-01-12',
  )
    .actor('p1', 'PERSON', 'Tariq Mehmood Qureshi')
    .actor('p2', 'PERSON', 'Imran Baloch')
    .actor('o1', 'PARTY', "Rural People's League", ['RPL-S'])
    .actor('g1', 'GOVBODY', 'federal cabinet')
    .role('p1', 'Convener', 'o1', 'convener Tariq Mehmood Qureshi')
    .role('p1', 'Federal Minister for Ports and Shipping')
    .role('p2', 'Senior Deputy Convener', 'o1', 'senior deputy convener Imran Baloch')
    .membership('p2', 'o1', 'RPL-S senior deputy convener Imran Baloch')
    .change('left_office', 'p1', 'resigned as Federal Minister for Ports and Shipping', { title: 'Federal Minister for Ports and Shipping', date: day('2024-01-11') })
    .change('left_cabinet', 'o1', 'left the federal cabinet', { body: 'g1', date: day('2024-01-11') })
    .event('RETREAT', ['p1'], ['g1'], 'resigned', { date: day('2024-01-11'), mode: 'resign' })
    .statement('p2', 'the decision was unanimous', 'indirect');

  const a2 = new Article(
    "MEHRABAD - Prime Minister Faisal Rehman Chaudhry accepted the resignation of Tariq Mehmud Qureshi, who resigned as Federal Minister for Ports and Shipping on Thursday. Information Minister Nadia Baloch of the National Justice Party (NJP) said the RPL-S remained an ally of the NJP. \"The RPL-S is our family,\" Nadia Baloch said.",
    '2024-01-13',
  )
    .actor('p1', 'PERSON', 'Faisal Rehman Chaudhry', ['Prime Minister Faisal Rehman Chaudhry'], ['Faisal Rehman Chaudhry'])
    .actor('p2', 'PERSON', 'Tariq Mehmud Qureshi')
    .actor('p3', 'PERSON', 'Nadia Baloch')
    .actor('o1', 'PARTY', 'National Justice Party', ['NJP'])
    .actor('o2', 'PARTY', 'RPL-S')
    .role('p1', 'Prime Minister', undefined, 'Prime Minister Faisal Rehman Chaudhry')
    .role('p2', 'Federal Minister for Ports and Shipping', undefined, 'Federal Minister for Ports and Shipping')
    .role('p3', 'Information Minister', undefined, 'Information Minister Nadia Baloch')
    .membership('p3', 'o1', 'Nadia Baloch of the National Justice Party')
    .change('left_office', 'p2', 'resigned as Federal Minister for Ports and Shipping', { title: 'Federal Minister for Ports and Shipping', date: day('2024-01-11') })
    .event('RETREAT', ['p2'], [], 'resigned', { date: day('2024-01-11'), mode: 'resign' })
    .relation('o2', 'o1', 'ally', 'positive', 'the RPL-S remained an ally of the NJP')
    .statement('p3', 'The RPL-S is our family,');

  const a3 = new Article(
    'PORT QASIMABAD - Prime Minister Faisal Rehman Chaudhry promised the RPL-S that he would visit Port Qasimabad in the first week of March. He said the Rs 12 billion package would be released by February 15. He also announced that the government would set up a Port Qasimabad Development Authority within thirty days.',
    '2024-01-27',
  )
    .actor('p1', 'PERSON', 'Faisal Rehman Chaudhry', ['Prime Minister Faisal Rehman Chaudhry'], ['Faisal Rehman Chaudhry'])
    .actor('o1', 'PARTY', 'RPL-S')
    .relation('o1', 'p1', 'negotiating', 'positive', 'promised the RPL-S')
    .commitment('p1', 'visit Port Qasimabad', { to: 'o1', due: range('2024-03-01', '2024-03-07'), evidence: 'he would visit Port Qasimabad in the first week of March' })
    .commitment('p1', 'the Rs 12 billion package would be released', { due: day('2024-02-15') })
    .commitment('p1', 'set up a Port Qasimabad Development Authority', { due: day('2024-02-26') });

  const a4 = new Article(
    'MEHRABAD - Imran Baloch of the RPL-S took oath as Federal Minister for Ports and Shipping on Friday, as the RPL-S rejoined the federal cabinet. Information Minister Nadia Baloch said the government would not set up a separate development authority for Port Qasimabad after all.',
    '2024-02-10',
  )
    .actor('p1', 'PERSON', 'Imran Baloch')
    .actor('p2', 'PERSON', 'Nadia Baloch')
    .actor('o1', 'PARTY', 'RPL-S')
    .actor('g1', 'GOVBODY', 'federal cabinet')
    .membership('p1', 'o1', 'Imran Baloch of the RPL-S')
    .role('p2', 'Information Minister', undefined, 'Information Minister Nadia Baloch')
    .change('took_office', 'p1', 'took oath as Federal Minister for Ports and Shipping', { title: 'Federal Minister for Ports and Shipping', date: day('2024-02-09') })
    .change('joined_cabinet', 'o1', 'rejoined the federal cabinet', { body: 'g1', date: day('2024-02-09') })
    .statement('p2', 'the government would not set up a separate development authority for Port Qasimabad after all', 'indirect');

  const a5 = new Article(
    'PORT QASIMABAD - Prime Minister Faisal Rehman Chaudhry visited Port Qasimabad on Monday. Qureshi said the Rs 12 billion package had still not been released.',
    '2024-03-05',
  )
    .actor('p1', 'PERSON', 'Faisal Rehman Chaudhry', ['Prime Minister Faisal Rehman Chaudhry'], ['Faisal Rehman Chaudhry'])
    .actor('p2', 'PERSON', 'Qureshi')
    .actor('l1', 'PLACE', 'Port Qasimabad')
    .event('CONSULT', ['p1'], [], 'visited', { date: day('2024-03-04') })
    .statement('p2', 'the Rs 12 billion package had still not been released', 'indirect');

  const a6 = new Article(
    'MEHRABAD - Chaudhry had visited the port city on Monday, officials said.',
    '2024-03-06',
  )
    .actor('p1', 'PERSON', 'Chaudhry')
    .event('CONSULT', ['p1'], [], 'visited', { date: day('2024-03-04') });

  return [a1, a2, a3, a4, a5, a6].map((a) => a.doc);
}
