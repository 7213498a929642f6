import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import { extractEvents } from '../../src/stages/events/events.js';
import { EVENT_CSV_COLUMNS, toEventCsv, toPloverJsonLines, type PloverRecord } from '../../src/export/index.js';
import { annotate, day, type ActorSpec } from '../stages/events/annotate.js';

const ACTORS: ActorSpec[] = [
  { id: 'sara', type: 'PERSON', names: ['Sara Baig'] },
  { id: 'rana', type: 'PERSON', names: ['Rana Tariq'] },
  { id: 'aup', type: 'PARTY', names: ['Awami Unity Party', 'AUP'] },
  { id: 'quetta', type: 'PLACE', names: ['Quetta'] },
];

function fixture() {
  const text =
    'Chief Minister Sara Baig on Monday summoned Rana Tariq to Quetta, the AUP\u2019s stronghold, and said: "We will talk, then decide."\n\nRana Tariq said he would not rejoin the AUP, "whatever, they say".';
  const doc = annotate(text, ACTORS, {
    published: '2021-03-03',
    times: [{ text: 'on Monday', value: day('2021-03-01') }],
    statements: [{ speaker: 'rana', kind: 'indirect', content: 'he would not rejoin the AUP, "whatever, they say"' }],
  });
  doc.meta.url = 'https://news.example/aup';
  extractEvents(doc);
  return doc;
}

describe('PLOVER JSON Lines export', () => {
  it('writes one parseable record per event with the PLOVER field names and the polity extension', () => {
    const doc = fixture();
    const lines = toPloverJsonLines([doc], '2021-03-04').split('\n');
    assert.equal(lines.pop(), '', 'every record ends with a newline');
    const records = lines.map((l) => JSON.parse(l) as PloverRecord);
    assert.equal(records.length, doc.events.length);
    const summons = records[0]!;
    assert.equal(summons.id, `${doc.meta.id}-e1`);
    assert.equal(summons.date, '2021-03-01');
    assert.equal(summons.event, 'CONSULT');
    assert.deepEqual(summons.actor.map((a) => [a.entity_text, a.identifier_id, a.sector]), [['Sara Baig', 'sara', 'PERSON']]);
    assert.deepEqual(summons.recipient.map((a) => a.entity_text), ['Rana Tariq']);
    assert.deepEqual(summons.event_loc, { extracted_place: 'Quetta', resolved_place: 'Quetta' });
    assert.equal(summons.event_text, 'summoned');
    assert.equal(summons.coder, 'polity');
    assert.equal(summons.coded_date, '2021-03-04');
    assert.equal(summons.cite_info.url, 'https://news.example/aup');
    assert.equal(doc.text.slice(summons.text_info.start, summons.text_info.end), summons.text);
    assert.equal(doc.text.slice(summons.polity.trigger.start, summons.polity.trigger.end), 'summoned');
    assert.equal(summons.polity.cameo, '040');
    assert.equal(summons.polity.date_source, 'event');
    const refusal = records.find((r) => r.event === 'REJECT')!;
    assert.equal(refusal.polity.modality, 'negated');
    assert.equal(refusal.polity.auxiliary_mode, 'negation');
    assert.equal(refusal.date, '2021-03-01', 'dated by the day the story is at');
  });

  it('exports an event the text gives no date for with the publication date, and says so', () => {
    const doc = annotate('Rana Tariq criticised the AUP.', ACTORS, { published: '2021-03-03' });
    extractEvents(doc);
    const [record] = toPloverJsonLines([doc], '2021-03-04').trim().split('\n').map((l) => JSON.parse(l) as PloverRecord);
    assert.equal(record!.date, '2021-03-03');
    assert.equal(record!.polity.date_source, 'published');
  });
});

describe('event CSV export', () => {
  it('writes the documented header and one row per event, quoting commas, quotes and line breaks', () => {
    const doc = fixture();
    const csv = toEventCsv([doc]);
    const rows = parse(csv, { columns: true }) as Record<string, string>[];
    assert.deepEqual(Object.keys(rows[0]!), [...EVENT_CSV_COLUMNS]);
    assert.equal(rows.length, doc.events.length);
    assert.equal(rows[0]!.type, 'CONSULT');
    assert.equal(rows[0]!.actor_ids, 'sara');
    assert.equal(rows[0]!.place, 'Quetta');
    assert.equal(Number(rows[0]!.trigger_start), doc.events[0]!.trigger.start);
    const refusal = rows.find((r) => r.type === 'REJECT')!;
    assert.equal(refusal.sentence, 'Rana Tariq said he would not rejoin the AUP, "whatever, they say".', 'quotes and commas survive the round trip');
    assert.equal(refusal.modality, 'negated');
  });

  it('keeps a sentence with a line break in one cell', () => {
    const text = 'Sara Baig summoned Rana Tariq\nto Quetta.';
    const doc = annotate(text, ACTORS);
    doc.sentences = [{ id: 's1', span: { start: 0, end: text.length }, paragraph: 0 }];
    doc.tokens = doc.tokens.map((t) => ({ ...t, sentence: 0 }));
    extractEvents(doc);
    const rows = parse(toEventCsv([doc]), { columns: true }) as Record<string, string>[];
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.sentence, text);
  });
});
