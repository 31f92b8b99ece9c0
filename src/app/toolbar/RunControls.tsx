/** The number of steps to run and the Run button. */
import { useId, useState } from 'react';
import { runOpenDocument, useSimulationStore } from '../../store/index.ts';
import { parseSteps, DEFAULT_STEPS } from './steps.ts';

export function RunControls() {
  const [text, setText] = useState(String(DEFAULT_STEPS));
  const running = useSimulationStore((s) => s.status === 'running');
  const id = useId();
  const parsed = parseSteps(text);
  const run = () => {
    if (parsed.ok) void runOpenDocument(parsed.steps);
  };
  return (
    <form
      className="toolbar__group run-controls"
      aria-label="Simulation"
      onSubmit={(e) => {
        e.preventDefault();
        run();
      }}
    >
      <label className="field field--inline" htmlFor={id}>
        <span>Steps</span>
        <input
          id={id}
          className="field__input field__input--steps"
          type="number"
          inputMode="numeric"
          min={1}
          step={1}
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-invalid={!parsed.ok}
          aria-describedby={parsed.ok ? undefined : `${id}-error`}
          data-testid="steps"
        />
      </label>
      {!parsed.ok && (
        <span className="field__error" id={`${id}-error`} role="alert">
          {parsed.message}
        </span>
      )}
      <button type="submit" className="button button--primary" disabled={!parsed.ok || running}>
        ▶ Run
      </button>
    </form>
  );
}
