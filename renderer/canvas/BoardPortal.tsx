import { useStore, type ReactFlowState } from '@xyflow/react';
import type { ReactNode } from 'react';
import { createPortal } from 'react-dom';

const portals = new WeakMap<HTMLElement, Element>();

/** React Flow's element for drawing in the board's coordinates, looked up once per flow. */
function portalOf(s: ReactFlowState): Element | null {
  if (!s.domNode) return null;
  let portal = portals.get(s.domNode);
  if (!portal) {
    portal = s.domNode.querySelector('.react-flow__viewport-portal') ?? undefined;
    if (portal) portals.set(s.domNode, portal);
  }
  return portal ?? null;
}

/**
 * Children drawn on the board, moving and zooming with it: React Flow's ViewportPortal, but its
 * ViewportPortal looks its element up again, through the whole board's DOM, on every change of
 * React Flow's store (each frame of a drag or a pan).
 */
export function BoardPortal({ children }: { children: ReactNode }) {
  const portal = useStore(portalOf);
  return portal ? createPortal(children, portal) : null;
}
