import type { Screen } from '../../shared/model';
import { advance } from '../../shared/presentation/steps';
import { useBoard } from '../state/board-store';
import { usePresentation } from './presentation-store';
import { revealItems } from './reveal';

/** The presentation commands, shared by the keys, the presenter bar and the audience overlay. */

export function currentStep() {
  const { state, steps } = usePresentation.getState();
  return state ? steps[Math.min(state.stepIndex, steps.length - 1)] : undefined;
}

export function currentItem() {
  const { session } = usePresentation.getState();
  const step = currentStep();
  return step?.agendaItemId ? session?.agenda.find((item) => item.id === step.agendaItemId) : undefined;
}

export function go(direction: 1 | -1): void {
  const { state, steps, update } = usePresentation.getState();
  if (!state || !steps.length) return;
  const step = currentStep();
  const { doc, boardId } = useBoard.getState();
  const revealCount = step && boardId === step.boardId ? revealItems(doc, step.frameId).length : 0;
  const { stepIndex, part, parts, revealed } = state;
  const next = advance({ stepIndex, part, parts, revealed }, direction, steps.length, revealCount);
  if (next.stepIndex !== stepIndex || next.part !== part || next.revealed !== revealed) {
    const sameStep = next.stepIndex === stepIndex;
    update({ ...next, spotlightNodeId: sameStep ? state.spotlightNodeId : null, fit: sameStep ? state.fit : 'auto' });
  }
}

export function goToStep(stepIndex: number): void {
  const { state, update } = usePresentation.getState();
  if (state) update({ stepIndex, part: 0, parts: 1, revealed: state.revealed === null ? null : 0, spotlightNodeId: null, fit: 'auto' });
}

/** B and W: the screen goes black (or white) and comes back with the same key. */
export function toggleScreen(screen: Exclude<Screen, 'board'>): void {
  const { state, update } = usePresentation.getState();
  if (state) update({ screen: state.screen === screen ? 'board' : screen });
}

export function toggleTimerVisible(): void {
  const { state, update } = usePresentation.getState();
  if (state) update({ timerVisible: !state.timerVisible });
}

export function toggleTallyVisible(): void {
  const { state, update } = usePresentation.getState();
  if (state) update({ tallyVisible: !state.tallyVisible });
}

/** C: the findings (a compression, a gap) on the projector's board, or not. */
export function toggleFindingsVisible(): void {
  const { state, update } = usePresentation.getState();
  if (state) update({ findingsVisible: !state.findingsVisible });
}

/** The step whole on one screen, or in parts with every card in full; the other of what the room sees now. */
export function toggleWholeStep(): void {
  const { state, update } = usePresentation.getState();
  if (state) update({ fit: state.parts > 1 ? 'whole' : 'parts', part: 0 });
}

export function toggleReveal(): void {
  const { state, update } = usePresentation.getState();
  if (state) update({ revealed: state.revealed === null ? 0 : null });
}

/** F: spotlights the selected node (dimming the rest), or ends the spotlight. */
export function toggleSpotlight(): void {
  const { state, update } = usePresentation.getState();
  if (!state) return;
  const selected = useBoard.getState().nodes.find((n) => n.selected)?.id ?? null;
  update({ spotlightNodeId: state.spotlightNodeId || !selected ? null : selected });
}
