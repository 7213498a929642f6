import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import graphology from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import { allianceGraph, exportSourceFromDocuments, writeGexf, writeGraphml } from '../../src/export/index.js';
import { budgetStory, recordId } from './fixture.js';

const { MultiGraph } = graphology as unknown as { MultiGraph: typeof graphology.MultiGraph };
const source = exportSourceFromDocuments(budgetStory());
const PPP = recordId(source, 'Pakistan Peoples Party');
const PMLN = recordId(source, 'Pakistan Muslim League-Nawaz');
const AMNA = recordId(source, 'Amna Sheikh');
const COALITION = `coalition:${PMLN}:${PPP}`;
const OPPOSITION = `opposition:${PMLN}:${PPP}`;
const MEMBER = `member:${AMNA}:${PPP}`;

describe('alliance graph', () => {
  it('has the parties and people in relations as nodes and one edge per relation, with kind, polarity and intervals', () => {
    const graph = allianceGraph(source);
    assert.deepEqual(graph.nodes().sort(), [AMNA, PMLN, PPP].sort());
    const coalition = graph.getEdgeAttributes(COALITION);
    assert.deepEqual([coalition.kind, coalition.polarity], ['coalition', 'positive']);
    assert.deepEqual(coalition.intervals, [{ from: '2024-05-10', to: '2024-06-20' }, { from: '2024-08-06' }]);
    assert.equal(coalition.intervals_iso, '2024-05-10/2024-06-20;2024-08-06/..');
    assert.equal(graph.getEdgeAttribute(OPPOSITION, 'polarity'), 'negative');
    assert.ok(graph.isDirected(MEMBER), 'membership points from the member to the party');
    assert.ok(graph.isUndirected(COALITION));
    assert.equal(graph.getNodeAttribute(PPP, 'country'), 'PAK');
  });

  it('writes GraphML that graphology-graphml reads back with every node, edge and attribute', () => {
    const graph = allianceGraph(source);
    const back = parseGraphml(MultiGraph, writeGraphml(graph));
    assert.equal(back.order, graph.order);
    assert.equal(back.size, graph.size);
    const edge = back.edges().find((e) => back.getEdgeAttribute(e, 'kind') === 'opposition')!;
    assert.deepEqual([back.getEdgeAttribute(edge, 'from'), back.getEdgeAttribute(edge, 'to'), back.getEdgeAttribute(edge, 'polarity')], ['2024-06-20', '2024-08-06', 'negative']);
    assert.equal(back.getNodeAttribute(PPP, 'label'), 'Pakistan Peoples Party');
    assert.equal(back.getEdgeAttribute(edge, 'reports'), 2, 'an int key comes back as a number');
    assert.ok(back.isDirected(MEMBER) && back.isUndirected(COALITION), 'membership edges come back directed');
    assert.ok(XMLValidator.validate(writeGraphml(graph)) === true, 'well-formed XML');
  });

  it('writes dynamic GEXF: graphology-gexf reads it back, and every edge carries its intervals as spells', () => {
    const graph = allianceGraph(source);
    const xml = writeGexf(graph);
    const back = parseGexf(MultiGraph, xml);
    assert.equal(back.order, graph.order);
    assert.equal(back.size, graph.size);
    assert.equal(back.getNodeAttribute(PPP, 'label'), 'Pakistan Peoples Party');
    assert.equal(back.getEdgeAttribute(COALITION, 'kind'), 'coalition');

    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['node', 'edge', 'spell', 'attribute', 'attvalue'].includes(name) }).parse(xml) as {
      gexf: { version: string; graph: { mode: string; timeformat: string; edges: { edge: { id: string; type?: string; spells: { spell: { start?: string; end?: string }[] } }[] } } };
    };
    assert.equal(doc.gexf.version, '1.3');
    assert.deepEqual([doc.gexf.graph.mode, doc.gexf.graph.timeformat], ['dynamic', 'date']);
    const coalition = doc.gexf.graph.edges.edge.find((e) => e.id === COALITION)!;
    assert.deepEqual(coalition.spells.spell, [{ start: '2024-05-10', end: '2024-06-20' }, { start: '2024-08-06' }]);
    assert.equal(coalition.type, 'undirected');
    assert.ok(doc.gexf.graph.edges.edge.every((e) => e.spells.spell.length >= 1));
    // A node is on the timeline from its first relation on: Amna Sheikh's only one, her party membership, still holds.
    const amna = (doc.gexf.graph as unknown as { nodes: { node: { id: string; spells?: { spell: { start?: string; end?: string }[] } }[] } }).nodes.node.find((n) => n.id === AMNA)!;
    assert.deepEqual(amna.spells?.spell, [{ start: '2024-05-10' }]);
  });
});
