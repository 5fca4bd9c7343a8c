import { GroundworkError } from '../../shared/errors';
import type { BoardNode, PresentationState } from '../../shared/model';
import type { ParticipantStep } from '../../shared/model/room';
import { presentationSteps } from '../../shared/presentation/steps';
import type { Store } from '../store/store';

type Frame = Extract<BoardNode, { kind: 'frame' }>;

/**
 * The step on screen as phones follow it, or null when no presentation runs. Only the board, the
 * frame's title and the step's title leave: never the prompts, timers or anything else of the
 * presenter's.
 */
function participantStep(store: Pick<Store, 'getSession' | 'getBoard'>, state: PresentationState | undefined): ParticipantStep | null {
  if (!state || state.ended) return null;
  const { boards, agenda } = store.getSession(state.sessionId);
  const framesOf = (boardId: string) => store.getBoard(boardId).nodes.filter((n): n is Frame => n.kind === 'frame');
  const steps = presentationSteps({ boards, agenda, framesOf });
  const step = steps[Math.min(state.stepIndex, steps.length - 1)];
  if (!step) return null;
  const frame = step.frameId ? framesOf(step.boardId).find((f) => f.id === step.frameId) : undefined;
  return { boardId: step.boardId, frame: frame ? frame.data.title : null, title: step.title };
}

/**
 * Tells phones the step on screen as the presenter moves: each session's presentation as main
 * last published it, and the step phones were last told, so a change of part or timer says nothing.
 */
export class StepFeed {
  private readonly presentations = new Map<string, PresentationState>();
  private told = 'null';

  constructor(
    private readonly store: () => Store,
    /** The open room's session; null while the room is closed. */
    private readonly sessionId: () => string | null,
    private readonly tell: (step: ParticipantStep | null) => void,
  ) {}

  presented(state: PresentationState): void {
    this.presentations.set(state.sessionId, state);
    if (this.sessionId() === state.sessionId) this.changed();
  }

  current(): ParticipantStep | null {
    const sessionId = this.sessionId();
    if (!sessionId) return null;
    try {
      return participantStep(this.store(), this.presentations.get(sessionId));
    } catch (error) {
      // The session or the step's board was deleted meanwhile: there is nothing to follow.
      if (error instanceof GroundworkError && error.code === 'not_found') return null;
      throw error;
    }
  }

  /** The room (re)opened: phones fetch the step with the rest of the room. */
  reset(): void {
    this.told = JSON.stringify(this.current());
  }

  changed(): void {
    const step = this.current();
    const text = JSON.stringify(step);
    if (text === this.told) return;
    this.told = text;
    this.tell(step);
  }
}
