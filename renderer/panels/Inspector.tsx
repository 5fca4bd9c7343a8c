import { allowedEdgeKinds, EDGE_KIND_NAMES, NODE_KIND_INFO, type BoardEdge, type BoardNode, type EdgeKind } from '../../shared/model';
import { recoveryHorizon } from '../../shared/levels/strata';
import { selectionOf, useBoard } from '../state/board-store';
import { FieldInput } from './FieldInput';

function useSelection(): { node?: BoardNode; edge?: BoardEdge; count: number } {
  const nodeIds = useBoard((s) => selectionOf(s).nodeIds.join(' '));
  const edgeIds = useBoard((s) => selectionOf(s).edgeIds.join(' '));
  const ids = nodeIds ? nodeIds.split(' ') : [];
  const edges = edgeIds ? edgeIds.split(' ') : [];
  const node = useBoard((s) => (ids.length === 1 && edges.length === 0 ? s.doc.nodes.get(ids[0]) : undefined));
  const edge = useBoard((s) => (edges.length === 1 && ids.length === 0 ? s.doc.edges.get(edges[0]) : undefined));
  return { node, edge, count: ids.length + edges.length };
}

function NodeInspector({ node }: { node: BoardNode }) {
  const data = node.data as Record<string, unknown>;
  const horizon = node.kind === 'role' ? recoveryHorizon(node.data) : null;
  return (
    <form className="inspector" aria-label={`${NODE_KIND_INFO[node.kind].name} details`} onSubmit={(e) => e.preventDefault()}>
      <h2>{NODE_KIND_INFO[node.kind].name}</h2>
      {NODE_KIND_INFO[node.kind].fields.map((spec) => (
        <FieldInput
          key={`${node.id}-${spec.key}`}
          spec={spec}
          value={data[spec.key]}
          onCommit={(value) => useBoard.getState().edit([{ type: 'node.update', id: node.id, data: { [spec.key]: value } }])}
        />
      ))}
      {horizon && <p className="inspector-hint">Recovery horizon: {horizon}. That is roughly how long a bad hire or a bad decision in this role takes to show and to mend.</p>}
    </form>
  );
}

function EdgeInspector({ edge }: { edge: BoardEdge }) {
  const kinds = useBoard((s) => {
    const source = s.doc.nodes.get(edge.source);
    const target = s.doc.nodes.get(edge.target);
    return source && target ? allowedEdgeKinds(source.kind, target.kind).join(' ') : 'relates';
  }).split(' ') as EdgeKind[];
  const edit = (patch: Partial<Pick<BoardEdge, 'kind'>> & { data?: Partial<BoardEdge['data']> }) =>
    useBoard.getState().edit([{ type: 'edge.update', id: edge.id, ...patch }]);
  return (
    <form className="inspector" aria-label="Edge details" onSubmit={(e) => e.preventDefault()}>
      <h2>Edge</h2>
      <FieldInput
        spec={{ key: 'kind', label: 'Kind', type: 'select', options: kinds.map((k) => ({ value: k, label: EDGE_KIND_NAMES[k] })) }}
        value={edge.kind}
        onCommit={(kind) => edit({ kind: kind as EdgeKind, data: { strength: kind === 'influences' ? (edge.data.strength ?? 3) : null } })}
      />
      <FieldInput spec={{ key: 'label', label: 'Label', type: 'text' }} value={edge.data.label} onCommit={(label) => edit({ data: { label: String(label) } })} />
      {edge.kind === 'influences' && (
        <FieldInput spec={{ key: 'strength', label: 'Strength (1–5)', type: 'number', min: 1, max: 5 }} value={edge.data.strength ?? 3} onCommit={(strength) => edit({ data: { strength: Number(strength) } })} />
      )}
    </form>
  );
}

/** Edits every field of the one selected node or edge. */
export function Inspector() {
  const { node, edge, count } = useSelection();
  if (node) return <NodeInspector key={node.id} node={node} />;
  if (edge) return <EdgeInspector key={edge.id} edge={edge} />;
  return <p className="panel-empty">{count > 1 ? `${count} items selected. Select one to see its details.` : 'Select a node or an edge to see and edit its details.'}</p>;
}
