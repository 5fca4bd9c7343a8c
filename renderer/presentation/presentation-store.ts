import { create } from 'zustand';
import type { BoardNode, PresentationPatch, PresentationState, SessionDetail, StepMeasurement } from '../../shared/model';
import { applyOp, createDoc, type BoardDoc, type Op } from '../../shared/ops';
import { sameMeasurement } from '../../shared/presentation/move';
import { presentationSteps, type Step } from '../../shared/presentation/steps';
import { api } from '../api/client';
import { showError } from '../state/toasts';

type Frame = Extract<BoardNode, { kind: 'frame' }>;

interface PresentationStore {
  sessionId: string | null;
  session: SessionDetail | null;
  state: PresentationState | null;
  steps: Step[];
  /** This window measures each step's parts: the audience view, whose screen the camera fits. */
  measures: boolean;
  /** The step whose parts this window has measured and main has acknowledged. */
  measuredStep: number | null;
  load(sessionId: string, options?: { measures: boolean }): Promise<void>;
  update(patch: PresentationPatch): void;
  go(direction: 1 | -1): void;
  /** This window's measurement of the step on its screen. */
  measured(stepIndex: number, measurement: StepMeasurement): void;
  timer(itemId: string, action: 'start' | 'pause' | 'reset'): void;
}

/** Each board's frames: read once, then kept up to date from the edits main announces. */
const framesByBoard = new Map<string, BoardDoc>();

async function loadFrames(boardId: string): Promise<void> {
  const board = await api().call('board.get', { id: boardId });
  framesByBoard.set(boardId, createDoc(board.nodes.filter((n): n is Frame => n.kind === 'frame')));
}

/**
 * Applies the ops that touch a board's frames to its copy. Says whether the steps may have
 * changed (a frame came, went, moved or was renamed: a frame growing to hold a room's notes,
 * every batch of a burst, changes none), or `reload` when the ops do not fit the copy.
 */
function applyToFrames(boardId: string, ops: readonly Op[]): boolean | 'reload' {
  const frames = framesByBoard.get(boardId);
  if (!frames) return false;
  let changed = false;
  for (const op of ops) {
    if (op.type === 'node.add' ? op.node.kind !== 'frame' : !('id' in op && frames.nodes.has(op.id))) continue;
    try {
      applyOp(frames, op);
    } catch {
      return 'reload';
    }
    changed ||= op.type !== 'node.resize';
  }
  return changed;
}

function stepsOf(session: SessionDetail): Step[] {
  return presentationSteps({ boards: session.boards, agenda: session.agenda, framesOf: (id) => [...(framesByBoard.get(id)?.nodes.values() ?? [])] as Frame[] });
}

/** The session's presentation as main holds it, the steps it walks through, and the commands that move it. */
export const usePresentation = create<PresentationStore>((set, get) => {
  /** The presentation as main last told it. */
  let confirmed: PresentationState | null = null;
  /**
   * This window's changes (B, W, T, …) that main has not answered yet, shown on top of what it says
   * meanwhile: B pressed again before main's answer to the first press takes the screen back.
   */
  const pending: PresentationPatch[] = [];
  const show = () => {
    const state = confirmed && pending.reduce<PresentationState>((shown, patch) => ({ ...shown, ...patch }), confirmed);
    // A measurement belongs to a step: coming back to a step later measures it again.
    const moved = state?.stepIndex !== get().state?.stepIndex;
    set(moved ? { state, measuredStep: null } : { state });
  };
  const receive = (state: PresentationState) => {
    if (state.sessionId !== get().sessionId) return;
    confirmed = state;
    show();
  };
  // Next and previous go to main one at a time, in order. The audience window also holds them
  // until main knows the current step's parts, which only it can measure: main then decides
  // "next part" or "next step" from a count that is never a round trip late.
  const waiting: (1 | -1)[] = [];
  let sending = false;
  // The measurement on its way to main: a room's notes change the board every few dozen ms, and each
  // change measured again would otherwise ask again before main has answered.
  let telling: { sessionId: string; stepIndex: number; measurement: StepMeasurement } | null = null;
  const sendWaiting = () => {
    const { sessionId, state, measures, measuredStep } = get();
    if (sending || !waiting.length || !sessionId) return;
    if (measures && (!state || measuredStep !== state.stepIndex)) return;
    sending = true;
    api()
      .call('presentation.go', { sessionId, direction: waiting.shift()! })
      .then(receive, showError)
      .finally(() => {
        sending = false;
        sendWaiting();
      });
  };
  const refreshSession = async () => {
    const { sessionId } = get();
    if (!sessionId) return;
    const session = await api().call('session.get', { id: sessionId });
    await Promise.all(session.boards.map((b) => loadFrames(b.id)));
    if (get().sessionId === sessionId) set({ session, steps: stepsOf(session) });
  };
  api().on('presentation.changed', receive);
  api().on('session.changed', ({ sessionId }) => {
    if (sessionId === get().sessionId) refreshSession().catch(showError);
  });
  const showSteps = () => {
    const { session } = get();
    if (session) set({ steps: stepsOf(session) });
  };
  api().on('board.changed', ({ boardId, ops }) => {
    if (!get().session?.boards.some((b) => b.id === boardId)) return;
    const changed = applyToFrames(boardId, ops);
    if (changed === 'reload') loadFrames(boardId).then(showSteps, showError);
    else if (changed) showSteps();
  });

  return {
    sessionId: null,
    session: null,
    state: null,
    steps: [],
    measures: false,
    measuredStep: null,
    async load(sessionId, { measures } = { measures: false }) {
      waiting.length = 0;
      pending.length = 0;
      confirmed = null;
      set({ sessionId, session: null, state: null, steps: [], measures, measuredStep: null });
      try {
        await refreshSession();
        receive(await api().call('presentation.get', { sessionId }));
      } catch (error) {
        showError(error);
      }
    },
    update(patch) {
      const { sessionId } = get();
      if (!sessionId) return;
      pending.push(patch);
      show();
      // Once main answers (or fails to), the patch is either in what it says or dropped with a message.
      const settle = () => {
        const at = pending.indexOf(patch);
        if (at >= 0) pending.splice(at, 1);
      };
      api()
        .call('presentation.update', { sessionId, patch })
        .then(
          (state) => {
            settle();
            receive(state);
          },
          (error) => {
            settle();
            show();
            showError(error);
          },
        );
    },
    go(direction) {
      waiting.push(direction);
      sendWaiting();
    },
    measured(stepIndex, measurement) {
      const { sessionId, state, measuredStep } = get();
      if (!sessionId || !state || (measuredStep === stepIndex && sameMeasurement(state, measurement))) return;
      if (telling?.sessionId === sessionId && telling.stepIndex === stepIndex && sameMeasurement(telling.measurement, measurement)) return;
      const told = (telling = { sessionId, stepIndex, measurement });
      api()
        .call('presentation.measured', { sessionId, stepIndex, ...measurement })
        .then((next) => {
          receive(next);
          if (next.stepIndex === stepIndex) set({ measuredStep: stepIndex });
          sendWaiting();
        }, showError)
        .finally(() => {
          if (telling === told) telling = null;
        });
    },
    timer(itemId, action) {
      const { sessionId } = get();
      if (sessionId) api().call('presentation.timer', { sessionId, itemId, action }).then(receive, showError);
    },
  };
});
