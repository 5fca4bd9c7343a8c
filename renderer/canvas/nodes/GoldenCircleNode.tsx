import { Handle, Position, type NodeProps } from '@xyflow/react';
import { Fragment, memo, useMemo } from 'react';
import { NODE_KIND_INFO, type GoldenCircleData } from '../../../shared/model';
import { NodeBadges } from '../../findings/NodeBadges';
import type { BoardFlowNode } from '../../state/flow';
import { RINGS, type Ring } from '../../../shared/model';
import { fitGoldenCircle, neededDiameter, ringInset, type FittedRing } from '../golden-circle-fit';
import { LabelEditor } from '../LabelEditor';
import { measureCircle } from '../measure-words';
import { useLabelEditing } from '../useLabelEditing';
import { Resizer } from './Resizer';

const FALLBACK = NODE_KIND_INFO.goldenCircle.expectedSize;
const SMALLEST = 240;
const LABELS: Record<Ring, string> = { why: 'Why', how: 'How', what: 'What' };

function RingText({ ring, fitted }: { ring: Ring; fitted: FittedRing }) {
  if (!fitted.lines.length) return null;
  return (
    <p className={`gc-text gc-text-${ring}`} style={{ top: fitted.lines[0].top, fontSize: fitted.fontSize, lineHeight: `${fitted.lineHeight}px` }}>
      {/* A space between the lines (collapsed between blocks) keeps the words apart for screen readers and copying. */}
      {fitted.lines.map((line, i) => (
        <Fragment key={i}>
          {i > 0 && ' '}
          <span className="gc-line">{line.text || '\u00a0'}</span>
        </Fragment>
      ))}
    </p>
  );
}

/**
 * Why at the centre, how around it, what outside, each ring's words fitted to it
 * (golden-circle-fit.ts): a circle too small for its words is drawn as large as they need
 * (flow.ts gives React Flow that size), and cannot be resized smaller. Why is edited here, all
 * three in the inspector.
 */
export const GoldenCircleNode = memo(function GoldenCircleNode({ id, data, selected, width }: NodeProps<BoardFlowNode>) {
  const circle = data as GoldenCircleData;
  const { editing, commit, cancel, seed } = useLabelEditing(id, 'goldenCircle');
  const texts = useMemo(() => measureCircle(circle), [circle]);
  const smallest = useMemo(() => neededDiameter(texts, SMALLEST), [texts]);
  const fit = useMemo(() => fitGoldenCircle(texts, width ?? FALLBACK.width), [texts, width]);
  const { diameter } = fit;
  return (
    <div className={`gw-node golden-circle${selected ? ' is-selected' : ''}`} style={{ width: diameter, height: diameter }}>
      <Resizer id={id} selected={selected} minWidth={smallest} minHeight={smallest} keepAspectRatio />
      <Handle type="target" position={Position.Top} />
      {RINGS.slice()
        .reverse()
        .map((ring) => (
          <div key={ring} className={`gc-ring gc-${ring}`} style={{ inset: ringInset(ring) }} aria-hidden="true" />
        ))}
      {RINGS.map((ring) => (
        <span key={ring} className={`gc-label gc-label-${ring}`} style={{ top: fit.labelTop[ring], fontSize: fit.labelSize }}>
          {LABELS[ring]}
        </span>
      ))}
      {editing ? (
        <div className="gc-why-editor" style={{ top: fit.rings.why.lines[0]?.top ?? diameter * 0.4 }}>
          <LabelEditor value={circle.why} multiline label="Why" onCommit={commit} onCancel={cancel} seed={seed} />
        </div>
      ) : (
        <RingText ring="why" fitted={fit.rings.why} />
      )}
      <RingText ring="how" fitted={fit.rings.how} />
      <RingText ring="what" fitted={fit.rings.what} />
      <NodeBadges nodeId={id} />
      <Handle type="source" position={Position.Bottom} />
    </div>
  );
});
