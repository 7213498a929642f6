import { api } from '../api.js';
import { chartIn } from '../charts.js';
import { el } from '../dom.js';
import { ploverColour } from '../palette.js';
import type { WeeklyEvents } from '../../../src/server/views-data.js';
import { actorPicker } from './search.js';

const WEEK = 7 * 86_400_000;

/** Every Monday from the first to the last week, so empty weeks show as gaps rather than vanish. */
function weeks(first: string, last: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${first}T00:00:00Z`); t <= Date.parse(`${last}T00:00:00Z`) && out.length < 2000; t += WEEK) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

/** Events that happened, per week and PLOVER type (stacked), filterable by actor and by place. */
export async function eventsView(root: HTMLElement, params: URLSearchParams): Promise<void> {
  document.title = 'Events over time — polity';
  const places = await api<string[]>('/api/places', { limit: 50 });
  const actor = actorPicker('actor', params.get('actor') ?? '');
  const place = el('select', { name: 'place', 'aria-label': 'place' }, el('option', { value: '' }, 'any place'), ...places.map((p) => el('option', { value: p }, p)));
  place.value = params.get('place') ?? '';
  const from = el('input', { type: 'date', name: 'from', value: params.get('from') ?? undefined, 'aria-label': 'from' });
  const to = el('input', { type: 'date', name: 'to', value: params.get('to') ?? undefined, 'aria-label': 'to' });
  const form = el('form', { class: 'card filters' }, el('label', {}, 'Actor ', actor), el('label', {}, 'Place ', place), el('label', {}, 'From ', from), el('label', {}, 'To ', to), el('button', {}, 'Filter'));
  const host = el('div', { class: 'chart events-chart' });
  const note = el('p', { class: 'muted' });
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const q = new URLSearchParams();
    for (const [k, v] of [['actor', actor.value], ['place', place.value], ['from', from.value], ['to', to.value]] as const) if (v) q.set(k, v);
    location.hash = `#/events${q.size ? `?${q}` : ''}`;
  });
  root.replaceChildren(el('div', { class: 'events-view' }, el('h1', {}, 'Events over time'), form, el('section', { class: 'card' }, host, note)));
  const data = await api<WeeklyEvents>('/api/events/weekly', { actor: actor.value, place: place.value, from: from.value, to: to.value });
  if (data.weeks.length === 0) {
    host.replaceWith(el('p', { class: 'empty' }, 'No events match.'));
    return;
  }
  const axis = weeks(data.weeks[0]!, data.weeks.at(-1)!);
  const types = data.types;
  const total = data.counts.reduce((n, row) => row.reduce((m, x) => m + x, n), 0);
  note.textContent = `${total} events that happened (asserted or reported; promises, denials and negations are left out), per week starting Monday.${data.withoutWeek ? ` ${data.withoutWeek} more are dated only to a month or a year.` : ''}`;
  const column = new Map(data.weeks.map((w, i) => [w, i]));
  const chart = chartIn(host);
  chart.setOption({
    color: types.map(ploverColour),
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 8, right: 16, top: 40, bottom: axis.length > 26 ? 60 : 24, containLabel: true },
    xAxis: { type: 'category', data: axis, axisLabel: { formatter: (w: string) => `wk ${w.slice(5)}` } },
    yAxis: { type: 'value', minInterval: 1 },
    dataZoom: axis.length > 26 ? [{ type: 'slider', bottom: 8 }, { type: 'inside' }] : [],
    series: types.map((t, ti) => ({
      name: t, type: 'bar', stack: 'events', emphasis: { focus: 'series' }, barMaxWidth: 48,
      data: axis.map((w) => { const i = column.get(w); return i === undefined ? 0 : data.counts[ti]![i]!; }),
    })),
  });
}
