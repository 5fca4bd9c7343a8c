import type { Ref } from 'react';
import { usePresentation } from './presentation-store';
import { timerOf, usedMs } from '../../shared/presentation/timer';
import { Clock, useNow } from './Clock';
import { currentItem, go, toggleFindingsVisible, toggleReveal, toggleScreen, toggleSpotlight, toggleTimerVisible, toggleTallyVisible, toggleWholeStep } from './commands';

/**
 * What the facilitator needs while the room watches: where we are, what comes next, the clock,
 * and the switches. In the editor's presenter bar (where the side Prompts panel follows the step)
 * and over a one-screen audience view, with the prompts.
 */
export function PresenterControls({ ref, onHelp, onLeave, showPrompts }: { ref?: Ref<HTMLElement>; onHelp(): void; onLeave(): void; showPrompts: boolean }) {
  const state = usePresentation((s) => s.state);
  const steps = usePresentation((s) => s.steps);
  const session = usePresentation((s) => s.session);
  const now = useNow(Object.values(state?.timers ?? {}).some((t) => t.runningSince !== null));
  if (!state || !session) return null;
  const item = currentItem();
  const step = steps[state.stepIndex];
  const next = steps[state.stepIndex + 1];
  const planned = session.agenda.reduce((sum, i) => sum + i.timeboxMinutes, 0);
  const usedMinutes = Math.round(Object.values(state.timers).reduce((sum, t) => sum + usedMs(t, now), 0) / 60_000);
  const running = item ? timerOf(state.timers, item.id)?.runningSince != null : false;

  return (
    <section ref={ref} className="presenter-controls" aria-label="Presenter controls">
      <div className="presenter-where">
        <span className="presenter-step">
          Step {Math.min(state.stepIndex + 1, steps.length)} of {steps.length}
          {state.parts > 1 && ` · part ${state.part + 1} of ${state.parts}`}
        </span>
        <strong className="presenter-current">{step?.title ?? 'No steps: add frames or an agenda'}</strong>
        <span className="presenter-next">Next: {next?.title ?? 'the end'}</span>
      </div>
      <div className="presenter-nav" role="group" aria-label="Steps">
        <button type="button" onClick={() => go(-1)} aria-keyshortcuts="PageUp">
          ◀ Previous
        </button>
        <button type="button" className="primary" onClick={() => go(1)} aria-keyshortcuts="PageDown">
          Next ▶
        </button>
      </div>
      {item && (
        <div className="presenter-timer" role="group" aria-label="Timer">
          <Clock item={item} timer={timerOf(state.timers, item.id)} className="presenter-clock" />
          <span className="presenter-plan">
            {item.timeboxMinutes} min planned · {usedMinutes} of {planned} min used
          </span>
          <button type="button" onClick={() => usePresentation.getState().timer(item.id, running ? 'pause' : 'start')}>
            {running ? 'Pause' : 'Start'}
          </button>
          <button type="button" onClick={() => usePresentation.getState().timer(item.id, 'reset')}>
            Reset
          </button>
          <label className="presenter-carry">
            <input type="checkbox" checked={state.timerCarriesOn} onChange={(e) => usePresentation.getState().update({ timerCarriesOn: e.target.checked })} />
            Carry on to the next item
          </label>
        </div>
      )}
      <div className="presenter-switches" role="group" aria-label="Projector">
        <button type="button" aria-pressed={state.screen === 'black'} onClick={() => toggleScreen('black')} aria-keyshortcuts="B">
          Blackout
        </button>
        <button type="button" aria-pressed={state.screen === 'white'} onClick={() => toggleScreen('white')} aria-keyshortcuts="W">
          White
        </button>
        <button type="button" aria-pressed={state.spotlightNodeId !== null} onClick={toggleSpotlight} aria-keyshortcuts="F">
          Spotlight
        </button>
        <button
          type="button"
          aria-pressed={state.timerVisible}
          onClick={toggleTimerVisible}
          aria-keyshortcuts="T"
          disabled={!item}
          title={item ? undefined : 'This step has no agenda item, so no timer to show'}
        >
          Timer on screen
        </button>
        <button type="button" aria-pressed={state.tallyVisible} onClick={toggleTallyVisible} aria-keyshortcuts="V">
          Vote tally on screen
        </button>
        <button type="button" aria-pressed={state.findingsVisible} onClick={toggleFindingsVisible} aria-keyshortcuts="C">
          Findings on screen
        </button>
        <button
          type="button"
          aria-pressed={state.parts === 1}
          onClick={toggleWholeStep}
          disabled={state.parts === 1 && !state.splits}
          title={state.parts === 1 && !state.splits ? 'The whole step is on screen with every card in full' : undefined}
        >
          Whole step
        </button>
        <button type="button" aria-pressed={state.revealed !== null} onClick={toggleReveal}>
          Reveal step by step
        </button>
        <button type="button" onClick={onHelp} aria-keyshortcuts="?">
          Shortcuts
        </button>
        <button type="button" onClick={onLeave} aria-keyshortcuts="Escape">
          End presentation
        </button>
      </div>
      {showPrompts && item && item.prompts.length > 0 && (
        <ul className="presenter-prompts" aria-label="Prompts">
          {item.prompts.map((prompt) => (
            <li key={prompt}>{prompt}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
