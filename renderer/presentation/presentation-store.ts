import { create } from 'zustand';
import type { BoardNode, PresentationPatch, PresentationState, SessionDetail } from '../../shared/model';
import { presentationSteps, type Step } from '../../shared/presentation/steps';
import { api } from '../api/client';
import { showError } from '../state/toasts';

type Frame = Extract<BoardNode, { kind: 'frame' }>;

interface PresentationStore {
  sessionId: string | null;
  session: SessionDetail | null;
  state: PresentationState | null;
  steps: Step[];
  load(sessionId: string): Promise<void>;
  update(patch: PresentationPatch): void;
  timer(itemId: string, action: 'start' | 'pause' | 'reset'): void;
}

const framesByBoard = new Map<string, Frame[]>();

async function loadFrames(boardId: string): Promise<void> {
  const board = await api().call('board.get', { id: boardId });
  framesByBoard.set(boardId, board.nodes.filter((n): n is Frame => n.kind === 'frame'));
}

function stepsOf(session: SessionDetail): Step[] {
  return presentationSteps({ boards: session.boards, agenda: session.agenda, framesOf: (id) => framesByBoard.get(id) ?? [] });
}

/** The session's presentation as main holds it, the steps it walks through, and the commands that move it. */
export const usePresentation = create<PresentationStore>((set, get) => {
  const refreshSession = async () => {
    const { sessionId } = get();
    if (!sessionId) return;
    const session = await api().call('session.get', { id: sessionId });
    await Promise.all(session.boards.map((b) => loadFrames(b.id)));
    if (get().sessionId === sessionId) set({ session, steps: stepsOf(session) });
  };
  api().on('presentation.changed', (state) => {
    if (state.sessionId === get().sessionId) set({ state });
  });
  api().on('session.changed', ({ sessionId }) => {
    if (sessionId === get().sessionId) refreshSession().catch(showError);
  });
  api().on('board.changed', ({ boardId, ops }) => {
    const { session } = get();
    const framesTouched = ops.some((op) => (op.type === 'node.add' ? op.node.kind === 'frame' : 'id' in op && framesByBoard.get(boardId)?.some((f) => f.id === op.id)));
    if (session?.boards.some((b) => b.id === boardId) && framesTouched) {
      loadFrames(boardId)
        .then(() => {
          const current = get().session;
          if (current) set({ steps: stepsOf(current) });
        })
        .catch(showError);
    }
  });

  return {
    sessionId: null,
    session: null,
    state: null,
    steps: [],
    async load(sessionId) {
      set({ sessionId, session: null, state: null, steps: [] });
      try {
        await refreshSession();
        const state = await api().call('presentation.get', { sessionId });
        if (get().sessionId === sessionId) set({ state });
      } catch (error) {
        showError(error);
      }
    },
    update(patch) {
      const { sessionId } = get();
      if (sessionId) api().call('presentation.update', { sessionId, patch }).then((state) => set({ state }), showError);
    },
    timer(itemId, action) {
      const { sessionId } = get();
      if (sessionId) api().call('presentation.timer', { sessionId, itemId, action }).then((state) => set({ state }), showError);
    },
  };
});
