import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { languageViolation, sizeViolation, TEXT_LIMITS } from '../../src/document/text-checks.js';
import { collect, docsOf, errorsOf } from './helpers.js';

const ARTICLE = 'PESHAWAR - The provincial cabinet on Tuesday approved a plan to hire 4,000 teachers for girls’ schools in the merged districts.\n\nEducation Minister Laila Afridi said the first 1,500 would be in classrooms by September.';

describe('what counts as an article', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'polity-validate-'));
  });

  it('refuses text that does not read as language: symbols, or letters without words', () => {
    assert.equal(languageViolation(ARTICLE), undefined);
    assert.equal(languageViolation('PTI 116, PML-N 64, PPP 43, MQM-P 6, independents 13: results by 11 pm.'), undefined);
    assert.match(languageViolation('#$%^&*()_+{}|:<>?~`-=[]\\;\',./'.repeat(20))!, /^does not read as text: \d+% letters and spaces/u);
    assert.match(languageViolation(`${'Qx7vLp2ZmWk9'.repeat(30)} ${'bT4nRe8sYu1o'.repeat(30)}`)!, /words average \d+ characters/u);
  });

  it('reads letters of any script, and needs no spaces in scripts written without them', () => {
    // Sentences written for this test: a cabinet meeting and a budget vote, in Chinese, Japanese, Thai and Russian.
    const chinese = '内阁星期二批准了一项计划，为合并地区的女子学校招聘四千名教师。教育部长说，第一批一千五百人将在九月前进入课堂。';
    const japanese = '内閣は火曜日、統合された地区の女子校のために四千人の教師を採用する計画を承認した。教育大臣は、最初の千五百人が九月までに教室に入ると述べた。';
    const thai = 'คณะรัฐมนตรีอนุมัติแผนจ้างครูสี่พันคนเมื่อวันอังคาร รัฐมนตรีศึกษาธิการกล่าวว่าครูชุดแรกจะเริ่มสอนภายในเดือนกันยายน';
    const russian = 'Кабинет министров во вторник одобрил план найма четырёх тысяч учителей для школ для девочек.';
    for (const text of [chinese, japanese, thai, russian, `${chinese}\n\n${ARTICLE}`]) assert.equal(languageViolation(text), undefined, text.slice(0, 20));
    // A long paragraph of them is no run without white space: their punctuation (，。) separates clauses.
    assert.equal(sizeViolation(chinese.repeat(40)), undefined);
    // Still refused: Latin letters and digits without spaces, and symbols, whatever script surrounds them.
    assert.match(languageViolation(`${chinese.slice(0, 10)}${'Qx7vLp2ZmWk9'.repeat(40)}`)!, /words average \d+ characters/u);
    assert.match(languageViolation(`${chinese.slice(0, 5)}${'#$%^&*()_+{}'.repeat(20)}`)!, /letters and spaces/u);
    // Random bytes read as UTF-16 are letters of every script: refused for mixing them.
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    const noise = String.fromCharCode(...Array.from({ length: 2_000 }, () => 0x3400 + (next() % 0xa000)).filter((c) => c < 0xd800 || c > 0xdfff));
    assert.match(languageViolation(noise)!, /does not read as text/u);
    // A Chinese text naming people in Latin letters changes script only now and then.
    assert.equal(languageViolation(`${chinese}Obama说，${chinese}`), undefined);
  });

  it('bounds the whole text, a line and a run without white space', () => {
    assert.equal(sizeViolation(ARTICLE), undefined);
    assert.equal(sizeViolation('word '.repeat(TEXT_LIMITS.maxChars / 5 + 1)), `text is ${TEXT_LIMITS.maxChars + 5} characters, over the limit of ${TEXT_LIMITS.maxChars}`);
    assert.equal(sizeViolation(`first line\n${'word '.repeat(50_000)}`), `line 2 is 250000 characters, over the limit of ${TEXT_LIMITS.maxLineChars}`);
    assert.equal(sizeViolation(`see ${'x'.repeat(1_500)} now`), `a run of 1500 characters without white space at offset 4, over the limit of ${TEXT_LIMITS.maxTokenChars}`);
  });

  it('refuses a file of random printable characters, stores the article beside it', async () => {
    let noise = '';
    for (let i = 0; i < 5_000; i++) noise += String.fromCharCode(32 + ((i * 7919) % 95));
    await writeFile(join(dir, 'noise.txt'), noise);
    await writeFile(join(dir, 'article.txt'), ARTICLE);
    const items = await collect([join(dir, 'noise.txt'), join(dir, 'article.txt')]);
    const errors = errorsOf(items);
    assert.equal(errors.length, 1);
    assert.match(errors[0]!, new RegExp(`^${join(dir, 'noise.txt')}: does not read as text: words average \\d+ characters \\(at most 20\\)$`, 'u'));
    assert.equal(docsOf(items)[0]?.text, ARTICLE);
  });

  it('type-checks JSON Lines fields: a wrong type refuses the line, prototype keys are plain data', async () => {
    const file = join(dir, 'rows.jsonl');
    await writeFile(file, [
      JSON.stringify({ text: 12 }),
      JSON.stringify({ text: { body: ARTICLE } }),
      JSON.stringify({ text: ARTICLE, title: ['a', 'list'] }),
      JSON.stringify({ html: false, text: ARTICLE }),
      `{"__proto__": {"text": ${JSON.stringify(ARTICLE)}}}`,
      `{"__proto__": {"title": "Injected"}, "constructor": {"name": "x"}, "text": ${JSON.stringify(ARTICLE)}}`,
    ].join('\n'));
    const items = await collect([file]);
    assert.deepEqual(errorsOf(items), [
      `${file}:1: 'text' must be string`,
      `${file}:2: 'text' must be string`,
      `${file}:3: 'title' must be string,null`,
      `${file}:4: 'html' must be string`,
      `${file}:5: no 'text' or 'html' string field`,
    ]);
    const [doc] = docsOf(items);
    assert.equal(doc?.text, ARTICLE);
    assert.equal(doc?.meta.title, undefined);
    assert.equal(({} as Record<string, unknown>).title, undefined);
  });

  it('keeps a refusal on one line whatever the file name holds', async () => {
    const name = join(dir, 'evil\nname\x1b]0;pwned\x07.txt');
    await writeFile(name, '');
    const [error] = errorsOf(await collect([name]));
    assert.equal(error, `${join(dir, 'evil\\nname\\x1b]0;pwned\\x07.txt')}: empty file`);
  });

  it('reads UTF-8 bytes whose page declares UTF-16 as UTF-8, and real UTF-16 by its byte order mark', async () => {
    const page = `<!doctype html><html><head><meta charset="utf-16"><title>Teachers</title></head><body><article>${ARTICLE.split('\n\n').map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
    await writeFile(join(dir, 'lying.html'), page);
    await writeFile(join(dir, 'utf16.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ARTICLE, 'utf16le')]));
    await writeFile(join(dir, 'utf16-lie-latin1.html'), Buffer.concat([Buffer.from('<html><head><meta charset="utf-16"></head><body><p>Caf'), Buffer.from([0xe9]), Buffer.from('</p></body></html>')]));
    const items = await collect([join(dir, 'lying.html'), join(dir, 'utf16.txt'), join(dir, 'utf16-lie-latin1.html')]);
    const docs = docsOf(items);
    assert.equal(docs[0]?.text, ARTICLE);
    assert.equal(docs[1]?.text, ARTICLE);
    assert.deepEqual(errorsOf(items), [`${join(dir, 'utf16-lie-latin1.html')}: declared utf-16 but has no byte order mark, and is not UTF-8 either`]);
  });
});
