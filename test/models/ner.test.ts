import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contextFeatures, historyFeatures, taggerSentence, wordFeatures, type FeatureLexicon } from '../../src/models/ner/features.js';
import { entitiesOf, NerModel, NerModelError } from '../../src/models/ner/model.js';
import { trainNer } from '../../src/train/ner-trainer.js';
import { newswireSplit } from '../../src/train/split.js';
import { readNewswireFile } from '../../src/train/newswire.js';

const lexicon: FeatureLexicon = {
  places: new Set(['lahore', 'quetta']),
  organizations: new Set(),
  commonWords: new Set(['the', 'said', 'in', 'on', 'met', 'visited']),
  honorificPrefixes: new Set(['Dr']),
  titleHeads: new Set(['minister']),
  titleModifiers: new Set(['chief']),
  partyKeys: new Map([['ppp', 'PPP']]),
  orgHeads: new Set(['bank']),
  govbodyHeads: new Set(['assembly']),
  partyHeads: new Set(['party']),
  temporal: new Set(['monday']),
  wordClasses: new Map([
    ['quetta', { fine: '3', coarse: '1' }],
    ['lahore', { fine: '3', coarse: '1' }],
    ['met', { fine: '7', coarse: '2' }],
    ['visited', { fine: '7', coarse: '2' }],
    ['|', { fine: '9', coarse: '2' }],
  ]),
};

const sentence = (text: string, tags: string) => ({ tokens: text.split(' '), tags: tags.split(' ') });
const training = [
  sentence('Dr Sana Baloch visited Quetta on Monday .', 'O B-Person I-Person O B-Location O B-Date O'),
  sentence('The PPP said Nadia Rana met Dr Sana Baloch in Lahore .', 'O B-Organization O B-Person I-Person O O B-Person I-Person O B-Location O'),
  sentence('Chief Minister Ali Jan visited the State Bank in Quetta .', 'O O B-Person I-Person O O B-Organization I-Organization O B-Location O'),
  sentence('Nadia Rana said the PPP met in Lahore on Monday .', 'B-Person I-Person O O B-Organization O O B-Location O B-Date O'),
];

describe('named-entity model', () => {
  it('predicts the same tags after a save and load round trip', () => {
    const model = trainNer(training, lexicon, { epochs: 5, minCount: 1, seed: 1 });
    const dir = mkdtempSync(join(tmpdir(), 'polity-ner-'));
    try {
      const path = join(dir, 'model.bin.gz');
      model.save(path, 1);
      const loaded = NerModel.load(path);
      assert.deepEqual(loaded.tags, model.tags);
      for (const s of [...training, sentence('Ali Jan met Nadia Rana in Quetta .', 'O O O O O O O O')]) {
        assert.deepEqual(loaded.predict(s.tokens, lexicon), model.predict(s.tokens, lexicon));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('learns its training sentences', () => {
    const model = trainNer(training, lexicon, { epochs: 8, minCount: 1, seed: 1 });
    for (const s of training) assert.deepEqual(model.predict(s.tokens, lexicon), s.tags);
  });

  it('tags a lower-case part of a hyphenated name, and skips words never inside a name, when names only', () => {
    const model = trainNer(
      [...training, sentence('Lee Ka - chiu met Nadia Rana in Lahore .', 'B-Person I-Person I-Person I-Person O B-Person I-Person O B-Location O')],
      lexicon,
      { epochs: 8, minCount: 1, seed: 1 },
    );
    const tokens = 'Lee Ka - chiu met Nadia Rana in Lahore .'.split(' ');
    assert.deepEqual(model.predict(tokens, lexicon, true), model.predict(tokens, lexicon, false));
    assert.equal(model.predict(tokens, lexicon, true)[3], 'I-Person');
  });

  it('never predicts an I- tag that does not continue its entity', () => {
    const model = trainNer(training, lexicon, { epochs: 3, minCount: 1, seed: 2 });
    const tags = model.predict('Baloch Rana Quetta PPP Bank Monday Jan'.split(' '), lexicon);
    tags.forEach((t, i) => {
      if (t.startsWith('I-')) assert.ok(tags[i - 1] === `B-${t.slice(2)}` || tags[i - 1] === t);
    });
  });

  it('scores context and history features through its index exactly as by their names', () => {
    // The decoder looks weights up by template and parts (FeatureIndex) instead of building feature names; the
    // sums must be bit-identical to scoring the names of features.ts, which training uses, including words
    // and shapes with a "|" in them and the sentence edges.
    const model = trainNer(
      [...training, sentence('Dr Sana | Baloch met a|b in New Quetta on Monday .', 'O B-Person O B-Person O O O B-Location I-Location O B-Date O')],
      { ...lexicon, places: new Set(['lahore', 'quetta', 'new quetta']) },
      { epochs: 3, minCount: 1, seed: 3 },
    );
    const weights = model['weights'] as Map<string, Float32Array>;
    const byNames = (features: readonly string[]) => {
      const scores = new Float64Array(model.tags.length);
      for (const f of features) {
        const w = weights.get(f);
        if (w) for (let t = 0; t < w.length; t++) scores[t]! += w[t]!;
      }
      return [...scores];
    };
    const S = model.tags.length + 1;
    const tagName = (p: number) => (p === model.tags.length ? '<s>' : model.tags[p]!);
    for (const text of ['Dr Sana | Baloch met a|b in New Quetta on Monday .', 'Quetta', 'Dr. PPP Minister Bank Assembly party', '|| Chief Minister Ali Jan said ||x in Lahore', 'The PPP , the State Bank .']) {
      const s = taggerSentence(text.split(' '));
      const parts = model.sentenceParts(s);
      for (let i = 0; i < s.forms.length; i++) {
        const scores = new Float64Array(model.tags.length);
        model.contextScores(s, parts, i, lexicon, scores);
        assert.deepEqual([...scores], byNames(contextFeatures(s, i, lexicon)), `${text} @${i}`);
        const own = new Float64Array(model.tags.length);
        model.ownScores(s.forms[i]!, lexicon, own);
        assert.deepEqual([...own], byNames(wordFeatures(s.forms[i]!, lexicon)), `${text} @${i}`);
        for (let p = 0; p < S; p++) {
          for (let pp = 0; pp < S; pp++) {
            const history = new Float64Array(model.tags.length);
            model.historyScores(parts, i, p, pp, history);
            assert.deepEqual([...history], byNames(historyFeatures(tagName(p), tagName(pp), s.lower[i]!, s.shapes[i]!)));
          }
        }
      }
    }
  });

  it('reads BIO tags as entities', () => {
    assert.deepEqual(entitiesOf(['B-Person', 'I-Person', 'O', 'I-Location', 'B-Date']), [
      { start: 0, end: 2, label: 'Person' },
      { start: 3, end: 4, label: 'Location' },
      { start: 4, end: 5, label: 'Date' },
    ]);
  });

  it('refuses a file that is not a model', () => {
    const dir = mkdtempSync(join(tmpdir(), 'polity-ner-'));
    try {
      const path = join(dir, 'broken.gz');
      writeFileSync(path, 'not gzip');
      assert.throws(() => NerModel.load(path), NerModelError);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('newswire split and reader', () => {
  it('puts a file in the same split every time, by the hash of its name', () => {
    assert.equal(newswireSplit('af_afrol_1.txt.tsv'), newswireSplit('af_afrol_1.txt.tsv'));
    const names = Array.from({ length: 1000 }, (_, i) => `f${i}.tsv`);
    const test = names.filter((n) => newswireSplit(n) === 'test').length;
    assert.ok(test > 60 && test < 140, `test share ${test}/1000`);
  });

  it('reads tokens and tags, skipping the URL line and splitting sentences at blank lines', () => {
    const dir = mkdtempSync(join(tmpdir(), 'polity-newswire-'));
    try {
      const path = join(dir, 'x.tsv');
      writeFileSync(path, 'http://example.org/a\n\nSana\tB-Person\tB-Person\nleft\tO\n.\tO\n\nShe\tO\n');
      const file = readNewswireFile(path, 'x.tsv');
      assert.deepEqual(file.sentences, [
        { tokens: ['Sana', 'left', '.'], tags: ['B-Person', 'O', 'O'] },
        { tokens: ['She'], tags: ['O'] },
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
