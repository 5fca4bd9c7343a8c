import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { showError } from './state/toasts';
import './styles.css';

window.addEventListener('unhandledrejection', (event) => showError(event.reason));

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
