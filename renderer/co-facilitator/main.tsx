import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { PairingPage } from './PairingPage';
import '../participant/participant.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <PairingPage />
  </StrictMode>,
);
