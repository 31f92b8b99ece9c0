/**
 * The app's icons as inline SVG in the text colour (`currentColor`), so they show on every
 * system (a glyph like ⏸ is missing from some fonts) and follow the theme. Decorative: the
 * button that holds one carries the accessible name.
 */
import type { ReactNode } from 'react';
import './ui.css';

const PATHS = {
  play: <path d="M5 3.5v9l8-4.5z" fill="currentColor" stroke="none" />,
  pause: (
    <>
      <rect x="4" y="3.5" width="3" height="9" rx="0.6" fill="currentColor" stroke="none" />
      <rect x="9" y="3.5" width="3" height="9" rx="0.6" fill="currentColor" stroke="none" />
    </>
  ),
  step: (
    <>
      <path d="M3.5 3.5v9l6.5-4.5z" fill="currentColor" stroke="none" />
      <rect x="11" y="3.5" width="2" height="9" rx="0.5" fill="currentColor" stroke="none" />
    </>
  ),
  reset: <path d="M3.5 8a4.5 4.5 0 1 0 1.4-3.3M3.5 2.5v3h3" />,
  dice: (
    <>
      <rect x="2.5" y="2.5" width="11" height="11" rx="2" />
      <circle cx="5.5" cy="5.5" r="0.9" fill="currentColor" stroke="none" />
      <circle cx="10.5" cy="10.5" r="0.9" fill="currentColor" stroke="none" />
      <circle cx="8" cy="8" r="0.9" fill="currentColor" stroke="none" />
    </>
  ),
  chevronDown: <path d="M4 6l4 4 4-4" />,
  chevronLeft: <path d="M10 3.5L5.5 8l4.5 4.5" />,
  chevronRight: <path d="M6 3.5l4.5 4.5L6 12.5" />,
  moon: <path d="M13 9.5A5.5 5.5 0 0 1 6.5 3a5.5 5.5 0 1 0 6.5 6.5z" />,
  sun: (
    <>
      <circle cx="8" cy="8" r="3" />
      <path d="M8 1.5v1.5M8 13v1.5M1.5 8H3M13 8h1.5M3.4 3.4l1 1M11.6 11.6l1 1M3.4 12.6l1-1M11.6 4.4l1-1" />
    </>
  ),
  /** The palette: node kinds as shapes. */
  shapes: (
    <>
      <rect x="2" y="2.5" width="5" height="5" rx="1" />
      <circle cx="11.5" cy="5" r="2.6" />
      <path d="M4.5 9.5l2.8 4.5H1.7zM9 9.5h5v4.5H9z" />
    </>
  ),
  /** The inspector: parameter sliders. */
  sliders: (
    <>
      <path d="M2 4.5h12M2 11.5h12" />
      <circle cx="5.5" cy="4.5" r="1.8" fill="var(--surface, #fff)" />
      <circle cx="10.5" cy="11.5" r="1.8" fill="var(--surface, #fff)" />
    </>
  ),
  grid: <path d="M3 2.5h3.5a.5.5 0 0 1 .5.5v3.5a.5.5 0 0 1-.5.5H3a.5.5 0 0 1-.5-.5V3a.5.5 0 0 1 .5-.5zM9.5 2.5H13a.5.5 0 0 1 .5.5v3.5a.5.5 0 0 1-.5.5H9.5A.5.5 0 0 1 9 6.5V3a.5.5 0 0 1 .5-.5zM3 9h3.5a.5.5 0 0 1 .5.5V13a.5.5 0 0 1-.5.5H3a.5.5 0 0 1-.5-.5V9.5A.5.5 0 0 1 3 9zM9.5 9H13a.5.5 0 0 1 .5.5V13a.5.5 0 0 1-.5.5H9.5A.5.5 0 0 1 9 13V9.5a.5.5 0 0 1 .5-.5z" />,
  book: <path d="M8 4.2C6.6 3 4.6 2.7 2.5 3v9.5c2.1-.3 4.1 0 5.5 1.2 1.4-1.2 3.4-1.5 5.5-1.2V3c-2.1-.3-4.1 0-5.5 1.2zM8 4.2v9.5" />,
  eye: (
    <>
      <path d="M1.5 8s2.4-4.5 6.5-4.5S14.5 8 14.5 8s-2.4 4.5-6.5 4.5S1.5 8 1.5 8z" />
      <circle cx="8" cy="8" r="2" />
    </>
  ),
  gear: (
    <>
      <circle cx="8" cy="8" r="2.2" />
      <path d="M8 1.8v1.8M8 12.4v1.8M1.8 8h1.8M12.4 8h1.8M3.6 3.6l1.3 1.3M11.1 11.1l1.3 1.3M3.6 12.4l1.3-1.3M11.1 4.9l1.3-1.3" />
    </>
  ),
  /** A live class: a source sending to many. */
  broadcast: (
    <>
      <circle cx="8" cy="8" r="1.6" fill="currentColor" stroke="none" />
      <path d="M5.2 5.2a4 4 0 0 0 0 5.6M10.8 5.2a4 4 0 0 1 0 5.6M3.1 3.1a7 7 0 0 0 0 9.8M12.9 3.1a7 7 0 0 1 0 9.8" />
    </>
  ),
  /** Joining: an arrow into a box. */
  join: <path d="M9 2.5h3.5a1 1 0 0 1 1 1v9a1 1 0 0 1-1 1H9M2.5 8h7M7 5.5L9.5 8 7 10.5" />,
  /** Gathering: four arrows pointing to the middle. */
  gather: <path d="M2.5 2.5L6 6M6 3v3H3M13.5 2.5L10 6M10 3v3h3M2.5 13.5L6 10M6 13v-3H3M13.5 13.5L10 10M10 13v-3h3" />,
  /** People: a class of students. */
  people: (
    <>
      <circle cx="5.8" cy="5.5" r="2.2" />
      <path d="M1.8 13.5a4 4 0 0 1 8 0M10.5 3.6a2.2 2.2 0 0 1 0 4.1M11.8 9.6a4 4 0 0 1 2.4 3.9" />
    </>
  ),
  /** Memory capacity: bars that shrink with the delay, a forgetting curve. */
  memory: <path d="M2.5 13.5h11M3.5 11V3M6.5 11V5M9.5 11V7.5M12.5 11V9.5" />,
  plus: <path d="M8 3v10M3 8h10" />,
  download: <path d="M8 2.5v8M4.5 7L8 10.5 11.5 7M3 13.5h10" />,
  upload: <path d="M8 10.5v-8M4.5 6L8 2.5 11.5 6M3 13.5h10" />,
  close: <path d="M4 4l8 8M12 4l-8 8" />,
  link: <path d="M6.5 9.5l3-3M7 4.5l1-1a2.8 2.8 0 0 1 4 4l-1 1M9 11.5l-1 1a2.8 2.8 0 0 1-4-4l1-1" />,
  /** Three quarters of a circle; `.icon--spin` turns it (work in progress). */
  spinner: <path d="M8 2.5a5.5 5.5 0 1 1-5.5 5.5" />,
} satisfies Record<string, ReactNode>;

export type IconName = keyof typeof PATHS;

export function Icon({ name, size = 16 }: { name: IconName; size?: number }) {
  return (
    <svg className={name === 'spinner' ? 'icon icon--spin' : 'icon'} width={size} height={size} viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      {PATHS[name]}
    </svg>
  );
}
