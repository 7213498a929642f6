/**
 * Word classes for the named-entity tagger, computed from unannotated news text by src/train/build-word-classes.ts
 * (data and command in MODEL.md): per lower-case word, a fine class and the coarse class that contains it.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { packagePath } from '../../package-path.js';

export const WORD_CLASSES_FILE = 'src/models/ner/word-classes.tsv.gz';

/** A word's classes as feature values: fine and coarse class ids, as strings. */
export interface WordClass {
  fine: string;
  coarse: string;
}

/** Reads `word TAB fine TAB coarse` lines (gzipped). */
export function loadWordClasses(path = packagePath(WORD_CLASSES_FILE)): ReadonlyMap<string, WordClass> {
  const out = new Map<string, WordClass>();
  for (const line of gunzipSync(readFileSync(path)).toString('utf8').split('\n')) {
    const [word, fine, coarse] = line.split('\t');
    if (word && fine && coarse) out.set(word, { fine, coarse });
  }
  return out;
}
