import type { NodeTypes } from '@xyflow/react';
import type { NodeKind } from '../../../shared/model';
import '../nodes.css';
import { DecisionMakerNode } from './DecisionMakerNode';
import { FrameNode } from './FrameNode';
import { GoldenCircleNode } from './GoldenCircleNode';
import { NoteNode } from './NoteNode';
import { withDetail } from './WithDetail';
import { RoleNode } from './RoleNode';
import { StageNode } from './StageNode';
import { TextNode } from './TextNode';

/**
 * Declared once, outside any component, as React Flow asks: a new object per render remounts
 * every node. Frames stay whole at any zoom: there are few, and their titles name regions.
 */
export const nodeTypes = {
  role: withDetail('role', RoleNode),
  decisionMaker: withDetail('decisionMaker', DecisionMakerNode),
  goldenCircle: withDetail('goldenCircle', GoldenCircleNode),
  note: withDetail('note', NoteNode),
  stage: withDetail('stage', StageNode),
  frame: FrameNode,
  text: withDetail('text', TextNode),
} satisfies NodeTypes & Record<NodeKind, unknown>;
