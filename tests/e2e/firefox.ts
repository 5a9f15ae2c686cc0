/**
 * Firefox with the extension, driven over WebDriver BiDi (Playwright's Firefox needs its own patched
 * build; Debian's firefox-esr speaks BiDi natively). Only what the Firefox journeys need: install
 * the built add-on temporarily, open a URL, evaluate in the page, click like a user. The journeys
 * look inside our UI from the page, so they install the e2e inspect build (.output-e2e/firefox-mv3,
 * open shadow root; tests/e2e/harness.ts says why); what ships (.output/firefox-mv3) is closed.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';

/** The Firefox build that ships (`npm run build:firefox`): closed shadow root. */
export const FIREFOX_SHIPPING_DIR = fileURLToPath(new URL('../../.output/firefox-mv3', import.meta.url));

/** The Firefox e2e inspect build (`EPAPER_E2E_INSPECT=1 wxt build -b firefox --mv3`): open shadow root. */
export const FIREFOX_EXTENSION_DIR = fileURLToPath(new URL('../../.output-e2e/firefox-mv3', import.meta.url));

/** Debian's Firefox ESR (`apt-get install -y firefox-esr`), or FIREFOX_PATH. */
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** True when there is a Firefox to run. */
export const hasFirefox = (): boolean => existsSync(FIREFOX);

/** A running Firefox with the extension installed, one tab. */
export interface FirefoxSession {
  extensionId: string;
  /** Navigate the tab and wait for the load event. */
  goto(url: string): Promise<void>;
  /** Evaluate an expression in the page (awaited when it is a promise); its JSON-able value. */
  evaluate<T>(expression: string): Promise<T>;
  /** A real (trusted) left click at viewport point (x, y), through BiDi input actions. */
  click(x: number, y: number): Promise<void>;
  close(): Promise<void>;
}

type Message = { id?: number; type: string; result?: unknown; error?: string; message?: string };

/** Start Firefox headless on a fresh profile and install the extension from `extensionDir`. */
export async function launchFirefox(extensionDir = FIREFOX_EXTENSION_DIR): Promise<FirefoxSession> {
  const profile = mkdtempSync(join(tmpdir(), 'epaper-ff-'));
  const ff = spawn(
    FIREFOX,
    ['--headless', '--no-remote', '--profile', profile, '--remote-debugging-port=0'],
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
    const tree = await send<{ contexts: Array<{ context: string }> }>('browsingContext.getTree', {});
    const context = tree.contexts[0].context;
    return {
      extensionId: installed.extension,
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
      click: async (x, y) => {
        const at = { x: Math.round(x), y: Math.round(y) };
        await send('input.performActions', {
          context,
          actions: [
            {
              type: 'pointer',
              id: 'mouse',
              parameters: { pointerType: 'mouse' },
              actions: [
                { type: 'pointerMove', ...at },
                { type: 'pointerDown', button: 0 },
                { type: 'pointerUp', button: 0 },
              ],
            },
          ],
        });
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
