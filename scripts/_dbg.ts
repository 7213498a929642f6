import { readFileSync } from 'node:fs';
import { createDocument } from '../src/document/document.js';
import { eventPipeline } from './eval-plover.js';
const [file, pub, needle] = process.argv.slice(2);
const doc = createDocument(readFileSync(file!, 'utf8'), { published: pub! });
await eventPipeline().run(doc);
for (const s of doc.sentences) {
  const t = doc.text.slice(s.span.start, s.span.end);
  if (!t.includes(needle!)) continue;
  console.log('S:', t);
  console.log(' tokens:', doc.tokens.filter((k) => k.sentence === doc.sentences.indexOf(s)).map((k) => `${doc.text.slice(k.span.start, k.span.end)}/${k.pos}`).join(' '));
  for (const m of doc.mentions) if (m.span.start >= s.span.start && m.span.end <= s.span.end) console.log('  M', m.type, doc.text.slice(m.span.start, m.span.end), '->', m.actor);
  for (const e of doc.events) if (e.evidence.start === s.span.start) console.log('  E', e.type, doc.text.slice(e.trigger.start, e.trigger.end), e.actor, '->', e.recipient, e.date?.value);
  for (const c of doc.stateChanges) if (c.evidence.start === s.span.start) console.log('  SC', c.kind, c.subject, c.date?.value);
  for (const c of doc.commitments) if (c.evidence.start === s.span.start) console.log('  C', c.kind, c.by, c.to, doc.text.slice(c.what.start, c.what.end));
  for (const t of doc.times) if (t.span.start >= s.span.start && t.span.end <= s.span.end) console.log('  T', doc.text.slice(t.span.start, t.span.end), JSON.stringify(t.value));
  for (const q of doc.statements) if (q.evidence.start <= s.span.start && q.evidence.end >= s.span.end) console.log('  Q', q.kind, q.speaker, doc.text.slice(q.content.start, q.content.end).slice(0, 80));
}
