import { strict as assert } from 'node:assert';
import { copyFileSync, mkdtempSync, openSync, rmSync, writeSync, closeSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { rebuildRecord } from '../../src/record/index.js';
import { checkDatabase, openStore } from '../../src/store/index.js';
import { runPolity } from '../cli/run-polity.js';
import { harbourDocument } from './fixtures/articles.js';

const dir = mkdtempSync(join(tmpdir(), 'polity-check-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** A sound database of three harbour articles with its record built, copied for each corruption. */
const sound = join(dir, 'sound.db');
let n = 0;
function corrupted(change: (db: Database.Database) => void): string {
  const path = join(dir, `bad-${++n}.db`);
  copyFileSync(sound, path);
  const db = new Database(path);
  db.pragma('foreign_keys = OFF');
  change(db);
  db.close();
  return path;
}
const kinds = (path: string) => checkDatabase(path).problems.map((p) => `${p.kind}: ${p.message}`);

describe('checkDatabase', () => {
  let ids: string[];
  before(() => {
    const store = openStore(sound);
    ids = [0, 1, 2].map((v) => {
      const doc = harbourDocument(v);
      store.putDocument(doc);
      return doc.meta.id;
    });
    rebuildRecord(store);
    // Fold the WAL into the main file, so a plain copy holds everything.
    store.db.pragma('wal_checkpoint(TRUNCATE)');
    store.close();
  });

  it('finds no problem in a sound database', () => {
    assert.deepEqual(checkDatabase(sound), { articles: 3, problems: [] });
  });

  it('finds a stored text that differs from its document JSON, and the hash that no longer fits', () => {
    const path = corrupted((db) => db.prepare("UPDATE articles SET text = replace(text, 'dredging', 'drudging') WHERE id = ?").run(ids[0]));
    assert.deepEqual(kinds(path), [
      `article: article ${ids[0]}: stored text (${harbourDocument(0).text.length} characters) differs from its document JSON text (${harbourDocument(0).text.length}) from offset ${harbourDocument(0).text.indexOf('dredging') + 2}`,
      `article: article ${ids[0]}: id and content hash are not the SHA-256 of the stored text`,
    ]);
  });

  it('finds an incomplete article (layer rows missing) and a row pointing at no article', () => {
    const path = corrupted((db) => {
      db.prepare('DELETE FROM mentions WHERE article_id = ?').run(ids[1]);
      db.prepare("INSERT INTO statements (article_id, id, kind, content_start, content_end, start, end) VALUES ('ffffffffffffffff', 'q1', 'direct', 0, 1, 0, 1)").run();
    });
    const problems = kinds(path);
    assert.ok(problems.some((p) => /^foreign-key: statements row \d+ points to a missing articles row$/u.test(p)), problems.join('\n'));
    assert.ok(problems.includes(`article: article ${ids[1]}: mentions: 0 rows stored, 5 in its document JSON`), problems.join('\n'));
  });

  it('finds unreadable document JSON', () => {
    const path = corrupted((db) => db.prepare("UPDATE articles SET document_json = '{\"schema\": \"polity/1\", \"text\"' WHERE id = ?").run(ids[2]));
    assert.match(kinds(path).join('\n'), new RegExp(`^article: article ${ids[2]}: document JSON unreadable: `, 'u'));
  });

  it('finds a stale record', () => {
    const path = corrupted((db) => db.prepare('DELETE FROM record_articles WHERE article_id = ?').run(ids[0]));
    assert.deepEqual(kinds(path), ['record: the record is out of date with the stored articles (polity record rebuild brings it up to date)']);
  });

  it('finds damaged pages', () => {
    const path = join(dir, 'damaged.db');
    copyFileSync(sound, path);
    // Overwrite the middle of the file (table and index pages) with garbage.
    const fd = openSync(path, 'r+');
    const size = statSync(path).size;
    writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, Math.floor(size / 2 / 4096) * 4096);
    closeSync(fd);
    const { problems } = checkDatabase(path);
    assert.ok(problems.length > 0);
    assert.ok(problems.some((p) => p.kind === 'integrity'), JSON.stringify(problems));
  });

  it('is what `polity check` prints, one line per problem, exit 1; exit 0 when sound; 3 when missing', async () => {
    const bad = corrupted((db) => db.prepare('DELETE FROM events WHERE article_id = ?').run(ids[0]));
    const run = await runPolity(['check', '--db', bad]);
    assert.equal(run.code, 1);
    assert.deepEqual(run.stdout.trimEnd().split('\n'), [`polity: ${bad}: article: article ${ids[0]}: events: 0 rows stored, ${harbourDocument(0).events.length} in its document JSON`, '3 articles checked, 1 problem']);
    const ok = await runPolity(['check', '--db', sound]);
    assert.equal(ok.code, 0);
    assert.equal(ok.stdout, '3 articles checked, 0 problems\n');
    const missing = await runPolity(['check', '--db', join(dir, 'none.db')]);
    assert.equal(missing.code, 3);
  });
});
