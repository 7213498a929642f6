import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ActorCoder, countriesNamedIn, countryNamed, exportSourceFromDocuments, resolvePlace, sectorOfWords } from '../../src/export/index.js';
import { Article } from '../record/fixture.js';
import { budgetStory, recordId } from './fixture.js';

describe('actor codes', () => {
  it('gives a party PTY, with GOV while it is in the coalition and OPP while it is in opposition', () => {
    const source = exportSourceFromDocuments(budgetStory());
    const coder = new ActorCoder(source);
    const ppp = recordId(source, 'Pakistan Peoples Party');
    assert.deepEqual(coder.codes(ppp, '2024-05-20').sectors, ['PTY', 'GOV']);
    assert.deepEqual(coder.codes(ppp, '2024-07-01').sectors, ['PTY', 'OPP']);
    assert.deepEqual(coder.codes(ppp, '2024-09-01').sectors, ['PTY', 'GOV']);
  });

  it('finds a country from a place, a name that names a country, or the articles an actor appears in', () => {
    const source = exportSourceFromDocuments(budgetStory());
    const coder = new ActorCoder(source);
    const country = (name: string): string | undefined => coder.codes(recordId(source, name)).country;
    assert.equal(country('Karachi'), 'PAK');
    assert.equal(country('Election Commission of Pakistan'), 'PAK');
    assert.equal(country('government'), 'PAK', 'from the articles it appears in');
    assert.equal(country('United Nations'), 'UNO');
  });

  it('does not take a person\'s name for a country', () => {
    const a = new Article('NEW DELHI - Jordan Mehta, the Indian envoy, met Chad Rahman on Monday.', '2024-04-02')
      .actor('p1', 'PERSON', 'Jordan Mehta')
      .actor('p2', 'PERSON', 'Chad Rahman')
      .role('p1', 'Indian envoy', undefined, 'the Indian envoy');
    const source = exportSourceFromDocuments([a.doc]);
    const coder = new ActorCoder(source);
    // The article names India ("Indian"); "Jordan" and "Chad" here are people.
    assert.equal(coder.codes(recordId(source, 'Jordan Mehta')).country, 'IND');
    assert.equal(coder.codes(recordId(source, 'Chad Rahman')).country, 'IND');
  });

  it('reads sectors from office titles and body names as data', () => {
    assert.equal(sectorOfWords('Chief Justice'), 'JUD');
    assert.equal(sectorOfWords('Senate Standing Committee on Finance'), 'LEG');
    assert.equal(sectorOfWords('Federal Minister for Planning and Development'), 'GOV');
    assert.equal(sectorOfWords('Inspector General of Police'), 'COP');
    assert.equal(sectorOfWords('Chief of Army Staff'), 'MIL');
    assert.equal(sectorOfWords('Karachi Press Club'), 'JRN');
    assert.equal(sectorOfWords('Convener'), undefined);
  });
});

describe('places', () => {
  it('resolves cities from the GeoNames gazetteer and countries by name, spelling or demonym', () => {
    assert.deepEqual([resolvePlace('Lahore')?.country, resolvePlace('Lahore')?.resolution, resolvePlace('Lahore')?.featureClass], ['PAK', 'city', 'P']);
    assert.equal(countryNamed('Islamic Republic of Pakistan')?.country, 'PAK');
    assert.equal(countryNamed('Pakistani')?.country, 'PAK');
    assert.equal(resolvePlace('India')?.resolution, 'country');
    assert.deepEqual(countriesNamedIn('The Indian Army and the Pakistan Peoples Party').sort(), ['IND', 'PAK']);
  });

  it('takes a name shared by towns in several countries in the country the article points at', () => {
    assert.equal(resolvePlace('Hyderabad', 'PAK')?.country, 'PAK');
    assert.equal(resolvePlace('Hyderabad', 'IND')?.country, 'IND');
  });

  it('leaves a place it does not know, or only knows as a small town elsewhere, unresolved', () => {
    assert.equal(resolvePlace('Port Qasimabad'), undefined);
    assert.equal(resolvePlace('Shipping'), undefined);
    assert.equal(resolvePlace('Vardø'), undefined, 'a town of two thousand is not resolved without a country to look in');
    assert.equal(resolvePlace('Vardø', 'NOR')?.country, 'NOR');
  });
});
