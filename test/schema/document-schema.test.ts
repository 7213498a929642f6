/**
 * schema/document.schema.json against the TypeScript model and against real pipeline output. When you add a
 * field or an enum value to src/document/layers.ts or document.ts, this file stops typechecking until the
 * field is listed below — add it here and in schema/document.schema.json.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyze } from '../../src/analyze.js';
import { createDocument, documentToJSON, type Dateline, type DocumentJSON, type DocumentMeta, type PublishedSource } from '../../src/document/document.js';
import {
  ACTOR_TYPES, LAYER_NAMES, PLOVER_TYPES,
  type Actor, type Agreement, type Commitment, type CommitmentKind, type CommitmentStatus, type Event, type Membership, type Mention,
  type MentionType, type Modality, type Provenance, type Relation, type RelationKind, type Role, type Sentence, type StateChange,
  type StateChangeKind, type Statement, type StatementKind, type TimeExpression, type TimeValue, type Token,
} from '../../src/document/layers.js';
import type { Span } from '../../src/document/span.js';
import { documentFromText } from '../../src/ingest/index.js';
import { packagePath } from '../../src/package-path.js';
import { harbourDocument } from '../store/fixtures/articles.js';
import { documentSchema, validateDocument } from './validate.js';

type Keys<T> = Record<keyof Required<T>, true>;
type Values<T extends string> = Record<T, true>;

const defs = documentSchema.$defs as Record<string, { properties: Record<string, { enum?: string[]; $ref?: string }> }>;
const propertiesOf = (def: string) => Object.keys(defs[def]!.properties).sort();
const enumOf = (def: string, prop: string): string[] => {
  const p = defs[def]!.properties[prop]!;
  return [...(p.enum ?? (defs[p.$ref!.split('/').pop()!] as unknown as { enum: string[] }).enum)].sort();
};
const keys = (o: object) => Object.keys(o).sort();

describe('document schema mirrors the TypeScript model', () => {
  it('lists every field of every record', () => {
    const records: [string, object][] = [
      ['span', { start: true, end: true } satisfies Keys<Span>],
      ['meta', { id: true, contentHash: true, title: true, url: true, origin: true, published: true, publishedSource: true, dateline: true, format: true } satisfies Keys<DocumentMeta>],
      ['dateline', { span: true, place: true, agency: true } satisfies Keys<Dateline>],
      ['timeValue', { kind: true, granularity: true, value: true, start: true, end: true } satisfies Keys<TimeValue>],
      ['sentence', { id: true, span: true, paragraph: true, dateline: true } satisfies Keys<Sentence>],
      ['token', { span: true, sentence: true, pos: true } satisfies Keys<Token>],
      ['mention', { id: true, span: true, type: true, actor: true, source: true, confidence: true } satisfies Keys<Mention>],
      ['actor', { id: true, type: true, name: true, aliases: true, mentions: true } satisfies Keys<Actor>],
      ['role', { id: true, person: true, title: true, org: true, former: true, country: true, evidence: true } satisfies Keys<Role>],
      ['membership', { id: true, person: true, org: true, evidence: true, inferred: true } satisfies Keys<Membership>],
      ['timeExpression', { id: true, span: true, value: true } satisfies Keys<TimeExpression>],
      ['statement', { id: true, kind: true, speaker: true, speakerSpan: true, cue: true, cueLemma: true, cueType: true, content: true, date: true, evidence: true } satisfies Keys<Statement>],
      ['event', { id: true, type: true, mode: true, cameo: true, actor: true, recipient: true, trigger: true, date: true, place: true, modality: true, context: true, statement: true, evidence: true } satisfies Keys<Event>],
      ['stateChange', { id: true, kind: true, subject: true, body: true, with: true, portfolios: true, title: true, date: true, event: true, evidence: true } satisfies Keys<StateChange>],
      ['commitment', { id: true, kind: true, by: true, to: true, what: true, due: true, statement: true, source: true, condition: true, status: true, evidence: true } satisfies Keys<Commitment>],
      ['agreement', { id: true, kind: true, parties: true, points: true, date: true, status: true, evidence: true } satisfies Keys<Agreement>],
      ['relation', { id: true, a: true, b: true, kind: true, polarity: true, asOf: true, evidence: true } satisfies Keys<Relation>],
    ];
    for (const [def, fields] of records) assert.deepEqual(propertiesOf(def), keys(fields), `$defs.${def}`);
    const top: Keys<DocumentJSON> = { schema: true, meta: true, text: true, ...Object.fromEntries(LAYER_NAMES.map((l) => [l, true])) } as Keys<DocumentJSON>;
    assert.deepEqual(Object.keys(documentSchema.properties).sort(), keys(top));
    assert.deepEqual([...documentSchema.required].sort(), keys(top));
  });

  it('allows exactly the values of every enumerated type', () => {
    const enums: [string, string, readonly string[]][] = [
      ['actor', 'type', ACTOR_TYPES],
      ['event', 'type', PLOVER_TYPES],
      ['mention', 'type', keys({ PERSON: true, PARTY: true, ORG: true, GOVBODY: true, PLACE: true, TITLE: true, PRONOUN: true } satisfies Values<MentionType>)],
      ['mention', 'source', keys({ model: true, gazetteer: true, rule: true, coref: true } satisfies Values<Provenance>)],
      ['meta', 'publishedSource', keys({ metadata: true, feed: true, url: true, option: true, text: true } satisfies Values<PublishedSource>)],
      ['timeValue', 'kind', keys({ date: true, range: true, duration: true, set: true } satisfies Values<TimeValue['kind']>)],
      ['timeValue', 'granularity', keys({ year: true, quarter: true, month: true, week: true, day: true, time: true, unknown: true } satisfies Values<TimeValue['granularity']>)],
      ['statement', 'kind', keys({ direct: true, indirect: true } satisfies Values<StatementKind>)],
      ['event', 'modality', keys({ asserted: true, negated: true, future: true, conditional: true, hypothetical: true, reported: true, denied: true } satisfies Values<Modality>)],
      ['stateChange', 'kind', keys({
        took_office: true, left_office: true, joined_cabinet: true, left_cabinet: true, joined_coalition: true, left_coalition: true,
        portfolios_assigned: true, joined_party: true, left_party: true,
      } satisfies Values<StateChangeKind>)],
      ['commitment', 'kind', keys({ promise: true, assurance: true, pledge: true, offer: true, plan: true, 'agreement-term': true } satisfies Values<CommitmentKind>)],
      ['commitment', 'status', keys({ open: true, in_progress: true, kept: true, overdue: true, broken: true, disputed: true } satisfies Values<CommitmentStatus>)],
      ['relation', 'kind', keys({ ally: true, coalition: true, opposition: true, negotiating: true, member: true } satisfies Values<RelationKind>)],
      ['relation', 'polarity', keys({ positive: true, negative: true } satisfies Values<Relation['polarity']>)],
    ];
    for (const [def, prop, values] of enums) assert.deepEqual(enumOf(def, prop), [...values].sort(), `$defs.${def}.${prop}`);
  });
});

describe('document schema validates real documents', () => {
  it('accepts a document with every layer filled', () => {
    assert.deepEqual(validateDocument(documentToJSON(harbourDocument())), []);
  });

  it('accepts what the default pipeline makes of the seed article', async () => {
    const seed = packagePath('../shared/seed/000_33b2fd6e560676f7.txt');
    const doc = createDocument(readFileSync(seed, 'utf8'), { origin: seed, published: '2020-01-14', publishedSource: 'option' });
    await analyze(doc);
    assert.ok(doc.sentences.length > 10);
    assert.deepEqual(validateDocument(JSON.parse(JSON.stringify(documentToJSON(doc)))), []);
  });

  const fixtures = packagePath('test/cli/fixtures/batch');
  const articles = readdirSync(fixtures).filter((f) => f.endsWith('.txt') && f !== 'not-text.txt');

  it('accepts what ingest and the default pipeline make of the test articles, given a publication date', async () => {
    assert.ok(articles.length >= 3);
    for (const f of articles) {
      const doc = documentFromText(readFileSync(join(fixtures, f), 'utf8'), { origin: f }, { published: '2024-03-18' });
      await analyze(doc);
      assert.deepEqual(validateDocument(JSON.parse(JSON.stringify(documentToJSON(doc)))), [], f);
    }
  });

  it('accepts what ingest and the default pipeline make of the test articles when no date is known', async () => {
    for (const f of articles) {
      const doc = documentFromText(readFileSync(join(fixtures, f), 'utf8'), { origin: f });
      assert.equal(doc.meta.published, undefined);
      await analyze(doc);
      assert.deepEqual(validateDocument(JSON.parse(JSON.stringify(documentToJSON(doc)))), [], f);
    }
  });
});

describe('document schema catches drift', () => {
  const mutated = (change: (j: Record<string, any>) => void) => {
    const j = JSON.parse(JSON.stringify(documentToJSON(harbourDocument())));
    change(j);
    return validateDocument(j);
  };

  it('rejects a field the model does not have', () => {
    assert.match(mutated((j) => (j.mentions[0].salience = 0.4)).join('\n'), /mentions\/0.*salience/);
    assert.match(mutated((j) => (j.meta.author = 'Staff')).join('\n'), /meta.*author/);
  });

  it('rejects spans that are not non-negative integers, or run backwards or past the text', () => {
    assert.notDeepEqual(mutated((j) => (j.statements[0].content.start = -1)), []);
    assert.notDeepEqual(mutated((j) => (j.events[0].trigger.end = 3.5)), []);
    assert.match(mutated((j) => (j.roles[0].evidence = { start: 9, end: 4 })).join('\n'), /roles\/0\/evidence.*backwards/);
    assert.match(mutated((j) => (j.sentences[1].span.end = j.text.length + 1)).join('\n'), /sentences\/1\/span.*past the end/);
  });

  it('rejects unknown enum values and missing required fields', () => {
    assert.notDeepEqual(mutated((j) => (j.events[0].type = 'BLAME')), []);
    assert.notDeepEqual(mutated((j) => delete j.commitments[0].status), []);
    assert.notDeepEqual(mutated((j) => (j.schema = 'polity/2')), []);
    assert.notDeepEqual(mutated((j) => (j.meta.published = '14/01/2020')), []);
  });

  it('rejects ids that point at nothing', () => {
    assert.match(mutated((j) => (j.mentions[1].actor = 'a99')).join('\n'), /mentions\/1\/actor.*a99/);
    assert.match(mutated((j) => (j.events[1].recipient = ['a42'])).join('\n'), /events\/1\/recipient\/0.*a42/);
  });
});
