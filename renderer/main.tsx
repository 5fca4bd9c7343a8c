// First: its request leaves before the rest of the app's code is evaluated (in the build, index.html
// has run it already, from a script of its own: vite.config.ts).
import { earlyBoard } from './api/early-board';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { useBoard } from './state/board-store';
import { parseRoute } from './state/router';
import { showError } from './state/toasts';
import './styles.css';

window.addEventListener('unhandledrejection', (event) => showError(event.reason));

// A board opened by its address is asked for now (in the served page, already asked for), while
// React renders and the app's status and the session are on their way, not once the editor has mounted.
const route = parseRoute(location.hash);
if (route.screen === 'session' && route.boardId) useBoard.getState().prefetch(route.boardId, earlyBoard?.reply);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
