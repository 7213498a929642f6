import { api } from '../api.js';
import { chartIn, echarts } from '../charts.js';
import { actorLink, articleHref, badge, el, evidence, link, pager, section } from '../dom.js';
import { ENTITY_COLOURS, RELATION_COLOURS, ploverColour } from '../palette.js';
import { commitmentCard } from './board.js';
import type { ActorArticlesPage, ActorOverview, ActorQuotesPage, EventsPage } from '../../../src/server/views-data.js';

const DAY = 86_400_000;
const time = (d: string) => Date.parse(`${d}T00:00:00Z`);

interface Bar {
  row: string;
  label: string;
  from: number;
  to: number;
  openStart: boolean;
  openEnd: boolean;
  colour: string;
  evidence?: string;
}

/** Offices and memberships as from–to bars, one row each; an unknown start or a state still holding fades out at its open end. */
function timelineChart(host: HTMLElement, o: ActorOverview): void {
  const dates = [...o.offices, ...o.memberships, ...o.relations].flatMap((x) => [x.from, x.to]).filter((d): d is string => !!d).map(time);
  if (dates.length === 0) {
    host.replaceWith(el('p', { class: 'muted' }, 'No dated offices or memberships.'));
    return;
  }
  const min = Math.min(...dates) - 14 * DAY;
  const max = Math.max(...dates, o.newest ? time(o.newest) : 0) + 14 * DAY;
  const bars: Bar[] = [
    ...o.offices.map((x) => ({ row: x.title + (x.org ? `, ${x.org.name}` : ''), label: 'office', from: x.from ? time(x.from) : min, to: x.to ? time(x.to) : max, openStart: !x.from, openEnd: !x.to, colour: '#7b6cf6', evidence: (x.opened ?? x.closed)?.text })),
    ...o.memberships.map((x) => ({ row: `member of ${x.person.id === o.actor.id ? x.org.name : x.person.name}`, label: 'membership', from: x.from ? time(x.from) : min, to: x.to ? time(x.to) : max, openStart: !x.from, openEnd: !x.to, colour: ENTITY_COLOURS.PARTY!, evidence: x.opened?.text })),
    ...o.relations.map((x) => ({ row: `${x.kind}: ${x.a.id === o.actor.id ? x.b.name : x.a.name}`, label: x.kind, from: x.from ? time(x.from) : min, to: x.to ? time(x.to) : max, openStart: !x.from, openEnd: !x.to, colour: RELATION_COLOURS[x.kind] ?? '#999', evidence: (x.opened ?? x.closed)?.text })),
  ];
  const rows = [...new Set(bars.map((b) => b.row))];
  host.style.height = `${Math.max(140, rows.length * 34 + 70)}px`;
  const chart = chartIn(host);
  chart.setOption({
    grid: { left: 8, right: 24, top: 10, bottom: 30, containLabel: true },
    xAxis: { type: 'time', min, max, splitLine: { show: true, lineStyle: { color: '#eef0f3' } }, axisLabel: { formatter: { year: '{yyyy}', month: '{MMM} {yyyy}', day: '{d} {MMM}' }, hideOverlap: true } },
    yAxis: { type: 'category', data: rows, inverse: true, axisTick: { show: false }, axisLabel: { width: 260, overflow: 'truncate' } },
    tooltip: {
      formatter: (p: unknown) => {
        const b = bars[(p as { dataIndex: number }).dataIndex]!;
        const day = (t: number, open: boolean) => (open ? '…' : new Date(t).toISOString().slice(0, 10));
        return `<b>${echarts.format.encodeHTML(b.row)}</b><br>${day(b.from, b.openStart)} → ${b.openEnd ? 'now' : day(b.to, false)}${b.evidence ? `<br><i>${echarts.format.encodeHTML(b.evidence.slice(0, 160))}</i>` : ''}`;
      },
    },
    series: [{
      type: 'custom',
      encode: { x: [1, 2], y: 0 },
      data: bars.map((b) => [rows.indexOf(b.row), b.from, b.to]),
      renderItem: (params: { dataIndex: number }, api: { value(i: number): number; coord(v: [number, number]): [number, number]; size(v: [number, number]): [number, number] }) => {
        const b = bars[params.dataIndex]!;
        const [x0, y] = api.coord([api.value(1), api.value(0)]);
        const [x1] = api.coord([api.value(2), api.value(0)]);
        const h = api.size([0, 1])[1] * 0.56;
        const fade = new echarts.graphic.LinearGradient(0, 0, 1, 0, [
          { offset: 0, color: b.openStart ? `${b.colour}22` : b.colour },
          { offset: b.openStart ? 0.25 : 0, color: b.colour },
          { offset: b.openEnd ? 0.75 : 1, color: b.colour },
          { offset: 1, color: b.openEnd ? `${b.colour}55` : b.colour },
        ]);
        return { type: 'rect', shape: { x: x0, y: y - h / 2, width: Math.max(3, x1 - x0), height: h, r: 4 }, style: { fill: fade } };
      },
    }],
  });
}

async function pagedList<T extends { total: number; limit: number; offset: number; items: unknown[] }>(
  host: HTMLElement, load: (offset: number) => Promise<T>, item: (x: T['items'][number]) => HTMLElement, empty: string, offset = 0,
): Promise<void> {
  const page = await load(offset);
  host.replaceChildren(
    page.items.length ? el('ul', { class: 'records' }, ...page.items.map(item)) : el('p', { class: 'muted' }, empty),
    pager(page, (o) => void pagedList(host, load, item, empty, o)));
}

export async function actorView(root: HTMLElement, id: string): Promise<void> {
  const name = encodeURIComponent(id);
  const o = await api<ActorOverview>(`/api/actors/${name}/overview`);
  document.title = `${o.actor.name} — polity`;
  const chartHost = el('div', { class: 'chart timeline-chart' });
  const quotes = el('div', { class: 'quotes' });
  const events = el('div', { class: 'events' });
  const articles = el('div', { class: 'articles' });
  const type = badge(o.actor.type, 'type');
  type.style.setProperty('--mark', ENTITY_COLOURS[o.actor.type] ?? '#ddd');
  root.replaceChildren(el('div', { class: 'actor-view' },
    el('header', { class: 'actor-head card' },
      el('h1', { id: 'actor-name' }, o.actor.name, ' ', type),
      el('p', { class: 'meta' }, `${o.articles} article${o.articles === 1 ? '' : 's'} · ${o.offices.length} office${o.offices.length === 1 ? '' : 's'} · ${o.commitments.length} commitment${o.commitments.length === 1 ? '' : 's'}`),
      o.actor.aliases.length ? el('div', { class: 'chips aliases' }, el('span', { class: 'muted' }, 'also written '), ...o.actor.aliases.map((x) => el('span', { class: 'chip alias' }, x))) : null),
    section('Offices and memberships', chartHost),
    el('div', { class: 'two-columns' },
      section('Quotes by date', quotes),
      section('Events', events)),
    o.commitments.length ? section('Commitments', el('div', { class: 'cards' }, ...o.commitments.map(commitmentCard))) : null,
    el('div', { class: 'two-columns' },
      section('Articles', articles),
      section('How the record resolved this actor', el('table', { class: 'resolution' },
        el('thead', {}, el('tr', {}, el('th', {}, 'article'), el('th', {}, 'written as'), el('th', {}, 'joined'), el('th', {}, 'score'), el('th', {}, 'why'))),
        el('tbody', {}, ...o.resolution.map((m) => el('tr', {},
          el('td', {}, link(articleHref(m.article), m.article.slice(0, 8))), el('td', {}, m.name), el('td', {}, m.via), el('td', { class: 'num' }, m.score.toFixed(2)),
          el('td', {}, m.reasons.join('; ') || (m.via === 'first' ? 'first mention' : '')))))),
        o.articles > o.resolution.length ? el('p', { class: 'muted' }, `first ${o.resolution.length} of ${o.articles}`) : null))));
  timelineChart(chartHost, o);
  await Promise.all([
    pagedList(quotes, (offset) => api<ActorQuotesPage>(`/api/actors/${name}/quotes`, { offset, limit: 8 }), (q) => el('li', { class: 'record record-quote' },
      el('div', { class: 'muted' }, q.date ?? 'undated', ' · ', q.kind, q.sources.length > 1 ? ` · reported in ${q.sources.length} articles` : ''),
      el('q', {}, q.text), el('div', { class: 'sources' }, ...q.sources.slice(0, 5).map((s) => link(articleHref(s.article, s), s.article.slice(0, 8))))), 'No quotes.'),
    pagedList(events, (offset) => api<EventsPage>(`/api/actors/${name}/events`, { offset, limit: 8 }), (e) => {
      const b = badge(e.label, `plover${e.modality === 'negated' || e.modality === 'denied' ? ' negated' : ''}`);
      b.style.setProperty('--mark', ploverColour(e.type));
      return el('li', { class: 'record record-event' },
        el('div', {}, el('span', { class: 'muted' }, e.date ?? 'undated'), ' ', b, ' ', ...e.actors.flatMap((x, i) => [i ? ', ' : '', actorLink(x)]),
          e.recipients.length ? ' → ' : '', ...e.recipients.flatMap((x, i) => [i ? ', ' : '', actorLink(x)]),
          e.modality !== 'asserted' ? el('span', { class: 'muted' }, ` (${e.modality})`) : null, e.reports > 1 ? el('span', { class: 'muted' }, ` · ${e.reports} reports`) : null),
        evidence(e.sources[0]));
    }, 'No events.'),
    pagedList(articles, (offset) => api<ActorArticlesPage>(`/api/actors/${name}/articles`, { offset, limit: 10 }), (x) => el('li', { class: 'record' },
      link(articleHref(x.id), x.title ?? x.id), el('span', { class: 'muted' }, ` · ${x.published ?? 'undated'}${x.names.length ? ` · as ${x.names.join(', ')}` : ''}`)), 'No articles.'),
  ]);
}
