import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { EVAL_ATTRIBUTES, EVAL_LAYERS, type EvalReport } from '../../src/eval/index.js';
import { packagePath } from '../../src/package-path.js';
import { ARTICLE_PATH, GOLD_PATH } from './fixture.js';

const run = promisify(execFile);
const polity = (...args: string[]) => run(process.execPath, ['--import', 'tsx', packagePath('src/cli/main.ts'), ...args], { cwd: packagePath('.') });

/** A shared/-like folder: gold/ with the fixture gold file, articles/ with its article. */
function goldTree(): string {
  const root = mkdtempSync(join(tmpdir(), 'polity-eval-'));
  mkdirSync(join(root, 'gold'));
  mkdirSync(join(root, 'articles'));
  copyFileSync(GOLD_PATH, join(root, 'gold', 'quetta-talks.gold.json'));
  copyFileSync(ARTICLE_PATH, join(root, 'articles', 'quetta-talks.txt'));
  return root;
}

describe('polity eval', () => {
  it('analyses the article behind a gold file and prints every layer as JSON', async () => {
    const root = goldTree();
    const { stdout } = await polity('eval', '--gold', join(root, 'gold'), '--json');
    const report = JSON.parse(stdout) as EvalReport;
    assert.equal(report.format, 'polity-eval/1');
    assert.deepEqual(Object.keys(report.layers), [...EVAL_LAYERS]);
    assert.deepEqual(Object.keys(report.attributes), [...EVAL_ATTRIBUTES]);
    assert.equal(report.documents.length, 1);
    assert.equal(report.documents[0]!.doc, 'quetta-talks');
    assert.deepEqual([report.layers.published.tp, report.layers.published.fn], [1, 0]);
    const entities = report.layers.entities;
    assert.equal(entities.tp + entities.fn, 8);
  });

  it('prints a table of the layers asked for', async () => {
    const { stdout } = await polity('eval', '--gold', join(goldTree(), 'gold'), '--layer', 'quotes', 'events');
    assert.match(stdout, /^1 document, micro-averaged/);
    assert.match(stdout, /^quotes\s/m);
    assert.match(stdout, /^events\s/m);
    assert.doesNotMatch(stdout, /^roles\s/m);
  });

  it('fails with exit code 3 and names the file when a gold file is invalid', async () => {
    const root = goldTree();
    writeFileSync(join(root, 'gold', 'broken.gold.json'), JSON.stringify({ format: 'polity-gold/1', doc: 'b', file: 'articles/b.txt' }));
    await assert.rejects(polity('eval', '--gold', join(root, 'gold')), (err: { code?: number; stderr?: string }) => {
      assert.equal(err.code, 3);
      assert.match(err.stderr ?? '', /broken\.gold\.json: not a valid polity-gold\/1 file: .*entities/);
      return true;
    });
  });

  it('refuses a --cross-db that does not exist (exit 3) instead of scoring an empty record', async () => {
    const root = goldTree();
    const missing = join(root, 'no-such.db');
    await assert.rejects(polity('eval', '--cross', join(root, 'any.cross.json'), '--cross-db', missing), (err: { code?: number; stderr?: string }) => {
      assert.equal(err.code, 3);
      assert.match(err.stderr ?? '', /no database .*no-such\.db/);
      return true;
    });
    assert.equal(existsSync(missing), false);
  });
});
