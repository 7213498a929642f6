import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { findDateline } from '../../src/ingest/index.js';

const datelineOf = (text: string) => {
  const found = findDateline(text);
  return found && { text: text.slice(found.dateline.span.start, found.dateline.span.end), ...found.dateline, span: undefined, dateText: found.dateText };
};

describe('findDateline', () => {
  it('takes an all-caps place and a dash, keeping the dash but not the spaces after it', () => {
    const d = datelineOf('KARACHI - The Sindh cabinet met on Monday.');
    assert.equal(d?.text, 'KARACHI -');
    assert.equal(d?.place, 'Karachi');
    assert.equal(d?.agency, undefined);
  });

  it('spans a dateline padded with runs of no-break spaces', () => {
    const text = 'KARACHI\u00A0\u00A0\u00A0\u00A0\u00A0 -\u00A0\u00A0\u00A0\u00A0 The provincial assembly met.';
    assert.equal(datelineOf(text)?.text, 'KARACHI\u00A0\u00A0\u00A0\u00A0\u00A0 -');
  });

  it('takes a colon dateline', () => {
    assert.deepEqual(datelineOf('ISLAMABAD: The National Assembly was prorogued.')?.text, 'ISLAMABAD:');
  });

  it('reads the agency in parentheses', () => {
    const d = datelineOf('LAHORE (Reuters) - Police said the rally would go ahead.');
    assert.equal(d?.text, 'LAHORE (Reuters) -');
    assert.equal(d?.place, 'Lahore');
    assert.equal(d?.agency, 'Reuters');
  });

  it('reads a two-word place, a date and an agency before an em dash', () => {
    const d = datelineOf('NEW DELHI, Jan 5 (AFP) \u2014 India summoned the envoy.');
    assert.equal(d?.text, 'NEW DELHI, Jan 5 (AFP) \u2014');
    assert.equal(d?.place, 'New Delhi');
    assert.equal(d?.agency, 'AFP');
    assert.equal(d?.dateText, 'Jan 5');
  });

  it('takes a known mixed-case place when a date follows it', () => {
    const d = datelineOf('Quetta, January 14: The provincial cabinet approved the plan.');
    assert.equal(d?.text, 'Quetta, January 14:');
    assert.equal(d?.place, 'Quetta');
  });

  it('takes a known mixed-case place followed by a separator and a capitalised word', () => {
    assert.equal(datelineOf('Quetta - The provincial cabinet met.')?.text, 'Quetta -');
    assert.equal(datelineOf('Peshawar: Police said the rally would go ahead.')?.place, 'Peshawar');
  });

  it('refuses a mixed-case place before a lower-case word, and an unknown mixed-case word', () => {
    assert.equal(findDateline('Quetta - the provincial cabinet met.'), undefined);
    assert.equal(findDateline('Yesterday, January 14: The cabinet met.'), undefined);
    assert.equal(findDateline('Mastung: The provincial cabinet met.'), undefined);
  });

  it('does not take a label or the start of a sentence as a dateline', () => {
    assert.equal(findDateline('BREAKING: Sindh Assembly adjourned amid protest.'), undefined);
    assert.equal(findDateline('The PTI said: the talks will go on.'), undefined);
    assert.equal(findDateline('Karachi - the city woke to rain.'), undefined);
  });

  it('reads a country after the place and title-cases initials', () => {
    assert.equal(datelineOf('SRINAGAR, India (AP) \u2014 Shops stayed shut.')?.place, 'Srinagar');
    assert.equal(datelineOf('D.I. KHAN: Polling ended peacefully.')?.place, 'D.I. Khan');
  });

  it('takes any mixed-case place followed by a known country or province', () => {
    const d = datelineOf('Sambalpur, India \u2013 Farmers blocked the highway on Sunday.');
    assert.equal(d?.text, 'Sambalpur, India \u2013');
    assert.equal(d?.place, 'Sambalpur');
    assert.equal(findDateline('Sambalpur, Farmers \u2013 blocked the highway.'), undefined);
  });

  it('takes an unknown mixed-case place when a date and an agency follow it', () => {
    const d = datelineOf('Turbat, May 16 2022 (INP) - Traders observed a strike.');
    assert.equal(d?.place, 'Turbat');
    assert.equal(d?.agency, 'INP');
    assert.equal(findDateline('Mastung, May 16 2022 - Traders observed a strike.'), undefined);
  });

  it('takes a dash with no space when a capitalised word follows it', () => {
    assert.equal(datelineOf('SEOUL\u2014Foreign Minister Hayashi attended the ceremony.')?.text, 'SEOUL\u2014');
    assert.equal(datelineOf('GINOWAN, Okinawa Prefecture--Governor Tamaki spoke.')?.text, 'GINOWAN, Okinawa Prefecture--');
  });

  it('does not take a bare agency name for a place', () => {
    assert.equal(findDateline('AFP.- The president dissolved parliament on Friday.'), undefined);
    assert.equal(findDateline('REUTERS - The president dissolved parliament on Friday.'), undefined);
  });

  it('looks past a headline line but no further', () => {
    const text = 'Senate elects new chairman\n\nISLAMABAD (APP) - The Senate elected its chairman.';
    assert.equal(datelineOf(text)?.text, 'ISLAMABAD (APP) -');
    const third = 'Senate elects new chairman\n\nBy our reporter.\n\nISLAMABAD - The Senate met.';
    assert.equal(findDateline(third), undefined);
  });

  it('ignores a dateline-like segment later in the text', () => {
    assert.equal(findDateline('The session began late. LAHORE - not a dateline here.'), undefined);
  });
});
