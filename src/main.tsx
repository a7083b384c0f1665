/** Page entry: the worker pool, the runner that keeps results in step with the scenario, the URL / storage sync, React. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserPool } from './pool/browser';
import { startRunner } from './state/runner';
import { startUrlSync } from './state/urlSync';
import { App } from './ui/App';
import './ui/style.css';

const pool = createBrowserPool();
startUrlSync();
const runner = startRunner(pool);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App onCancel={() => runner.cancel()} pool={pool} />
  </StrictMode>,
);
