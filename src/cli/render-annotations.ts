/**
 * An analysed document for a terminal: its text with annotations marked inline, a legend, and the records of
 * every layer with the sentence that is their evidence.
 */
import { textOf, type Document } from '../document/document.js';
import type { MentionType, TimeValue } from '../document/layers.js';
import type { Span } from '../document/span.js';
import { terminalSafe } from '../document/printable.js';

// SGR codes written directly rather than through util.styleText: its behaviour changed across Node versions
// (it checks the stream itself since Node 22), and `--color` must be able to force colours into a pipe.
const SGR = { reset: 0, bold: 1, dim: 2, italic: 3, underline: 4, inverse: 7 } as const;
const MENTION_COLOR: Record<MentionType, number> = { PERSON: 36, PARTY: 35, ORG: 33, GOVBODY: 34, PLACE: 32, TITLE: 96, PRONOUN: 90 };
const MENTION_TAG: Record<MentionType, string> = { PERSON: 'PER', PARTY: 'PTY', ORG: 'ORG', GOVBODY: 'GOV', PLACE: 'PLC', TITLE: 'TTL', PRONOUN: 'PRN' };

export interface RenderStyle {
  color: boolean;
}

function paint(style: RenderStyle, codes: readonly number[], s: string): string {
  return style.color && codes.length > 0 && s !== '' ? `\x1b[${codes.join(';')}m${s}\x1b[0m` : s;
}

const terminalCopies = new WeakSet<Document>();

/**
 * The document as it may reach a terminal: every string in it (text, metadata, names, titles) with control,
 * escape and bidi characters replaced one for one by visible ones (terminalSafe), so an ESC or OSC sequence
 * stored in an article cannot drive the terminal, and every span still points at the same characters. Metadata
 * is shown on one line.
 */
export function forTerminal(doc: Document): Document {
  if (terminalCopies.has(doc)) return doc;
  const safe = (value: unknown, oneLine: boolean): unknown => {
    if (typeof value === 'string') return oneLine ? terminalSafe(value).replace(/[\n\t]/gu, ' ') : terminalSafe(value);
    if (Array.isArray(value)) return value.map((v) => safe(v, oneLine));
    if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, safe(v, oneLine || k !== 'text')]));
    return value;
  };
  const copy = { ...(safe(doc, false) as Document), text: terminalSafe(doc.text) };
  terminalCopies.add(copy);
  return copy;
}

/** One annotation drawn over the text: marks around it (plain text) and styles over it (colour). */
interface Mark {
  span: Span;
  open: string;
  close: string;
  /** Shown after the close mark, dimmed: a type tag. */
  tag: string;
  codes: number[];
}

function marksOf(doc: Document, style: RenderStyle): Mark[] {
  const marks: Mark[] = [];
  for (const m of doc.mentions) {
    marks.push({ span: m.span, open: '[', close: ']', tag: style.color ? '' : MENTION_TAG[m.type], codes: [MENTION_COLOR[m.type]] });
  }
  for (const s of doc.statements) marks.push({ span: s.content, open: style.color ? '' : '«', close: style.color ? '' : '»', tag: '', codes: [SGR.underline] });
  for (const e of doc.events) marks.push({ span: e.trigger, open: style.color ? '' : '*', close: style.color ? '' : '*', tag: e.type, codes: [SGR.bold, SGR.inverse] });
  for (const t of doc.times) marks.push({ span: t.span, open: style.color ? '' : '<', close: style.color ? '' : '>', tag: '', codes: [SGR.italic] });
  return marks.filter((m) => m.span.end > m.span.start && m.span.end <= doc.text.length);
}

/**
 * The text with every mark placed. Marks that cross rather than nest still close where they end; the colour of
 * each stretch of text is recomputed from the marks covering it, so crossing marks colour correctly.
 */
export function renderMarkedText(doc: Document, style: RenderStyle): string {
  doc = forTerminal(doc);
  const marks = marksOf(doc, style);
  const cuts = [...new Set([0, doc.text.length, ...marks.flatMap((m) => [m.span.start, m.span.end])])].sort((a, b) => a - b);
  const active: Mark[] = [];
  let out = '';
  for (let i = 0; i < cuts.length; i++) {
    const at = cuts[i]!;
    for (let k = active.length - 1; k >= 0; k--) {
      const m = active[k]!;
      if (m.span.end !== at) continue;
      active.splice(k, 1);
      out += paint(style, m.codes, m.close) + paint(style, [SGR.dim], m.tag);
    }
    const opening = marks.filter((m) => m.span.start === at).sort((a, b) => b.span.end - a.span.end);
    for (const m of opening) {
      out += paint(style, m.codes, m.open);
      active.push(m);
    }
    const next = cuts[i + 1];
    if (next === undefined) break;
    out += paint(style, active.flatMap((m) => m.codes), doc.text.slice(at, next));
  }
  return out;
}

export function renderLegend(style: RenderStyle): string {
  const types = (Object.keys(MENTION_TAG) as MentionType[]).map((t) =>
    style.color ? paint(style, [MENTION_COLOR[t]], `[${t}]`) : `[…]${MENTION_TAG[t]} ${t}`,
  );
  const others = style.color
    ? [paint(style, [SGR.underline], 'quoted content'), `${paint(style, [SGR.bold, SGR.inverse], 'event trigger')}${paint(style, [SGR.dim], 'TYPE')}`, paint(style, [SGR.italic], 'time')]
    : ['«quoted content»', '*event trigger*TYPE', '<time>'];
  return `legend: ${[...types, ...others].join('  ')}`;
}

export function renderHeader(doc: Document): string[] {
  doc = forTerminal(doc);
  const m = doc.meta;
  const facts = [`id ${m.id}`];
  if (m.published) facts.push(`published ${m.published}${m.publishedSource ? ` (${m.publishedSource})` : ''}`);
  if (m.dateline) facts.push(`dateline ${m.dateline.place}${m.dateline.agency ? ` (${m.dateline.agency})` : ''}`);
  if (m.origin) facts.push(`from ${m.origin}`);
  if (m.url && m.url !== m.origin) facts.push(m.url);
  return [...(m.title ? [m.title] : []), facts.join(' · ')];
}

/** How many records each layer holds, for a one-line summary. */
export function renderLayerCounts(doc: Document): string {
  doc = forTerminal(doc);
  const counts: [string, number][] = [
    ['sentences', doc.sentences.length], ['mentions', doc.mentions.length], ['actors', doc.actors.length], ['roles', doc.roles.length],
    ['memberships', doc.memberships.length], ['times', doc.times.length], ['statements', doc.statements.length], ['events', doc.events.length],
    ['state changes', doc.stateChanges.length], ['commitments', doc.commitments.length], ['agreements', doc.agreements.length], ['relations', doc.relations.length],
  ];
  return counts.map(([name, n]) => `${n} ${name}`).join(', ');
}

function timeText(t: TimeValue | undefined): string {
  if (!t) return '';
  return t.start && t.end && t.start !== t.end ? ` ${t.value} (${t.start}…${t.end})` : ` ${t.value}`;
}

/** Each non-empty layer as a titled list; every record is followed by its evidence, white space collapsed. */
export function renderLayerLists(doc: Document, style: RenderStyle): string[] {
  doc = forTerminal(doc);
  const actorNames = new Map(doc.actors.map((a) => [a.id, a.name]));
  const name = (id: string | undefined) => (id === undefined ? '?' : (actorNames.get(id) ?? id));
  const names = (ids: readonly string[]) => (ids.length === 0 ? '—' : ids.map(name).join(', '));
  const quote = (s: Span) => `“${textOf(doc, s).replace(/\s+/gu, ' ').trim()}”`;
  const evidence = (s: Span) => paint(style, [SGR.dim], `      ${textOf(doc, s).replace(/\s+/gu, ' ').trim()}`);
  const heading = (title: string, n: number) => paint(style, [SGR.bold], `${title} (${n})`);
  const lines: string[] = [];
  const section = <T>(title: string, records: readonly T[], describe: (r: T) => string, proof?: (r: T) => Span) => {
    if (records.length === 0) return;
    lines.push('', heading(title, records.length));
    for (const r of records) {
      lines.push(`  ${describe(r)}`);
      if (proof) lines.push(evidence(proof(r)));
    }
  };
  section('Actors', doc.actors, (a) => `${a.id} ${paint(style, [MENTION_COLOR[a.type]], a.name)} ${a.type}${a.aliases.length ? ` — also ${a.aliases.join(', ')}` : ''} — ${a.mentions.length} mention${a.mentions.length === 1 ? '' : 's'}`);
  section('Roles', doc.roles, (r) => `${r.id} ${name(r.person)}: ${r.title}${r.org ? `, ${name(r.org)}` : ''}`, (r) => r.evidence);
  section('Memberships', doc.memberships, (m) => `${m.id} ${name(m.person)} in ${name(m.org)}${m.inferred ? ' (inferred)' : ''}`, (m) => m.evidence);
  section('Times', doc.times, (t) => `${t.id} ${quote(t.span)} →${timeText(t.value)} (${t.value.kind}, ${t.value.granularity})`);
  section('Statements', doc.statements, (s) => {
    const speaker = s.speaker ? name(s.speaker) : s.speakerSpan ? textOf(doc, s.speakerSpan) : 'unattributed';
    return `${s.id} ${s.kind} — ${speaker}${s.cueLemma ? ` (${s.cueLemma})` : ''}${s.date ? `,${timeText(s.date)}` : ''}: ${quote(s.content)}`;
  }, (s) => s.evidence);
  section('Events', doc.events, (e) => {
    const code = [e.type, e.mode, e.cameo && `CAMEO ${e.cameo}`].filter(Boolean).join(' / ');
    const extra = [e.modality !== 'asserted' ? e.modality : '', e.date ? `on${timeText(e.date)}` : '', e.place ? `in ${name(e.place)}` : ''].filter(Boolean).join(', ');
    return `${e.id} ${code}: ${names(e.actor)} → ${names(e.recipient)} — trigger ${quote(e.trigger)}${extra ? ` — ${extra}` : ''}`;
  }, (e) => e.evidence);
  section('State changes', doc.stateChanges, (c) => {
    const parts = [c.title, c.body && name(c.body), c.with && `with ${name(c.with)}`, c.portfolios?.length ? `portfolios ${c.portfolios.join(', ')}` : '', c.date && `on${timeText(c.date)}`];
    return `${c.id} ${name(c.subject)} ${c.kind.replace(/_/gu, ' ')}${parts.filter(Boolean).map((p) => ` — ${p}`).join('')}`;
  }, (c) => c.evidence);
  section('Commitments', doc.commitments, (c) => {
    const parts = [c.to && `to ${name(c.to)}`, c.due && `due${timeText(c.due)}`, c.condition && `if ${quote(c.condition)}`, c.source && `reported by ${name(c.source)}`];
    return `${c.id} ${c.kind} by ${name(c.by)} [${c.status}]: ${quote(c.what)}${parts.filter(Boolean).map((p) => ` — ${p}`).join('')}`;
  }, (c) => c.evidence);
  section('Agreements', doc.agreements, (a) => `${a.id} ${a.kind}: ${names(a.parties)}${a.points ? ` — ${a.points} points` : ''}${a.date ? ` — on${timeText(a.date)}` : ''}${a.status ? ` — ${a.status}` : ''}`, (a) => a.evidence);
  section('Relations', doc.relations, (r) => `${r.id} ${name(r.a)} ${r.kind} ${name(r.b)} (${r.polarity}, as of ${r.asOf})`, (r) => r.evidence);
  return lines;
}

/** Everything `polity show` prints for one document. */
export function renderDocument(doc: Document, style: RenderStyle): string {
  doc = forTerminal(doc);
  return [...renderHeader(doc).map((l, i) => (i === 0 && doc.meta.title ? paint(style, [SGR.bold], l) : l)), renderLegend(style), '', renderMarkedText(doc, style), ...renderLayerLists(doc, style)].join('\n');
}
