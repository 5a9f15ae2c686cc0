import tseslint from 'typescript-eslint';

// Lint is deliberately small: TypeScript's recommended rules plus the house boundaries
// (the pure core never imports frameworks or storage; content scripts never import lib/db).
const frameworks = ['wxt', 'wxt/*', '#imports', 'dexie', 'preact', 'preact/*', 'webextension-polyfill'];

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      '.output/**',
      '.output-e2e/**',
      '.output-e2e-sync/**',
      '.wxt/**',
      'tests/fixtures/**',
      'bench/results.json',
    ],
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    files: [
      'lib/text/**',
      'lib/sites/**',
      'lib/stitch/**',
      'lib/anchor/**',
      'lib/export/**',
      'lib/model/**',
      'lib/handoff/**',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: frameworks.map((group) => ({
            group: [group],
            message: 'lib/ core takes the world as parameters',
          })),
        },
      ],
      'no-restricted-globals': ['error', 'document', 'location', 'fetch', 'browser', 'chrome', 'window'],
    },
  },
  {
    // Code that runs in the page's tab (the content script and the reader kit), the code both
    // share with it, and the components they render: IndexedDB there would belong to the
    // newspaper's origin, so the library is reached through lib/messaging. Types may be imported
    // (they are erased); values may not.
    files: [
      'entrypoints/content/**',
      'entrypoints/reader-kit.ts',
      'lib/extension/content/**',
      'lib/extension/kit/**',
      'lib/extension/shared/**',
      'components/**',
    ],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/lib/db', '**/lib/db/*', '**/db', '**/db/*', 'dexie'],
              allowTypeImports: true,
              message: 'content scripts and the kit reach the database through lib/messaging',
            },
          ],
        },
      ],
    },
  },
);
