import type { NodeTypes } from '@xyflow/react';
import type { NodeKind } from '../../../shared/model';
import '../nodes.css';
import { DecisionMakerNode } from './DecisionMakerNode';
import { FrameNode } from './FrameNode';
import { GoldenCircleNode } from './GoldenCircleNode';
import { NoteNode } from './NoteNode';
import { RoleNode } from './RoleNode';
import { StageNode } from './StageNode';
import { TextNode } from './TextNode';

/** Declared once, outside any component, as React Flow asks: a new object per render remounts every node. */
export const nodeTypes = {
  role: RoleNode,
  decisionMaker: DecisionMakerNode,
  goldenCircle: GoldenCircleNode,
  note: NoteNode,
  stage: StageNode,
  frame: FrameNode,
  text: TextNode,
} satisfies NodeTypes & Record<NodeKind, unknown>;
