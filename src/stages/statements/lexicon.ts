import { readFileSync } from 'node:fs';
import { packagePath } from '../../package-path.js';

export interface CueVerb {
  lemma: string;
  /** The verb takes its audience before the reported clause ("told reporters that …"). */
  takesObject: boolean;
  /** The verb introduces verbatim quotes only ("“…,” he asked"). */
  quoteOnly: boolean;
  /** The verb reports an intention or refusal as an infinitive ("vowed to punish …", "refused to resign"). */
  infinitive: boolean;
  /**
   * Learned from PolNeAR (cues-learned.json) with no hand-written lemma: many such verbs take a noun phrase
   * ("praised the plan to …"), so a reported clause after one needs "that" or "whether".
   */
  learned: boolean;
}

interface CueFile {
  verbs: Record<string, { forms: string[]; object?: boolean; quoteOnly?: boolean; infinitive?: boolean }>;
  prepositional: Record<string, string>;
}

interface SourceFile {
  groupHeads: string[];
  roleHeads: string[];
  audience: string[];
  timeWords: string[];
  participleStops: string[];
}

export interface StatementLexicon {
  /** Single-word cue forms, lower case ("said" → say). */
  cueForms: ReadonlyMap<string, CueVerb>;
  /** Two-word cue forms keyed by their first word ("pointed" → ["out", point out]). */
  phrasalCues: ReadonlyMap<string, { second: string; cue: CueVerb }[]>;
  /** Prepositional cues keyed by their first word ("according" → "to"). */
  prepositionalCues: ReadonlyMap<string, { second: string; lemma: string }>;
  groupHeads: ReadonlySet<string>;
  roleHeads: ReadonlySet<string>;
  audience: ReadonlySet<string>;
  timeWords: ReadonlySet<string>;
  participleStops: ReadonlySet<string>;
}

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(packagePath(`src/stages/statements/${file}`), 'utf8')) as T;
}

function loadLexicon(): StatementLexicon {
  const cues = readJson<CueFile>('cues.json');
  // Forms learned from PolNeAR train by scripts/build-polnear-cues.ts; a learned form of a hand-written
  // lemma takes that lemma's flags.
  const learned = readJson<Pick<CueFile, 'verbs'>>('cues-learned.json');
  const sources = readJson<SourceFile>('sources.json');
  const cueForms = new Map<string, CueVerb>();
  const phrasalCues = new Map<string, { second: string; cue: CueVerb }[]>();
  const byLemma = new Map<string, CueVerb>();
  const entries = [
    ...Object.entries(cues.verbs).map(([lemma, entry]) => ({ lemma, entry, learned: false })),
    ...Object.entries(learned.verbs).map(([lemma, entry]) => ({ lemma, entry, learned: true })),
  ];
  for (const { lemma, entry, learned: isLearned } of entries) {
    const cue: CueVerb = byLemma.get(lemma) ?? {
      lemma, takesObject: entry.object === true, quoteOnly: entry.quoteOnly === true, infinitive: entry.infinitive === true, learned: isLearned,
    };
    byLemma.set(lemma, cue);
    for (const form of entry.forms) {
      const words = form.split(' ');
      if (words.length === 1) {
        if (!cueForms.has(form)) cueForms.set(form, cue);
      } else phrasalCues.set(words[0]!, [...(phrasalCues.get(words[0]!) ?? []), { second: words[1]!, cue }]);
    }
  }
  const prepositionalCues = new Map<string, { second: string; lemma: string }>();
  for (const [phrase, lemma] of Object.entries(cues.prepositional)) {
    const [first, second] = phrase.split(' ');
    prepositionalCues.set(first!, { second: second!, lemma });
  }
  const lower = (xs: string[]) => new Set(xs.map((x) => x.toLowerCase()));
  return {
    cueForms,
    phrasalCues,
    prepositionalCues,
    groupHeads: lower(sources.groupHeads),
    roleHeads: lower(sources.roleHeads),
    audience: lower(sources.audience),
    timeWords: lower(sources.timeWords),
    participleStops: lower(sources.participleStops),
  };
}

let cached: StatementLexicon | undefined;

/** The statement lexicons, read from the JSON files beside this module on first use. */
export function statementLexicon(): StatementLexicon {
  cached ??= loadLexicon();
  return cached;
}
