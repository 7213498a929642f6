import type { Document } from '../../document/document.js';
import type { Statement } from '../../document/layers.js';
import type { Stage } from '../../pipeline/stage.js';
import { findAttributions } from './attribute.js';
import { cueTypeOf } from './cue-type.js';
import { byDocument, SpeakerResolver } from './speakers.js';
import { statementDate } from './statement-date.js';

/** Direct and indirect statements with their speakers, cues, content and dates, in text order. */
export function attributeStatements(doc: Document): Statement[] {
  const resolver = new SpeakerResolver(doc);
  const statements: Statement[] = [];
  for (const a of findAttributions(doc)) {
    const speaker = resolver.resolve(a);
    if (!speaker) continue;
    const date = statementDate(doc, a);
    statements.push({
      id: `st${statements.length + 1}`,
      kind: a.kind,
      ...(speaker.speaker ? { speaker: speaker.speaker } : {}),
      ...(speaker.speakerSpan ? { speakerSpan: speaker.speakerSpan } : {}),
      ...(a.cue ? { cue: a.cue } : {}),
      ...(a.cueLemma ? { cueLemma: a.cueLemma } : {}),
      // A noun phrase for content ("criticized the Act") is an attribution, but not something said.
      cueType: a.nounContent ? 'other' : speaker.document || byDocument(doc.text, a) ? 'document' : cueTypeOf(a.cueLemma, a.source ? doc.text.slice(a.source.start, a.source.end) : undefined),
      content: a.content,
      ...(date ? { date } : {}),
      evidence: a.evidence,
    });
  }
  return statements;
}

/** Quotes and reported speech attributed to speakers (issue 4). */
export const statementsStage: Stage = {
  name: 'statements',
  reads: ['sentences', 'tokens', 'mentions', 'actors', 'times'],
  adds: ['statements'],
  run(doc: Document) {
    doc.statements = attributeStatements(doc);
  },
};
