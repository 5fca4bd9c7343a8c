import type { Screen } from '../../shared/model';
import { useBoard } from '../state/board-store';
import { usePresentation } from './presentation-store';

/** The presentation commands, shared by the keys, the presenter bar and the audience overlay. */

function currentStep() {
  const { state, steps } = usePresentation.getState();
  return state ? steps[Math.min(state.stepIndex, steps.length - 1)] : undefined;
}

export function currentItem() {
  const { session } = usePresentation.getState();
  const step = currentStep();
  return step?.agendaItemId ? session?.agenda.find((item) => item.id === step.agendaItemId) : undefined;
}

/** Next or previous: an intent main decides on (see 'presentation.go'). */
export function go(direction: 1 | -1): void {
  usePresentation.getState().go(direction);
}

/** B and W: the screen goes black (or white) and comes back with the same key. */
export function toggleScreen(screen: Exclude<Screen, 'board'>): void {
  const { state, update } = usePresentation.getState();
  if (state) update({ screen: state.screen === screen ? 'board' : screen });
}

/** T: the current item's timer on the projector; a step with no agenda item has none to show. */
export function toggleTimerVisible(): void {
  const { state, update } = usePresentation.getState();
  if (state && (state.timerVisible || currentItem())) update({ timerVisible: !state.timerVisible });
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
  if (state) update({ fit: state.parts > 1 ? 'whole' : 'parts' });
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

/** A card clicked on the audience view (one screen, controls shown): spotlit, or no longer. */
export function spotlightNode(nodeId: string): void {
  const { state, update } = usePresentation.getState();
  if (state) update({ spotlightNodeId: state.spotlightNodeId === nodeId ? null : nodeId });
}
