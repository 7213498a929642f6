/**
 * Builds src/stages/events/verb-lexicon/verb-lexicon.json from public data read by path:
 * - verbs, their irregular forms and their object patterns from the CAMEO verb pattern dictionary of
 *   Phoenix / PETRARCH (../shared/data/phoenix/CAMEO.verbpatterns.150430.txt, MIT, Open Event Data Alliance);
 * - the CAMEO → PLOVER map (../shared/data/plover/CAMEO2PLOVER-2021.txt, CC BY-SA 4.0), as PETRARCH coders
 *   recode CAMEO output into PLOVER.
 * Each verb becomes a trigger entry in the format of src/stages/events/triggers.json: its block's (or its own)
 * CAMEO code as a plain verb, plus one entry per code its object patterns give ("- * AID [070]" under GIVE:
 * "give" followed by "aid" is AID). Run: node --import tsx src/train/build-verb-lexicon.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nlp from 'compromise';
import { packagePath } from '../package-path.js';

const PHOENIX = packagePath('../shared/data/phoenix/CAMEO.verbpatterns.150430.txt');
const PLOVER_MAP = packagePath('../shared/data/plover/CAMEO2PLOVER-2021.txt');
const OUT = packagePath('src/stages/events/verb-lexicon/verb-lexicon.json');

const BROAD_DEFAULTS = new Set(['030', '040', '060', '080', '190']);

interface PloverCoding {
  type: string;
  mode?: string;
  context?: string[];
}

/**
 * CAMEO code → PLOVER coding. Codes 01x (public statements) code no event: polity keeps statements in their own
 * layer. Codes 02x (appeals) are not in the 2021 table; the PLOVER manual folds appeals into REQUEST.
 */
function ploverMap(): Map<string, PloverCoding> {
  const map = new Map<string, PloverCoding>();
  for (const line of readFileSync(PLOVER_MAP, 'utf8').split('\n')) {
    const m = /^(\d{2,4}):\s*([A-Z]+)\s*,([^,#]*),?([^#]*)/u.exec(line);
    if (!m || m[1]!.length < 3) continue;
    const mode = m[3]!.trim();
    const context = m[4]!.split(';').map((c) => c.trim()).filter((c) => /^[a-z_]+$/u.test(c));
    if (!map.has(m[1]!)) map.set(m[1]!, { type: m[2]!, ...(mode ? { mode } : {}), ...(context.length ? { context } : {}) });
  }
  return map;
}

function codingOf(map: Map<string, PloverCoding>, code: string): PloverCoding | undefined {
  if (!/^\d{3,4}$/u.test(code) || code.startsWith('01')) return undefined;
  if (code.startsWith('02')) return { type: 'REQUEST' };
  // A four-digit code missing from the table falls back to its three-digit parent.
  return map.get(code) ?? map.get(code.slice(0, 3));
}

/** The part of a line before its comment. */
const body = (line: string) => line.replace(/#.*/u, '').trim();

/** "+CORDON_OFF" → ["cordon", "off"] with the verb at index 0 of the marked word; null when the verb is not first. */
function verbWords(entry: string): string[] | null {
  const words = entry.toLowerCase().split('_').filter((w) => w.length > 0);
  const at = words.findIndex((w) => w.startsWith('+'));
  if (at > 0) return null; // "WIRE_+TAP": words before the verb are not matched by the trigger lexicon
  const out = words.map((w) => w.replace(/^\+/u, ''));
  return out.every((w) => /^[a-z][a-z-]*$/u.test(w)) ? out : null;
}

/** Regular noun plural, as Phoenix builds it. */
function plural(w: string): string {
  if (w.endsWith('ss') || w.endsWith('sh') || w.endsWith('ch') || w.endsWith('x')) return `${w}es`;
  if (/[^aeiou]y$/u.test(w)) return `${w.slice(0, -1)}ies`;
  if (w.endsWith('s')) return w;
  return `${w}s`;
}

interface Synset {
  words: string[];
  plurals: boolean;
}

/** Synsets: "&WEAPON" then "+GUN", "+ASSAULT_RIFLE": the head word (last) of each phrase. */
function readSynsets(lines: string[]): Map<string, Synset> {
  const sets = new Map<string, Synset>();
  let current: Synset | undefined;
  for (const raw of lines) {
    const line = body(raw);
    if (line.startsWith('---')) break;
    if (line.startsWith('&')) {
      const label = line.slice(1).split(/\s/u)[0]!;
      current = { words: [], plurals: !label.endsWith('_') };
      sets.set(label.replace(/_$/u, '').toLowerCase(), current);
    } else if (line.startsWith('+') && current) {
      const phrase = line.slice(1).split(/\s/u)[0]!;
      const noPlural = phrase.endsWith('_');
      const head = phrase.replace(/_+$/u, '').split('_').pop()!.toLowerCase();
      if (/^[a-z][a-z-]*$/u.test(head)) current.words.push(head, ...(current.plurals && !noPlural ? [plural(head)] : []));
    } else if (line === '') current = undefined;
  }
  return sets;
}

const PREPOSITIONS = new Set(['to', 'for', 'with', 'against', 'in', 'on', 'by', 'at', 'from', 'of', 'into', 'over', 'near', 'about', 'not', 'the', 'a', 'an']);

/**
 * The object head a pattern needs right after the verb: "- * {FINANCIAL AID} [071]" → aid, "- * &CEASEFIRE [196]"
 * → the ceasefire synset. Patterns with words before the verb, or none after it, are not used: the trigger
 * lexicon looks only forward from the verb.
 */
function patternObject(pattern: string, synsets: Map<string, Synset>): string[] | null {
  const [before, after] = pattern.split('*');
  if (after === undefined || before!.replace(/[-$%^+\s]/gu, '') !== '') return null;
  const tokens = after.replace(/[{}()]/gu, ' ').split(/\s+/u).filter((t) => t.length > 0);
  let afterActor = false;
  for (const t of tokens) {
    if (/^[+$%^]$/u.test(t)) {
      afterActor = true;
      continue;
    }
    const w = t.toLowerCase().replace(/_+$/u, '');
    if (PREPOSITIONS.has(w)) continue;
    // "- * + TOOK MEN_AND WOMEN": a word right after the target actor starts a clause of its own, not an object.
    if (afterActor && !PREPOSITIONS.has(tokens[tokens.indexOf(t) - 1]!.toLowerCase())) return null;
    if (t.startsWith('&')) {
      const set = synsets.get(t.slice(1).replace(/_$/u, '').toLowerCase());
      return set && set.words.length > 0 ? set.words : null;
    }
    const head = w.split('_').pop()!;
    return /^[a-z][a-z-]*$/u.test(head) ? [head, plural(head)] : null;
  }
  return null;
}

interface Forms {
  /** Present tense and gerund ("gives", "giving"). */
  other: string[];
  /** Past tense and participle ("gave", "given"): passive voice is possible. */
  past: string[];
}

/** Irregular forms given in braces, else compromise's conjugation (the lexicon stores them so loading needs none). */
function formsOf(verb: string, braces: string | undefined): Forms {
  if (braces) {
    const given = braces.toLowerCase().split(/\s+/u).filter((f) => /^\+?[a-z][a-z_+-]*$/u.test(f)).map((f) => f.replace(/\+/gu, '').split('_')[0]!);
    return { other: given.filter((f) => f.endsWith('ing') || (f.endsWith('s') && !f.endsWith('ss'))), past: given.filter((f) => !f.endsWith('ing') && !(f.endsWith('s') && !f.endsWith('ss'))) };
  }
  const doc = nlp(verb);
  doc.tag('Infinitive');
  const c = (doc.verbs().conjugate() as Record<string, string>[])[0] ?? {};
  const pick = (keys: string[]) => [...new Set(keys.map((k) => c[k]).filter((f): f is string => !!f && /^[a-z-]+$/u.test(f) && f !== verb))];
  return { other: pick(['PresentTense', 'Gerund']), past: pick(['PastTense', 'Participle']) };
}

interface Coding {
  type: string;
  cameo: string;
  mode?: string;
  context?: string[];
}

/** A Phoenix verb with its own plain coding (none for the null code ---) and forms. */
interface VerbOfBlock extends Partial<Coding> {
  verb: string;
  forms: Forms;
}

/** A verb block: its verbs, and the codings its object patterns select for every verb of the block. */
interface VerbBlock {
  name: string;
  verbs: VerbOfBlock[];
  objects?: (Coding & { needs: string[] })[];
}

function build(): { entries: VerbBlock[]; blocks: number; patterns: number } {
  const map = ploverMap();
  const lines = readFileSync(PHOENIX, 'latin1').split('\n');
  const synsets = readSynsets(lines);
  const entries: VerbBlock[] = [];
  let blockName = '';
  let blockCode = '---';
  let blockVerbs: { words: string[]; own: string | undefined; forms: Forms }[] = [];
  let blockPatterns: { code: string; object: string[] }[] = [];
  let blocks = 0;
  let patterns = 0;
  const flush = () => {
    // A word names one code per block: the first pattern that uses it, as PETRARCH tries patterns in order.
    const codeOfWord = new Map<string, string>();
    for (const p of blockPatterns) for (const w of p.object) if (w.length > 2 && !codeOfWord.has(w)) codeOfWord.set(w, p.code);
    const byCode = new Map<string, string[]>();
    for (const [w, c] of codeOfWord) byCode.set(c, [...(byCode.get(c) ?? []), w]);
    const objects: NonNullable<VerbBlock['objects']> = [];
    for (const [c, words] of byCode) {
      const coding = codingOf(map, c);
      if (coding) objects.push({ cameo: c, ...coding, needs: words.sort() });
    }
    const verbs: VerbOfBlock[] = [];
    for (const v of blockVerbs) {
      const code = v.own ?? blockCode;
      // A block's bare default of a broad cue category (030 intend, 040 consult, 060 cooperate, 080 yield, 190
      // use force) codes everyday verbs ("lead", "head", "face", "fill", "die"): only their object patterns count.
      const plain = v.own === undefined && BROAD_DEFAULTS.has(code) ? undefined : codingOf(map, code);
      if (plain || objects.length > 0) verbs.push({ verb: v.words.join(' '), ...(plain ? { cameo: code, ...plain } : {}), forms: v.forms });
    }
    if (verbs.length > 0) entries.push({ name: blockName, verbs, ...(objects.length ? { objects } : {}) });
    blockVerbs = [];
    blockPatterns = [];
  };
  let inBlocks = false;
  let skipBlock = false;
  for (const raw of lines) {
    const header = /^---\s*([^[]*?)\s*\[([^\]]*)\]\s*---/u.exec(raw);
    if (header) {
      flush();
      inBlocks = true;
      blocks++;
      blockCode = header[2]!.split(':')[0]!.trim();
      blockName = header[1]!.trim().toLowerCase();
      // Statement blocks (01x: say, announce, comment): their patterns code what is said, which needs a parse.
      skipBlock = blockCode.startsWith('01');
      continue;
    }
    if (!inBlocks || skipBlock) continue;
    const line = body(raw);
    if (line === '') continue;
    if (line.startsWith('-')) {
      const m = /^-(.*)\[([^\]]+)\]/u.exec(line);
      if (!m) continue;
      const code = m[2]!.split(':')[0]!.trim();
      const object = patternObject(m[1]!, synsets);
      if (object && code !== '---') {
        blockPatterns.push({ code, object });
        patterns++;
      }
      continue;
    }
    const v = /^(\S+)\s*(?:\{([^}]*)\})?\s*(?:\[([^\]]*)\])?/u.exec(line);
    if (!v) continue;
    const words = verbWords(v[1]!);
    if (!words) continue;
    const own = v[3]?.split(':')[0]!.trim();
    blockVerbs.push({ words, own: own || undefined, forms: formsOf(words[0]!, v[2]) });
  }
  flush();
  return { entries, blocks, patterns };
}

const { entries, blocks, patterns } = build();
const out = {
  about:
    'Derived data: verb triggers from the Phoenix / PETRARCH CAMEO verb patterns (CAMEO.verbpatterns.150430.txt, MIT, Open Event Data Alliance), CAMEO codes mapped to PLOVER by CAMEO2PLOVER-2021.txt. Rebuilt by node --import tsx src/train/build-verb-lexicon.ts; see README.md. One entry per Phoenix verb block: its verbs, each with its plain coding (type, cameo, mode, context; absent for the null code ---) and inflected forms (stored so loading needs no conjugation), and the objects of the block: the codings its object patterns select for every verb of the block, each with the object head words (needs) one of which must follow the verb. Hand-written triggers.json wins over any verb here.',
  blocks: entries,
};
writeFileSync(OUT, `${JSON.stringify(out).replace(/,\{"name"/gu, ',\n{"name"')}\n`);
process.stdout.write(`${join('src/stages/events/verb-lexicon', 'verb-lexicon.json')}: ${entries.reduce((n, b) => n + b.verbs.length, 0)} verbs in ${entries.length} of ${blocks} verb blocks and ${patterns} object patterns\n`);
