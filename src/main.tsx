import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { usePlanner } from './state/store';
import { App } from './ui/App';
import './ui/style.css';
import { simulator } from './workers/simulatorClient';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

async function runCurrent(): Promise<void> {
  const { scenario, setStatus, setOutcome } = usePlanner.getState();
  setStatus('running');
  try {
    setOutcome(await simulator().runScenario(scenario));
  } catch (e) {
    setOutcome({ ok: false, issues: [{ path: '', message: `the simulator worker failed: ${(e as Error).message}` }] });
  }
}

void runCurrent();
