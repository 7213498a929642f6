import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { oneLine } from '../../src/document/printable.js';
import { checkDatabase, openStore } from '../../src/store/index.js';
import { packagePath } from '../../src/package-path.js';
import { hostileCases, type HostileCase } from './hostile-inputs.js';

interface Outcome {
  source: string;
  status: 'added' | 'unchanged' | 'replaced' | 'failed';
  id?: string;
  reason?: string;
}

/** The CLI in a child with a bounded heap: an input that blows memory kills it, and the test sees no JSON. */
function ingest(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--max-old-space-size=1536', '--import', 'tsx', packagePath('src/cli/main.ts'), 'ingest', ...args], {
      cwd: packagePath('.'),
      env: { ...process.env, NO_COLOR: '1', POLITY_DB: undefined },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    proc.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    proc.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    proc.on('error', reject);
    proc.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('a batch of hostile inputs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'polity-fuzz-'));
  const inputs = join(dir, 'inputs');
  const db = join(dir, 'fuzz.db');
  const cases = hostileCases();
  let run: { code: number | null; stdout: string; stderr: string };
  let outcomes: Outcome[];
  const pathOf = (c: HostileCase) => join(inputs, c.name);
  const outcomesOf = (c: HostileCase) =>
    outcomes.filter((o) => o.source === pathOf(c) || o.source.startsWith(`${pathOf(c)}:`) || o.source.startsWith(`${pathOf(c)}#`));

  before(async () => {
    rmSync(inputs, { recursive: true, force: true });
    const { mkdirSync } = await import('node:fs');
    mkdirSync(inputs);
    for (const c of cases) writeFileSync(pathOf(c), c.bytes);
    run = await ingest([inputs, '--db', db, '--json', '--published', '2021-06-01']);
    outcomes = (JSON.parse(run.stdout) as { articles: Outcome[] }).articles;
    if (process.env.POLITY_FUZZ_LOG) writeFileSync(process.env.POLITY_FUZZ_LOG, run.stderr);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it(`ends by itself with its JSON and summary, refusing some inputs (${hostileCases().length} generated files)`, { timeout: 900_000 }, () => {
    assert.equal(run.code, 1, run.stderr.slice(-2000));
    assert.match(run.stderr.trimEnd().split('\n').at(-1)!, /^\d+ read, \d+ added, \d+ unchanged, \d+ failed in [\d.]+s$/u);
  });

  it('gives every input an outcome: stored whole or refused, as the case allows', () => {
    for (const c of cases) {
      const mine = outcomesOf(c);
      assert.ok(mine.length > 0, `${JSON.stringify(c.name)} has no outcome`);
      const statuses = new Set(mine.map((o) => (o.status === 'failed' ? 'refused' : 'stored')));
      if (c.expect !== 'either') assert.deepEqual([...statuses], [c.expect], `${JSON.stringify(c.name)}: ${JSON.stringify(mine)}`);
    }
  });

  it('names each refusal on one line of stderr', () => {
    const lines = new Set(run.stderr.split('\n'));
    for (const o of outcomes.filter((x) => x.status === 'failed')) {
      const line = `polity: ${oneLine(o.source)}: ${oneLine(o.reason!)}`;
      assert.ok(lines.has(line), `no line ${JSON.stringify(line)}`);
      assert.ok(!/[\x00-\x1f\x7f-\x9f]/u.test(line), `control character in ${JSON.stringify(line)}`);
    }
  });

  it('stores the good articles and the texts it keeps exactly, and the database checks clean', () => {
    const store = openStore(db);
    try {
      for (const c of cases.filter((x) => x.text !== undefined)) {
        const [o] = outcomesOf(c);
        // 'unchanged': the same text came first from another input (the HTML pages hold the first good article).
        assert.ok(o?.status === 'added' || o?.status === 'unchanged', `${c.name}: ${JSON.stringify(o)}`);
        assert.equal(store.getDocument(o.id!)?.text, c.text, c.name);
      }
      const lone = outcomesOf(cases.find((c) => c.name === 'lone-surrogate.jsonl')!)[0]!;
      assert.match(store.getDocument(lone.id!)!.text, /\uFFFD The talks went on\.$/u);
    } finally {
      store.close();
    }
    assert.deepEqual(checkDatabase(db).problems, []);
  });
});
