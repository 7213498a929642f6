import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { extractTimes } from '../../../src/stages/time/extract.js';
import { timeStage } from '../../../src/stages/time/time.js';
import { segmentStage } from '../../../src/stages/segment/segment.js';
import { Pipeline } from '../../../src/pipeline/pipeline.js';
import { createDocument } from '../../../src/document/document.js';
import type { TimeValue } from '../../../src/document/layers.js';

// Publication date of every fixture: Tuesday 14 January 2020.
const PUBLISHED = '2020-01-14';

/** The value found for `phrase` inside `text`, failing when no expression covers exactly that phrase. */
function valueOf(text: string, phrase: string, published: string | null = PUBLISHED): TimeValue {
  const found = extractTimes(text, published ? { published } : {});
  const hit = found.find((t) => text.slice(t.span.start, t.span.end).replace(/^(?:on|the)\s+/u, '') === phrase.replace(/^the\s+/u, ''));
  assert.ok(hit, `no time expression "${phrase}" in ${JSON.stringify(found.map((t) => text.slice(t.span.start, t.span.end)))}`);
  return hit.value;
}

describe('extractTimes', () => {
  it('reads a bare weekday in a past-tense report as the one before publication', () => {
    assert.deepEqual(valueOf('The convener said Monday he would not rejoin the cabinet.', 'Monday'), {
      kind: 'date', granularity: 'day', value: '2020-01-13', start: '2020-01-13', end: '2020-01-13',
    });
  });

  it('reads a weekday in a future clause, or after "next", as the one after publication', () => {
    assert.equal(valueOf('The chief minister will address the assembly on Monday.', 'Monday').value, '2020-01-20');
    assert.equal(valueOf('The chief minister addressed the assembly and leaves next Friday.', 'next Friday').value, '2020-01-24');
  });

  it("resolves a possessive weekday (\"Sunday's press conference\")", () => {
    assert.equal(valueOf("Nothing was new in Sunday's press conference, the senator said.", 'Sunday').value, '2020-01-12');
  });

  it('turns "the first week of February" into a seven-day range', () => {
    const v = valueOf('The premier will tour Quetta in the first week of February.', 'the first week of February');
    assert.deepEqual([v.kind, v.granularity, v.start, v.end], ['range', 'week', '2020-02-01', '2020-02-07']);
  });

  it('keeps month granularity for "August 2018" and "last month"', () => {
    assert.deepEqual(valueOf('After the polls in August 2018, the alliance formed.', 'August 2018'), {
      kind: 'date', granularity: 'month', value: '2018-08', start: '2018-08-01', end: '2018-08-31',
    });
    const last = valueOf('The party changed its leader last month.', 'last month');
    assert.deepEqual([last.granularity, last.value], ['month', '2019-12']);
  });

  it('gives durations as ISO periods', () => {
    assert.equal(valueOf('She spent seven months in opposition.', 'seven months').value, 'P7M');
    const rule = valueOf('His rule lasted 11 years before the coup.', '11 years');
    assert.deepEqual([rule.kind, rule.value], ['duration', 'P11Y']);
    assert.equal(valueOf('The talks took several days.', 'several days').value, 'PXD');
  });

  it('reads a bare year with year granularity', () => {
    const v = valueOf('The assembly was dissolved in 2018 amid protests.', '2018');
    assert.deepEqual([v.granularity, v.value, v.start, v.end], ['year', '2018', '2018-01-01', '2018-12-31']);
  });

  it('does not read sums or fiscal-year spans as years', () => {
    const text = 'The budget for 2019-20 allocated Rs. 2,018 million.';
    const found = extractTimes(text, { published: PUBLISHED }).map((t) => text.slice(t.span.start, t.span.end));
    assert.ok(!found.includes('2018'));
    assert.ok(!found.includes('2019'));
  });

  it('resolves yesterday, next week and this year', () => {
    assert.equal(valueOf('The senate met yesterday.', 'yesterday').value, '2020-01-13');
    const week = valueOf('The cabinet will meet next week.', 'next week');
    assert.deepEqual([week.granularity, week.value, week.start, week.end], ['week', '2020-W04', '2020-01-20', '2020-01-26']);
    assert.equal(valueOf('Elections are due this year.', 'this year').value, '2020');
  });

  it('narrows "early March", "mid-2019" and "the end of the month" without losing their unit', () => {
    const march = valueOf('Talks are expected to resume in early March.', 'early March');
    assert.deepEqual([march.granularity, march.value, march.start, march.end], ['month', '2020-03', '2020-03-01', '2020-03-10']);
    const mid = valueOf('Inflation peaked in mid-2019.', 'mid-2019');
    assert.deepEqual([mid.granularity, mid.value, mid.start, mid.end], ['year', '2019', '2019-05-01', '2019-08-31']);
    const end = valueOf('Dues will be cleared by the end of the month.', 'the end of the month');
    assert.deepEqual([end.value, end.start, end.end], ['2020-01', '2020-01-21', '2020-01-31']);
  });

  it('reads quarters with and without a year', () => {
    assert.equal(valueOf('Exports grew in the third quarter of 2019.', 'the third quarter of 2019').value, '2019-Q3');
    const q = valueOf('The deficit will narrow in the second quarter.', 'the second quarter');
    assert.deepEqual([q.granularity, q.value, q.start, q.end], ['quarter', '2020-Q2', '2020-04-01', '2020-06-30']);
  });

  it('makes "within two weeks" a range from publication', () => {
    const v = valueOf('The commission must report within two weeks.', 'within two weeks');
    assert.deepEqual([v.kind, v.start, v.end], ['range', '2020-01-14', '2020-01-28']);
  });

  it('leaves relative expressions unresolved without a publication date, but keeps their granularity', () => {
    const text = 'The governor resigned on Monday, a year after taking office in August 2018.';
    const monday = valueOf(text, 'Monday', null);
    assert.equal(monday.granularity, 'day');
    assert.equal(monday.start, undefined);
    assert.match(monday.value, /X/u);
    assert.equal(valueOf(text, 'August 2018', null).value, '2018-08');
    assert.equal(valueOf('The session opens on March 3.', 'March 3', null).value, 'XXXX-03-03');
  });

  it('marks vague references and sets', () => {
    assert.equal(valueOf('The party has recently changed its stance.', 'recently').value, 'PAST_REF');
    const set = valueOf('The committee meets every Monday.', 'every Monday');
    assert.deepEqual([set.kind, set.value], ['set', 'XXXX-WXX-1']);
  });

  it('reads prices, fractions, ages and counts after a month as no time', () => {
    const text = 'Shares rose 2.50 a share, up 3/8, and a 6-year-old boy was hurt. In May, 48 people died.';
    const found = extractTimes(text, { published: PUBLISHED }).map((t) => [text.slice(t.span.start, t.span.end), t.value.value]);
    assert.deepEqual(found, [['May', '2019-05']]);
  });

  it('reads "after 39 years" of rule as a duration, not a date in the future', () => {
    assert.equal(valueOf('The dynasty fell after 39 years in power.', '39 years').value, 'P39Y');
  });

  it('points spans into the original text when it has curly quotes', () => {
    const text = '\u201CWe will meet in the first week of February,\u201D the minister said on Monday.';
    const found = extractTimes(text, { published: PUBLISHED });
    assert.deepEqual(found.map((t) => text.slice(t.span.start, t.span.end)), ['the first week of February', 'on Monday']);
  });
});

describe('timeStage', () => {
  it('adds a times layer with ids, relative to doc.meta.published', async () => {
    const doc = createDocument('The PM said on Monday he will visit Lahore in the first week of February.', { published: PUBLISHED });
    await new Pipeline([segmentStage, timeStage]).run(doc);
    assert.deepEqual(doc.times.map((t) => [t.id, t.value.value]), [['t1', '2020-01-13'], ['t2', '2020-02-01/2020-02-07']]);
  });
});

describe('extractTimes: days counted from a stated day', () => {
  const values = (text: string) => extractTimes(text, { published: '2021-09-30' }).map((t) => [text.slice(t.span.start, t.span.end), t.value.value]);

  it('counts "the next day" and "two days later" from the day the text just gave, chaining them', () => {
    assert.deepEqual(values('The talks opened on September 3 in Quetta. The next day, both sides walked out. Two days later, they met again.'), [
      ['September 3', '2021-09-03'],
      ['next day', '2021-09-04'],
      ['Two days later', '2021-09-06'],
    ]);
  });

  it('counts "the next day" from publication when the text states no day before it', () => {
    assert.deepEqual(values('Ministers will meet the next day, officials said.'), [['next day', '2021-10-01']]);
  });
});

describe('extractTimes and days a month does not have', () => {
  it('reads "29 February" without a year as a leap year\'s, never as the 29th of a 28-day February', () => {
    const v = valueOf('Seven men died in custody. In the letter, issued 29 February, the ministry denied the charges.', '29 February', '2023-10-23');
    assert.match(v.value, /^(?:2020|2024)-02-29$/u);
    assert.equal(valueOf('The letter was issued on 29 February.', '29 February', '2024-06-01').value, '2024-02-29');
  });

  it('gives no day for a date the calendar does not have, and still reads the real ones beside it', () => {
    const text = 'The vote moved from 31 April 2023 to 30 April 2023.';
    const found = extractTimes(text, { published: '2023-03-01' }).map((t) => t.value.value);
    assert.ok(!found.some((v) => /-04-31/u.test(v)), found.join(', '));
    assert.ok(found.includes('2023-04-30'), found.join(', '));
  });
});
