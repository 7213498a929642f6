import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSource, type IngestItem } from '../../src/ingest/index.js';
import { collect, docsOf, errorsOf, fixture } from './helpers.js';

describe('bad inputs', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'polity-ingest-bad-'));
  });

  it('refuses an empty file and a file of only white space', async () => {
    await writeFile(join(dir, 'empty.txt'), '');
    await writeFile(join(dir, 'blank.txt'), ' \n\t\n   \n');
    const items = await collect([join(dir, 'empty.txt'), join(dir, 'blank.txt')]);
    assert.deepEqual(errorsOf(items), [
      `${join(dir, 'empty.txt')}: empty file`,
      `${join(dir, 'blank.txt')}: empty file (only white space)`,
    ]);
  });

  it('refuses a binary file with NUL bytes, and one mostly of control bytes', async () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    await writeFile(join(dir, 'photo.txt'), png);
    await writeFile(join(dir, 'control.txt'), Uint8Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? 0x41 : 0x01 + (i % 7))));
    const items = await collect([join(dir, 'photo.txt'), join(dir, 'control.txt')]);
    assert.deepEqual(errorsOf(items), [
      `${join(dir, 'photo.txt')}: binary file, not text`,
      `${join(dir, 'control.txt')}: binary file, not text`,
    ]);
  });

  it('refuses invalid UTF-8 and names the byte offset', async () => {
    const prefix = Buffer.from('LAHORE: The Punjab Assembly met on Monday. Caf', 'utf8');
    await writeFile(join(dir, 'latin1.txt'), Buffer.concat([prefix, Buffer.from([0xe9, 0x20, 0x61])]));
    const items = await collect([join(dir, 'latin1.txt')]);
    assert.deepEqual(errorsOf(items), [`${join(dir, 'latin1.txt')}: invalid UTF-8 at byte ${prefix.length}`]);
  });

  it('names the offset of a stray continuation byte', async () => {
    await writeFile(join(dir, 'stray.txt'), Buffer.from([0x41, 0x42, 0x80, 0x43]));
    assert.deepEqual(errorsOf(await collect([join(dir, 'stray.txt')])), [`${join(dir, 'stray.txt')}: invalid UTF-8 at byte 2`]);
  });

  it('names the offset of a sequence cut off at the end of the file', async () => {
    await writeFile(join(dir, 'cut.txt'), Buffer.from([0x41, 0x42, 0xe2, 0x80]));
    assert.deepEqual(errorsOf(await collect([join(dir, 'cut.txt')])), [`${join(dir, 'cut.txt')}: invalid UTF-8 at byte 2`]);
  });

  it('rejects a 50 MB file by its size, and honours a smaller maxBytes', async () => {
    const big = join(dir, 'huge.txt');
    await writeFile(big, 'KARACHI - ');
    await truncate(big, 50 * 1024 * 1024);
    const items = await collect([big]);
    assert.deepEqual(errorsOf(items), [`${big}: file is ${50 * 1024 * 1024} bytes, over the limit of ${20 * 1024 * 1024}`]);
    const small = await collect([fixture('assembly-session.txt')], { maxBytes: 100 });
    assert.match(errorsOf(small)[0]!, /over the limit of 100$/u);
  });

  it('refuses a missing file, a path through a file, and a folder read as a file', async () => {
    const missing = join(dir, 'nowhere', 'story.txt');
    const through = join(fixture('assembly-session.txt'), 'child.txt');
    const folder = join(dir, 'a-folder');
    await mkdir(folder);
    const items = await collect([missing, through]);
    for await (const item of readSource({ location: folder, kind: 'text' })) items.push(item);
    assert.deepEqual(errorsOf(items), [
      `${missing}: no such file or folder`,
      `${through}: no such file or folder`,
      `${folder}: not a file`,
    ]);
  });

  it('goes on after a bad input in a batch', async () => {
    await writeFile(join(dir, 'zero.txt'), '');
    const items: IngestItem[] = await collect([join(dir, 'zero.txt'), fixture('assembly-session.txt'), join(dir, 'gone.txt')]);
    assert.deepEqual(items.map((i) => i.ok), [false, true, false]);
    assert.equal(docsOf(items)[0]?.meta.dateline?.place, 'Peshawar');
  });
});
