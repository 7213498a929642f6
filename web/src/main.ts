/**
 * The analyst's workbench: a single page over the JSON API, with hash routes so every view has a link —
 * #/ articles, #/search?q=, #/article/ID, #/actor/ID, #/graph?asOf=, #/board, #/events?actor=&place=.
 */
import { el } from './dom.js';
import { actorView } from './views/actor.js';
import { articleView } from './views/article.js';
import { boardView } from './views/board.js';
import { eventsView } from './views/events.js';
import { graphView } from './views/graph.js';
import { homeView, searchView } from './views/search.js';

const root = document.getElementById('view')!;

function markNav(name: string): void {
  for (const a of document.querySelectorAll<HTMLAnchorElement>('nav.top a')) a.classList.toggle('active', a.dataset.view === name);
}

async function route(): Promise<void> {
  const rendering = location.hash;
  const hash = rendering.replace(/^#/, '') || '/';
  const [path = '/', query = ''] = hash.split('?', 2) as [string, string?];
  const params = new URLSearchParams(query);
  const [, view = '', arg = ''] = path.split('/').map((p, i) => (i === 2 ? decodeURIComponent(p) : p));
  markNav(view || 'home');
  root.setAttribute('aria-busy', 'true');
  try {
    switch (view) {
      case '': await homeView(root, params); break;
      case 'search': await searchView(root, params); break;
      case 'article': await articleView(root, arg, params); break;
      case 'actor': await actorView(root, arg); break;
      case 'graph': await graphView(root, params); break;
      case 'board': await boardView(root); break;
      case 'events': await eventsView(root, params); break;
      default: root.replaceChildren(el('p', { class: 'error' }, `no view ${view}`));
    }
  } catch (err) {
    root.replaceChildren(el('p', { class: 'error' }, err instanceof Error ? err.message : String(err)));
  } finally {
    root.setAttribute('aria-busy', 'false');
    root.dataset.view = view || 'home';
    // Which address this render answered: hashchange fires after the address changes, so a reader (or a test)
    // that saw the new address can tell the old view's "not busy" from the new one's.
    root.dataset.route = rendering;
  }
}

// Links from before the hash routes (/?q=…, /?actor=…) still land on the right view.
const legacy = new URLSearchParams(location.search);
if (!location.hash && legacy.get('q')) location.hash = `#/search?q=${encodeURIComponent(legacy.get('q')!)}`;
else if (!location.hash && legacy.get('actor')) location.hash = `#/actor/${encodeURIComponent(legacy.get('actor')!)}`;

window.addEventListener('hashchange', () => void route());
void route();
