/**
 * Teaching mode: a guided walkthrough of the multiplexing trade-off. Each step
 * loads its scenario, highlights the controls to touch, and asks for a
 * prediction; the results stay veiled until the reader commits to an answer.
 */
import { useEffect, useState } from 'react';
import { usePlanner } from '../../state/store';
import { Panel } from '../panels/fields';
import { stepScenario, TEACHING_STEPS } from './steps';

export function Walkthrough() {
  const load = usePlanner((s) => s.load);
  const setCompare = usePlanner((s) => s.setCompare);
  const [step, setStep] = useState<number | null>(null);
  const [choice, setChoice] = useState<number | null>(null);
  const [revealed, setRevealed] = useState(false);
  const current = step === null ? null : TEACHING_STEPS[step];

  // load the step's scenario; highlight its panels and veil the results until the reveal
  useEffect(() => {
    if (!current) return;
    const s = stepScenario(current);
    if (s && load(s, `step ${step! + 1} of the walkthrough`)) setCompare(current.compare);
    const marked = current.highlight.flatMap((id) => [...document.querySelectorAll(`[data-panel="${id}"]`)]);
    marked.forEach((el) => el.classList.add('highlight'));
    return () => marked.forEach((el) => el.classList.remove('highlight'));
  }, [current, step, load, setCompare]);
  useEffect(() => {
    document.body.classList.toggle('veiled', current !== null && !revealed);
    return () => document.body.classList.remove('veiled');
  }, [current, revealed]);

  const go = (i: number | null): void => {
    setStep(i);
    setChoice(null);
    setRevealed(false);
  };

  if (!current) {
    return (
      <Panel title="Learn the trade-off" id="teaching">
        <p className="note">A guided tour in {TEACHING_STEPS.length} steps: predict, then see what the simulator says.</p>
        <button type="button" className="primary" data-testid="teaching-start" onClick={() => go(0)}>
          Start the walkthrough
        </button>
      </Panel>
    );
  }
  return (
    <Panel
      title={`Step ${step! + 1} of ${TEACHING_STEPS.length}: ${current.title}`}
      id="teaching"
      actions={
        <button type="button" className="link" onClick={() => go(null)}>
          end
        </button>
      }
    >
      <div data-testid="teaching-step">
        <p>{current.setup}</p>
        <fieldset className="prediction">
          <legend>{current.question}</legend>
          {current.options.map((o, i) => (
            <label key={i} className="field checkbox">
              <input type="radio" name={`prediction-${step}`} checked={choice === i} disabled={revealed} onChange={() => setChoice(i)} />
              <span>{o}</span>
            </label>
          ))}
        </fieldset>
        {!revealed ? (
          <button type="button" className="primary" data-testid="teaching-reveal" disabled={choice === null} onClick={() => setRevealed(true)}>
            Reveal the result
          </button>
        ) : (
          <div role="status" data-testid="teaching-answer">
            <p>
              <strong>{choice === current.answer ? 'Right.' : `Not quite: ${current.options[current.answer]}.`}</strong> {current.look}
            </p>
            <div className="row">
              {step! > 0 && (
                <button type="button" onClick={() => go(step! - 1)}>
                  Back
                </button>
              )}
              {step! + 1 < TEACHING_STEPS.length ? (
                <button type="button" className="primary" data-testid="teaching-next" onClick={() => go(step! + 1)}>
                  Next step
                </button>
              ) : (
                <button type="button" className="primary" onClick={() => go(null)}>
                  Finish
                </button>
              )}
            </div>
          </div>
        )}
      </div>
    </Panel>
  );
}
