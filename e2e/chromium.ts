/**
 * Finds a Chromium for Playwright: $CHROMIUM_PATH, Debian's /usr/bin/chromium or
 * chromium-headless-shell, else the browser Playwright installed itself. When there is none, it
 * says exactly how to install one.
 */
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

const SYSTEM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-headless-shell', '/usr/bin/chromium-browser'];

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function playwrightOwnChromium(): string | null {
  try {
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.CHROMIUM_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, but no file is there. Point it at a Chromium binary or unset it.`);
  }
  const found = SYSTEM_CANDIDATES.find((p) => existsSync(p)) ?? playwrightOwnChromium();
  if (found) return found;
  throw new Error(
    [
      'No Chromium found for the end-to-end tests. Looked at $CHROMIUM_PATH, ' + SYSTEM_CANDIDATES.join(', ') + " and Playwright's own browsers.",
      'Install one:',
      '  on Debian/Ubuntu (as root):   apt-get update && apt-get install -y chromium',
      '  where downloads are possible: npx playwright install chromium',
      'or set CHROMIUM_PATH to a Chromium binary.',
    ].join('\n'),
  );
}
