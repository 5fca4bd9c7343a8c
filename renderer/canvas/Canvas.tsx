import {
  Background,
  BackgroundVariant,
  Controls,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  type Connection,
  type NodeMouseHandler,
  type OnMoveEnd,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback } from 'react';
import { defaultEdgeKind, newId } from '../../shared/model';
import { useBoard } from '../state/board-store';
import type { BoardFlowEdge, BoardFlowNode } from '../state/flow';
import { nodeTypes } from './nodes';
import { Palette } from './Palette';
import { useCanvasKeys } from './useCanvasKeys';
import { useViewportSaver } from './useViewportSaver';

const SNAP_GRID: [number, number] = [16, 16];
const MULTI_SELECT_KEYS = ['Shift', 'Meta', 'Control'];
/** Padding keeps fitted nodes clear of the toolbar; maxZoom keeps a lone node from filling the screen. */
const FIT_VIEW = { padding: 0.2, maxZoom: 1.25 };

function connect(connection: Connection): void {
  const { doc, edit } = useBoard.getState();
  const source = doc.nodes.get(connection.source);
  const target = doc.nodes.get(connection.target);
  if (!source || !target || source.id === target.id) return;
  edit([
    {
      type: 'edge.add',
      edge: { id: newId('e'), kind: defaultEdgeKind(source.kind, target.kind), source: source.id, target: target.id, data: { label: '', strength: null } },
    },
  ]);
}

const MINIMAP_COLOURS: Record<string, string> = { role: '#13222b', note: '#e0b400', text: '#0d5c63' };
const minimapColour = (node: BoardFlowNode) => MINIMAP_COLOURS[node.type ?? ''] ?? '#8a9aa3';

const startEditing: NodeMouseHandler<BoardFlowNode> = (_event, node) => useBoard.getState().setEditing(node.id);

function Flow({ boardId }: { boardId: string }) {
  const nodes = useBoard((s) => s.nodes);
  const edges = useBoard((s) => s.edges);
  const initialViewport = useBoard((s) => s.initialViewport);
  const onNodesChange = useBoard((s) => s.onFlowNodesChange);
  const onEdgesChange = useBoard((s) => s.onFlowEdgesChange);
  const saveViewport = useViewportSaver(boardId);
  const onMoveEnd: OnMoveEnd = useCallback((_event, viewport) => saveViewport(viewport), [saveViewport]);
  const flow = useReactFlow<BoardFlowNode, BoardFlowEdge>();
  useCanvasKeys();

  return (
    <div className="canvas" aria-label="Board canvas">
      <Palette flow={flow} />
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={connect}
        onNodeDoubleClick={startEditing}
        onMoveEnd={onMoveEnd}
        defaultViewport={initialViewport ?? undefined}
        fitView={!initialViewport}
        fitViewOptions={FIT_VIEW}
        minZoom={0.05}
        maxZoom={4}
        snapToGrid
        snapGrid={SNAP_GRID}
        deleteKeyCode={null}
        multiSelectionKeyCode={MULTI_SELECT_KEYS}
        zoomOnDoubleClick={false}
        proOptions={{ hideAttribution: true }}
      >
        <Background variant={BackgroundVariant.Dots} gap={SNAP_GRID[0] * 2} size={1.5} />
        <Controls position="bottom-left" showInteractive={false} fitViewOptions={FIT_VIEW} />
        <MiniMap position="bottom-right" pannable zoomable ariaLabel="Minimap" nodeColor={minimapColour} />
      </ReactFlow>
    </div>
  );
}

/** The board's canvas; remounted per board so each opens at its own stored viewport. */
export function Canvas({ boardId }: { boardId: string }) {
  return (
    <ReactFlowProvider key={boardId}>
      <Flow boardId={boardId} />
    </ReactFlowProvider>
  );
}
