// Lint, plus the layering rules that keep every piece of logic testable without the
// Electron binary (see ARCHITECTURE.md, "Who may import what").
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', 'bench/results.json'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: restrict([
      { group: ['node:*', 'electron', 'react', '**/electron/**', '**/renderer/**'], message: 'shared/ runs anywhere: no Node, Electron, DOM or app imports.' },
    ]),
  },
  {
    files: ['electron/core/**/*.ts', 'electron/cli/**/*.ts', 'electron/simulator/**/*.ts'],
    rules: restrict([
      { group: ['electron', 'electron/*'], message: 'The core is plain Node: it never imports electron.' },
      { group: ['**/main/**', '**/preload/**', '**/renderer/**'], message: 'The core does not depend on the app glue or the UI.' },
    ]),
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: restrict([
      { group: ['node:*', '**/core/**', '**/main/**', '**/renderer/**'], message: 'The sandboxed preload imports only shared/ and electron.' },
    ]),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: restrict([
      { group: ['node:*', 'electron', '**/electron/core/**', '**/electron/main/**'], message: 'The renderer is sandboxed: shared/ and the preload types only.' },
    ]),
  },
);
