// Entry: one shared client for the whole app, the elements registered, then React renders.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createMediaClient } from '@mediabay/core';
import '@mediabay/elements';
import { App } from './App.js';
import '../../shared/example.css';

const client = createMediaClient({ endpoint: '/api/media' });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App client={client} />
  </StrictMode>,
);
