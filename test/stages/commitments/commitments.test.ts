import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createDocument, type Document } from '../../../src/document/document.js';
import type { Commitment } from '../../../src/document/layers.js';
import { Pipeline } from '../../../src/pipeline/pipeline.js';
import { segmentStage } from '../../../src/stages/segment/segment.js';
import { timeStage } from '../../../src/stages/time/time.js';
import { agreementsStage } from '../../../src/stages/agreements/agreements.js';
import { commitmentsStage } from '../../../src/stages/commitments/commitments.js';
import { type CastMember, type CastQuote, castStage } from './fixture-actors.js';

const CAST: CastMember[] = [
  { id: 'nadia-rehman', type: 'PERSON', names: ['Nadia Rehman', 'Rehman'], titles: ['PM', 'Prime Minister'], party: 'npp' },
  { id: 'sara-qadir', type: 'PERSON', names: ['Sara Qadir', 'Qadir'], party: 'npp' },
  { id: 'tariq-baloch', type: 'PERSON', names: ['Tariq Baloch', 'Baloch'], party: 'ajp' },
  { id: 'npp', type: 'PARTY', names: ['National People\u2019s Party', 'NPP'] },
  { id: 'ajp', type: 'PARTY', names: ['Awami Justice Party', 'AJP'] },
  { id: 'pmln', type: 'PARTY', names: ['PML-N'] },
  { id: 'government', type: 'GOVBODY', names: ['provincial government', 'the government'] },
  { id: 'quetta', type: 'PLACE', names: ['Quetta'] },
];

async function analyze(text: string, quotes: CastQuote[] = []): Promise<Document> {
  const doc = createDocument(text, { published: '2020-01-14' });
  await new Pipeline([segmentStage, castStage(CAST, quotes), timeStage, agreementsStage, commitmentsStage]).run(doc);
  return doc;
}

const whatOf = (doc: Document, c: Commitment) => doc.text.slice(c.what.start, c.what.end);

describe('commitmentsStage', () => {
  it('reads a stated plan in a quote: title as committer, recipient from the action, due date, statement and source', async () => {
    const text = 'Speaking to reporters, Qadir said, \u201CPM will visit Quetta in the first week of February and brief the AJP on the security plan.\u201D';
    const doc = await analyze(text, [{ content: 'PM will visit Quetta in the first week of February and brief the AJP on the security plan.', speaker: 'sara-qadir' }]);
    assert.equal(doc.commitments.length, 1);
    const [c] = doc.commitments as [Commitment];
    assert.deepEqual(
      [c.kind, c.by, c.to, c.due?.start, c.due?.end, c.statement, c.source, c.status],
      ['plan', 'nadia-rehman', 'ajp', '2020-02-01', '2020-02-07', 'st1', 'sara-qadir', 'open'],
    );
    assert.equal(whatOf(doc, c), 'visit Quetta in the first week of February and brief the AJP on the security plan');
  });

  it('lets "he" continue the previous committer and inherit the due date of the visit', async () => {
    const quote = 'PM will visit Quetta in the first week of February. He will also open a new hospital in the city.';
    const doc = await analyze(`\u201C${quote}\u201D Qadir added.`, [{ content: quote, speaker: 'sara-qadir' }]);
    assert.equal(doc.commitments.length, 2);
    const second = doc.commitments[1]!;
    assert.deepEqual([second.by, second.due?.value], ['nadia-rehman', '2020-02-01/2020-02-07']);
    assert.equal(whatOf(doc, second), 'also open a new hospital in the city');
  });

  it('resolves "by the end of March" and "within two weeks" as due ranges', async () => {
    const doc = await analyze('The AJP pledged to release its manifesto by the end of March. The NPP promised to name its candidates within two weeks.');
    assert.deepEqual(doc.commitments.map((c) => [c.kind, c.by, c.due?.start, c.due?.end]), [
      ['pledge', 'ajp', '2020-03-21', '2020-03-31'],
      ['promise', 'npp', '2020-01-14', '2020-01-28'],
    ]);
  });

  it('reads an offer with its condition', async () => {
    const text = 'Baloch said the PML-N was ready to back the AJP in the Senate provided it voted against the provincial government budget.';
    const doc = await analyze(text);
    assert.equal(doc.commitments.length, 1);
    const [c] = doc.commitments as [Commitment];
    assert.deepEqual([c.kind, c.by, c.to], ['offer', 'pmln', 'ajp']);
    assert.equal(whatOf(doc, c), 'back the AJP in the Senate');
    assert.equal(text.slice(c.condition!.start, c.condition!.end), 'it voted against the provincial government budget');
  });

  it('reads a condition stated before the cue', async () => {
    const quote = 'If the government accepts our demands, we will end the sit-in.';
    const doc = await analyze(`\u201C${quote}\u201D said Baloch.`, [{ content: quote, speaker: 'tariq-baloch' }]);
    const [c] = doc.commitments as [Commitment];
    assert.equal(c.by, 'ajp');
    assert.equal(doc.text.slice(c.condition!.start, c.condition!.end), 'the government accepts our demands');
  });

  it('takes a party leader\u2019s "we" as the party, and does not repeat "we will continue to do that"', async () => {
    const quote = 'We promised to support the government with our votes and we will continue to do that';
    const doc = await analyze(`\u201C${quote},\u201D said Baloch.`, [{ content: quote, speaker: 'tariq-baloch' }]);
    assert.deepEqual(doc.commitments.map((c) => [c.kind, c.by, c.to, c.source, whatOf(doc, c)]), [
      ['promise', 'ajp', 'government', 'tariq-baloch', 'support the government with our votes'],
    ]);
  });

  it('reads an assurance reported by the article, with the subject of the first verb as committer', async () => {
    const text = 'Hours after the meeting, Prime Minister Nadia Rehman summoned Baloch to Quetta and assured him of fulfilling the AJP\u2019s valid demands.';
    const doc = await analyze(text);
    assert.deepEqual(doc.commitments.map((c) => [c.kind, c.by, c.to, c.statement, whatOf(doc, c)]), [
      ['assurance', 'nadia-rehman', 'ajp', undefined, 'fulfilling the AJP\u2019s valid demands'],
    ]);
  });

  it('does not take predictions without an agent for commitments', async () => {
    const quote = 'There will be good news for the city. The talks will be difficult and prices will rise.';
    const doc = await analyze(`\u201C${quote}\u201D Qadir said.`, [{ content: quote, speaker: 'sara-qadir' }]);
    assert.deepEqual(doc.commitments, []);
  });

  it('turns the terms of a disputed agreement into a commitment of the party complained about', async () => {
    const text = 'In July 2018, the AJP and the PML-N signed a seven-point agreement. ' +
      'Baloch said the AJP had seen no progress on the agreement it had signed with the PML-N.';
    const doc = await analyze(text);
    const terms = doc.commitments.filter((c) => c.kind === 'agreement-term');
    assert.deepEqual(terms.map((c) => [c.by, c.to, c.status, whatOf(doc, c)]), [['pmln', 'ajp', 'disputed', 'seven-point agreement']]);
  });

  it('leaves the terms of an agreement alone when the article neither counts them nor reports on them', async () => {
    const doc = await analyze('The AJP and the PML-N signed an agreement on Monday.');
    assert.equal(doc.agreements.length, 1);
    assert.deepEqual(doc.commitments, []);
  });

  it('reads no commitment into "to" before a noun phrase, a passive cue or a one-word action', async () => {
    const doc = await analyze('The NPP remains committed to the AJP. The AJP was assured of support. The NPP agreed to the second condition. The AJP promised that it would.');
    assert.deepEqual(doc.commitments.map((c) => whatOf(doc, c)), []);
  });

  it('reads an assurance repeated further down the article to the same party once', async () => {
    const text = 'Prime Minister Nadia Rehman assured Baloch of fulfilling the AJP\u2019s demands.\n\n' +
      'Later, Rehman assured Baloch that the government would look into the AJP\u2019s concerns.\n\n' +
      'Rehman also assured the PML-N of a role in the cabinet.';
    const doc = await analyze(text);
    assert.deepEqual(doc.commitments.map((c) => [c.by, c.to]), [['nadia-rehman', 'ajp'], ['nadia-rehman', 'pmln']]);
  });
});

describe('commitmentsStage: reported plans, negated promises, and what is no commitment', () => {
  const PRIVATE: CastMember[] = [...CAST, { id: 'amina', type: 'PERSON', names: ['Amina Yusuf'] }, { id: 'wanjiru', type: 'PERSON', names: ['Wanjiru'] }];
  const analyzeWith = async (text: string, quotes: CastQuote[] = []) => {
    const doc = createDocument(text, { published: '2020-01-14' });
    await new Pipeline([segmentStage, castStage(PRIVATE, quotes), timeStage, agreementsStage, commitmentsStage]).run(doc);
    return doc.commitments.map((c) => [c.by, doc.text.slice(c.what.start, c.what.end)]);
  };

  it('keeps the negation of a promise in a quote, made by the speaker\u2019s party for "we"', async () => {
    const quote = 'We will not abandon our allies in the assembly.';
    assert.deepEqual(await analyzeWith(`\u201C${quote}\u201D Baloch said.`, [{ content: quote, speaker: 'tariq-baloch' }]), [['ajp', 'not abandon our allies in the assembly']]);
    const short = 'We won\u2019t raise the fuel levy.';
    assert.deepEqual(await analyzeWith(`\u201C${short}\u201D Baloch said.`, [{ content: short, speaker: 'tariq-baloch' }]), [['ajp', 'won\u2019t raise the fuel levy']]);
  });

  it('reads "would" in reported speech as a plan: "the party would launch a membership drive", "we would challenge the bill"', async () => {
    const reported = 'the party would launch a membership drive in Quetta next month';
    assert.deepEqual(
      await analyzeWith(`Baloch said ${reported}.`, [{ content: reported, speaker: 'tariq-baloch', kind: 'indirect' }]),
      [['ajp', 'launch a membership drive in Quetta next month']],
    );
    const quote = 'We would challenge the amendment bill in court today.';
    assert.deepEqual(await analyzeWith(`\u201C${quote}\u201D Qadir said.`, [{ content: quote, speaker: 'sara-qadir' }]), [['npp', 'challenge the amendment bill in court today']]);
  });

  it('takes a reported refusal ("would not rejoin") for a decision, not a commitment', async () => {
    const reported = 'he would not rejoin the provincial government';
    assert.deepEqual(await analyzeWith(`Baloch said ${reported}.`, [{ content: reported, speaker: 'tariq-baloch', kind: 'indirect' }]), []);
  });

  it('reads "remained committed to ensuring" as a pledge', async () => {
    assert.deepEqual(await analyzeWith('The provincial government remained committed to ensuring the passage of the water bill.'), [['government', 'ensuring the passage of the water bill']]);
    assert.deepEqual(await analyzeWith('The AJP is committed to holding party elections before June.'), [['ajp', 'holding party elections before June']]);
  });

  it('takes no "would" of the narration for a commitment', async () => {
    assert.deepEqual(await analyzeWith('Years later, Baloch would lead the AJP into the assembly.'), []);
  });

  it('splits "promised to A and to B" into two commitments', async () => {
    const rows = await analyzeWith('Rehman has promised to revive the water accord and to reopen talks with the AJP.');
    assert.deepEqual(rows, [['nadia-rehman', 'revive the water accord'], ['nadia-rehman', 'reopen talks with the AJP']]);
  });

  it('files no commitment for a private errand in a narrated story', async () => {
    const quote = 'I will text her once she arrives at Voi.';
    assert.deepEqual(await analyzeWith(`\u201C${quote}\u201D Amina Yusuf told Wanjiru.`, [{ content: quote, speaker: 'amina', kind: 'indirect' }]), []);
  });

  it('reads a scheduled plan: "is set to resume its hearings today"', async () => {
    const rows = await analyzeWith('The provincial government is set to resume its budget hearings today.');
    assert.deepEqual(rows, [['government', 'resume its budget hearings today']]);
  });
});
