import { defineConfig } from 'wxt';

// Build config for Chrome (MV3) and Firefox (MV3). Entrypoints live in entrypoints/ and only wire.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    permissions: ['storage'],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: 'epaper-reader@example.org', strict_min_version: '140.0' },
          },
        }
      : {}),
  }),
});
