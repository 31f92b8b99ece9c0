/**
 * Simulation controls: Run / Pause (Space), Step (.), step N, Reset (same seed), Reseed, and the
 * speed in steps per animation frame (from slow motion to as fast as possible).
 */
import { useEffect, useId, useState } from 'react';
import { SPEEDS, useSimulationStore, useStores, type AppStores } from '../../store/index.ts';
import { parseSteps, DEFAULT_STEPS } from './steps.ts';
import { Icon } from '../../ui/icons.tsx';

/** Milliseconds a load must last before the Run button says it is loading (short loads do not flicker it). */
const LOADING_SHOWN_AFTER_MS = 250;

/** The load in progress once it has lasted LOADING_SHOWN_AFTER_MS, else null. */
function useLongLoad(): { fraction: number; text: string } | null {
  const loading = useSimulationStore((s) => s.loading);
  const busy = loading !== null;
  const [long, setLong] = useState(false);
  useEffect(() => {
    if (!busy) return;
    const timer = setTimeout(() => setLong(true), LOADING_SHOWN_AFTER_MS);
    return () => {
      clearTimeout(timer);
      setLong(false);
    };
  }, [busy]);
  return busy && long ? loading : null;
}

/** Steps per animation frame, short enough for a one-row toolbar ("5 / frame"; the field's title names the unit). */
const speedLabel = (s: number) => (s === 0 ? 'max' : `${s} / frame`);

/** Space and "." act on the simulation unless the user is typing, or (Space) is on a button it presses. */
function isTyping(target: EventTarget | null, key: string): boolean {
  const el = target as HTMLElement | null;
  const fields = key === ' ' ? ['INPUT', 'TEXTAREA', 'SELECT', 'BUTTON', 'SUMMARY'] : ['INPUT', 'TEXTAREA', 'SELECT'];
  return !!el && (el.isContentEditable || fields.includes(el.tagName));
}

function useRunKeys(stores: Pick<AppStores, 'sim'>) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target, e.key)) return;
      const sim = stores.sim.getState();
      if (e.key === ' ') {
        e.preventDefault();
        void (sim.status === 'running' ? sim.pause() : sim.start());
      } else if (e.key === '.') {
        e.preventDefault();
        void sim.step(1);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [stores]);
}

export function RunControls() {
  const [text, setText] = useState(String(DEFAULT_STEPS));
  const status = useSimulationStore((s) => s.status);
  const speed = useSimulationStore((s) => s.speed);
  const seed = useSimulationStore((s) => s.seed);
  const id = useId();
  const parsed = parseSteps(text);
  const running = status === 'running';
  const loading = useLongLoad();
  const stuck = status === 'diverged' || status === 'error';
  const stores = useStores();
  const sim = () => stores.sim.getState();
  useRunKeys(stores);
  return (
    <form
      className="toolbar__group run-controls"
      aria-label="Simulation"
      onSubmit={(e) => {
        e.preventDefault();
        if (parsed.ok) void sim().step(parsed.steps);
      }}
    >
      <button
        type="button"
        className="button button--primary run-controls__run"
        onClick={() => void (running ? sim().pause() : sim().start())}
        disabled={(stuck && !running) || (loading !== null && !running)}
        aria-busy={loading !== null && !running}
        title={loading && !running ? `Loading the network: ${loading.text}… ${Math.round(100 * loading.fraction)} %` : running ? 'Pause (Space)' : 'Run (Space)'}
        data-testid="run-toggle"
      >
        <Icon name={running ? 'pause' : loading ? 'spinner' : 'play'} />
        {running ? 'Pause' : loading ? 'Loading…' : 'Run'}
      </button>
      <button type="button" className="button" onClick={() => void sim().step(1)} disabled={stuck} title="One step (.)" aria-label="Step" data-testid="step-one">
        <Icon name="step" />
        <span className="button__text--wide">Step</span>
      </button>
      <label className="field field--inline" htmlFor={id}>
        <span className="visually-hidden">Steps</span>
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
      <button type="submit" className="button run-controls__step-n" disabled={!parsed.ok || stuck} data-testid="step-n">
        Step {parsed.ok ? parsed.steps.toLocaleString('en') : 'N'}
      </button>
      {!parsed.ok && (
        <span className="field__error" id={`${id}-error`} role="alert">
          {parsed.message}
        </span>
      )}
      <button type="button" className="button" onClick={() => void sim().reset()} title="Reset: back to step 0 with the same seed" aria-label="Reset" data-testid="reset">
        <Icon name="reset" />
        <span className="button__text--wide">Reset</span>
      </button>
      <button type="button" className="button" onClick={() => void sim().reseed()} title={`Reseed: back to step 0 with a new seed (now ${seed ?? '—'})`} aria-label="Reseed" data-testid="reseed">
        <Icon name="dice" />
        <span className="button__text--wide">Reseed</span>
      </button>
      <label className="field field--inline" title="Speed: simulation steps per animation frame">
        <span className="field__label--wide">Speed</span>
        <select value={speed} onChange={(e) => sim().setSpeed(Number(e.target.value))} aria-label="Speed" data-testid="speed">
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {speedLabel(s)}
            </option>
          ))}
        </select>
      </label>
    </form>
  );
}
