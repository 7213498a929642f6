import { api } from '../api.js';
import { actorHref, actorLink, badge, el, evidence, link, section, type Child } from '../dom.js';
import { ENTITY_COLOURS, ploverColour } from '../palette.js';
import type { ArticleView, TextMark } from '../../../src/server/views-data.js';

interface Node {
  mark: TextMark;
  children: Node[];
}

/**
 * Nests the marks by containment (a mention inside a quote becomes its child). A mark that crosses the end of
 * an enclosing one cannot be drawn as a box inside it and is left out of the text (it stays in the side lists).
 */
function nest(marks: TextMark[]): Node[] {
  const roots: Node[] = [];
  const stack: Node[] = [];
  for (const mark of marks) {
    while (stack.length && stack.at(-1)!.mark.end <= mark.start) stack.pop();
    const parent = stack.at(-1);
    if (parent && mark.end > parent.mark.end) continue;
    const node = { mark, children: [] };
    (parent ? parent.children : roots).push(node);
    stack.push(node);
  }
  return roots;
}

function markBox(text: string, node: Node): HTMLElement {
  const { mark } = node;
  const inner = render(text, node.children, mark.start, mark.end);
  const attrs = { class: `mark mark-${mark.kind}`, 'data-start': String(mark.start), 'data-end': String(mark.end), title: mark.title };
  if (mark.kind === 'quote') {
    return el('span', { ...attrs, ...(mark.actor?.id && { 'data-actor': mark.actor.id }) }, ...inner, el('span', { class: 'mark-label' }, mark.actor ? `${mark.label} · ${mark.actor.name}` : mark.label));
  }
  const colour = mark.kind === 'mention' ? ENTITY_COLOURS[mark.label] : mark.kind === 'trigger' ? ploverColour(mark.label.replace(/^(not|will|if|might|denied) /, '').split('/')[0]!) : '#bfeeb7';
  const box = mark.kind === 'mention' && mark.actor?.id
    ? el('a', { ...attrs, href: actorHref(mark.actor.id), 'data-actor': mark.actor.id }, ...inner, el('span', { class: 'mark-label' }, mark.label))
    : el('mark', attrs, ...inner, el('span', { class: 'mark-label' }, mark.label));
  box.style.setProperty('--mark', colour ?? '#ddd');
  if (mark.kind === 'trigger' && /^(not|denied) /.test(mark.label)) box.classList.add('mark-negated');
  return box;
}

function render(text: string, nodes: Node[], start: number, end: number): Child[] {
  const out: Child[] = [];
  let at = start;
  for (const node of nodes) {
    if (node.mark.start > at) out.push(text.slice(at, node.mark.start));
    out.push(markBox(text, node));
    at = node.mark.end;
  }
  if (at < end) out.push(text.slice(at, end));
  return out;
}

/** Scrolls to the span and flashes it (from a side-list item or a ?hl=START-END link). */
function flash(root: HTMLElement, start: number, end: number): void {
  const marks = [...root.querySelectorAll<HTMLElement>('.article-text [data-start]')]
    .filter((m) => Number(m.dataset.start) <= start && end <= Number(m.dataset.end))
    .sort((a, b) => Number(b.dataset.start) - Number(a.dataset.start));
  const target = marks[0];
  if (!target) return;
  target.scrollIntoView({ block: 'center' });
  target.classList.add('flash');
  setTimeout(() => target.classList.remove('flash'), 2400);
}

const KINDS = [['mention', 'Actors'], ['quote', 'Quotes'], ['trigger', 'Events'], ['time', 'Times']] as const;

export async function articleView(root: HTMLElement, id: string, params: URLSearchParams): Promise<void> {
  const a = await api<ArticleView>(`/api/articles/${encodeURIComponent(id)}`);
  document.title = `${a.title ?? a.id} — polity`;
  const body = el('div', { class: 'article-text' }, ...render(a.text, nest(a.marks), 0, a.text.length));
  const toggles = el('div', { class: 'legend' }, ...KINDS.map(([kind, label]) => {
    const box = el('input', { type: 'checkbox', checked: '' });
    box.addEventListener('change', () => body.classList.toggle(`hide-${kind}`, !box.checked));
    return el('label', { class: `legend-item legend-${kind}` }, box, label, el('span', { class: 'count' }, String(a.marks.filter((m) => m.kind === kind).length)));
  }));
  const jump = (span: { start: number; end: number }, ...children: Child[]) => {
    const b = el('button', { type: 'button', class: 'jump', title: 'show in the text' }, ...children);
    b.addEventListener('click', () => flash(root, span.start, span.end));
    return b;
  };
  const side = el('aside', { class: 'article-records' },
    section(`Actors (${a.actors.length})`, el('div', { class: 'chips' }, ...a.actors.map((x) => {
      const chip = link(actorHref(x.id), x.name);
      chip.className = 'chip';
      chip.style.setProperty('--mark', ENTITY_COLOURS[x.type ?? ''] ?? '#ddd');
      return chip;
    }))),
    a.statements.length ? section(`Quotes (${a.statements.length})`, el('ul', { class: 'records' }, ...a.statements.map((s) => el('li', { class: 'record record-quote' },
      el('div', {}, badge(s.kind, `kind-${s.kind}`), ' ', actorLink(s.speaker)), jump(s.span, el('q', {}, s.text)))))) : null,
    a.events.length ? section(`Events (${a.events.length})`, el('ul', { class: 'records' }, ...a.events.map((e) => {
      const b = badge(e.label, `plover${/^(not|denied) /.test(e.label) ? ' negated' : ''}`);
      b.style.setProperty('--mark', ploverColour(e.type));
      return el('li', { class: 'record record-event' },
        el('div', {}, b, ' ', ...e.actors.flatMap((x, i) => [i ? ', ' : '', actorLink(x)]), e.recipients.length ? ' → ' : '', ...e.recipients.flatMap((x, i) => [i ? ', ' : '', actorLink(x)]),
          e.date ? el('span', { class: 'muted' }, ` · ${e.date}`) : null),
        jump(e.span, el('span', { class: 'muted' }, '“'), e.evidence.text, el('span', { class: 'muted' }, '”')));
    }))) : null,
    a.commitments.length ? section(`Commitments (${a.commitments.length})`, el('ul', { class: 'records' }, ...a.commitments.map((c) => el('li', { class: 'record record-commitment' },
      el('div', {}, badge(c.status, `status status-${c.status}`), ' ', actorLink(c.by), c.to ? [' → ', actorLink(c.to)] : null, c.due ? el('span', { class: 'muted' }, ` · due ${c.due}`) : null),
      jump(c.span, c.what))))) : null,
    a.roles.length ? section(`Roles (${a.roles.length})`, el('ul', { class: 'records' }, ...a.roles.map((r) => el('li', { class: 'record' },
      actorLink(r.person), `: ${r.title}`, r.org ? [', ', actorLink(r.org)] : null)))) : null,
    a.relations.length ? section(`Relations (${a.relations.length})`, el('ul', { class: 'records' }, ...a.relations.map((r) => el('li', { class: 'record' },
      actorLink(r.a), ` ${r.polarity === 'negative' ? 'no longer ' : ''}${r.kind} `, actorLink(r.b), evidence(r.evidence))))) : null,
  );
  root.replaceChildren(el('div', { class: 'article-view' },
    el('header', { class: 'article-head' },
      el('h1', {}, a.title ?? '(untitled)'),
      el('p', { class: 'meta' }, a.published ?? 'undated', a.place ? ` · ${a.place}` : '', ` · ${a.id}`, a.url ? [' · ', el('a', { href: a.url, rel: 'noreferrer noopener', target: '_blank' }, 'source')] : null),
      toggles),
    el('div', { class: 'article-columns' }, el('article', { class: 'card' }, body), side)));
  const hl = /^(\d+)-(\d+)$/.exec(params.get('hl') ?? '');
  if (hl) flash(root, Number(hl[1]), Number(hl[2]));
}
