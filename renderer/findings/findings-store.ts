import { create } from 'zustand';
import { checkBoard } from '../../shared/levels/checks';
import type { Finding } from '../../shared/levels/findings';
import type { BoardDoc } from '../../shared/ops';

interface FindingsState {
  all: Finding[];
  byNode: Map<string, Finding[]>;
  byEdge: Map<string, Finding[]>;
}

const EMPTY: FindingsState = { all: [], byNode: new Map(), byEdge: new Map() };

export const useFindings = create<FindingsState>(() => EMPTY);

function index(findings: Finding[], key: 'nodeIds' | 'edgeIds', previous: Map<string, Finding[]>): Map<string, Finding[]> {
  const map = new Map<string, Finding[]>();
  for (const finding of findings) {
    for (const id of finding[key]) {
      const list = map.get(id);
      if (list) list.push(finding);
      else map.set(id, [finding]);
    }
  }
  // Keep the previous array where nothing changed, so only the nodes whose findings changed re-render.
  for (const [id, list] of map) {
    const before = previous.get(id);
    if (before && before.length === list.length && before.every((f, i) => f.id === list[i].id && f.message === list[i].message)) map.set(id, before);
  }
  return map;
}

let scheduled: BoardDoc | null = null;

function check(doc: BoardDoc): void {
  const all = checkBoard(doc);
  const { byNode, byEdge } = useFindings.getState();
  useFindings.setState({ all, byNode: index(all, 'nodeIds', byNode), byEdge: index(all, 'edgeIds', byEdge) });
}

/**
 * Runs the checks once per frame at most, after the edits of that frame. A board shown whole (opened,
 * or reloaded) is checked `now`, before it is drawn: its cards and lines are drawn with their marks
 * the first time, not drawn again for them a frame later.
 */
export function refreshFindings(doc: BoardDoc, { now = false } = {}): void {
  if (now) {
    // A check already waiting for the next frame has nothing left to do.
    scheduled = null;
    return check(doc);
  }
  if (scheduled) {
    scheduled = doc;
    return;
  }
  scheduled = doc;
  requestAnimationFrame(() => {
    const current = scheduled;
    // The board was closed (the facilitator left the editor), or checked since: nothing to check.
    if (!current) return;
    scheduled = null;
    check(current);
  });
}

export function clearFindings(): void {
  scheduled = null;
  useFindings.setState(EMPTY);
}
