/**
 * `npm start`: build the extension, serve the demo e-paper on 127.0.0.1 and open Chromium with the
 * extension loaded on the demo's front page, until Ctrl-C.
 * `npm start -- --headless [--out DIR]`: write screenshots of the layout overlay, a stitched
 * article in the reader (zh-CN), the library page and paste mode to DIR (default `screenshots/`)
 * and exit. `npm start -- --serve-only`: build and serve the
 * demo, no browser (load the extension by hand in your own Chrome or Firefox). Options: `--port N`
 * (default: a free port), `--no-build` (reuse .output/chrome-mv3).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT, startDemoServer } from '../demo/server.ts';
import { SHIPPING_EXTENSION_DIR, launchWithExtension } from '../tests/e2e/launch.ts';
import { FRONT_PAGE, takeScreenshots } from './screenshots.ts';

const { values } = parseArgs({
  options: {
    headless: { type: 'boolean', default: false },
    out: { type: 'string', default: 'screenshots' },
    port: { type: 'string', default: '0' },
    'no-build': { type: 'boolean', default: false },
    'serve-only': { type: 'boolean', default: false },
  },
});

async function main(): Promise<number> {
  let headed = !values.headless && !values['serve-only'];
  if (headed && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    // A server or CI box has no screen: still do the main job, as screenshots, rather than fail.
    console.log(
      'No display (DISPLAY is not set): writing screenshots instead (`xvfb-run -a npm start` for a window).',
    );
    headed = false;
  }
  if (!values['no-build']) execFileSync('npx', ['wxt', 'build'], { stdio: 'inherit', cwd: REPO_ROOT });

  const server = await startDemoServer({ port: Number(values.port) });
  const front = new URL(FRONT_PAGE, server.url).href;
  console.log(`Demo e-paper: ${server.url}  (front page ${front})`);

  if (values['serve-only']) {
    console.log('Serving the demo (no browser). Press Ctrl-C to stop.');
    return untilStopped(() => server.close());
  }

  if (!headed) {
    const out = resolve(values.out);
    mkdirSync(out, { recursive: true });
    const browser = await launchWithExtension({
      extensionDir: SHIPPING_EXTENSION_DIR,
      headless: true,
      viewport: { width: 1280, height: 1000 },
      // The reader in its first language (zh-CN), as most readers of these papers see it.
      lang: 'zh-CN',
    });
    try {
      console.log(`Writing screenshots to ${out}`);
      const files = await takeScreenshots(browser.context, server.url, out, browser.extensionId);
      for (const file of files) console.log(`wrote ${file}`);
    } finally {
      await browser.close();
      await server.close();
    }
    return 0;
  }

  // A fresh profile each run (removed on exit); the window's own size, not a fixed viewport.
  const browser = await launchWithExtension({
    extensionDir: SHIPPING_EXTENSION_DIR,
    headless: false,
    viewport: null,
  });
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  await page.goto(front);
  console.log('Chromium is open with the extension loaded. Press Ctrl-C to stop.');
  // Closing the window ends the run too.
  return untilStopped(
    async () => {
      await browser.close().catch(() => undefined);
      await server.close();
    },
    (stop) => browser.context.once('close', stop),
  );
}

/** Resolve 0 after Ctrl-C / SIGTERM (or `also`'s signal) once `cleanup` has run (once). */
function untilStopped(cleanup: () => Promise<void>, also?: (stop: () => void) => void): Promise<number> {
  return new Promise<number>((done) => {
    let stopping = false;
    const stop = (): void => {
      if (stopping) return;
      stopping = true;
      void cleanup().then(() => {
        console.log('Stopped.');
        done(0);
      });
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    also?.(stop);
  });
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
