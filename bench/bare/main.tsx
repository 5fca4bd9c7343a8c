import { ReactFlow, useEdgesState, useNodesState, type Edge, type Node } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { createRoot } from 'react-dom/client';

/**
 * The bench's reference: React Flow as its docs show it (default nodes, useNodesState), with the
 * viewport options of our canvas (renderer/canvas/Canvas.tsx) so both pages fit the same view, and
 * its snapping grid, so a drag moves a node to the same places on both.
 */
const FIT_VIEW = { padding: 0.2, maxZoom: 1.25 };
const SNAP_GRID: [number, number] = [16, 16];

interface Options {
  culling: boolean;
  /** A fixed starting view (as our canvas opens a board with a stored viewport); none fits the view. */
  viewport: { x: number; y: number; zoom: number } | undefined;
}

function Bare({ flow, options }: { flow: { nodes: Node[]; edges: Edge[] }; options: Options }) {
  const [nodes, , onNodesChange] = useNodesState(flow.nodes);
  const [edges, , onEdgesChange] = useEdgesState(flow.edges);
  return (
    <ReactFlow
      nodes={nodes}
      edges={edges}
      onNodesChange={onNodesChange}
      onEdgesChange={onEdgesChange}
      defaultViewport={options.viewport}
      fitView={!options.viewport}
      fitViewOptions={FIT_VIEW}
      minZoom={0.02}
      maxZoom={4}
      snapToGrid
      snapGrid={SNAP_GRID}
      onlyRenderVisibleElements={options.culling}
      proOptions={{ hideAttribution: true }}
    />
  );
}

const params = new URLSearchParams(location.search);
const options: Options = {
  culling: params.get('culling') === '1',
  viewport: params.has('zoom') ? { x: Number(params.get('x')), y: Number(params.get('y')), zoom: Number(params.get('zoom')) } : undefined,
};
fetch(params.get('data') ?? 'flow.json')
  .then((response) => response.json())
  .then((flow) => {
    performance.mark('bench:data');
    createRoot(document.getElementById('root')!).render(<Bare flow={flow} options={options} />);
  });
