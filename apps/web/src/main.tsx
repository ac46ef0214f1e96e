// Browser entry: mounts the app with its query client.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClientProvider } from '@tanstack/react-query';
// The global stylesheet comes first so that the features' stylesheets, pulled in by their components, follow it in the bundle.
import './styles.css';
import { App } from './App.tsx';
import { createQueryClient } from './query-client.ts';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <QueryClientProvider client={createQueryClient()}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
