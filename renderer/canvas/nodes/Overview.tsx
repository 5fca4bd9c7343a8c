import { Handle, Position, type NodeProps, type NodeTypes } from '@xyflow/react';
import { createContext, memo, useContext, type ComponentType } from 'react';
import type { DecisionMakerData, NodeKind, NoteData } from '../../../shared/model';
import { EXPECTED_SIZE, type BoardFlowNode } from '../../state/flow';
import { ringInset } from '../golden-circle-fit';
import { HorizontalHandles, VerticalHandles } from './Handles';

/**
 * Whether the canvas is zoomed out past reading distance (Canvas.tsx). Without a provider (the
 * audience view, the printed page) every node is drawn in full.
 */
export const OverviewContext = createContext(false);

function kindClass(kind: NodeKind, data: BoardFlowNode['data']): string {
  switch (kind) {
    case 'decisionMaker':
      return `decision-maker stance-${(data as DecisionMakerData).stance}`;
    case 'note':
      return `note category-${(data as NoteData).category}`;
    case 'goldenCircle':
      return 'golden-circle';
    default:
      return kind;
  }
}

/**
 * A node far out of reading distance: its box, shape and colour at its usual size, and its
 * handles for the edges; none of the text, badges and editing a legible node carries. On a big
 * board seen whole this is most of the cost of opening and moving it.
 */
function OverviewBox({ kind, data, selected, width, height }: { kind: NodeKind; data: BoardFlowNode['data']; selected: boolean; width?: number; height?: number }) {
  // The size React Flow measured, or its estimate before that (flow.ts: half a pixel over). Whole
  // pixels, as React Flow measures them: the estimate's half pixel would otherwise resize every
  // box once it is measured, and React Flow would measure them all a second time.
  const size = { width: Math.floor(width ?? EXPECTED_SIZE[kind].width), height: Math.floor(height ?? EXPECTED_SIZE[kind].height) };
  return (
    <div className={`gw-node ${kindClass(kind, data)}${selected ? ' is-selected' : ''}`} style={size}>
      {kind === 'stage' && (
        <svg className="stage-shape" viewBox="0 0 100 100" preserveAspectRatio="none" aria-hidden="true">
          <polygon points="0,0 88,0 100,50 88,100 0,100 10,50" vectorEffect="non-scaling-stroke" />
        </svg>
      )}
      {kind === 'goldenCircle' ? (
        <>
          <div className="gc-ring gc-what" style={{ inset: ringInset('what') }} aria-hidden="true" />
          <Handle type="target" position={Position.Top} />
          <Handle type="source" position={Position.Bottom} />
        </>
      ) : kind === 'decisionMaker' || kind === 'stage' ? (
        <HorizontalHandles />
      ) : (
        <VerticalHandles />
      )}
    </div>
  );
}

/** The node type for `kind`: in full, or as its overview box while the canvas is zoomed far out. */
export function withOverview(kind: NodeKind, Full: ComponentType<NodeProps<BoardFlowNode>>): NodeTypes[string] {
  return memo(function OverviewOrFull(props: NodeProps<BoardFlowNode>) {
    const overview = useContext(OverviewContext);
    if (!overview) return <Full {...props} />;
    return <OverviewBox kind={kind} data={props.data} selected={props.selected} width={props.width} height={props.height} />;
  }) as NodeTypes[string];
}
