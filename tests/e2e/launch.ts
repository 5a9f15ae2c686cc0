/**
 * Launch Debian's Chromium with a built extension on a fresh profile, the way toolchain.md
 * describes; shared by the e2e tests and `npm start`. Two builds (tests/e2e/global-setup.ts):
 * - SHIPPING_EXTENSION_DIR (.output/chrome-mv3): what ships, closed shadow root; `npm start`, the
 *   manifest and size checks and the page-script test use it;
 * - EXTENSION_DIR (.output-e2e/chrome-mv3): the e2e inspect build, identical but for an OPEN shadow
 *   root, because Playwright locators cannot pierce a closed one; the journey tests use it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';

/** The Chrome MV3 build that ships (`npm run build`): closed shadow root. */
export const SHIPPING_EXTENSION_DIR = fileURLToPath(new URL('../../.output/chrome-mv3', import.meta.url));

/** The e2e inspect build (`EPAPER_E2E_INSPECT=1 wxt build`): open shadow root, for locators. */
export const EXTENSION_DIR = fileURLToPath(new URL('../../.output-e2e/chrome-mv3', import.meta.url));

/** Debian's Chromium (playwright cannot download browsers here). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** A browser with the extension loaded. */
export interface ExtensionBrowser {
  context: BrowserContext;
  /** The extension's id, read from its service worker URL (it depends on the build folder's path). */
  extensionId: string;
  /** The profile folder (reuse it with `launchWithExtension({ profileDir })` to test persistence). */
  profileDir: string;
  /** Close the browser; removes the profile unless `keepProfile`. */
  close(options?: { keepProfile?: boolean }): Promise<void>;
}

/** Chromium flags: load only our extension, and keep Chromium off the (closed) network. */
export function chromiumArgs(extensionDir: string = EXTENSION_DIR): string[] {
  return [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    // Without it Chromium keeps trying to reach Google's hosts; localhost and 127.0.0.1 stay reachable
    // (the tests use them as two different origins).
    '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1',
  ];
}

/** Launch Chromium with the extension on a fresh (or given) profile. */
export async function launchWithExtension(
  options: {
    profileDir?: string;
    headless?: boolean;
    extensionDir?: string;
    /** Page size; `null` lets a headed window decide. */
    viewport?: { width: number; height: number } | null;
    /**
     * The browser's UI language (`zh-CN`), which the extension's `_locales` follow. Chromium on
     * Linux needs its locale pack for it (Debian's chromium-l10n), else it stays en-US.
     */
    lang?: string;
  } = {},
): Promise<ExtensionBrowser> {
  const profileDir = options.profileDir ?? mkdtempSync(join(tmpdir(), 'epaper-e2e-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: options.headless ?? true,
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [...chromiumArgs(options.extensionDir), ...(options.lang ? [`--lang=${options.lang}`] : [])],
    ...(options.lang
      ? { locale: options.lang, env: { ...process.env, LANGUAGE: options.lang.replace('-', '_') } }
      : {}),
    viewport: options.viewport === undefined ? { width: 1280, height: 900 } : options.viewport,
  });
  let extensionId: string;
  try {
    extensionId = await extensionIdOf(context);
  } catch (error) {
    await context.close();
    throw error;
  }
  return {
    context,
    extensionId,
    profileDir,
    async close({ keepProfile = false } = {}) {
      await context.close();
      if (!keepProfile) rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

/**
 * The extension id from its service worker's URL (chrome-extension://<id>/background.js). Polls as
 * well as waiting for the event: a worker that starts between the two checks would otherwise be
 * missed, and a busy machine can take several seconds to start it.
 */
async function extensionIdOf(context: BrowserContext, timeoutMs = 30_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const worker = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
    if (worker) return new URL(worker.url()).host;
    if (Date.now() > deadline) {
      throw new Error(
        `the extension's service worker did not start within ${timeoutMs / 1000} s (is the extension built? ${SHIPPING_EXTENSION_DIR}, ${EXTENSION_DIR})`,
      );
    }
    await context.waitForEvent('serviceworker', { timeout: 250 }).catch(() => undefined);
  }
}
