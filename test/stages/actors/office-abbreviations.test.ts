import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createDocument, type Document } from '../../../src/document/document.js';
import { defaultPipeline } from '../../../src/pipeline/default.js';

async function analysed(text: string): Promise<Document> {
  const doc = createDocument(text, { published: '2024-03-01' });
  await defaultPipeline().run(doc);
  return doc;
}

const nameOf = (doc: Document, id: string | undefined) => doc.actors.find((a) => a.id === id)?.name;

function mentionsOf(doc: Document, written: string) {
  return doc.mentions.filter((m) => doc.text.slice(m.span.start, m.span.end) === written);
}

function speakerOf(doc: Document, prefix: string): string | undefined {
  const s = doc.statements.find((x) => doc.text.slice(x.content.start, x.content.end).startsWith(prefix));
  assert.ok(s, `no statement starting "${prefix}"`);
  return nameOf(doc, s.speaker);
}

describe('an office abbreviation defined in brackets after the office', async () => {
  const doc = await analysed(
    'National Security Adviser (NSA) Farida Qazi met the visiting delegation in Lahore on Monday. '
    + 'The NSA said the border talks would resume next month. '
    + 'Opposition lawmakers asked the NSA to brief parliament.',
  );

  it('gives the role with the full office before the brackets', () => {
    const role = doc.roles.find((r) => nameOf(doc, r.person) === 'Farida Qazi');
    assert.equal(role?.title, 'National Security Adviser');
  });

  it('makes the abbreviation an office, not an organisation, and an alias of its holder', () => {
    const nsa = mentionsOf(doc, 'NSA');
    assert.equal(nsa.length, 3);
    for (const m of nsa) assert.equal(m.type, 'TITLE');
    assert.ok(nsa.every((m) => nameOf(doc, m.actor) === 'Farida Qazi'));
    assert.ok(doc.actors.find((a) => a.name === 'Farida Qazi')!.aliases.includes('NSA'));
    assert.ok(!doc.actors.some((a) => a.name === 'NSA'));
  });

  it('resolves a later bare "the NSA said" to the holder', () => {
    assert.equal(speakerOf(doc, 'the border talks would resume'), 'Farida Qazi');
  });

  it('does not define an abbreviation whose letters are not the office\'s initials', async () => {
    const other = await analysed('Party Chairman (PAC) Tariq Baloch spoke in Quetta. The PAC said the talks had failed.');
    assert.ok(!mentionsOf(other, 'PAC').some((m) => m.type === 'TITLE'));
  });
});

describe('a known office abbreviation written alone (titles.json)', async () => {
  const doc = await analysed(
    'Deputy President Samuel Kiprono opened the county assembly in Eldoret on Friday. '
    + 'Health Cabinet Secretary Achieng Otieno toured a hospital in Kisumu. '
    + 'The DP said the roads budget would double. The CS said nurses would be hired in June.',
  );

  it('resolves "the DP" and "the CS" to the holders of those offices', () => {
    assert.equal(speakerOf(doc, 'the roads budget would double'), 'Samuel Kiprono');
    assert.equal(speakerOf(doc, 'nurses would be hired'), 'Achieng Otieno');
  });

  it('types the abbreviation as an office mention of its holder', () => {
    const dp = mentionsOf(doc, 'DP');
    assert.equal(dp.length, 1);
    assert.equal(dp[0]!.type, 'TITLE');
    assert.equal(nameOf(doc, dp[0]!.actor), 'Samuel Kiprono');
  });
});
