import { useEffect, useState } from 'react';

const clock = (ms: number) => {
  const seconds = Math.ceil(Math.max(0, ms) / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
};

/** Minutes and seconds left until `endsAt` (this device's clock), ticking each second. */
export function Countdown({ endsAt, className }: { endsAt: number; className?: string }) {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, []);
  const left = clock(endsAt - now);
  // The timer role is not announced each second; the name says what it counts.
  return (
    <span role="timer" aria-label={`Time left: ${left}`} className={className}>
      {left}
    </span>
  );
}
