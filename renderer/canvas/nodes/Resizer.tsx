import { NodeResizer, type OnResizeEnd } from '@xyflow/react';
import { useCallback } from 'react';
import { useBoard } from '../../state/board-store';

interface Props {
  id: string;
  selected: boolean;
  minWidth: number;
  minHeight: number;
  keepAspectRatio?: boolean;
}

/**
 * Resize handles for the kinds with a set size. React Flow shows the live size through its own
 * 'dimensions' changes; the end of the gesture is the edit, as one undo step with the move that
 * dragging a top or left handle implies.
 */
export function Resizer({ id, selected, minWidth, minHeight, keepAspectRatio = false }: Props) {
  const onResizeEnd = useCallback<OnResizeEnd>(
    (_event, { x, y, width, height }) => {
      const { doc, edit } = useBoard.getState();
      const node = doc.nodes.get(id);
      if (!node) return;
      const size = { width: Math.round(width), height: Math.round(height) };
      const position = { x: Math.round(x), y: Math.round(y) };
      const unchanged =
        node.size?.width === size.width && node.size?.height === size.height && node.position.x === position.x && node.position.y === position.y;
      if (unchanged) return;
      edit([
        { type: 'node.resize', id, size },
        { type: 'node.move', id, position },
      ]);
    },
    [id],
  );
  return (
    <NodeResizer
      isVisible={selected}
      minWidth={minWidth}
      minHeight={minHeight}
      keepAspectRatio={keepAspectRatio}
      onResizeEnd={onResizeEnd}
      handleClassName="gw-resize-handle"
      lineClassName="gw-resize-line"
    />
  );
}
