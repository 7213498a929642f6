/**
 * Attribution shapes beyond "X said (that) …": intentions as infinitives, coordinated cues, passives,
 * clauses the tagger reads without a verb, cues learned from PolNeAR train, and participle cues before a
 * quote. Sentences written for these tests.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createDocument } from '../../../src/document/document.js';
import { segmentStage } from '../../../src/stages/segment/segment.js';
import { findAttributions } from '../../../src/stages/statements/attribute.js';
import { statementLexicon } from '../../../src/stages/statements/lexicon.js';

function attributions(text: string): { source?: string; content: string; lemma?: string; kind: string }[] {
  const doc = createDocument(text);
  segmentStage.run(doc, { warn: () => undefined });
  return findAttributions(doc).map((a) => ({
    ...(a.source ? { source: doc.text.slice(a.source.start, a.source.end) } : {}),
    content: doc.text.slice(a.content.start, a.content.end),
    ...(a.cueLemma ? { lemma: a.cueLemma } : {}),
    kind: a.kind,
  }));
}

describe('attribution shapes', () => {
  it('reads an intention cue with its infinitive as the content', () => {
    const found = attributions('The opposition leader vowed to block the new tax in the upper house.');
    assert.deepEqual(found.map((a) => [a.source, a.lemma, a.content]), [['The opposition leader', 'vow', 'to block the new tax in the upper house']]);
    const refused = attributions('The minister refused to resign over the failed tender.');
    assert.equal(refused[0]?.content, 'to resign over the failed tender');
  });

  it('ends a reported clause before a coordinated cue and gives that cue its own statement', () => {
    const found = attributions('The governor says the budget is exhausted and warns that schools will close in March.');
    assert.deepEqual(found.map((a) => a.content), ['the budget is exhausted', 'schools will close in March']);
    assert.equal(found[1]?.source, 'The governor');
  });

  it('keeps a cue coordinated with a verb of the reported clause inside the clause', () => {
    const found = attributions('Ruiz said that the mayor had called the union and assured its leaders that wages would rise.');
    assert.equal(found.length, 1);
    assert.equal(found[0]?.source, 'Ruiz');
    assert.match(found[0]!.content, /assured its leaders that wages would rise$/u);
  });

  it('does not give a passive cue to its subject', () => {
    const found = attributions('The spokesman was told that the report would be delayed.');
    assert.equal(found.length, 0);
  });

  it('accepts a clause after "that" even when no verb is tagged in it', () => {
    const found = attributions('The council stated that revenue figures for the quarter show a deficit.');
    assert.equal(found[0]?.content, 'revenue figures for the quarter show a deficit');
  });

  it('merges the cues learned from PolNeAR train, which need "that" before a reported clause', () => {
    const lex = statementLexicon();
    const urged = lex.cueForms.get('urged');
    assert.ok(urged?.learned, 'urged is a learned cue');
    assert.equal(lex.cueForms.get('said')?.learned, false);
    assert.equal(attributions('The senator urged that the vote be postponed until June.')[0]?.content, 'the vote be postponed until June');
    // Without "that" a learned cue's object is a noun phrase, not a reported clause: the learned cue model
    // reads it as a noun-phrase content (cue-model.test.ts), never as a clause.
    assert.deepEqual(attributions('The senator praised the plan to expand rural clinics.').map((a) => a.content), ['the plan to expand rural clinics']);
    assert.deepEqual(attributions('The senator praised his staff worked hard.'), []);
  });

  it('ends a reported clause before a participle after a comma, with adverbs before the participle', () => {
    const found = attributions('The mayor said the club was too loud, even suggesting it should close.');
    assert.equal(found[0]?.content, 'the club was too loud');
  });

  it('reads a quoted title after a preposition as a name, and the cue after it as the cue of its own clause', () => {
    const found = attributions('In an interview on \u201CMorning Report,\u201D the senator said the dam would be finished by May.');
    assert.deepEqual(found.map((a) => [a.source, a.kind, a.content]), [['the senator', 'indirect', 'the dam would be finished by May']]);
  });

  it('gives a quote after a participle cue to the sentence subject, not to the participle\'s object', () => {
    const found = attributions('The treasurer criticised the proposal, describing it as a scheme that "will bankrupt the province."');
    assert.equal(found[0]?.source, 'The treasurer');
  });

  it('gives a quote opening a paragraph to the cue that ends the paragraph before with a colon', () => {
    const found = attributions('The governor spoke at length. She said:\n\n\u201CWe will rebuild every school that the floods destroyed.\u201D');
    assert.deepEqual(found.map((a) => [a.source, a.kind]), [['She', 'direct']]);
  });

  it('skips an appositive between the speaker named after a quote and the cue', () => {
    const found = attributions("\u201CThe plan will not survive the courts,\u201D Maria Lopez, a law professor at the state university and a former judge, said.");
    assert.deepEqual(found.map((a) => [a.source, a.kind]), [['Maria Lopez', 'direct']]);
  });

  it('reads a cue aside that splits the reported clause between its subject and its predicate', () => {
    const found = attributions('The new bridge, the mayor said, will open to traffic in May.');
    assert.deepEqual(found.map((a) => [a.source, a.content]), [['the mayor', 'The new bridge, the mayor said, will open to traffic in May']]);
  });
});
