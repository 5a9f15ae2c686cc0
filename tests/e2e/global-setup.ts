import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The environment of a build as `npm run build` has it, plus `extra`. Vitest sets NODE_ENV=test,
 * which WXT and its plugins read: a build under it came out 1.3 KB larger than what ships.
 */
export function buildEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  delete env.NODE_ENV;
  return env;
}

/**
 * Build the Chrome extension twice before the browser tests (tests/e2e/launch.ts says which test
 * uses which): the shipping build (.output/chrome-mv3, closed shadow root) and the e2e inspect build
 * (.output-e2e/chrome-mv3, `EPAPER_E2E_INSPECT=1`: the same code with an open shadow root, because
 * Playwright locators cannot pierce a closed one). `E2E_NO_BUILD=1` reuses existing builds.
 */
export default function setup(): void {
  const built = ['.output', '.output-e2e'].every((d) => existsSync(`${ROOT}${d}/chrome-mv3/manifest.json`));
  if (process.env.E2E_NO_BUILD === '1' && built) return;
  execFileSync('npx', ['wxt', 'build'], { stdio: 'inherit', cwd: ROOT, env: buildEnv() });
  execFileSync('npx', ['wxt', 'build'], {
    stdio: 'inherit',
    cwd: ROOT,
    env: buildEnv({ EPAPER_E2E_INSPECT: '1' }),
  });
  if (!existsSync('/usr/bin/chromium') && !process.env.CHROMIUM_PATH) {
    throw new Error(
      'e2e tests need Chromium at /usr/bin/chromium (apt-get install -y chromium) or CHROMIUM_PATH',
    );
  }
}
