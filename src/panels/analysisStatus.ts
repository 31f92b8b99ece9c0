/**
 * The progress line of a panel's long analysis (eigenvalues of a large matrix): what runs, how
 * far it is, and a Cancel button — drawn over the chart, outside React, while the analysis runs.
 * After a cancel or an error it says so and offers to compute again; a result that needs a word
 * (only the leading eigenvalues) keeps the line with that word.
 */
import type { PanelContext } from './registry.ts';
import './analysisStatus.css';

/** A run shorter than this shows no progress line (it would only flicker), in ms. */
export const PROGRESS_DELAY_MS = 300;

export function analysisStatus(el: HTMLElement, ctx: PanelContext, key: string, retry: () => void) {
  const line = el.appendChild(document.createElement('div'));
  line.className = 'analysis-status';
  line.dataset.testid = 'analysis-status';
  line.hidden = true;
  line.setAttribute('role', 'status');
  const text = line.appendChild(document.createElement('span'));
  text.className = 'analysis-status__text';
  const bar = line.appendChild(document.createElement('progress'));
  bar.className = 'analysis-status__bar';
  bar.max = 1;
  const button = line.appendChild(document.createElement('button'));
  button.type = 'button';
  button.className = 'button button--small';
  let running = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  button.addEventListener('click', () => (running ? ctx.sim().cancelAnalysis(key) : retry()));

  const show = (message: string, fraction: number | null, action: string | null) => {
    line.hidden = false;
    text.textContent = message;
    bar.hidden = fraction === null;
    if (fraction !== null) bar.value = fraction;
    button.hidden = action === null;
    button.textContent = action ?? '';
  };
  const unsubscribe = ctx.watchAnalysis(key, (p) => {
    clearTimeout(timer);
    running = p !== null;
    if (!p) return;
    const draw = () => show(`${p.text ?? p.label}… ${Math.round(100 * p.fraction)} %`, p.fraction, 'Cancel');
    const shown = performance.now() - p.startedAt;
    if (shown >= PROGRESS_DELAY_MS || !line.hidden) draw();
    else timer = setTimeout(draw, PROGRESS_DELAY_MS - shown);
  });
  return {
    /** The analysis ended with a result: hide the line. */
    done() {
      clearTimeout(timer);
      running = false;
      line.hidden = true;
    },
    /** The analysis ended with a result that needs a word (e.g. only the leading eigenvalues): say it. */
    note(message: string) {
      clearTimeout(timer);
      running = false;
      show(message, null, null);
    },
    /** The analysis was cancelled, or failed: say so, and offer to run it again. */
    stopped(message: string) {
      clearTimeout(timer);
      running = false;
      show(message, null, 'Compute again');
    },
    destroy() {
      clearTimeout(timer);
      unsubscribe();
      line.remove();
    },
  };
}
