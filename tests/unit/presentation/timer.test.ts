import { describe, expect, it } from 'vitest';
import { applyTimerAction, applyToTimers, countdown, formatClock, timerOf, usedMs } from '../../../shared/presentation/timer';

describe('agenda item timers', () => {
  it('counts time only while running, across pauses', () => {
    let timer = applyTimerAction(undefined, 'start', 1_000);
    timer = applyTimerAction(timer, 'pause', 61_000);
    expect(usedMs(timer, 500_000)).toBe(60_000);
    timer = applyTimerAction(timer, 'start', 100_000);
    expect(usedMs(timer, 130_000)).toBe(90_000);
    expect(applyTimerAction(timer, 'start', 140_000)).toBe(timer);
    expect(usedMs(applyTimerAction(timer, 'reset', 150_000), 200_000)).toBe(0);
  });

  it('warns in the last minute and shows overtime', () => {
    expect(countdown(5, 3 * 60_000).phase).toBe('plenty');
    expect(countdown(5, 4 * 60_000 + 1).phase).toBe('last-minute');
    expect(countdown(5, 5 * 60_000 + 73_000)).toEqual({ remainingMs: -73_000, phase: 'overtime' });
  });

  it('reads like a clock: counting down rounds up, overtime counts up', () => {
    expect(formatClock(425_000)).toBe('7:05');
    expect(formatClock(424_100)).toBe('7:05');
    expect(formatClock(0)).toBe('0:00');
    expect(formatClock(-73_500)).toBe('+1:13');
  });
});

describe('timers keyed by agenda item id', () => {
  it('treat ids such as valueOf and __proto__ as plain keys', () => {
    const timers = applyToTimers({}, 'valueOf', 'start', 1_000);
    expect(timerOf(timers, 'valueOf')).toEqual({ usedMs: 0, runningSince: 1_000 });
    const both = applyToTimers(timers, '__proto__', 'start', 5_000);
    expect(Object.getPrototypeOf(both)).toBe(Object.prototype);
    expect(timerOf(both, '__proto__')).toEqual({ usedMs: 0, runningSince: 5_000 });
    expect(timerOf(both, 'valueOf')).toEqual({ usedMs: 4_000, runningSince: null });
    expect(timerOf({}, 'toString')).toBeUndefined();
  });
});
