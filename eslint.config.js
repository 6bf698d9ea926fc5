import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// The layers (ARCHITECTURE.md): renderer → API spec → handlers → services → db. A later block replaces an
// earlier block's setting of the same rule for the files both match, so each block below repeats what it keeps.

const DRIVER = { name: 'better-sqlite3', message: 'only db/ talks to the database driver' };
const PG_DRIVER = { name: 'pg', message: 'only db/ talks to the database driver' };

const ELECTRON_IMPORT = {
  selector: "ImportDeclaration[source.value='electron']",
  message: 'only the thin shell imports electron',
};
const PREPARE = {
  selector: "CallExpression[callee.property.name='prepare']",
  message: 'SQL lives in db/: call a db/queries function',
};
// better-sqlite3's own transactions; the Store's (`store.transaction`, `ctx.store.transaction`) are the seam itself
const TRANSACTION = {
  selector:
    "CallExpression[callee.property.name='transaction']:not([callee.object.name='store']):not([callee.object.property.name='store'])",
  message: 'every transaction goes through db/transaction.ts (inTransaction) or the Store',
};

const RENDERER_PATHS = [
  { name: 'electron', message: 'the renderer talks to the shell only through window.api' },
  { name: 'better-sqlite3', message: 'the renderer reaches data only through the API' },
  {
    name: 'echarts',
    message: 'tree-shaken imports only: echarts/core, echarts/charts, echarts/components, echarts/renderers',
  },
];
const RENDERER_PATTERNS = [
  { group: ['node:*'], message: 'the renderer cannot use Node' },
  {
    group: ['**/db/queries/*', '**/db/connection', '**/electron/contract', '**/electron/handlers/*'],
    message: 'renderer imports db/model and the API spec only',
  },
];
// From renderer/pages/<page>/x.ts, `../<other>/…` or `…/pages/…` is another page's folder (pages have no subfolders).
const ANOTHER_PAGE = {
  regex: '^\\.\\./[\\w-]+/|(^|/)pages/',
  message: "a page imports renderer/ui, renderer/components or a shared module, never another page's folder",
};
const ANY_PAGE = {
  group: ['**/pages/**'],
  message: 'only app/App.tsx routes to pages; what is shared lives in renderer/ui, renderer/components or links/',
};
// Only renderer/api.ts knows the transport; the rest asks isDesktop() or goes through the desktop bridge.
const WINDOW_API = {
  selector: "MemberExpression[object.name='window'][property.name='api']",
  message: 'only renderer/api.ts knows the transport: use isDesktop(), invoke() or renderer/desktop-bridge',
};

const SHELL = ['electron/main.ts', 'electron/window.ts', 'electron/preload.ts', 'electron/ipc.ts', 'electron/print.ts'];
const SPECS = ['electron/api-spec.ts', 'electron/handlers/*.spec.ts', 'electron/handlers/spec-shared.ts'];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'data/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    ignores: ['db/**', 'tests/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [DRIVER, PG_DRIVER] }] },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // the renderer reaches data only through the API; Node and the database stay in other processes
      'no-restricted-imports': ['error', { paths: RENDERER_PATHS, patterns: RENDERER_PATTERNS }],
    },
  },
  {
    // a page's folder is its own: what two pages share lives in renderer/ui, renderer/components or links/
    files: ['renderer/pages/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { paths: RENDERER_PATHS, patterns: [...RENDERER_PATTERNS, ANOTHER_PAGE] }],
    },
  },
  {
    // only the router knows the pages; print, the shell and the shared parts never reach into one
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/pages/**', 'renderer/app/App.tsx'],
    rules: {
      'no-restricted-imports': ['error', { paths: RENDERER_PATHS, patterns: [...RENDERER_PATTERNS, ANY_PAGE] }],
    },
  },
  {
    files: ['db/model/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['better-sqlite3', 'pg'],
          patterns: [
            {
              group: ['node:*', '../queries/*', '../connection'],
              message: 'db/model is pure: the renderer imports it',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/services/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [DRIVER, PG_DRIVER],
          patterns: [
            {
              group: ['**/handlers/*', '**/api-spec', '**/*.spec'],
              message: 'handlers call services, never the other way: what both need lives in services/ or db/model',
            },
          ],
        },
      ],
    },
  },
  {
    files: SPECS,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!zod$|(\\.\\./)+db/model/[\\w-]+$|\\./(handlers/)?[\\w-]+\\.spec$|\\./spec-shared$)',
              message: 'the renderer reads the API spec for its types: spec files import only zod and db/model',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    ignores: [...SHELL, 'db/**', 'bench/**', 'tests/**'],
    rules: { 'no-restricted-syntax': ['error', ELECTRON_IMPORT, PREPARE, TRANSACTION] },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/api.ts'],
    rules: { 'no-restricted-syntax': ['error', ELECTRON_IMPORT, PREPARE, TRANSACTION, WINDOW_API] },
  },
  { files: SHELL, rules: { 'no-restricted-syntax': ['error', PREPARE, TRANSACTION] } },
  { files: ['db/**/*.ts'], rules: { 'no-restricted-syntax': ['error', ELECTRON_IMPORT, TRANSACTION] } },
  {
    // the data seam is async: a promise left unawaited, or tested as if it were its value, is a lost write or a
    // wrong answer that no type error shows
    files: ['db/**/*.ts', 'electron/**/*.ts', 'bench/**/*.ts'],
    ignores: ['db/model/**'],
    languageOptions: { parserOptions: { project: './tsconfig.node.json', tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  {
    // a test that leaves the seam's promise unawaited asserts before the write happened, or not at all
    files: ['tests/**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { project: './tsconfig.test.json', tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  // the benchmarks time the app against bare prepared statements, so they may prepare their own
  { files: ['bench/**/*.ts'], rules: { 'no-restricted-syntax': ['error', ELECTRON_IMPORT, TRANSACTION] } },
);
