import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GoldDirectoryError, GoldFormatError, goldFiles, loadGold, parseGold, readGoldArticle } from '../../src/eval/index.js';
import { packagePath } from '../../src/package-path.js';
import { GOLD_PATH, fixtureGold } from './fixture.js';

const minimal = { format: 'polity-gold/1', doc: 'd', file: 'articles/d.txt', entities: [{ id: 'x', type: 'PERSON', name: 'Sara Khan' }] };

describe('loadGold', () => {
  it('reads a gold file and fills the layers it leaves out with empty lists', () => {
    const gold = parseGold(minimal, 'd.gold.json');
    assert.deepEqual(gold.quotes, []);
    assert.deepEqual(gold.relations, []);
    assert.equal(fixtureGold().entities.length, 8);
  });

  it('reads the shared seed gold file', () => {
    const seed = loadGold(packagePath('../shared/gold/seed.gold.json'));
    assert.equal(seed.doc, '000_33b2fd6e560676f7');
    assert.ok(seed.quotes.length > 0 && seed.events.some((e) => e.optional));
  });

  it('names the file and the offending field when the shape is wrong', () => {
    const bad = { ...minimal, quotes: [{ speaker: 'x', kind: 'paraphrase', text: 'we will win' }] };
    assert.throws(() => parseGold(bad, 'bad.gold.json'), (err: unknown) => {
      assert.ok(err instanceof GoldFormatError);
      assert.equal(err.file, 'bad.gold.json');
      assert.match(err.message, /^bad\.gold\.json: .*\/quotes\/0\/kind/);
      return true;
    });
    assert.throws(() => parseGold({ ...minimal, format: 'polity-gold/2' }, 'v2.gold.json'), /v2\.gold\.json: .*\/format/);
  });

  it('rejects a row that refers to an undeclared entity id', () => {
    const dangling = { ...minimal, memberships: [{ person: 'x', org: 'nup' }] };
    assert.throws(() => parseGold(dangling, 'd.gold.json'), /d\.gold\.json: memberships\[0\]\.org refers to "nup", which is not an entity id/);
  });

  it('rejects an entity id declared twice', () => {
    const twice = { ...minimal, entities: [...minimal.entities, { id: 'x', type: 'PARTY', name: 'X Party' }] };
    assert.throws(() => parseGold(twice, 'd.gold.json'), /entity id "x" is declared twice/);
  });

  it('names an unreadable or non-JSON file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'polity-gold-'));
    writeFileSync(join(dir, 'broken.gold.json'), '{ "format": ');
    assert.throws(() => loadGold(join(dir, 'broken.gold.json')), (err: unknown) => err instanceof GoldFormatError && /broken\.gold\.json: not JSON/.test(err.message));
    assert.throws(() => loadGold(join(dir, 'absent.gold.json')), /absent\.gold\.json: cannot read/);
  });
});

describe('gold directories and articles', () => {
  it('lists only *.gold.json files, sorted', () => {
    const dir = mkdtempSync(join(tmpdir(), 'polity-gold-'));
    for (const name of ['b.gold.json', 'a.gold.json', 'notes.json', 'c.txt']) writeFileSync(join(dir, name), '{}');
    assert.deepEqual(goldFiles(dir).map((p) => p.slice(dir.length + 1)), ['a.gold.json', 'b.gold.json']);
  });

  it('refuses a missing directory or one without gold files', () => {
    const empty = mkdtempSync(join(tmpdir(), 'polity-gold-'));
    assert.throws(() => goldFiles(empty), (err: unknown) => err instanceof GoldDirectoryError && /holds no \*\.gold\.json/.test(err.message));
    assert.throws(() => goldFiles(join(empty, 'nowhere')), GoldDirectoryError);
  });

  it('reads the article relative to the gold directory’s parent, dated by the gold publication date', async () => {
    const doc = await readGoldArticle(fixtureGold(), GOLD_PATH);
    assert.match(doc.text, /^QUETTA - Balochistan Awami Front/);
    assert.equal(doc.meta.published, '2022-02-15');
  });

  it('names the gold file when its article is missing', async () => {
    const root = mkdtempSync(join(tmpdir(), 'polity-gold-'));
    mkdirSync(join(root, 'gold'));
    const path = join(root, 'gold', 'd.gold.json');
    await assert.rejects(readGoldArticle(parseGold(minimal, path), path), /d\.gold\.json: cannot read its article: .*articles\/d\.txt/);
  });
});
