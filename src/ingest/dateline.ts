/**
 * Finds the dateline that opens a news text ("KARACHI -", "LAHORE (Reuters) -", "Quetta, January 14:").
 *
 * Where it is looked for: at the start of the first non-empty line, or — when that line reads as a title
 * (short, no sentence-final punctuation, the text goes on below it) — at the start of the next non-empty
 * line. A dateline anywhere else is part of the story, not the dateline.
 *
 * What counts: the place is either ALL CAPS and neither a label such as "BREAKING" nor a news agency, or
 * written in mixed case and vouched for by what follows it: a comma and a date when it is a known place
 * (lexicon/places.json), a date and an agency ("Durban, May 16 2022 (IPS) -"), a known country or
 * province ("Sambalpur, India -"), or — for a known place only — the separator and a capitalised word
 * ("Beirut: Lebanese President Michel Aoun ..."; "Karachi - the city woke to rain" is no dateline).
 * Then an optional date, an optional agency in parentheses, and a dash or colon followed by space, or
 * directly by a capitalised word ("SEOUL—Foreign Minister ..."). "The PTI said: ..." is no dateline.
 */
import { readFileSync } from 'node:fs';
import type { Dateline } from '../document/document.js';
import { normalizeText } from '../document/normalize.js';
import { packagePath } from '../package-path.js';

const LABELS: ReadonlySet<string> = new Set(
  (JSON.parse(readFileSync(packagePath('src/ingest/lexicon/dateline-labels.json'), 'utf8')) as { labels: string[] })
    .labels,
);
const AGENCIES: ReadonlySet<string> = new Set(
  (JSON.parse(readFileSync(packagePath('src/ingest/lexicon/agencies.json'), 'utf8')) as { agencies: string[] })
    .agencies,
);
const PLACES = JSON.parse(readFileSync(packagePath('src/ingest/lexicon/places.json'), 'utf8')) as {
  places: string[];
  regions: string[];
};
const KNOWN_PLACES: ReadonlySet<string> = new Set(PLACES.places);
const KNOWN_REGIONS: ReadonlySet<string> = new Set(PLACES.regions);

const MONTH =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const DATE = `(?:${MONTH} \\d{1,2}(?:st|nd|rd|th)?|\\d{1,2}(?:st|nd|rd|th)? ${MONTH})(?:,? \\d{4})?`;
const CAPS_WORD = "[A-Z](?:[A-Z'.-]*[A-Z.])?";
const TITLE_WORD = "[A-Z][a-z'.-]+(?:-[A-Z][a-z'.-]+)?";
// Spaces are matched as runs: the seed pads its dateline with a dozen no-break spaces ("KARACHI      -").
const DATELINE = new RegExp(
  [
    `(?:(?<caps>${CAPS_WORD}(?: +${CAPS_WORD}){0,3})|(?<titled>${TITLE_WORD}(?: +${TITLE_WORD}){0,2}))`,
    // "SRINAGAR, India (AP) -": a country or region after the place.
    `(?: *, +(?!${MONTH}\\b)(?<region>[A-Z][A-Za-z.-]+(?: +(?:and +)?[A-Z][A-Za-z.-]+){0,2}))?`,
    `(?: *,? +(?<date>${DATE}))?`,
    `(?: *\\((?<agency>[A-Z][A-Za-z&.' -]{0,40})\\))?`,
    ' *(?:--?|:)(?=\\s|$|[A-Z][a-z])',
  ].join(''),
  'y',
);

/** A dateline found at the start of a text, with the date it gives, as written ("Jan 5, 2020"). */
export interface DatelineMatch {
  dateline: Dateline;
  dateText?: string;
}

/** Enough of a text's opening to hold a headline line and a dateline. */
const HEAD_CHARS = 600;

export function findDateline(text: string): DatelineMatch | undefined {
  // Only the opening is normalized: a prefix's offsets are the text's own, and articles run long.
  const view = normalizeText(text.slice(0, HEAD_CHARS));
  for (const start of candidateStarts(view.text)) {
    DATELINE.lastIndex = start;
    const m = DATELINE.exec(view.text);
    if (!m?.groups) continue;
    const end = start + m[0].length;
    const place = placeOf(m.groups, /^ *["'0-9A-Z]/u.test(view.text.slice(end, end + 4)));
    if (place === undefined) continue;
    const dateline: Dateline = { span: view.spanToOriginal({ start, end }), place };
    const agency = m.groups.agency?.trim();
    if (agency) dateline.agency = agency;
    const found: DatelineMatch = { dateline };
    if (m.groups.date) found.dateText = m.groups.date;
    return found;
  }
  return undefined;
}

function placeOf(groups: Record<string, string | undefined>, capitalFollows: boolean): string | undefined {
  if (groups.caps !== undefined) {
    const caps = groups.caps.replace(/ +/gu, ' ');
    const bare = caps.replace(/\.$/u, '');
    if ((caps.match(/[A-Z]/gu) ?? []).length < 2 || LABELS.has(caps) || AGENCIES.has(bare)) return undefined;
    return titleCase(/^(?:[A-Z]\.)+$/u.test(caps) ? caps : bare);
  }
  const titled = groups.titled?.replace(/ +/gu, ' ');
  if (titled === undefined) return undefined;
  const region = groups.region?.replace(/ +/gu, ' ');
  if (region !== undefined && KNOWN_REGIONS.has(region)) return titled;
  if (groups.date === undefined) return KNOWN_PLACES.has(titled) && capitalFollows ? titled : undefined;
  return KNOWN_PLACES.has(titled) || groups.agency !== undefined ? titled : undefined;
}

/** "NEW DELHI" → "New Delhi", "D.I. KHAN" → "D.I. Khan", "AL-QUDS" → "Al-Quds". */
function titleCase(caps: string): string {
  return caps.toLowerCase().replace(/(^|[ .'-])([a-z])/gu, (_, before: string, letter: string) => before + letter.toUpperCase());
}

/** The offsets where a dateline may start: the first line, and the line after it when it is a title. */
function candidateStarts(view: string): number[] {
  const lines: { start: number; line: string }[] = [];
  const lineRe = /[^\n]*/gu;
  for (let m = lineRe.exec(view); m && lines.length < 2; m = lineRe.exec(view)) {
    if (m[0].trim() !== '') lines.push({ start: m.index + (m[0].length - m[0].trimStart().length), line: m[0].trim() });
    if (lineRe.lastIndex === m.index) lineRe.lastIndex++;
  }
  const [first, second] = lines;
  if (!first) return [];
  return second && looksLikeTitle(first.line) ? [first.start, second.start] : [first.start];
}

/** A headline: short, and not ending like a sentence ("PTI fails to woo MQM-P"). */
export function looksLikeTitle(line: string): boolean {
  return line.length <= 160 && !/[.!?:;,"'\u2019\u201D)\]\u2013\u2014\u2026-]$/u.test(line);
}
