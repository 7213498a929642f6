/** Small DOM builders: every string goes in as a text node, so stored text can never become markup. */
export type Child = Node | string | number | null | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | undefined> = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) node.setAttribute(k, v);
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) node.append(typeof c === 'number' ? String(c) : c);
  return node;
}

/** A link inside the page (hash routes such as #/actor/ID). */
export function link(href: string, ...children: Child[]): HTMLAnchorElement {
  return el('a', { href }, ...children);
}

export function actorHref(id: string): string {
  return `#/actor/${encodeURIComponent(id)}`;
}

export function articleHref(id: string, span?: { start: number; end: number }): string {
  return `#/article/${encodeURIComponent(id)}${span ? `?hl=${span.start}-${span.end}` : ''}`;
}

/** An actor's name linked to its page (plain text when the actor is not in the record). */
export function actorLink(a: { id: string; name: string } | undefined): Child {
  if (!a) return el('span', { class: 'muted' }, 'unknown');
  return a.id ? el('a', { href: actorHref(a.id), class: 'actor-link' }, a.name) : a.name;
}

/** A snippet whose matched words the server put in [brackets], with the brackets turned into <mark>. */
export function snippet(text: string): HTMLElement {
  const out = el('span', { class: 'snippet' });
  for (const [i, part] of text.split(/[[\]]/).entries()) out.append(i % 2 ? el('mark', {}, part) : part);
  return out;
}

/** Quoted evidence: the text it points at, the article and date, linked to the span in the article view. */
export function evidence(e: { article: string; published?: string; start: number; end: number; text: string } | undefined, label = ''): HTMLElement | null {
  if (!e) return null;
  return el('blockquote', { class: 'evidence' },
    label ? el('span', { class: 'evidence-label' }, label) : null,
    el('q', {}, e.text),
    el('a', { href: articleHref(e.article, e), class: 'evidence-source' }, `${e.published ?? 'undated'} · ${e.article.slice(0, 8)}`));
}

export function badge(text: string, cls: string): HTMLElement {
  return el('span', { class: `badge ${cls}` }, text);
}

/** "prev · 21–40 of 95 · next" for a paged list; `go` is called with the new offset. */
export function pager(p: { total: number; limit: number; offset: number }, go: (offset: number) => void): HTMLElement {
  const nav = el('nav', { class: 'pager' });
  if (p.total <= p.limit && p.offset === 0) return nav;
  const prev = el('button', { type: 'button', class: 'pager-prev' }, '‹ prev');
  const next = el('button', { type: 'button', class: 'pager-next' }, 'next ›');
  prev.disabled = p.offset === 0;
  next.disabled = p.offset + p.limit >= p.total;
  prev.addEventListener('click', () => go(Math.max(0, p.offset - p.limit)));
  next.addEventListener('click', () => go(p.offset + p.limit));
  nav.append(prev, el('span', {}, `${p.offset + 1}–${Math.min(p.total, p.offset + p.limit)} of ${p.total}`), next);
  return nav;
}

export function section(title: string, ...children: (Child | Child[])[]): HTMLElement {
  return el('section', { class: 'card' }, el('h2', {}, title), ...children);
}
