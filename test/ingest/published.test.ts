import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { dayFromUrl, parseDay } from '../../src/ingest/index.js';

describe('publication dates', () => {
  it('reads ISO timestamps as the day written, whatever the zone', () => {
    assert.equal(parseDay('2020-01-14T23:30:00-05:00'), '2020-01-14');
    assert.equal(parseDay('2020-01-14'), '2020-01-14');
  });

  it('reads RSS, written and numeric dates', () => {
    assert.equal(parseDay('Tue, 14 Jan 2020 08:00:00 +0500'), '2020-01-14');
    assert.equal(parseDay('January 14, 2020'), '2020-01-14');
    assert.equal(parseDay('14 January 2020'), '2020-01-14');
  });

  it('refuses relative, partial, impossible and non-dates', () => {
    assert.equal(parseDay('yesterday'), undefined);
    assert.equal(parseDay('Jan 14'), undefined);
    assert.equal(parseDay('2020-02-30'), undefined);
    assert.equal(parseDay('after the budget session'), undefined);
  });

  it('finds a date in an article URL', () => {
    assert.equal(dayFromUrl('https://ledger.example.pk/2020/01/14/pti-fails-to-woo-mqm-p/'), '2020-01-14');
    assert.equal(dayFromUrl('https://ledger.example.pk/news/2020-01-14-pti-mqm'), '2020-01-14');
    assert.equal(dayFromUrl('https://ledger.example.pk/archive/20200114/'), '2020-01-14');
    assert.equal(dayFromUrl('https://wire.example/stories/202207260304.html'), '2022-07-26');
  });

  it('takes no date from a URL with only a month, an id or no date', () => {
    assert.equal(dayFromUrl('https://ledger.example.pk/2022/07/coalition-talks/'), undefined);
    assert.equal(dayFromUrl('https://ledger.example.pk/story/1987654321'), undefined);
    assert.equal(dayFromUrl('https://ledger.example.pk/story/20991231'), undefined);
    assert.equal(dayFromUrl('https://ledger.example.pk/politics/sindh-cabinet'), undefined);
    assert.equal(dayFromUrl('not a url'), undefined);
  });
});
