/**
 * The fixed split of the English Worldwide Newswire files: sha1(file name) read as a number, mod 10:
 * 0 → test, 1 → dev, 2–9 → train. Every script that trains on or evaluates against the corpus uses this,
 * so derived data (gazetteer word statistics, the NER model) never sees the test files.
 */
import { createHash } from 'node:crypto';

export type SplitName = 'train' | 'dev' | 'test';

export function newswireSplit(fileName: string): SplitName {
  const digest = createHash('sha1').update(fileName, 'utf8').digest();
  // The first 4 bytes as an unsigned integer keep the bucket stable across platforms.
  const bucket = digest.readUInt32BE(0) % 10;
  return bucket === 0 ? 'test' : bucket === 1 ? 'dev' : 'train';
}
