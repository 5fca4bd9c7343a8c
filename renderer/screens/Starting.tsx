import { useEffect, useState } from 'react';
import { api } from '../api/client';
import { watchAppStatus, type AppStatus } from '../api/desktop-shell';
import { showError } from '../state/toasts';
import './starting.css';

/** Whether the app has opened its data; null until main has answered. */
export function useAppStatus(): AppStatus | null {
  const [status, setStatus] = useState<AppStatus | null>(null);
  useEffect(() => watchAppStatus(api(), setStatus, showError), []);
  return status;
}

/**
 * What the desktop window shows while main checks and opens the database: at once there, since
 * it is the window's first paint and main is busy right after. The served shell is ready at once
 * (its backend opened before it listened), so there it fades in only after a moment, never flashing.
 */
export function Starting({ status }: { status: AppStatus | null }) {
  return (
    <main className={window.groundwork ? 'starting' : 'starting after-a-moment'} role="status" aria-live="polite">
      <h1>Groundwork is starting</h1>
      <p>{status?.message ?? 'Opening your sessions…'}</p>
      <div className="starting-bar" aria-hidden="true">
        <span />
      </div>
    </main>
  );
}
