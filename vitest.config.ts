import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Two projects: `unit` is browser-free (happy-dom / fake-indexeddb / WXT's fake browser);
// `e2e` builds the extension once and drives Debian's Chromium through playwright-core.
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    projects: [
      {
        extends: true,
        // The shadow root's mode is a build-time constant (wxt.config.ts, lib/extension/content/shadow-host.ts). Unit
        // tests look inside our UI like the e2e inspect build does: open. What ships is closed, and
        // tests/e2e/shipping.test.ts checks that in the built content script.
        define: { __EPAPER_SHADOW_MODE__: JSON.stringify('open') },
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
          exclude: ['tests/e2e/**', 'node_modules/**'],
          setupFiles: ['fake-indexeddb/auto'],
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
