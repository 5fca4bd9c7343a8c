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
 * What the desktop window shows while main checks and opens the database. It fades in only
 * after a moment, so a quick start (and the served shell, ready at once) shows no flash.
 */
export function Starting({ status }: { status: AppStatus | null }) {
  return (
    <main className="starting" role="status" aria-live="polite">
      <h1>Groundwork is starting</h1>
      <p>{status?.message ?? 'Opening your sessions…'}</p>
      <div className="starting-bar" aria-hidden="true">
        <span />
      </div>
    </main>
  );
}
