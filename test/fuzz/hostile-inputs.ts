/**
 * Generated hostile inputs for the fuzz suite: what an attacker or a careless export can hand polity. Each case
 * is a file; `expect` says what the rule allows for it: 'stored' (must be stored whole), 'refused' (must be
 * refused), or 'either' (stored whole or refused, never a crash or a hang). Generated from a seeded PRNG, so a
 * failure reproduces.
 */
import { seededRandom } from '../../src/train/seeded-random.js';

export interface HostileCase {
  name: string;
  bytes: Uint8Array;
  expect: 'stored' | 'refused' | 'either';
  /** For 'stored' text cases: the text the stored article must hold exactly. */
  text?: string;
}

/** A seeded generator (mulberry32), enough to make reproducible noise. */
export const prng = seededRandom;

const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));

/** Good articles, written for these tests in news style. */
export const GOOD_ARTICLES = [
  'QUETTA - The Balochistan Assembly on Wednesday approved the provincial finance bill after a seven-hour debate, with opposition members walking out before the vote.\n\nFinance Minister Sana Durrani said the budget would fund three new district hospitals and a school meal scheme in Kech and Gwadar.\n\n"We have kept our promise to the districts," she told reporters outside the assembly.',
  'LAHORE - The Punjab cabinet met on Monday to discuss the wheat procurement target, a day after farmers protested outside the secretariat.\n\nChief Minister Bilal Rana said the government would raise the support price by 200 rupees and announce the new target by Friday.\n\nThe opposition leader called the increase too little and too late.',
  'KARACHI - Two coalition partners of the Sindh government said on Thursday that they would boycott the next session unless their demands for local government funds were met.\n\nA spokesman for the Karachi Citizens Alliance said talks with the chief minister had made no progress since March.',
];

function randomBytes(rand: () => number, n: number): Uint8Array {
  return Uint8Array.from({ length: n }, () => Math.floor(rand() * 256));
}

function randomPrintable(rand: () => number, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += String.fromCharCode(0x20 + Math.floor(rand() * 95));
  return s;
}

function html(body: string, head = ''): string {
  return `<!doctype html><html><head>${head}<title>Assembly passes finance bill</title></head><body>${body}</body></html>`;
}

const ARTICLE_HTML = GOOD_ARTICLES[0]!.split('\n\n').map((p) => `<p>${p.replace(/"/gu, '&quot;')}</p>`).join('');

function jsonl(rows: string[]): Uint8Array {
  return utf8(`${rows.join('\n')}\n`);
}

export function hostileCases(seed = 20261201): HostileCase[] {
  const rand = prng(seed);
  const cases: HostileCase[] = [];
  const add = (name: string, bytes: Uint8Array | string, expect: HostileCase['expect'], text?: string) =>
    cases.push({ name, bytes: typeof bytes === 'string' ? utf8(bytes) : bytes, expect, ...(text !== undefined && { text }) });

  GOOD_ARTICLES.forEach((t, i) => add(`good-${i + 1}.txt`, t, 'stored', t));

  // Binary and noise.
  for (const n of [16, 300, 5_000, 70_000]) add(`random-${n}.txt`, randomBytes(rand, n), 'refused');
  add('random-no-extension', randomBytes(rand, 4_000), 'refused');
  add('random-printable.txt', randomPrintable(rand, 20_000), 'refused');
  add('random-printable-lines.txt', Array.from({ length: 200 }, () => randomPrintable(rand, 80)).join('\n'), 'refused');
  add('png-header.txt', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]), 'refused');

  // Truncated and mixed encodings.
  const accented = utf8(`${GOOD_ARTICLES[1]} The café owner said “enough”.`);
  add('truncated-utf8.txt', accented.subarray(0, accented.length - 2), 'refused');
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(GOOD_ARTICLES[2]!, 'utf16le')]);
  add('utf16le-bom.txt', new Uint8Array(utf16), 'stored', GOOD_ARTICLES[2]);
  add('utf16le-bom-truncated.txt', new Uint8Array(utf16.subarray(0, utf16.length - 1)), 'either');
  add('utf16le-no-bom.txt', new Uint8Array(Buffer.from(GOOD_ARTICLES[2]!, 'utf16le')), 'refused');
  add('nul-inside.txt', Buffer.concat([Buffer.from(GOOD_ARTICLES[0]!), Buffer.from([0]), Buffer.from(' and more.')]), 'refused');

  // Control and escape characters inside an otherwise good article: stored whole, shown safely.
  const withEscapes = `${GOOD_ARTICLES[1]}\n\nThe statement ended \x1b[2J\x1b]0;owned\x07 with \u202Ereversed\u202C words and a bell\x07.`;
  add('escape-sequences.txt', withEscapes, 'stored', withEscapes);
  add('control-soup.txt', Array.from({ length: 4_000 }, (_, i) => String.fromCharCode(1 + (i % 31))).join(''), 'refused');

  // Size: 10 MB single lines, a 1 MB run without spaces, many short sentences.
  add('ten-mb-one-line.txt', 'the minister said the talks would resume on Monday '.repeat(200_000), 'refused');
  add('ten-mb-no-spaces.txt', 'a'.repeat(10 * 1024 * 1024), 'refused');
  add('one-mb-no-spaces.txt', 'x'.repeat(1024 * 1024), 'refused');
  const said = Array.from({ length: 2_000 }, (_, i) => `${['Khan', 'Baloch', 'Rana'][i % 3]} said the talks would go on.`).join(' ');
  add('many-said.txt', said, 'stored', said);

  // Many thousand quote marks and brackets.
  add('quote-marks.txt', `KARACHI - ${'He said "yes" and "no" '.repeat(3_000)}.`, 'either');
  add('open-quotes.txt', `KARACHI - ${'“the minister '.repeat(4_000)}.`, 'either');
  add('brackets.txt', `LAHORE - The bill ${'(clause '.repeat(5_000)}${') '.repeat(5_000)} passed.`, 'either');
  add('straight-quotes-only.txt', '"'.repeat(50_000), 'refused');

  // HTML: deep, wide, lying charsets, no body.
  for (const depth of [1_000, 10_000, 100_000]) {
    add(`deep-${depth}.html`, html(`${'<div>'.repeat(depth)}${ARTICLE_HTML}${'</div>'.repeat(depth)}`), depth <= 1_000 ? 'stored' : 'refused');
  }
  add('deep-unclosed-100000.html', html(`${'<span><b>'.repeat(50_000)}${ARTICLE_HTML}`), 'refused');
  add('wide-spans.html', html(`<article>${ARTICLE_HTML}${'<span>x</span>'.repeat(60_000)}</article>`), 'either');
  add('wide-tags-over-limit.html', html(`<article>${ARTICLE_HTML}${'<i></i>'.repeat(300_000)}</article>`), 'refused');
  add('charset-utf16-lie.html', html(`<article>${ARTICLE_HTML}</article>`, '<meta charset="utf-16">'), 'stored');
  add('charset-utf16le-lie.html', html(`<article>${ARTICLE_HTML} Café.</article>`, '<meta http-equiv="Content-Type" content="text/html; charset=UTF-16LE">'), 'stored');
  add('charset-unknown.html', html(`<article>${ARTICLE_HTML}</article>`, '<meta charset="x-no-such-charset">'), 'refused');
  add('no-body.html', '<html><head><title>Nothing here</title></head></html>', 'refused');
  add('not-html.html', 'Just a line, no markup, in a file called .html.', 'either');
  add('script-only.html', html('<script>' + 'var a = "<div>";'.repeat(10_000) + '</script>'), 'refused');

  // JSON Lines: wrong types, prototype keys, lone surrogates, deep nesting.
  const body = JSON.stringify(GOOD_ARTICLES[0]);
  add('wrong-types.jsonl', jsonl([
    '{"text": 42}',
    '{"text": {"value": "The assembly met."}}',
    '{"text": ["The assembly met."]}',
    '{"text": true}',
    '{"text": null}',
    `{"text": ${body}, "title": 7}`,
    `{"text": ${body}, "published": {"year": 2021}}`,
    `{"html": 12}`,
    '"just a string"',
    '12345',
    'null',
  ]), 'refused');
  add('prototype-keys.jsonl', jsonl([
    `{"__proto__": {"text": ${body}}}`,
    `{"constructor": {"prototype": {"text": "polluted"}}}`,
    `{"__proto__": {"polluted": true}, "text": ${JSON.stringify(GOOD_ARTICLES[1])}}`,
  ]), 'either');
  add('lone-surrogate.jsonl', jsonl([`{"text": ${JSON.stringify(`${GOOD_ARTICLES[2]} \\ud800 The talks went on.`).replace('\\\\ud800', '\\ud800')}}`]), 'stored');
  add('deep-json.jsonl', jsonl([`{"text": ${body}, "extra": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`]), 'either');
  add('name\nwith\u001b[31mnewline.txt', GOOD_ARTICLES[0]!.slice(0, 40), 'either');

  // Feeds: entity expansion and external entities.
  const laughs = ['<!ENTITY lol "lol">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`)].join('');
  add('billion-laughs.rss', `<?xml version="1.0"?><!DOCTYPE rss [${laughs}]><rss version="2.0"><channel><title>t</title><item><title>&lol9;</title><description>&lol9;</description></item></channel></rss>`, 'either');
  add('external-entity.rss', `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><rss version="2.0"><channel><title>t</title><item><title>Leak</title><description>&xxe; ${GOOD_ARTICLES[0]}</description></item></channel></rss>`, 'either');
  add('many-items.rss', `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>${'<item><title>x</title><description>y</description></item>'.repeat(5_000)}</channel></rss>`, 'either');
  return cases;
}
