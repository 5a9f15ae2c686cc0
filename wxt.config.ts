import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { defineConfig } from 'wxt';
import { pdfjsAssets } from './scripts/pdfjs-assets';

// Build config for Chrome (MV3) and Firefox (MV3). Entrypoints live in entrypoints/ and only wire.
// Permissions (docs/extension.md says why each one is there):
// - storage: reader settings in storage.local (lib/extension/shared/reader-settings.ts);
// - scripting: register the content script on a site the user switches on in the popup;
// - activeTab: the popup reads the current tab's URL to offer that switch;
// - optional_host_permissions: asked for ONE origin at a time by the popup switch, never at install,
//   and for the WebDAV server's origin by the library page's sync panel; http://127.0.0.1:23119/*
//   (Zotero's connector) on the first 「存入 Zotero」 (lib/handoff);
// - alarms: the periodic sync (lib/extension/background/sync), the MV3 timer that outlives the worker.
// The content script's own `matches` come from lib/extension/shared/site-patterns.ts (entrypoints/content/index.ts).

/**
 * `EPAPER_E2E_INSPECT=1` makes the e2e inspect build: the same extension with an OPEN shadow root
 * (Playwright locators cannot pierce a closed one), written to .output-e2e/ so it can never be
 * mistaken for what ships. Every other build (build, build:firefox, zip, start) is closed.
 */
const inspect = process.env.EPAPER_E2E_INSPECT === '1';

/**
 * `EPAPER_E2E_HOSTS=http://127.0.0.1/*` (with the inspect build; tests/e2e/sync.test.ts only):
 * host permissions granted at install, because a test cannot click the browser's permission
 * prompt that the sync panel raises. Written to .output-e2e-sync/, never shipped.
 */
const e2eHosts = inspect ? (process.env.EPAPER_E2E_HOSTS ?? '').split(',').filter(Boolean) : [];

const nativeBrowser = fileURLToPath(new URL('./lib/extension/shared/native-browser.ts', import.meta.url));

/** In the content-script build only, resolve webextension-polyfill to the native namespace (size). */
function nativeBrowserInContentScript(): Plugin {
  let isContent = false;
  return {
    name: 'epaper:native-browser-in-content-script',
    enforce: 'pre',
    configResolved(config) {
      const entry = config.build.lib ? config.build.lib.entry : '';
      isContent = JSON.stringify(entry).includes('entrypoints/content');
    },
    resolveId(source) {
      return isContent && source === 'webextension-polyfill' ? nativeBrowser : null;
    },
  };
}

/**
 * The stylesheets in components/styles.ts are template strings, which the minifier keeps as
 * written: drop their layout whitespace in the build (bytes in the content script's 60 KB budget).
 * Only line breaks and the spaces around { } ; , and after : go; a space between selectors (a
 * descendant) and inside values (`calc(100vh - 24px)`, `1px solid #ccc`) stays.
 */
function compactCss(): Plugin {
  return {
    name: 'epaper:compact-css',
    transform(code, id) {
      if (!id.endsWith('/components/styles.ts')) return null;
      const compact = (css: string): string =>
        css
          .replace(/\s+/g, ' ')
          .replace(/ ?([{};,]) ?/g, '$1')
          .replace(/: /g, ':')
          .replace(/;}/g, '}')
          .trim();
      return code.replace(/`([^`]*)`/g, (_, css: string) => '`' + compact(css) + '`');
    },
  };
}

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  outDir: e2eHosts.length ? '.output-e2e-sync' : inspect ? '.output-e2e' : '.output',
  // pdf.js's worker and the GB CMaps for reader.html's PDF mode, copied from node_modules at build
  // time (scripts/pdfjs-assets.ts) rather than committed (the GB CMaps alone are 290 KB of binary).
  hooks: {
    'build:publicAssets': (_wxt, files) => {
      files.push(...pdfjsAssets());
    },
  },
  vite: () => ({
    // The one switch for the shadow root's mode (lib/extension/content/shadow-host.ts).
    define: { __EPAPER_SHADOW_MODE__: JSON.stringify(inspect ? 'open' : 'closed') },
    plugins: [nativeBrowserInContentScript(), compactCss()],
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    // contextMenus: 「高亮所选文字」/「摘录所选段落」 on a selection (docs/highlights.md).
    permissions: ['storage', 'scripting', 'activeTab', 'contextMenus', 'alarms'],
    commands: {
      'highlight-selection': {
        suggested_key: { default: 'Alt+Shift+H' },
        description: '__MSG_cmdHighlight__',
      },
      'clip-selection': { suggested_key: { default: 'Alt+Shift+C' }, description: '__MSG_cmdClip__' },
    },
    // http://127.0.0.1:23119/*: the Zotero desktop connector, asked for on the first 「存入 Zotero」.
    optional_host_permissions: ['http://*/*', 'https://*/*', 'http://127.0.0.1:23119/*'],
    ...(e2eHosts.length ? { host_permissions: e2eHosts } : {}),
    // The reader kit, imported by the content script on first use; pages of any site the content
    // script may run on (family patterns match any host) must be able to load it. In Chrome only
    // through the per-session dynamic URL that runtime.getURL gives (use_dynamic_url): the static
    // chrome-extension://<id>/reader-kit.js is refused, so a site cannot probe for the extension.
    // Firefox's moz-extension://<uuid>/ is random per install already and has no such key.
    web_accessible_resources: [
      {
        resources: ['reader-kit.js'],
        matches: ['http://*/*', 'https://*/*'],
        ...(browser === 'firefox' ? {} : { use_dynamic_url: true }),
      },
    ],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'epaper-reader@example.org',
              strict_min_version: '140.0',
              // Nothing leaves the browser: pages are read and kept locally.
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
