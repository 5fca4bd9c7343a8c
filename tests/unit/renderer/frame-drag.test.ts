import type { NodeChange } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import { createDoc } from '../../../shared/ops';
import type { BoardFlowNode } from '../../../renderer/state/flow';
import { frameContents, withFrameContents } from '../../../renderer/state/frame-drag';
import { noteNode, sampleNode } from '../../helpers/sample';

const frame = sampleNode('frame', { id: 'f', position: { x: 0, y: 0 }, size: { width: 600, height: 400 } });
const inside = noteNode({ id: 'in', position: { x: 100, y: 100 } });
const straddling = noteNode({ id: 'edge', position: { x: 550, y: 100 } });
const outside = noteNode({ id: 'out', position: { x: 900, y: 100 } });
const doc = createDoc([frame, inside, straddling, outside]);
const measured = (id: string): BoardFlowNode => ({ id, type: id === 'f' ? 'frame' : 'note', position: { x: 0, y: 0 }, data: {} as BoardFlowNode['data'], measured: { width: 200, height: 120 } });
const flowNodes = ['f', 'in', 'edge', 'out'].map(measured);

describe('dragging a frame', () => {
  it('carries the nodes lying wholly inside it, and only those', () => {
    expect(frameContents(doc, 'f', flowNodes)).toEqual(['in']);
  });

  it('moves the contents by the frame’s offset, settled together when the drag ends', () => {
    const drag: NodeChange<BoardFlowNode>[] = [{ type: 'position', id: 'f', position: { x: 30, y: -20 }, dragging: false }];
    const changes = withFrameContents(drag, doc, () => ['in']);
    expect(changes).toContainEqual({ type: 'position', id: 'in', position: { x: 130, y: 80 }, dragging: false });
    expect(changes).toHaveLength(2);
  });

  it('leaves a content node alone when it is itself part of the drag', () => {
    const drag: NodeChange<BoardFlowNode>[] = [
      { type: 'position', id: 'f', position: { x: 30, y: 0 }, dragging: true },
      { type: 'position', id: 'in', position: { x: 130, y: 100 }, dragging: true },
    ];
    expect(withFrameContents(drag, doc, () => ['in'])).toBe(drag);
  });
});
