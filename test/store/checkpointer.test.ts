import { strict as assert } from 'node:assert';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { createDocument } from '../../src/document/document.js';
import { openStore } from '../../src/store/index.js';
import { CHECKPOINT_EVERY, WRITER_BACKSTOP_PAGES } from '../../src/store/sqlite/checkpointer.js';

const dir = mkdtempSync(join(tmpdir(), 'polity-checkpointer-'));
after(() => rmSync(dir, { recursive: true, force: true }));


describe('SqlStore.checkpointInBackground', () => {
  it('checkpoints on its own thread while the writer writes, leaves the writer a backstop only, and closes cleanly', async () => {
    const path = join(dir, 'bg.db');
    const store = openStore(path);
    store.checkpointInBackground();
    try {
      assert.equal(store.db.pragma('wal_autocheckpoint', { simple: true }), WRITER_BACKSTOP_PAGES);
      // Until a checkpoint, written pages are only in the -wal file; the database file grows when they are copied.
      const before = statSync(path).size;
      const texts = Array.from({ length: 3 * CHECKPOINT_EVERY }, (_, i) => `The council of ward ${i + 1} met on Monday and voted on the harbour budget.`);
      for (const t of texts) assert.equal(store.putDocument(createDocument(t)), 'added');
      // The thread checkpoints after every CHECKPOINT_EVERY commits (or a quiet second); this connection would not
      // below WRITER_BACKSTOP_PAGES, and nothing else has the file open.
      for (let i = 0; i < 200 && statSync(path).size <= before; i++) await new Promise((r) => setTimeout(r, 50));
      assert.ok(statSync(path).size > before, 'the pages were copied into the database file while the store was open');
      assert.equal(store.listArticles().length, texts.length);
    } finally {
      store.close();
      await store.closed();
    }
    // The last connection closed cleanly: the WAL was copied into the file and removed, and every article is there.
    assert.equal(existsSync(`${path}-wal`), false);
    const again = openStore(path);
    try {
      assert.equal(again.listArticles().length, 3 * CHECKPOINT_EVERY);
    } finally {
      again.close();
    }
  });
});
