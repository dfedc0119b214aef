// main.tsx — the renderer's entry: join the live stream first (so nothing is missed while React
// mounts), then render the frame.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, NotInApp } from './App.tsx';
import { fillwatchApi } from './ipc/fillwatch.ts';
import { connectLive } from './state/connect-live.ts';
import { connectNotifications } from './state/connect-notifications.ts';
import './styles/theme.css';
import './styles/app.css';

const api = fillwatchApi();
if (api !== undefined) {
  connectLive(api);
  connectNotifications(api);
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>{api === undefined ? <NotInApp /> : <App />}</StrictMode>,
);
