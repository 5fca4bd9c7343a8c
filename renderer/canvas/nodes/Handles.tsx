import { Handle, Position, useNodeId, useUpdateNodeInternals } from '@xyflow/react';
import { createContext, useContext, useEffect, useMemo, useRef } from 'react';

/**
 * On a board only shown (the projector, a printed page), the nodes an edge meets: only their
 * cards draw handles, which nobody there drags from and which are hidden, but which React Flow
 * needs to draw an edge. Every other card is a few elements lighter to mount and to measure: in
 * a room's burst of notes, that is most of them. Null in the editor, where every card has its
 * handles to connect from.
 */
export const ConnectedNodesContext = createContext<ReadonlySet<string> | null>(null);

/** The nodes `edges` meet, as the same Set while they stay the same nodes (an edge relabelled draws no handle again). */
export function useConnectedNodes(edges: readonly { source: string; target: string }[]): ReadonlySet<string> {
  const key = useMemo(() => [...new Set(edges.flatMap((e) => [e.source, e.target]))].sort().join('\n'), [edges]);
  return useMemo(() => new Set(key ? key.split('\n') : []), [key]);
}

/**
 * Whether this card draws its handles. When they come or go after the card was measured (an edge
 * drawn to it on the projector), React Flow is told to measure them, or it could not draw the edge.
 */
function useHandlesDrawn(): boolean {
  const connected = useContext(ConnectedNodesContext);
  const id = useNodeId();
  const drawn = !connected || (id !== null && connected.has(id));
  const updateNodeInternals = useUpdateNodeInternals();
  const before = useRef(drawn);
  useEffect(() => {
    if (before.current === drawn || id === null) return;
    before.current = drawn;
    updateNodeInternals(id);
  }, [drawn, id, updateNodeInternals]);
  return drawn;
}

/** Top in, bottom out: reports-to runs from manager down to report. */
export function VerticalHandles() {
  if (!useHandlesDrawn()) return null;
  return (
    <>
      <Handle type="target" position={Position.Top} />
      <Handle type="source" position={Position.Bottom} />
    </>
  );
}

/** Left in, right out: influence and process flow read left to right. */
export function HorizontalHandles() {
  if (!useHandlesDrawn()) return null;
  return (
    <>
      <Handle type="target" position={Position.Left} />
      <Handle type="source" position={Position.Right} />
    </>
  );
}
