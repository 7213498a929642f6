/**
 * The kind of attribution a statement is (PolNeAR's definition): speech, belief, intention, document, poll or
 * perception, from the cue's lemma and the source's head word. Lexicon: cue-types.json.
 */
import { readFileSync } from 'node:fs';
import type { CueType } from '../../document/layers.js';
import { packagePath } from '../../package-path.js';
import { statementLexicon } from './lexicon.js';

interface CueTypeFile {
  lemmas: Record<string, CueType>;
  documentHeads: string[];
  pollHeads: string[];
}

let cached: { lemmas: ReadonlyMap<string, CueType>; documents: ReadonlySet<string>; polls: ReadonlySet<string> } | undefined;

function lexicon() {
  if (!cached) {
    const file = JSON.parse(readFileSync(packagePath('src/stages/statements/cue-types.json'), 'utf8')) as CueTypeFile;
    cached = { lemmas: new Map(Object.entries(file.lemmas)), documents: new Set(file.documentHeads), polls: new Set(file.pollHeads) };
  }
  return cached;
}

/** `source`: the speaker as written, if any ("the report", "a survey by Gallup", "he"). */
export function cueTypeOf(cueLemma: string | undefined, source: string | undefined): CueType {
  const lex = lexicon();
  if (source !== undefined) {
    // The head of the source phrase, before any "by"/"of"/"from" complement: "a statement issued by the ministry".
    const head = source.toLowerCase().split(/\s+(?:by|of|from|issued|released|published|signed)\s+/u)[0]!.match(/[\p{L}-]+/gu)?.pop();
    if (head !== undefined && lex.polls.has(head)) return 'poll';
    if (head !== undefined && lex.documents.has(head)) return 'document';
  }
  if (cueLemma === undefined) return 'speech';
  // A reporting verb of the lexicon is speech unless cue-types.json says otherwise; a cue only the learned
  // model knows ("criticized the Act", "cited the report") is an attribution of another kind.
  return lex.lemmas.get(cueLemma) ?? (reportingLemmas().has(cueLemma) ? 'speech' : 'other');
}

let reporting: ReadonlySet<string> | undefined;

function reportingLemmas(): ReadonlySet<string> {
  if (!reporting) {
    const lex = statementLexicon();
    reporting = new Set([...lex.cueForms.values(), ...[...lex.phrasalCues.values()].flat().map((p) => p.cue)].map((c) => c.lemma)
      .concat([...lex.prepositionalCues.values()].map((p) => p.lemma)));
  }
  return reporting;
}

/** Whether the head of a source phrase is a document word ("the statement", "a report issued by …"). */
export function isDocumentSource(source: string): boolean {
  const head = source.toLowerCase().split(/\s+(?:by|of|from|issued|released|published|signed)\s+/u)[0]!.match(/[\p{L}-]+/gu)?.pop();
  return head !== undefined && lexicon().documents.has(head);
}
