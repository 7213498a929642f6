import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { exportSourceFromDocuments, ploverJsonLines, type PloverRecord } from '../../src/export/index.js';
import { budgetStory, recordId } from './fixture.js';
import { ploverErrors } from './plover-schema.js';

function records(): PloverRecord[] {
  return [...ploverJsonLines(exportSourceFromDocuments(budgetStory()), '2024-09-01')].map((l) => JSON.parse(l) as PloverRecord);
}

describe('PLOVER JSON Lines export', () => {
  it('writes one line per record event, every line valid against the PLOVER record schema', () => {
    const lines = [...ploverJsonLines(exportSourceFromDocuments(budgetStory()), '2024-09-01')];
    assert.ok(lines.every((l) => l.endsWith('\n') && !l.slice(0, -1).includes('\n')));
    const all = lines.map((l) => JSON.parse(l) as PloverRecord);
    for (const r of all) assert.deepEqual(ploverErrors(r), [], r.id);
    assert.equal(new Set(all.map((r) => r.id)).size, all.length, 'ids are unique');
  });

  it('exports a meeting reported by two articles once, with both articles as its sources', () => {
    const meetings = records().filter((r) => r.event.includes('CONSULT') && r.event_text.includes('met'));
    assert.equal(meetings.length, 1);
    assert.deepEqual(meetings[0]!.polity.sources.map((s) => s.published), ['2024-05-10', '2024-05-11']);
    assert.deepEqual(meetings[0]!.polity.sources.map((s) => s.trigger.text), ['met', 'met']);
  });

  it('identifies actors by their cross-article record id, not the per-article id', () => {
    const meeting = records().find((r) => r.event_text.includes('met'))!;
    const source = exportSourceFromDocuments(budgetStory());
    const ids = meeting.actor.map((a) => a.identifier_id).sort();
    assert.deepEqual(ids, [recordId(source, 'Amna Sheikh'), recordId(source, 'Omar Latif')].sort());
    assert.ok(!ids.some((id) => /^(p|x)\d$/u.test(id)), 'not the ids of one article (p2 in one, x1 in the other)');
  });

  it('codes actors by ISO 3166 alpha-3 country and PLOVER sector, never by the name in capitals', () => {
    const meeting = records().find((r) => r.event_text.includes('met'))!;
    const amna = meeting.actor.find((a) => a.identifier_text === 'Amna Sheikh')!;
    assert.equal(amna.code, 'PAK');
    assert.equal(amna.sector, 'LEGPTY', 'a senator (legislature) who belongs to a party');
    assert.equal(amna.office, 'Senator');
    const omar = meeting.actor.find((a) => a.identifier_text === 'Omar Latif')!;
    assert.equal(omar.sector, 'GOV');
    const court = records().find((r) => r.event_text.includes('summoned'))!;
    assert.deepEqual([court.actor[0]!.code, court.actor[0]!.sector, court.recipient[0]!.sector], ['PAK', 'JUD', 'GOV']);
    const un = records().find((r) => r.event_text.includes('urged'))!;
    assert.equal(un.actor[0]!.code, 'UNO', 'the United Nations has PLOVER\'s non-state code');
    const demand = records().find((r) => r.event_text.includes('demanded'))!;
    assert.equal(demand.actor[0]!.sector, 'PTYGOV', 'a party in the governing coalition');
    for (const r of records()) for (const e of [...r.actor, ...r.recipient]) assert.notEqual(e.code, e.identifier_text.toUpperCase());
  });

  it('places an event in a known city with GeoNames id, coordinates and country', () => {
    const meeting = records().find((r) => r.event_text.includes('met'))!;
    const loc = meeting.event_loc!;
    assert.equal(loc.extracted_place, 'Karachi');
    assert.equal(loc.country_code, 'PAK');
    assert.equal(loc.country, 'Pakistan');
    assert.equal(loc.feature_class, 'P');
    assert.equal(loc.resolution, 'city');
    assert.equal(typeof loc.geonameid, 'number');
    assert.ok(Math.abs(loc.lat! - 24.86) < 0.1 && Math.abs(loc.lon! - 67.01) < 0.1, `${loc.lat},${loc.lon}`);
  });

  it('gives an event with no place the country all its actors belong to, and none to an international actor', () => {
    const court = records().find((r) => r.event_text.includes('summoned'))!;
    assert.deepEqual(court.event_loc, { country: 'Pakistan', country_code: 'PAK', resolution: 'actors' });
    assert.equal(records().find((r) => r.event_text.includes('urged'))!.event_loc, undefined);
  });

  it('writes a month-precision date as the month\'s first and last day with its precision, not as a bare first day', () => {
    const accusation = records().find((r) => r.event.includes('ACCUSE'))!;
    assert.deepEqual([accusation.date, accusation.enddate, accusation.date_precision], ['2024-01-01', '2024-01-31', 'month']);
    const meeting = records().find((r) => r.event_text.includes('met'))!;
    assert.deepEqual([meeting.date, meeting.enddate, meeting.date_precision, meeting.polity.date_source], ['2024-05-09', undefined, 'day', 'event']);
  });

  it('dates an event the text gives no date for by its article, and says so', () => {
    const demand = records().find((r) => r.event_text.includes('demanded'))!;
    assert.equal(demand.date, '2024-05-10');
    assert.equal(demand.polity.date_source, 'published');
  });

  it('keeps the evidence: text, offsets into the article, PLOVER quad code, CAMEO code and citation', () => {
    const docs = budgetStory();
    const meeting = [...ploverJsonLines(exportSourceFromDocuments(docs), '2024-09-01')].map((l) => JSON.parse(l) as PloverRecord).find((r) => r.event_text.includes('met'))!;
    const doc = docs.find((d) => d.meta.id === meeting.polity.sources[0]!.article)!;
    assert.equal(doc.text.slice(meeting.text_info.start, meeting.text_info.end), meeting.text);
    assert.equal(meeting.quad_code, 1);
    assert.equal(meeting.polity.cameo, '040');
    assert.equal(meeting.cite_info.url, 'https://news.example.org/budget/1');
    assert.equal(meeting.coded_date, '2024-09-01');
    assert.deepEqual(meeting.context, ['economic']);
  });

  it('the schema refuses a record that codes an actor by its name or writes a bare event string', () => {
    const good = records()[0]!;
    assert.notDeepEqual(ploverErrors({ ...good, actor: [{ ...good.actor[0]!, code: 'AMNA SHEIKH' }] }), []);
    assert.notDeepEqual(ploverErrors({ ...good, event: 'CONSULT' }), []);
    assert.notDeepEqual(ploverErrors({ ...good, date: '2024-05' }), []);
  });
});
