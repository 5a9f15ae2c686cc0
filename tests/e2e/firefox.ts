/**
 * Firefox with the extension, driven over WebDriver BiDi (Playwright's Firefox needs its own patched
 * build; Debian's firefox-esr speaks BiDi natively). Only what the Firefox journeys need: install
 * the built add-on temporarily under a fixed moz-extension UUID, open a URL (the extension's own
 * pages too, with `extensionPages`), more tabs, evaluate in a page, a trusted click and mouse drag.
 * The journeys look inside our UI from the page, so they install the e2e inspect build
 * (.output-e2e/firefox-mv3, open shadow root; tests/e2e/harness.ts says why); what ships
 * (.output/firefox-mv3) is closed.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { buildEnv } from './global-setup.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The Firefox build that ships (`npm run build:firefox`): closed shadow root. */
export const FIREFOX_SHIPPING_DIR = fileURLToPath(new URL('../../.output/firefox-mv3', import.meta.url));

/** The Firefox e2e inspect build (`EPAPER_E2E_INSPECT=1 wxt build -b firefox --mv3`): open shadow root. */
export const FIREFOX_EXTENSION_DIR = fileURLToPath(new URL('../../.output-e2e/firefox-mv3', import.meta.url));

/** Debian's Firefox ESR (`apt-get install -y firefox-esr`), or FIREFOX_PATH. */
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** True when there is a Firefox to run. */
export const hasFirefox = (): boolean => existsSync(FIREFOX);

/** Fail, not skip, without Firefox: a machine without it must not pass the Firefox files silently. */
export function requireFirefox(): void {
  if (!hasFirefox())
    throw new Error(`Firefox tests need ${FIREFOX} (apt-get install -y firefox-esr) or FIREFOX_PATH`);
}

/**
 * Build the Firefox add-on: by default the e2e inspect build the journeys install (open shadow
 * root, FIREFOX_EXTENSION_DIR), with 'shipping' what ships (FIREFOX_SHIPPING_DIR). The global set-up
 * builds Chrome only, so each Firefox file builds what it installs.
 */
export function buildFirefox(build: 'inspect' | 'shipping' = 'inspect'): void {
  execFileSync('npx', ['wxt', 'build', '-b', 'firefox', '--mv3'], {
    stdio: 'ignore',
    cwd: ROOT,
    env: buildEnv(build === 'inspect' ? { EPAPER_E2E_INSPECT: '1' } : {}),
  });
}

/** The add-on id of the Firefox build (manifest `browser_specific_settings.gecko.id`). */
export const GECKO_ID = 'epaper-reader@example.org';

/**
 * The moz-extension UUID the sessions give the add-on (pref `extensions.webextensions.uuids`), so
 * extension pages are at `moz-extension://<EXTENSION_UUID>/library.html`.
 */
export const EXTENSION_UUID = '5f0c2a4e-8d1b-4c6e-9a37-2b6e1d0f4c81';

/** One tab of the session. */
export interface FirefoxTab {
  /** The BiDi browsing context id. */
  context: string;
  /** Navigate the tab and wait for the load event. */
  goto(url: string): Promise<void>;
  /** Evaluate an expression in the page (awaited when it is a promise); its JSON-able value. */
  evaluate<T>(expression: string): Promise<T>;
  /** Make this the selected tab of its window (what `tabs.query({ active: true })` sees). */
  activate(): Promise<void>;
  /** A trusted mouse drag in the page's viewport (BiDi input), e.g. to select text. */
  drag(from: { x: number; y: number }, to: { x: number; y: number }): Promise<void>;
  /** A real (trusted) left click at viewport point (x, y), through BiDi input actions. */
  click(x: number, y: number): Promise<void>;
  /** A real (trusted) key press (a WebDriver key value: 'a', '\uE00C' for Escape). */
  press(key: string): Promise<void>;
  close(): Promise<void>;
}

/** A running Firefox with the extension installed; `goto`/`evaluate` act on its first tab. */
export interface FirefoxSession extends Omit<FirefoxTab, 'close'> {
  extensionId: string;
  /** `moz-extension://<uuid>/<path>` of an extension page (`library.html`, `popup.html?url=…`). */
  extensionUrl(path: string): string;
  /** Open another tab (in the background), optionally at `url`. */
  newTab(url?: string): Promise<FirefoxTab>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  extensionDir?: string;
  /** The add-on's moz-extension UUID (default EXTENSION_UUID). */
  uuid?: string;
  /**
   * Let BiDi navigate to the extension's own pages: Firefox's remote agent refuses any URL but
   * http(s), file, blob and about:blank ("Navigation to moz-extension://… is not allowed in this
   * context") unless started with `--remote-allow-system-access`.
   */
  extensionPages?: boolean;
}

type Message = { id?: number; type: string; result?: unknown; error?: string; message?: string };

/**
 * Start Firefox headless on a fresh profile and install the extension from `extensionDir` (or
 * `options.extensionDir`) under a fixed moz-extension UUID.
 */
export async function launchFirefox(options: string | LaunchOptions = {}): Promise<FirefoxSession> {
  const {
    extensionDir = FIREFOX_EXTENSION_DIR,
    uuid = EXTENSION_UUID,
    extensionPages = false,
  } = typeof options === 'string' ? { extensionDir: options } : options;
  const profile = mkdtempSync(join(tmpdir(), 'epaper-ff-'));
  // Read by Firefox at start: the UUID of our add-on's moz-extension:// origin.
  writeFileSync(
    join(profile, 'user.js'),
    `user_pref("extensions.webextensions.uuids", ${JSON.stringify(JSON.stringify({ [GECKO_ID]: uuid }))});\n`,
  );
  const ff = spawn(
    FIREFOX,
    [
      '--headless',
      '--no-remote',
      '--profile',
      profile,
      '--remote-debugging-port=0',
      ...(extensionPages ? ['--remote-allow-system-access'] : []),
    ],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  try {
    const ws = new WebSocket(`${await bidiUrl(ff)}/session`);
    await new Promise((resolve, reject) => {
      ws.once('open', resolve);
      ws.once('error', reject);
    });
    let next = 0;
    const waiting = new Map<number, (m: Message) => void>();
    ws.on('message', (data) => {
      const m = JSON.parse(String(data)) as Message;
      if (m.id !== undefined) waiting.get(m.id)?.(m);
    });
    const send = <T>(method: string, params: object): Promise<T> =>
      new Promise((resolve, reject) => {
        const id = ++next;
        waiting.set(id, (m) => {
          waiting.delete(id);
          if (m.type === 'success') resolve(m.result as T);
          else reject(new Error(`${method}: ${m.error ?? ''} ${m.message ?? ''}`));
        });
        ws.send(JSON.stringify({ id, method, params }));
      });
    await send('session.new', { capabilities: {} });
    const installed = await send<{ extension: string }>('webExtension.install', {
      extensionData: { type: 'path', path: extensionDir },
    });
    const tab = (context: string): FirefoxTab => {
      /** One trusted mouse sequence in this tab (BiDi input actions). */
      const pointer = (actions: Array<Record<string, unknown>>) =>
        send('input.performActions', {
          context,
          actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions }],
        });
      return {
        context,
        goto: async (url) => {
          await send('browsingContext.navigate', { context, url, wait: 'complete' });
        },
        evaluate: async <T>(expression: string) => {
          const r = await send<{
            type: string;
            result?: { value?: unknown };
            exceptionDetails?: { text: string };
          }>('script.evaluate', {
            expression: `(async () => JSON.stringify(await (${expression})))()`,
            target: { context },
            awaitPromise: true,
          });
          if (r.type === 'exception') throw new Error(r.exceptionDetails?.text ?? 'evaluation failed');
          return JSON.parse(String(r.result?.value ?? 'null')) as T;
        },
        activate: async () => {
          await send('browsingContext.activate', { context });
        },
        press: async (key) => {
          await send('input.performActions', {
            context,
            actions: [
              {
                type: 'key',
                id: 'keyboard',
                actions: [
                  { type: 'keyDown', value: key },
                  { type: 'keyUp', value: key },
                ],
              },
            ],
          });
        },
        click: async (x, y) => {
          const at = { x: Math.round(x), y: Math.round(y) };
          await pointer([
            { type: 'pointerMove', ...at },
            { type: 'pointerDown', button: 0 },
            { type: 'pointerUp', button: 0 },
          ]);
        },
        drag: async (from, to) => {
          const mid = { x: Math.round((from.x + to.x) / 2), y: Math.round((from.y + to.y) / 2) };
          const at = (p: { x: number; y: number }) => ({ x: Math.round(p.x), y: Math.round(p.y) });
          await pointer([
            { type: 'pointerMove', ...at(from) },
            { type: 'pointerDown', button: 0 },
            { type: 'pointerMove', ...mid, duration: 50 },
            { type: 'pointerMove', ...at(to), duration: 50 },
            { type: 'pointerUp', button: 0 },
          ]);
        },
        close: async () => {
          await send('browsingContext.close', { context });
        },
      };
    };
    const tree = await send<{ contexts: Array<{ context: string }> }>('browsingContext.getTree', {});
    const first = tab(tree.contexts[0].context);
    return {
      extensionId: installed.extension,
      extensionUrl: (path) => `moz-extension://${uuid}/${path.replace(/^\//, '')}`,
      context: first.context,
      goto: first.goto,
      evaluate: first.evaluate,
      activate: first.activate,
      drag: first.drag,
      click: first.click,
      press: first.press,
      newTab: async (url) => {
        const { context } = await send<{ context: string }>('browsingContext.create', {
          type: 'tab',
          background: true,
        });
        const t = tab(context);
        if (url) await t.goto(url);
        return t;
      },
      close: async () => {
        ws.close();
        await stop(ff);
        rmSync(profile, { recursive: true, force: true });
      },
    };
  } catch (e) {
    await stop(ff);
    rmSync(profile, { recursive: true, force: true });
    throw e;
  }
}

/**
 * The set-up of the files that drive the extension's own pages: Firefox is there (else the file
 * fails), the inspect build, and a session that may navigate to moz-extension:// pages.
 */
export async function launchFirefoxForPages(): Promise<FirefoxSession> {
  requireFirefox();
  buildFirefox();
  return launchFirefox({ extensionPages: true });
}

/** The BiDi address Firefox prints on start. */
function bidiUrl(ff: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(
      () => reject(new Error(`Firefox did not start BiDi: ${seen.slice(-500)}`)),
      60_000,
    );
    const read = (chunk: Buffer) => {
      seen += String(chunk);
      const m = /WebDriver BiDi listening on (ws:\/\/\S+)/.exec(seen);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    ff.stderr?.on('data', read);
    ff.stdout?.on('data', read);
    ff.once('exit', (code) => reject(new Error(`Firefox exited (${code}): ${seen.slice(-500)}`)));
  });
}

function stop(ff: ChildProcess): Promise<void> {
  if (ff.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    ff.once('exit', () => resolve());
    ff.kill();
    setTimeout(() => {
      ff.kill('SIGKILL');
      resolve();
    }, 5000);
  });
}

/** Poll `expression` in `tab` until `done(value)` or `ms` has passed; the last value. */
export async function until<T>(
  tab: Pick<FirefoxTab, 'evaluate'>,
  expression: string,
  done: (v: T) => boolean,
  ms = 15_000,
): Promise<T> {
  const end = Date.now() + ms;
  let last = await tab.evaluate<T>(expression);
  while (!done(last) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 100));
    last = await tab.evaluate<T>(expression);
  }
  return last;
}
