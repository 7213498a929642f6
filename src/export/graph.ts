/**
 * The alliance graph: parties, people and bodies as nodes; relations (ally, coalition, opposition, negotiating,
 * member) and party memberships as edges, each with its kind, polarity and the intervals it held. The graph is
 * a graphology graph, written as GEXF (graphology-gexf, with the intervals as GEXF 1.3 spells so Gephi plays it
 * over time) or as GraphML.
 */
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import { XMLBuilder } from 'fast-xml-parser';
import graphology from 'graphology';
import { write as writeGexfStatic } from 'graphology-gexf';
import type { RelationKind } from '../document/layers.js';
import { ActorCoder } from './actor-codes.js';
import type { Evidence, ExportSource } from './source.js';

// graphology is CommonJS; under NodeNext its classes arrive on the default export.
const { MultiGraph } = graphology as unknown as { MultiGraph: typeof graphology.MultiGraph };

export interface AllianceNode {
  label: string;
  actor_type: string;
  country: string;
  sector: string;
  aliases: string;
}

export interface EdgeInterval {
  from?: string;
  to?: string;
}

export interface AllianceEdge {
  kind: RelationKind;
  /** positive for ally, coalition, negotiating and member; negative for opposition (a signed network). */
  polarity: 'positive' | 'negative';
  /** First day of the first interval (YYYY-MM-DD), empty when only its end is known. */
  from: string;
  /** Day the last interval ended (exclusive), empty while the relation holds. */
  to: string;
  /** Every interval, as ISO 8601 intervals separated by ";" ("2024-01-20/2024-02-03;2024-02-10/.."). */
  intervals_iso: string;
  intervals: EdgeInterval[];
  /** How many reports the intervals rest on. */
  reports: number;
  evidence: string;
  evidence_article: string;
}

export type AllianceGraph = InstanceType<typeof MultiGraph<AllianceNode, AllianceEdge>>;

const DIRECTED: ReadonlySet<RelationKind> = new Set(['member']);
const POLARITY: Record<RelationKind, AllianceEdge['polarity']> = {
  ally: 'positive', coalition: 'positive', negotiating: 'positive', member: 'positive', opposition: 'negative',
};

function isoInterval(i: EdgeInterval): string {
  return `${i.from ?? '..'}/${i.to ?? '..'}`;
}

/** The alliance graph of the record: every actor in a relation or membership, every relation as one edge. */
export function allianceGraph(source: ExportSource): AllianceGraph {
  const graph: AllianceGraph = new MultiGraph<AllianceNode, AllianceEdge>({ type: 'mixed', allowSelfLoops: false });
  const coder = new ActorCoder(source);
  const node = (id: string): void => {
    if (graph.hasNode(id)) return;
    const actor = source.actor(id);
    const codes = coder.codes(id);
    graph.addNode(id, {
      label: actor?.name ?? id,
      actor_type: actor?.type ?? '',
      country: codes.country ?? '',
      sector: codes.sectors.join(''),
      aliases: (actor?.aliases ?? []).join('; '),
    });
  };
  const edge = (kind: RelationKind, a: string, b: string, interval: EdgeInterval & { opened?: Evidence; reports: Evidence[] }): void => {
    if (a === b) return;
    node(a);
    node(b);
    const key = `${kind}:${a}:${b}`;
    const span: EdgeInterval = { ...(interval.from && { from: interval.from }), ...(interval.to && { to: interval.to }) };
    if (graph.hasEdge(key)) {
      const attrs = graph.getEdgeAttributes(key);
      const intervals = [...attrs.intervals, span].sort((x, y) => (x.from ?? '').localeCompare(y.from ?? ''));
      graph.mergeEdgeAttributes(key, {
        intervals,
        intervals_iso: intervals.map(isoInterval).join(';'),
        from: intervals[0]?.from ?? '',
        to: intervals.every((i) => i.to) ? intervals.map((i) => i.to!).sort().at(-1)! : '',
        reports: attrs.reports + interval.reports.length,
      });
      return;
    }
    const evidence = interval.opened ?? interval.reports[0];
    const attrs: AllianceEdge = {
      kind, polarity: POLARITY[kind], from: span.from ?? '', to: span.to ?? '', intervals: [span], intervals_iso: isoInterval(span),
      reports: interval.reports.length, evidence: evidence ? source.quote(evidence).text : '', evidence_article: evidence?.article ?? '',
    };
    if (DIRECTED.has(kind)) graph.addDirectedEdgeWithKey(key, a, b, attrs);
    else graph.addUndirectedEdgeWithKey(key, a, b, attrs);
  };
  for (const r of source.relations()) edge(r.kind, r.a, r.b, r);
  for (const m of source.memberships()) edge('member', m.person, m.org, m);
  return graph;
}

/** Node and edge attributes written to files: the scalar ones (the interval list is written as spells or ISO text). */
function scalarAttributes(attrs: object): Record<string, string | number> {
  return Object.fromEntries(Object.entries(attrs).filter(([, v]) => typeof v === 'string' || typeof v === 'number'));
}

/**
 * GEXF 1.3 in dynamic mode: graphology-gexf writes the nodes, edges and their attributes (its writer has no
 * dynamic mode), then each edge gets its intervals as <spells>, each node the span of its edges, and the graph
 * `mode="dynamic"` with dates as the time format, through the XML DOM rather than by editing text.
 */
export function writeGexf(graph: AllianceGraph): string {
  const xml = writeGexfStatic(graph, {
    version: '1.3',
    formatNode: (_key, attrs) => ({ label: attrs.label, attributes: scalarAttributes({ ...attrs, label: undefined }) }),
    formatEdge: (_key, attrs) => ({ label: attrs.kind, kind: attrs.kind, attributes: scalarAttributes(attrs) }),
  });
  const dom = new DOMParser().parseFromString(xml, 'application/xml');
  const ns = dom.documentElement!.namespaceURI;
  const graphElement = dom.getElementsByTagName('graph')[0]!;
  graphElement.setAttribute('mode', 'dynamic');
  graphElement.setAttribute('timeformat', 'date');
  graphElement.setAttribute('timerepresentation', 'interval');
  const spellsOf = (intervals: EdgeInterval[]) => {
    const spells = dom.createElementNS(ns, 'spells');
    for (const interval of intervals) {
      const spell = dom.createElementNS(ns, 'spell');
      if (interval.from) spell.setAttribute('start', interval.from);
      if (interval.to) spell.setAttribute('end', interval.to);
      spells.appendChild(spell);
    }
    return spells;
  };
  const edges = dom.getElementsByTagName('edge');
  for (let i = 0; i < edges.length; i++) {
    const element = edges.item(i)!;
    element.appendChild(spellsOf(graph.getEdgeAttribute(element.getAttribute('id')!, 'intervals')));
  }
  // A node is on the timeline from its first relation to the end of its last, so Gephi does not show it
  // before (or after) it takes part; an open or undated end leaves that side open.
  const nodes = dom.getElementsByTagName('node');
  for (let i = 0; i < nodes.length; i++) {
    const element = nodes.item(i)!;
    const intervals = graph.mapEdges(element.getAttribute('id')!, (_key, attrs) => attrs.intervals).flat();
    const from = intervals.every((x) => x.from) ? intervals.map((x) => x.from!).sort()[0] : undefined;
    const to = intervals.every((x) => x.to) ? intervals.map((x) => x.to!).sort().at(-1) : undefined;
    if (from || to) element.appendChild(spellsOf([{ ...(from && { from }), ...(to && { to }) }]));
  }
  return new XMLSerializer().serializeToString(dom);
}

/**
 * GraphML (graphml.graphdrawing.org): keys declared from the attributes, one <edge> per relation with
 * `directed="true"` for memberships. Written with fast-xml-parser's builder because graphology-graphml
 * (0.5) only parses GraphML.
 */
export function writeGraphml(graph: AllianceGraph): string {
  type Domain = 'node' | 'edge';
  const keys = new Map<string, { id: string; for: Domain; name: string; type: string }>();
  const declare = (domain: Domain, attrs: Record<string, string | number>): void => {
    for (const [name, value] of Object.entries(attrs)) {
      const id = `${domain}_${name}`;
      if (!keys.has(id)) keys.set(id, { id, for: domain, name, type: typeof value === 'number' ? 'int' : 'string' });
    }
  };
  const data = (domain: Domain, attrs: Record<string, string | number>) =>
    Object.entries(attrs).filter(([, v]) => v !== '').map(([name, v]) => ({ '@_key': `${domain}_${name}`, '#text': String(v) }));
  const nodes = graph.mapNodes((key, attrs) => {
    const scalar = scalarAttributes(attrs);
    declare('node', scalar);
    return { '@_id': key, data: data('node', scalar) };
  });
  const edges = graph.mapEdges((key, attrs, source, target, _sa, _ta, undirected) => {
    const scalar = scalarAttributes(attrs);
    declare('edge', scalar);
    return { '@_id': key, '@_source': source, '@_target': target, ...(!undirected && { '@_directed': 'true' }), data: data('edge', scalar) };
  });
  // Without suppressBooleanAttributes: false the builder writes `directed="true"` as a bare `directed`, which is not XML.
  const builder = new XMLBuilder({ ignoreAttributes: false, format: true, suppressEmptyNode: true, suppressBooleanAttributes: false });
  return `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build({
    graphml: {
      '@_xmlns': 'http://graphml.graphdrawing.org/xmlns',
      '@_xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      '@_xsi:schemaLocation': 'http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd',
      key: [...keys.values()].map((k) => ({ '@_id': k.id, '@_for': k.for, '@_attr.name': k.name, '@_attr.type': k.type })),
      graph: { '@_id': 'alliances', '@_edgedefault': 'undirected', node: nodes, edge: edges },
    },
  }) as string}`;
}
