import type { ReactFlowInstance } from '@xyflow/react';
import { useBoard } from '../state/board-store';
import type { BoardFlowEdge, BoardFlowNode } from '../state/flow';

/**
 * Selects the first node (the one to look at or fix, so the inspector shows it) and brings all
 * the nodes involved into view, as clicking a finding or a signal does.
 */
export function selectAndCentre(flow: ReactFlowInstance<BoardFlowNode, BoardFlowEdge>, nodeIds: string[]): void {
  if (!nodeIds.length) return;
  useBoard.getState().selectOnly([nodeIds[0]]);
  void flow.fitView({ nodes: nodeIds.map((id) => ({ id })), maxZoom: 1.25, minZoom: 0.3, duration: 300, padding: 0.5 });
}
