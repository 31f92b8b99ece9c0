/**
 * Before the browser tests: make sure a Chromium is there. When none is found (CHROMIUM_PATH,
 * Debian's chromium, Playwright's own), try Playwright's own download once
 * (`npx playwright install chromium`); where downloads are not possible, stop with the message
 * that says how to install one.
 */
import { spawnSync } from 'node:child_process';
import { findChromium } from '../e2e/chromium.ts';

function found(): string | null {
  try {
    return findChromium();
  } catch {
    return null;
  }
}

if (process.env.CHROMIUM_PATH) {
  // An explicit choice: a wrong path is reported, never replaced by a download.
  try {
    findChromium();
  } catch (err) {
    console.error((err as Error).message);
    process.exit(1);
  }
} else if (!found()) {
  console.log("No Chromium found; trying Playwright's own download (npx playwright install chromium)…");
  const install = spawnSync('npx', ['playwright', 'install', 'chromium'], { stdio: 'inherit', timeout: 600_000 });
  if (install.status !== 0 || !found()) {
    try {
      findChromium();
    } catch (err) {
      console.error(`The download did not work here.\n${(err as Error).message}`);
    }
    process.exit(1);
  }
}
