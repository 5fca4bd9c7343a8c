import { ReactFlow, ReactFlowProvider, useReactFlow } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { edgeTypes } from '../canvas/edges/BoardEdge';
import { EdgeLabels } from '../canvas/edges/EdgeLabels';
import { nodeTypes } from '../canvas/nodes';
import { STATIC_FLOW_PROPS } from '../canvas/static-flow';
import { timerOf } from '../../shared/presentation/timer';
import { Clock } from '../presentation/Clock';
import { cameraFor, type Rect } from '../presentation/camera';
import { currentItem } from '../presentation/commands';
import { usePresentation } from '../presentation/presentation-store';
import { PresenterControls } from '../presentation/PresenterControls';
import { hiddenByReveal, revealItems } from '../presentation/reveal';
import { PresentationShortcuts } from '../presentation/PresentationShortcuts';
import { usePresentationKeys } from '../presentation/usePresentationKeys';
import { VoteTally } from '../presentation/VoteTally';
import '../presentation/presentation.css';
import { useBoard } from '../state/board-store';
import { EXPECTED_SIZE, type BoardFlowNode } from '../state/flow';

/** The rectangle a step shows: its frame, or everything on its board. */
function stepBounds(nodes: readonly BoardFlowNode[], frameId: string | null): Rect | null {
  const frame = frameId ? nodes.find((n) => n.id === frameId) : undefined;
  const shown = frame ? [frame] : nodes;
  if (!shown.length) return null;
  const size = (n: BoardFlowNode) => ({ width: n.width ?? n.measured?.width ?? EXPECTED_SIZE[n.type!].width, height: n.height ?? n.measured?.height ?? EXPECTED_SIZE[n.type!].height });
  const left = Math.min(...shown.map((n) => n.position.x));
  const top = Math.min(...shown.map((n) => n.position.y));
  const right = Math.max(...shown.map((n) => n.position.x + size(n).width));
  const bottom = Math.max(...shown.map((n) => n.position.y + size(n).height));
  return { x: left, y: top, width: right - left, height: bottom - top };
}

function Stage({ onMoving }: { onMoving(moving: boolean): void }) {
  const state = usePresentation((s) => s.state);
  const steps = usePresentation((s) => s.steps);
  const nodes = useBoard((s) => s.nodes);
  const edges = useBoard((s) => s.edges);
  const boardId = useBoard((s) => s.boardId);
  const status = useBoard((s) => s.status);
  const doc = useBoard((s) => s.doc);
  // Only measurements arrive here (nothing is draggable): the camera needs every node's size.
  const onNodesChange = useBoard((s) => s.onFlowNodesChange);
  const flow = useReactFlow();
  const step = state ? steps[Math.min(state.stepIndex, steps.length - 1)] : undefined;
  const measured = nodes.every((n) => n.measured?.width || n.width);
  const bounds = useMemo(() => (step && boardId === step.boardId ? stepBounds(nodes, step.frameId) : null), [nodes, step, boardId]);

  useEffect(() => {
    if (step && step.boardId !== useBoard.getState().boardId) void useBoard.getState().open(step.boardId);
  }, [step]);

  // The camera follows the step; a step too large to read at once is split into parts.
  useEffect(() => {
    if (!state || !bounds || !measured || status !== 'ready') return;
    const pane = document.querySelector('.audience .react-flow')?.getBoundingClientRect();
    if (!pane) return;
    const { viewport, parts } = cameraFor(bounds, pane, state.part);
    onMoving(true);
    void flow.setViewport(viewport, { duration: 600 }).then(() => onMoving(false));
    if (parts !== state.parts) usePresentation.getState().update({ parts });
  }, [state, bounds, measured, status, flow, onMoving]);

  const items = step ? revealItems(doc, step.frameId) : [];
  const spotlight = state?.spotlightNodeId;
  const css = [
    state ? hiddenByReveal(items, state.revealed) : '',
    spotlight ? `.audience .react-flow__node:not([data-id="${CSS.escape(spotlight)}"]) { opacity: 0.12; }` : '',
  ].join('\n');

  return (
    <>
      {css && <style>{css}</style>}
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        {...STATIC_FLOW_PROPS}
      >
        <EdgeLabels />
      </ReactFlow>
    </>
  );
}

/**
 * The audience view on the projector: only the board, in the projector theme, following the
 * presenter step by step and every edit live. One screen: O shows the presenter's controls on top.
 */
export function Audience({ sessionId }: { sessionId: string }) {
  const state = usePresentation((s) => s.state);
  const [overlay, setOverlay] = useState(false);
  const [help, setHelp] = useState(false);
  const [moving, setMoving] = useState(true);

  useEffect(() => {
    void usePresentation.getState().load(sessionId);
    return () => useBoard.getState().close();
  }, [sessionId]);

  const leave = useCallback(() => {
    if (document.fullscreenElement) void document.exitFullscreen();
    else window.close();
  }, []);
  usePresentationKeys({
    arrowsOnlyWithoutSelection: false,
    hasSelection: () => false,
    onLeave: leave,
    onHelp: () => setHelp(true),
    onOverlay: () => setOverlay((o) => !o),
  });

  const item = state ? currentItem() : undefined;
  return (
    <main className={`audience projector screen-${state?.screen ?? 'board'}`} aria-label="Audience view" aria-busy={moving}>
      <ReactFlowProvider>
        <Stage onMoving={setMoving} />
      </ReactFlowProvider>
      {state?.screen !== 'board' && <div className="screen-cover" aria-label={state?.screen === 'black' ? 'Black screen' : 'White screen'} role="img" />}
      {state?.timerVisible && item && <Clock item={item} timer={timerOf(state.timers, item.id)} className="audience-clock" />}
      {state?.tallyVisible && <VoteTally />}
      {overlay && (
        <div className="audience-overlay">
          <PresenterControls onHelp={() => setHelp(true)} onLeave={leave} />
        </div>
      )}
      {help && <PresentationShortcuts onClose={() => setHelp(false)} />}
    </main>
  );
}
