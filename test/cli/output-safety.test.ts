import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runPolity } from './run-polity.js';

// ESC sequences (clear screen, window title by OSC, a hyperlink), 8-bit CSI, a bidi override, a bell.
const HOSTILE = '\x1b[2J\x1b]0;owned\x07\x1b]8;;http://evil.example/\x1b\\link\x1b]8;;\x1b\\\x9b31m\u202Edesrever\u202C\x07';
const ARTICLE = `Assembly approves budget ${HOSTILE}\n\nQUETTA - The Balochistan Assembly approved the budget on Monday. ${HOSTILE} "We will build ten schools this year," Finance Minister Sana Durrani said.`;

/** Escape sequences other than the SGR colour codes polity writes itself (ESC [ digits ; … m). */
const FOREIGN_CONTROL = /\x1b(?!\[[\d;]*m)|[\x00-\x08\x0b-\x1a\x1c-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/u;

describe('terminal output from stored text', () => {
  const dir = mkdtempSync(join(tmpdir(), 'polity-safety-'));
  const db = join(dir, 'safety.db');
  let id: string;
  before(async () => {
    writeFileSync(join(dir, 'hostile.txt'), ARTICLE);
    const run = await runPolity(['ingest', join(dir, 'hostile.txt'), '--db', db, '--json']);
    assert.equal(run.code, 0, run.stderr);
    id = (JSON.parse(run.stdout) as { articles: { id: string }[] }).articles[0]!.id;
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('shows the article with --no-color without a single control character, the escapes made visible', async () => {
    const run = await runPolity(['show', id, '--db', db, '--no-color']);
    assert.equal(run.code, 0, run.stderr);
    assert.doesNotMatch(run.stdout, FOREIGN_CONTROL);
    assert.doesNotMatch(run.stdout, /\x1b/u);
    assert.match(run.stdout, /^Assembly approves budget ␛\[2J␛\]0;owned␇/u);
  });

  it('shows it with --color: only polity\'s own colour codes reach the terminal', async () => {
    const run = await runPolity(['show', id, '--db', db, '--color']);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /\x1b\[\d+m/u);
    assert.doesNotMatch(run.stdout, FOREIGN_CONTROL);
  });

  it('keeps record queries, analyze and JSON output free of them too', async () => {
    for (const args of [['quotes', '--db', db], ['actors', '--db', db], ['analyze', join(dir, 'hostile.txt')], ['analyze', join(dir, 'hostile.txt'), '--json'], ['quotes', '--db', db, '--json']]) {
      const run = await runPolity(args);
      assert.equal(run.code, 0, `${args.join(' ')}: ${run.stderr}`);
      assert.doesNotMatch(run.stdout, FOREIGN_CONTROL, args.join(' '));
    }
  });

  it('prints a refusal on one line when the file name holds a newline and an escape', async () => {
    const name = join(dir, 'bad\nname\x1b[31m.txt');
    writeFileSync(name, '\x01\x02\x03'.repeat(100));
    const run = await runPolity(['ingest', name, '--db', db]);
    assert.equal(run.code, 1);
    assert.deepEqual(run.stderr.trimEnd().split('\n'), [`polity: ${join(dir, 'bad\\nname\\x1b[31m.txt')}: binary file, not text`]);
  });
});
