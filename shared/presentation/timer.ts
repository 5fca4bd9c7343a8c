import type { ItemTimer } from '../model/presentation';

type TimerAction = 'start' | 'pause' | 'reset';

/** An item's timer. Ids are user data: 'valueOf' or '__proto__' must not reach Object.prototype. */
export function timerOf(timers: Readonly<Record<string, ItemTimer>>, itemId: string): ItemTimer | undefined {
  return Object.hasOwn(timers, itemId) ? timers[itemId] : undefined;
}

/** Applies an action to one item's timer; starting one pauses any other that runs. */
export function applyToTimers(timers: Readonly<Record<string, ItemTimer>>, itemId: string, action: TimerAction, now: number): Record<string, ItemTimer> {
  const others = Object.entries(timers)
    .filter(([id]) => id !== itemId)
    .map(([id, timer]): [string, ItemTimer] => [id, action === 'start' && timer.runningSince !== null ? applyTimerAction(timer, 'pause', now) : timer]);
  return Object.fromEntries([...others, [itemId, applyTimerAction(timerOf(timers, itemId), action, now)]]);
}

/** The time an item's timer has used at `now`. */
export function usedMs(timer: ItemTimer | undefined, now: number): number {
  if (!timer) return 0;
  return timer.usedMs + (timer.runningSince === null ? 0 : Math.max(0, now - timer.runningSince));
}

export function applyTimerAction(timer: ItemTimer | undefined, action: TimerAction, now: number): ItemTimer {
  const used = usedMs(timer, now);
  if (action === 'start') return timer?.runningSince != null ? timer : { usedMs: used, runningSince: now };
  if (action === 'pause') return { usedMs: used, runningSince: null };
  return { usedMs: 0, runningSince: null };
}

type TimerPhase = 'plenty' | 'last-minute' | 'overtime';

/** How a countdown reads: remaining time (negative in overtime) and whether to warn. */
export function countdown(timeboxMinutes: number, used: number): { remainingMs: number; phase: TimerPhase } {
  const remainingMs = timeboxMinutes * 60_000 - used;
  return { remainingMs, phase: remainingMs < 0 ? 'overtime' : remainingMs <= 60_000 ? 'last-minute' : 'plenty' };
}

/** 7:05, 0:42, or +1:13 in overtime. */
export function formatClock(remainingMs: number): string {
  const overtime = remainingMs < 0;
  const seconds = Math.floor(Math.abs(remainingMs) / 1000) + (overtime ? 0 : Math.abs(remainingMs) % 1000 > 0 ? 1 : 0);
  const text = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
  return overtime ? `+${text}` : text;
}
