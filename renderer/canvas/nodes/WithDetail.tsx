import { Handle, Position, type NodeProps, type NodeTypes } from '@xyflow/react';
import { createContext, memo, useContext, type ComponentType } from 'react';
import { stratumLabel, type DecisionMakerData, type NodeKind, type NoteData, type RoleData } from '../../../shared/model';
import { expectedSize } from '../../../shared/layout/expected-size';
import type { BoardFlowNode } from '../../state/flow';
import { ringInset } from '../golden-circle-fit';
import { isCompactKind, type CompactKind, type Detail } from './detail';
import { CardLabel } from '../LabelEditor';
import { useIsEditing, useLabelEditing } from '../useLabelEditing';
import { HorizontalHandles, VerticalHandles } from './Handles';
import { NameEditor } from './NameEditor';

/** How much of each node the surface's zoom shows (detail.ts). Without a provider every node is drawn in full. */
export const DetailContext = createContext<Detail>('full');

function kindClass(kind: NodeKind, data: BoardFlowNode['data']): string {
  switch (kind) {
    case 'decisionMaker':
      return `decision-maker stance-${(data as DecisionMakerData).stance}`;
    case 'note':
      return `note category-${(data as NoteData).category}${(data as NoteData).hidden ? ' is-hidden' : ''}`;
    case 'goldenCircle':
      return 'golden-circle';
    default:
      return kind;
  }
}

interface BoxProps {
  kind: NodeKind;
  data: BoardFlowNode['data'];
  selected: boolean;
  width?: number;
  height?: number;
}

// The size React Flow measured, or its estimate before that (flow.ts); for a node it has neither
// for (0: a board opened zoomed out, too small to cull), the size the layouts expect, which its
// compact card has too. Whole pixels, as React Flow measures them, so a box drawn at its estimate
// leaves React Flow no size to report (flow.ts, toArrivingFlowNode).
function boxSize({ kind, data, width, height }: BoxProps) {
  const expected = expectedSize(kind, data);
  return { width: Math.floor(width || expected.width), height: Math.floor(height || expected.height) };
}

/**
 * A role or a decision-maker seen from afar: its name and stratum only, in large type, in the box
 * of its full card, so the layout and the edges stay where they were. The box is the full card's
 * size worked out from its text (the size the layouts use), not measured: a surface that opens
 * zoomed out (the projector, a printed page) never draws the full card to measure it. Its name is
 * edited in place, in that type.
 */
function CompactCard({ id, kind, data, selected }: BoxProps & { id: string; kind: CompactKind }) {
  const person = kind === 'role' ? (data as RoleData).person : (data as DecisionMakerData).name;
  const stratum = (data as RoleData | DecisionMakerData).stratum;
  const size = expectedSize(kind, data);
  const labelEditing = useLabelEditing(id, kind);
  return (
    <div className={`gw-node compact-card ${kindClass(kind, data)}${selected ? ' is-selected' : ''}`} style={size}>
      {kind === 'role' ? <VerticalHandles /> : <HorizontalHandles />}
      {stratum !== null && (
        <span className="compact-stratum">
          <span className="visually-hidden">Stratum </span>
          {stratumLabel(stratum)}
        </span>
      )}
      <CardLabel
        className="compact-name"
        text={person || 'Unnamed'}
        editor={labelEditing.editing && <NameEditor id={id} kind={kind} value={person} labelEditing={labelEditing} />}
      />
    </div>
  );
}

/**
 * A node far out of reading distance: its box, shape and colour at its usual size, and its
 * handles for the edges; none of the text, badges and editing a legible node carries. On a big
 * board seen whole this is most of the cost of opening and moving it.
 */
function OverviewBox(props: BoxProps) {
  const { kind, data, selected } = props;
  return (
    <div className={`gw-node ${kindClass(kind, data)}${selected ? ' is-selected' : ''}`} style={boxSize(props)}>
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

/** The node type for `kind`: in full, as a compact card, or as its overview box, as the zoom allows (detail.ts). */
export function withDetail(kind: NodeKind, Full: ComponentType<NodeProps<BoardFlowNode>>): NodeTypes[string] {
  const boxOf = (props: NodeProps<BoardFlowNode>) => ({ kind, data: props.data, selected: props.selected, width: props.width, height: props.height });
  const atNames = (props: NodeProps<BoardFlowNode>) => (isCompactKind(kind) ? <CompactCard {...boxOf(props)} id={props.id} kind={kind} /> : <Full {...props} />);
  /**
   * A bare box, except while it is edited: then as at `names`, so what is typed is seen. Only
   * boxes ask whether they are edited; a card's own editor asks already.
   */
  function Afar(props: NodeProps<BoardFlowNode>) {
    return useIsEditing(props.id) ? atNames(props) : <OverviewBox {...boxOf(props)} />;
  }
  return memo(function NodeAtDetail(props: NodeProps<BoardFlowNode>) {
    const detail = useContext(DetailContext);
    if (detail === 'shapes') return <Afar {...props} />;
    if (detail === 'names') return atNames(props);
    return <Full {...props} />;
  }) as NodeTypes[string];
}
