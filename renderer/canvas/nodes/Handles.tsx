import { Handle, Position } from '@xyflow/react';

/** Top in, bottom out: reports-to runs from manager down to report. */
export function VerticalHandles() {
  return (
    <>
      <Handle type="target" position={Position.Top} />
      <Handle type="source" position={Position.Bottom} />
    </>
  );
}

/** Left in, right out: influence and process flow read left to right. */
export function HorizontalHandles() {
  return (
    <>
      <Handle type="target" position={Position.Left} />
      <Handle type="source" position={Position.Right} />
    </>
  );
}
