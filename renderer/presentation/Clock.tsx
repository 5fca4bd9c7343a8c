import { useEffect, useState } from 'react';
import type { AgendaItem, ItemTimer } from '../../shared/model';
import { countdown, formatClock, usedMs } from '../../shared/presentation/timer';

/** Re-renders a few times a second while a timer runs. */
export function useNow(running: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    const id = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(id);
  }, [running]);
  // While paused the time used does not depend on now, so a stale value is harmless.
  return now;
}

/** The countdown of an agenda item: warns in the last minute, counts overtime. */
export function Clock({ item, timer, className = '' }: { item: AgendaItem; timer: ItemTimer | undefined; className?: string }) {
  const now = useNow(timer?.runningSince != null);
  const { remainingMs, phase } = countdown(item.timeboxMinutes, usedMs(timer, now));
  const label = phase === 'overtime' ? `Overtime ${formatClock(remainingMs)}` : `${formatClock(remainingMs)} left`;
  return (
    <span className={`clock clock-${phase} ${className}`} role="timer" aria-label={`${item.title}: ${label}`}>
      {formatClock(remainingMs)}
    </span>
  );
}
