import { useInternalNode, useStore } from '@xyflow/react';
import { memo } from 'react';
import { BoardPortal } from '../canvas/BoardPortal';
import { usePresence } from './presence-store';
import './presence.css';

/** One of the other's selected nodes, outlined; the first of their selection carries their name. */
const Outline = memo(function Outline({ nodeId, name, zoom }: { nodeId: string; name: string | null; zoom: number }) {
  const node = useInternalNode(nodeId);
  if (!node) return null;
  const { x, y } = node.internals.positionAbsolute;
  const width = node.measured.width ?? 0;
  const height = node.measured.height ?? 0;
  return (
    // The line and the name keep their size on screen whatever the zoom, so a name stays readable zoomed out.
    <div className="presence-outline" style={{ transform: `translate(${x - 4}px, ${y - 4}px)`, width: width + 8, height: height + 8, borderWidth: 3 / zoom }}>
      {name && (
        <span className="presence-name" style={{ transform: `scale(${1 / zoom})` }}>
          {name}
        </span>
      )}
    </div>
  );
});

/** Where the other laptops are on this board: their selections, outlined with their names. */
const zoomOf = (s: { transform: [number, number, number] }) => s.transform[2];

export function PresenceOutlines() {
  const others = usePresence((s) => s.others);
  const zoom = useStore(zoomOf);
  return (
    <BoardPortal>
      {Object.values(others).flatMap((presence) =>
        presence.nodeIds.map((nodeId, i) => <Outline key={`${presence.clientId}:${nodeId}`} nodeId={nodeId} name={i === 0 ? presence.name : null} zoom={zoom} />),
      )}
    </BoardPortal>
  );
}
