import { useReactFlow } from '@xyflow/react';
import { useEffect, useRef, useState } from 'react';
import type { AgendaItem } from '../../shared/model';
import { usePresentation } from '../presentation/presentation-store';
import { useBoard } from '../state/board-store';
import type { BoardFlowEdge, BoardFlowNode } from '../state/flow';
import { selectAndCentre } from './centre';
import './agenda.css';

const COLLAPSED_KEY = 'groundwork.prompts.collapsed';

function readCollapsed(): boolean {
  try {
    return localStorage.getItem(COLLAPSED_KEY) === 'true';
  } catch {
    return false;
  }
}

/** The agenda item the room is on while a presentation runs; null otherwise. */
function useCurrentItemId(): string | null {
  return usePresentation((s) => {
    if (!s.state || s.state.ended) return null;
    return s.steps[Math.min(s.state.stepIndex, s.steps.length - 1)]?.agendaItemId ?? null;
  });
}

function PromptsStep({ item, initiallyOpen, current }: { item: AgendaItem; initiallyOpen: boolean; current: boolean | null }) {
  const [open, setOpen] = useState(initiallyOpen);
  // While presenting, the step on screen opens and the one left behind closes; a click still toggles.
  const [followed, setFollowed] = useState(current);
  if (current !== followed) {
    setFollowed(current);
    if (current !== null) setOpen(current);
  }
  const ref = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (current) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [current]);
  const flow = useReactFlow<BoardFlowNode, BoardFlowEdge>();
  const frameTitle = useBoard((s) => {
    const frame = item.frameId ? s.doc.nodes.get(item.frameId) : undefined;
    return frame?.kind === 'frame' ? frame.data.title || 'Untitled frame' : null;
  });
  const bodyId = `prompts-${item.id}`;
  return (
    <li ref={ref} className={current ? 'prompts-step current' : 'prompts-step'} aria-current={current ? 'step' : undefined}>
      <div className="prompts-step-head">
        <button type="button" className="prompts-step-toggle" aria-expanded={open} aria-controls={bodyId} onClick={() => setOpen(!open)}>
          <span aria-hidden="true">{open ? '▾' : '▸'}</span> {item.title}
          <span className="prompts-minutes"> · {item.timeboxMinutes} min</span>
        </button>
        {frameTitle !== null && (
          <button type="button" className="prompts-show-frame" onClick={() => selectAndCentre(flow, [item.frameId!])}>
            Show frame<span className="visually-hidden"> {frameTitle}</span>
          </button>
        )}
      </div>
      {open && (
        <div id={bodyId}>
          {item.prompts.length ? (
            <ul className="prompts-list">
              {item.prompts.map((prompt, i) => (
                <li key={i}>{prompt}</li>
              ))}
            </ul>
          ) : (
            <p className="prompts-none">No prompts for this step.</p>
          )}
        </div>
      )}
    </li>
  );
}

/**
 * The questions to ask, beside the canvas: the prompts of the agenda items on this board, the
 * first one open, or while presenting the current step's. Collapsible, and it stays as the
 * facilitator left it.
 */
export function PromptsBox({ agenda, boardId }: { agenda: readonly AgendaItem[]; boardId: string }) {
  const [collapsed, setCollapsed] = useState(readCollapsed);
  const currentId = useCurrentItemId();
  const linked = agenda.filter((item) => item.boardId === boardId);
  if (linked.length === 0) return null;
  const toggle = () => {
    setCollapsed(!collapsed);
    try {
      localStorage.setItem(COLLAPSED_KEY, String(!collapsed));
    } catch {
      // Private windows may refuse storage; the box still toggles for this visit.
    }
  };
  return (
    <section className="prompts-box" aria-labelledby="prompts-heading">
      <h2 id="prompts-heading" className="prompts-heading">
        <button type="button" aria-expanded={!collapsed} aria-controls="prompts-steps" onClick={toggle}>
          <span aria-hidden="true">{collapsed ? '▸' : '▾'}</span> Prompts
          <span className="prompts-count">
            {' '}
            · {linked.length} step{linked.length === 1 ? '' : 's'} on this board
          </span>
        </button>
      </h2>
      {!collapsed && (
        <ol id="prompts-steps" className="prompts-steps">
          {linked.map((item, i) => (
            <PromptsStep key={item.id} item={item} initiallyOpen={currentId ? item.id === currentId : i === 0} current={currentId ? item.id === currentId : null} />
          ))}
        </ol>
      )}
    </section>
  );
}
