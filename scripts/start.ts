/**
 * `npm start`: build the extension, serve the demo e-paper on 127.0.0.1 and open Chromium with the
 * extension loaded on the demo's front page, until Ctrl-C.
 * `npm start -- --headless [--out DIR]`: write screenshots of the layout overlay and of a stitched
 * article to DIR (default `screenshots/`) and exit. Options: `--port N` (default: a free port),
 * `--no-build` (reuse .output/chrome-mv3).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT, startDemoServer } from '../demo/server.ts';
import { launchWithExtension } from '../tests/e2e/launch.ts';
import { FRONT_PAGE, takeScreenshots } from './screenshots.ts';

const { values } = parseArgs({
  options: {
    headless: { type: 'boolean', default: false },
    out: { type: 'string', default: 'screenshots' },
    port: { type: 'string', default: '0' },
    'no-build': { type: 'boolean', default: false },
  },
});

async function main(): Promise<number> {
  const headed = !values.headless;
  if (headed && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    console.error(
      'No display (DISPLAY is not set): run `npm start -- --headless` for screenshots, or `xvfb-run -a npm start`.',
    );
    return 1;
  }
  if (!values['no-build']) execFileSync('npx', ['wxt', 'build'], { stdio: 'inherit', cwd: REPO_ROOT });

  const server = await startDemoServer({ port: Number(values.port) });
  const front = new URL(FRONT_PAGE, server.url).href;
  console.log(`Demo e-paper: ${server.url}  (front page ${front})`);

  if (!headed) {
    const out = resolve(values.out);
    mkdirSync(out, { recursive: true });
    const browser = await launchWithExtension({ headless: true, viewport: { width: 1280, height: 1000 } });
    try {
      const files = await takeScreenshots(browser.context, server.url, out);
      for (const file of files) console.log(`wrote ${file}`);
    } finally {
      await browser.close();
      await server.close();
    }
    return 0;
  }

  // A fresh profile each run, kept under the temp folder so a second `npm start` starts clean.
  const profileDir = mkdtempSync(join(tmpdir(), 'epaper-start-'));
  const browser = await launchWithExtension({
    headless: false,
    profileDir,
    viewport: { width: 1280, height: 900 },
  });
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  await page.goto(front);
  console.log('Chromium is open with the extension loaded. Press Ctrl-C to stop.');
  return new Promise<number>((done) => {
    let stopping = false;
    const stop = async (): Promise<void> => {
      if (stopping) return;
      stopping = true;
      await browser.close().catch(() => undefined);
      await server.close();
      done(0);
    };
    process.once('SIGINT', () => void stop());
    process.once('SIGTERM', () => void stop());
    // Closing the window ends the run too.
    browser.context.once('close', () => void stop());
  });
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
