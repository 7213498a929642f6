import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import { EVENT_CSV_COLUMNS, eventCsv, exportSourceFromDocuments } from '../../src/export/index.js';
import { budgetStory } from './fixture.js';

function rows(): Record<string, string>[] {
  return parse([...eventCsv(exportSourceFromDocuments(budgetStory()), '2024-09-01')].join(''), { columns: true }) as Record<string, string>[];
}

describe('event CSV export', () => {
  it('writes the documented header and one row per actor–recipient pair, never two actors in one cell', () => {
    const all = rows();
    assert.deepEqual(Object.keys(all[0]!), [...EVENT_CSV_COLUMNS]);
    const meeting = all.filter((r) => r.trigger === 'met');
    // The two reports name the senator and the minister on both sides: two dyads, no one paired with themself.
    assert.deepEqual(meeting.map((r) => `${r.actor1_name}>${r.actor2_name}`).sort(), ['Amna Sheikh>Omar Latif', 'Omar Latif>Amna Sheikh']);
    for (const r of all) {
      assert.ok(!r.actor1_id!.includes(';') && !r.actor2_id!.includes(';'));
      assert.notEqual(r.actor1_id, r.actor2_id);
    }
  });

  it('keeps CAMEO codes as text with their leading zero, dates as ISO days and countries as alpha-3 codes', () => {
    const meeting = rows().find((r) => r.trigger === 'met')!;
    assert.equal(meeting.cameo_code, '040');
    assert.equal(meeting.cameo_root, '04');
    assert.equal(meeting.date, '2024-05-09');
    assert.equal(meeting.actor1_country, 'PAK');
    assert.equal(meeting.place, 'Karachi');
    assert.equal(meeting.place_country, 'PAK');
    assert.ok(Number(meeting.lat) > 24 && Number(meeting.lat) < 25);
    assert.equal(meeting.num_sources, '2');
    assert.equal(meeting.source_articles!.split(';').length, 2);
    const accusation = rows().find((r) => r.event_type === 'ACCUSE')!;
    assert.deepEqual([accusation.date, accusation.enddate, accusation.date_precision], ['2024-01-01', '2024-01-31', 'month']);
  });

  it('writes an event without recipient as one row with an empty second actor', () => {
    const un = rows().filter((r) => r.trigger === 'urged');
    assert.equal(un.length, 1);
    assert.deepEqual([un[0]!.actor1_country, un[0]!.actor2_id], ['UNO', '']);
  });

  it('quotes a sentence holding commas so that it stays in one cell', () => {
    const demand = rows().find((r) => r.trigger === 'demanded')!;
    assert.equal(demand.sentence, 'The PPP, a coalition partner of the Pakistan Muslim League-Nawaz (PML-N), demanded more funds for Sindh.');
    assert.deepEqual([demand.actor1_sector, demand.actor1_sector2], ['PTY', 'GOV']);
  });
});
