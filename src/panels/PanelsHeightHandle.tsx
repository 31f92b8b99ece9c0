/**
 * A drag handle on the top edge of the panels region: drag (or arrow keys) to give the panels
 * more or less of the window's height. The height is the app grid's `--panels-height` and is
 * remembered in localStorage.
 */
import { Splitter } from '../ui/Splitter.tsx';

export const PANELS_HEIGHT_KEY = 'recurrence.panelsHeight';
const MIN = 160;

const layoutOf = (el: HTMLElement) => el.closest<HTMLElement>('.app-layout');
const regionOf = (el: HTMLElement) => el.closest<HTMLElement>('.app-layout__panels');

export function PanelsHeightHandle() {
  return (
    <Splitter
      axis="y"
      grows={-1}
      label="Resize the panels region"
      storageKey={PANELS_HEIGHT_KEY}
      className="panels__height-handle"
      testId="panels-height-handle"
      size={(handle) => regionOf(handle)?.getBoundingClientRect().height ?? MIN}
      apply={(handle, px) => layoutOf(handle)?.style.setProperty('--panels-height', `${px}px`)}
      min={MIN}
      max={() => window.innerHeight - 160}
    />
  );
}
