import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { useBoard } from './state/board-store';
import { parseRoute } from './state/router';
import { showError } from './state/toasts';
import './styles.css';

window.addEventListener('unhandledrejection', (event) => showError(event.reason));

// A board opened by its address is asked for now, while React renders and the app's status and
// the session are on their way, not once the editor has mounted.
const route = parseRoute(location.hash);
if (route.screen === 'session' && route.boardId) useBoard.getState().prefetch(route.boardId);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
