import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Build the Chrome extension once before the browser tests (each test file loads .output/chrome-mv3).
 * `E2E_NO_BUILD=1` reuses an existing build (handy when only tests changed).
 */
export default function setup(): void {
  if (process.env.E2E_NO_BUILD === '1' && existsSync(`${ROOT}.output/chrome-mv3/manifest.json`)) return;
  execFileSync('npx', ['wxt', 'build'], { stdio: 'inherit', cwd: ROOT });
  if (!existsSync('/usr/bin/chromium') && !process.env.CHROMIUM_PATH) {
    throw new Error(
      'e2e tests need Chromium at /usr/bin/chromium (apt-get install -y chromium) or CHROMIUM_PATH',
    );
  }
}
