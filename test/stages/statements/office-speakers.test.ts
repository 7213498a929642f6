import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createDocument, type Document } from '../../../src/document/document.js';
import type { Statement } from '../../../src/document/layers.js';
import { defaultPipeline } from '../../../src/pipeline/default.js';

async function analysed(text: string): Promise<Document> {
  const doc = createDocument(text, { published: '2024-03-01' });
  await defaultPipeline().run(doc);
  return doc;
}

const textOf = (doc: Document, s: { start: number; end: number } | undefined) => (s ? doc.text.slice(s.start, s.end) : undefined);

function statementStarting(doc: Document, prefix: string): Statement {
  const found = doc.statements.find((s) => textOf(doc, s.content)!.startsWith(prefix));
  assert.ok(found, `no statement starting "${prefix}" in ${JSON.stringify(doc.statements.map((s) => textOf(doc, s.content)))}`);
  return found;
}

function nameOf(doc: Document, id: string | undefined): string | undefined {
  return doc.actors.find((a) => a.id === id)?.name;
}

describe('an office named with its organisation speaks as its holder', async () => {
  const doc = await analysed(
    'Awami Unity Party (AUP) chairman Tariq Baloch addressed a rally in Quetta on Sunday. '
    + 'The AUP chief said the government had failed the province. '
    + 'The AUP said in a statement that the talks had collapsed. '
    + 'The AUP leadership decided to boycott the budget session, he said. '
    + "Later, the party's chairman said the alliance would hold.",
  );

  it('"the PARTY chief said" → the person holding the party\'s top office, not the party', () => {
    assert.equal(nameOf(doc, statementStarting(doc, 'the government had failed').speaker), 'Tariq Baloch');
  });

  it('"the party\'s chairman said" → the chairman', () => {
    assert.equal(nameOf(doc, statementStarting(doc, 'the alliance would hold').speaker), 'Tariq Baloch');
  });

  it('the party itself still speaks when it is the subject', () => {
    assert.equal(nameOf(doc, statementStarting(doc, 'the talks had collapsed').speaker), 'Awami Unity Party');
  });

  it('"the PARTY leadership decided …, he said" after the party spoke → "he" is a person, not the party', () => {
    assert.equal(nameOf(doc, statementStarting(doc, 'The AUP leadership decided').speaker), 'Tariq Baloch');
  });
});

describe('a top-office word without a holder in the article', async () => {
  const doc = await analysed(
    'Awami Unity Party (AUP) spokesman Imran Shah met reporters in Quetta on Sunday. The AUP chief said the talks would go on.',
  );

  it('is not given to another office holder of the organisation (a spokesman is not its chief)', () => {
    assert.notEqual(nameOf(doc, statementStarting(doc, 'the talks would go on').speaker), 'Imran Shah');
  });
});
