import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

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
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // the renderer reaches data only through the API; Node and the database stay in other processes
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'the renderer talks to the shell only through window.api' },
            { name: 'better-sqlite3', message: 'the renderer reaches data only through the API' },
          ],
          patterns: [
            { group: ['node:*'], message: 'the renderer cannot use Node' },
            {
              group: ['**/db/queries/*', '**/db/connection', '**/electron/contract', '**/electron/handlers/*'],
              message: 'renderer imports db/model and the API spec only',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['db/model/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['better-sqlite3'],
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
    files: ['**/*.{ts,tsx,js,mjs}'],
    ignores: [
      'electron/main.ts',
      'electron/window.ts',
      'electron/preload.ts',
      'electron/ipc.ts',
      'electron/print.ts',
      'tests/**',
    ],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "ImportDeclaration[source.value='electron']", message: 'only the thin shell imports electron' },
      ],
    },
  },
);
