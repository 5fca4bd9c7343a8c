import { useReactFlow } from '@xyflow/react';
import { useShallow } from 'zustand/react/shallow';
import { NOTE_CATEGORY_NAMES, type NodeOfKind } from '../../shared/model';
import { useCountsHidden } from '../room/voting-state';
import { useBoard } from '../state/board-store';
import type { BoardFlowEdge, BoardFlowNode } from '../state/flow';
import { selectAndCentre } from './centre';

type Signal = NodeOfKind<'note'>;

/** The board's notes, most votes first: what the room thinks matters. */
export function TopSignals() {
  const flow = useReactFlow<BoardFlowNode, BoardFlowEdge>();
  // The node objects themselves: replaced on every change to them, the same otherwise, so a
  // shallow comparison tells when the list really changed.
  const signals = useBoard(useShallow((s) => [...s.doc.nodes.values()].filter((n): n is Signal => n.kind === 'note')));
  const sorted = [...signals].sort((a, b) => b.data.votes - a.data.votes || a.data.text.localeCompare(b.data.text));
  const vote = (signal: Signal, delta: number) =>
    useBoard.getState().edit([{ type: 'node.update', id: signal.id, data: { votes: Math.max(0, signal.data.votes + delta) } }]);
  const countsHidden = useCountsHidden();
  if (countsHidden) return <p className="panel-empty">The room is voting on this board: the counts appear here when you end and reveal the vote.</p>;
  if (!sorted.length) return <p className="panel-empty">No notes on this board yet. Add notes for the signals the room hears, then vote on them.</p>;
  return (
    <ol className="top-signals" aria-label="Top signals">
      {sorted.map((signal) => (
        <li key={signal.id}>
          <span className="signal-votes" aria-label={`${signal.data.votes} votes`}>
            {signal.data.votes}
          </span>
          <button type="button" className="signal-text" onClick={() => selectAndCentre(flow, [signal.id])}>
            <span className="signal-category">{NOTE_CATEGORY_NAMES[signal.data.category]}</span>
            {signal.data.text}
          </button>
          <span className="signal-vote-buttons">
            <button type="button" aria-label={`Remove a vote from ${signal.data.text.slice(0, 40)}`} disabled={signal.data.votes === 0} onClick={() => vote(signal, -1)}>
              −
            </button>
            <button type="button" aria-label={`Add a vote to ${signal.data.text.slice(0, 40)}`} onClick={() => vote(signal, 1)}>
              +
            </button>
          </span>
        </li>
      ))}
    </ol>
  );
}
