import { api } from '../api.js';
import { actorLink, articleHref, badge, el, link, pager, snippet } from '../dom.js';
import type { ArticlesPage, SearchPage } from '../../../src/server/views-data.js';

let pickers = 0;

/** A text box that suggests actor names as one types (from /api/suggest). */
export function actorPicker(name: string, value: string): HTMLInputElement {
  const list = el('datalist', { id: `actors-${++pickers}` });
  const input = el('input', { name, value, list: list.id, placeholder: 'any actor', autocomplete: 'off', 'aria-label': name });
  input.addEventListener('input', async () => {
    if (input.value.trim().length < 2) return;
    const found = await api<{ id: string; name: string }[]>('/api/suggest', { q: input.value.trim(), limit: 8 });
    list.replaceChildren(...found.map((a) => el('option', { value: a.name })));
  });
  queueMicrotask(() => input.parentElement?.append(list));
  return input;
}

export function searchBox(q: string): HTMLFormElement {
  const input = el('input', { type: 'search', name: 'q', value: q, placeholder: 'Search articles and quotes — “resign”, “coalition”, “development authority”', 'aria-label': 'search', id: 'search-input' });
  const form = el('form', { class: 'search-box', role: 'search' }, input, el('button', {}, 'Search'));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    location.hash = `#/search?q=${encodeURIComponent(input.value)}`;
  });
  return form;
}

export async function searchView(root: HTMLElement, params: URLSearchParams): Promise<void> {
  const q = params.get('q') ?? '';
  const offset = Number(params.get('offset') ?? 0) || 0;
  document.title = `${q ? `${q} — ` : ''}search — polity`;
  root.replaceChildren(el('div', { class: 'search-view' }, searchBox(q)));
  if (!q.trim()) return;
  const page = await api<SearchPage>('/api/search', { q, offset, limit: 10 });
  const go = (o: number) => { location.hash = `#/search?q=${encodeURIComponent(q)}&offset=${o}`; };
  root.firstElementChild!.append(
    el('p', { class: 'muted', id: 'hit-count' }, `${page.total}${page.total >= 10_000 ? '+' : ''} hit${page.total === 1 ? '' : 's'} for “${q}” (stemmed, word prefixes)`),
    el('ol', { class: 'hits', id: 'hits' }, ...page.items.map((h) => el('li', { class: `hit hit-${h.kind}` },
      el('div', { class: 'hit-head' }, link(articleHref(h.article, h.evidence), h.title ?? h.article), el('span', { class: 'muted' }, ` · ${h.published ?? 'undated'}`)),
      el('div', {}, badge(h.kind === 'statement' ? 'quote' : 'article', `kind-${h.kind}`), ' ', h.speaker ? [actorLink(h.speaker), ': '] : null, snippet(h.snippet))))),
    pager(page, go));
}

/** The landing page: the search box and the stored articles, newest first. */
export async function homeView(root: HTMLElement, params: URLSearchParams): Promise<void> {
  document.title = 'polity — the record';
  const offset = Number(params.get('offset') ?? 0) || 0;
  const page = await api<ArticlesPage>('/api/articles', { offset, limit: 15 });
  root.replaceChildren(el('div', { class: 'home-view' }, searchBox(''),
    el('section', { class: 'card' }, el('h2', {}, `Articles (${page.total})`),
      el('ul', { class: 'records article-list' }, ...page.items.map((a) => el('li', { class: 'record' },
        link(articleHref(a.id), a.title ?? a.id), el('span', { class: 'muted' }, ` · ${a.published ?? 'undated'}${a.place ? ` · ${a.place}` : ''}`)))),
      pager(page, (o) => { location.hash = `#/?offset=${o}`; }))));
}
