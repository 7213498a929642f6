import cytoscape from 'cytoscape';
import { api } from '../api.js';
import { actorHref, el, evidence } from '../dom.js';
import { ENTITY_COLOURS, RELATION_COLOURS } from '../palette.js';
import type { EdgeEvidence, GraphView } from '../../../src/server/views-data.js';

const KIND_LABEL: Record<string, string> = {
  ally: 'allies', coalition: 'coalition', opposition: 'opposition', negotiating: 'negotiating', member: 'member of', 'party-member': 'party member',
};

/**
 * The alliance and coalition graph on a day, laid out by cytoscape's force-directed layout; the slider stops at
 * each day a relation or membership began or ended, and "play" replays them in order.
 */
export async function graphView(root: HTMLElement, params: URLSearchParams): Promise<void> {
  document.title = 'Alliances — polity';
  const first = await api<GraphView>('/api/graph', { asOf: params.get('asOf') ?? undefined });
  const days = first.days.length ? first.days : [first.asOf];
  const host = el('div', { class: 'graph', id: 'graph' });
  const slider = el('input', { type: 'range', min: '0', max: String(days.length - 1), step: '1', value: String(Math.max(0, days.indexOf(first.asOf))), 'aria-label': 'date' });
  const dayLabel = el('output', { class: 'day' }, first.asOf);
  const play = el('button', { type: 'button', class: 'play' }, '▶ replay');
  const detail = el('div', { class: 'graph-detail muted' }, 'Click an edge for its evidence, a node for the actor.');
  const summary = el('p', { class: 'graph-summary' });
  const legend = el('div', { class: 'legend' }, ...Object.entries(KIND_LABEL).map(([k, label]) => {
    const sw = el('span', { class: 'swatch' });
    sw.style.background = RELATION_COLOURS[k] ?? '#999';
    return el('span', { class: 'legend-item' }, sw, label);
  }));
  root.replaceChildren(el('div', { class: 'graph-view' },
    el('h1', {}, 'Alliances and coalitions'),
    el('div', { class: 'card graph-controls' }, play, slider, dayLabel, legend),
    el('div', { class: 'graph-columns' }, el('div', { class: 'card graph-card' }, host, summary), el('aside', { class: 'card' }, el('h2', {}, 'Evidence'), detail))));

  const cy = cytoscape({
    container: host,
    wheelSensitivity: 0.3,
    style: [
      { selector: 'node', style: { label: 'data(name)', 'background-color': 'data(colour)', 'font-size': 11, 'text-valign': 'bottom', 'text-margin-y': 4, width: 'data(size)', height: 'data(size)', 'border-width': 1, 'border-color': '#fff', color: '#223' } },
      { selector: 'edge', style: { width: 3, 'line-color': 'data(colour)', 'curve-style': 'bezier', opacity: 0.85, 'target-arrow-shape': 'data(arrow)', 'target-arrow-color': 'data(colour)' } },
      { selector: 'edge[kind = "opposition"]', style: { 'line-style': 'dashed' } },
      { selector: '.new', style: { 'border-width': 4, 'border-color': '#f2c14e' } },
      { selector: ':selected', style: { 'border-width': 3, 'border-color': '#223', width: 5 } },
    ] as cytoscape.StylesheetJson,
  });
  let current = first;
  const show = (g: GraphView) => {
    const before = new Set(cy.nodes().map((n) => n.id()));
    const degree = new Map<string, number>();
    for (const e of g.edges) for (const id of [e.source, e.target]) degree.set(id, (degree.get(id) ?? 0) + 1);
    cy.elements().remove();
    cy.add([
      ...g.nodes.map((n) => ({ group: 'nodes' as const, data: { id: n.id, name: n.name, type: n.type, colour: ENTITY_COLOURS[n.type ?? ''] ?? '#ccc', size: 18 + 6 * Math.min(6, degree.get(n.id) ?? 1) } })),
      ...g.edges.map((e) => ({ group: 'edges' as const, data: { id: e.id, source: e.source, target: e.target, kind: e.kind, colour: RELATION_COLOURS[e.kind] ?? '#999', arrow: e.kind === 'member' || e.kind === 'party-member' ? 'triangle' : 'none' } })),
    ]);
    cy.nodes().filter((n) => before.size > 0 && !before.has(n.id())).addClass('new');
    cy.layout({ name: 'cose', animate: false, randomize: false, nodeRepulsion: () => 9000, idealEdgeLength: () => 90, padding: 30 } as cytoscape.LayoutOptions).run();
    dayLabel.textContent = g.asOf;
    summary.textContent = `${g.asOf}: ${g.nodes.length} actors, ${g.edges.length} ties`;
    current = g;
  };
  cy.on('tap', 'node', (ev) => { location.hash = actorHref(ev.target.id() as string); });
  cy.on('tap', 'edge', (ev) => {
    const edge = current.edges.find((e) => e.id === ev.target.id());
    if (!edge) return;
    const name = (id: string) => current.nodes.find((n) => n.id === id)?.name ?? id;
    const opening = el('p', { class: 'muted' }, 'reading the evidence…');
    detail.replaceChildren(el('p', {}, el('strong', {}, name(edge.source)), ` ${KIND_LABEL[edge.kind] ?? edge.kind} `, el('strong', {}, name(edge.target)), edge.from ? ` since ${edge.from}` : ''), opening);
    void api<EdgeEvidence>(`/api/graph/edges/${encodeURIComponent(edge.id)}`).then((x) => {
      opening.replaceWith(evidence(x.evidence) ?? el('p', { class: 'muted' }, 'no opening evidence recorded'));
    }, () => opening.replaceWith(el('p', { class: 'muted' }, 'the evidence could not be read')));
  });
  show(first);
  const goTo = async (i: number) => {
    slider.value = String(i);
    const day = days[i]!;
    history.replaceState(null, '', `#/graph?asOf=${day}`);
    show(await api<GraphView>('/api/graph', { asOf: day }));
  };
  slider.addEventListener('input', () => void goTo(Number(slider.value)));
  let timer: ReturnType<typeof setInterval> | undefined;
  play.addEventListener('click', () => {
    if (timer) {
      clearInterval(timer);
      timer = undefined;
      play.textContent = '▶ replay';
      return;
    }
    let i = 0;
    play.textContent = '❚❚ pause';
    void goTo(i);
    timer = setInterval(() => {
      i += 1;
      if (i >= days.length || !host.isConnected) {
        clearInterval(timer);
        timer = undefined;
        play.textContent = '▶ replay';
        return;
      }
      void goTo(i);
    }, 1200);
  });
}
