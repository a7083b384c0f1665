/** Whole-scenario actions: copy link, export / import the scenario file, reset to the default. */
import { useState } from 'react';
import { defaultScenario } from '../../core/scenario/defaults';
import { serialiseScenario } from '../../core/scenario/parse';
import { usePlanner } from '../../state/store';
import { shareLink } from '../../state/urlSync';
import { downloadText } from '../charts/exportChart';

export function ScenarioActions() {
  const scenario = usePlanner((s) => s.scenario);
  const load = usePlanner((s) => s.load);
  const setNotice = usePlanner((s) => s.setNotice);
  const [copied, setCopied] = useState<string | null>(null);
  return (
    <div className="actions">
      <button
        type="button"
        className="primary"
        data-testid="copy-link"
        onClick={async () => {
          const { hash, omitted, fits } = shareLink(scenario);
          const url = `${location.origin}${location.pathname}${hash}`;
          if (!fits) {
            setNotice({ kind: 'info', text: `This scenario is too large for a link (${hash.length.toLocaleString()} characters); use “Export scenario” and share the file.` });
            return;
          }
          try {
            await navigator.clipboard.writeText(url);
            setCopied(omitted.length > 0 ? `Link copied. Not in it: ${omitted.join('; ')}` : 'Link copied');
          } catch {
            setCopied('Copy the address bar: the browser did not allow clipboard access');
          }
          setTimeout(() => setCopied(null), 4000);
        }}
      >
        Copy link
      </button>
      <button type="button" data-testid="export-json" onClick={() => downloadText(serialiseScenario(scenario), `${(scenario.name ?? 'scenario').replace(/[^\w.-]+/g, '_')}.json`, 'application/json')}>
        Export scenario
      </button>
      <label className="file-button" title="a scenario v1 JSON file">
        Import scenario
        <input
          type="file"
          accept=".json,application/json"
          data-testid="import-json"
          onChange={async (e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (!file) return;
            let data: unknown;
            try {
              data = JSON.parse(await file.text());
            } catch (err) {
              setNotice({ kind: 'error', text: `${file.name}: not valid JSON (${(err as Error).message}). The current scenario is unchanged.` });
              return;
            }
            if (load(data, file.name)) setNotice({ kind: 'info', text: `Loaded ${file.name}` });
          }}
        />
      </label>
      <button type="button" data-testid="reset" onClick={() => load(defaultScenario(), 'the default scenario')}>
        Reset to default
      </button>
      {copied && (
        <span className="note" role="status" data-testid="copy-status">
          {copied}
        </span>
      )}
    </div>
  );
}
