import { Component, type ReactNode } from 'react';
import { useAppCommands } from './state/app-commands';
import { parseRoute, useHash } from './state/router';
import { FileDrop } from './files/FileDrop';
import { Editor } from './screens/Editor';
import { Audience } from './screens/Audience';
import { Gallery } from './screens/Gallery';
import { Home } from './screens/Home';
import { PrintView } from './print/PrintView';
import { useReloadOnRestore } from './screens/RestoreBackupDialog';
import { Starting, useAppStatus } from './screens/Starting';
import { Toasts } from './ui/Toasts';

class ErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidCatch(error: Error) {
    console.error(error);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <main className="crashed" role="alert">
        <h1>Something went wrong on this screen</h1>
        <p>Your work is saved: every edit reaches the database as you make it.</p>
        <p className="detail">{this.state.error.message}</p>
        <div className="dialog-actions">
          <button type="button" className="primary" onClick={() => this.setState({ error: null })}>
            Try again
          </button>
          <button
            type="button"
            onClick={() => {
              location.hash = '#/';
              this.setState({ error: null });
            }}
          >
            Back to sessions
          </button>
        </div>
      </main>
    );
  }
}

export function App() {
  const route = parseRoute(useHash());
  useAppCommands();
  useReloadOnRestore();
  const status = useAppStatus();
  if (route.screen === 'idle') return null;
  if (status?.state !== 'ready') {
    // The audience view (on the projector) and the print view open only once the app runs: they
    // stay blank for the moment the answer takes rather than flash the start-up message.
    if (route.screen === 'audience' || route.screen === 'print') return null;
    return (
      <>
        <Starting status={status} />
        <Toasts />
      </>
    );
  }
  return (
    <ErrorBoundary>
      {route.screen === 'home' && <Home key={String(route.creating)} creating={route.creating} />}
      {route.screen === 'templates' && <Gallery />}
      {route.screen === 'session' && <Editor key={route.sessionId} sessionId={route.sessionId} boardId={route.boardId} />}
      {route.screen === 'audience' && <Audience sessionId={route.sessionId} />}
      {route.screen === 'print' && <PrintView sessionId={route.sessionId} options={route.options} />}
      <FileDrop />
      <Toasts />
    </ErrorBoundary>
  );
}
