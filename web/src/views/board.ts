import { api } from '../api.js';
import { actorLink, badge, el, evidence } from '../dom.js';
import type { BoardColumn, CommitmentCard } from '../../../src/server/views-data.js';

const COLUMNS = [
  ['open', 'Open', 'promised, not yet due or not yet reported done'],
  ['in_progress', 'Under way', 'reported started, not yet done'],
  ['kept', 'Kept', 'reported done'],
  ['overdue', 'Overdue', 'past the due date with no report of it done'],
  ['broken', 'Broken', 'reversed or denied'],
] as const;

const PAGE = 10;

/** A commitment as a card: the promise, who to whom, due date, and the evidence for its status. */
export function commitmentCard(c: CommitmentCard): HTMLElement {
  const decisive = c.statusEvidence;
  return el('article', { class: `commitment-card status-border-${c.status}`, 'data-id': c.id },
    el('div', { class: 'card-top' }, badge(c.kind, 'kind'), badge(c.status, `status status-${c.status}`), c.reports > 1 ? el('span', { class: 'muted' }, `${c.reports} reports`) : null),
    el('p', { class: 'promise' }, c.what.text),
    el('p', { class: 'parties' }, actorLink(c.by), c.to ? [' → ', actorLink(c.to)] : null),
    el('p', { class: 'dates' }, c.made ? `made ${c.made}` : '', c.due ? el('strong', {}, ` · due ${c.due.end}`) : ' · no due date'),
    evidence(c.what, 'promised'),
    decisive ? evidence(decisive, c.status === 'kept' ? 'done' : c.status === 'broken' ? 'broken' : c.status === 'overdue' ? 'still pending' : c.status === 'in_progress' ? 'under way' : 'status') : null);
}

async function fillColumn(list: HTMLElement, more: HTMLButtonElement, status: string, count: HTMLElement, offset: number): Promise<void> {
  const page = await api<BoardColumn>('/api/board', { status, limit: PAGE, offset });
  count.textContent = String(page.total);
  list.append(...page.items.map(commitmentCard));
  const next = offset + page.items.length;
  more.hidden = next >= page.total;
  more.onclick = () => void fillColumn(list, more, status, count, next);
}

export async function boardView(root: HTMLElement): Promise<void> {
  document.title = 'Commitments — polity';
  const columns = COLUMNS.map(([status, title, help]) => {
    const list = el('div', { class: 'column-cards' });
    const count = el('span', { class: 'count' }, '…');
    const more = el('button', { type: 'button', class: 'more', hidden: '' }, 'more');
    return { status, list, count, more, node: el('section', { class: `board-column column-${status}`, 'data-status': status },
      el('h2', {}, title, ' ', count), el('p', { class: 'muted help' }, help), list, more) };
  });
  root.replaceChildren(el('div', { class: 'board-view' }, el('h1', {}, 'Commitment board'), el('div', { class: 'board' }, ...columns.map((c) => c.node))));
  await Promise.all(columns.map((c) => fillColumn(c.list, c.more, c.status, c.count, 0)));
}
