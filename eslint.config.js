// Layers and hooks, enforced: each folder may import only what its layer allows (see README, "Architecture").
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const TESTS = ['**/*.test.ts', '**/*.test.tsx', '**/test-setup.ts', 'electron/testing/**', 'renderer/src/test/**'];

/** Globals that exist only in a browser page: code in shared/ must run in the main process too. */
const DOM_GLOBALS = ['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'HTMLElement', 'Element', 'location'].map(
  (name) => ({ name, message: 'shared/ runs in the main process as well as the page: pass what you need in.' }),
);

/** Who may import whom, tests included: shared/ stands alone, and the two processes never import each other. */
const LAYERS = [
  { target: './shared', from: ['./electron', './renderer', './e2e', './scripts', './bench'], message: 'shared/ imports only itself.' },
  { target: './renderer', from: ['./electron', './scripts', './bench'], message: 'renderer/ imports only itself and shared/.' },
  { target: './electron', from: ['./renderer'], message: 'electron/ never imports the renderer.' },
];

/** Product code (not tests) also keeps away from the harness, the emulator and the test helpers. */
const NO_TEST_CODE = [
  { target: './renderer', from: ['./e2e', './renderer/src/test'], message: 'Product code imports no test helpers.' },
  { target: './electron', from: ['./e2e', './scripts', './bench', './electron/testing'], message: 'Product code imports no test helpers.' },
];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.reports/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      // Without these the plugin reads only .js files when it follows imports, and sees no cycle among .ts ones.
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: 'tsconfig.json' })],
    },
    rules: {
      'import-x/no-cycle': 'error',
      'import-x/no-self-import': 'error',
      'import-x/no-useless-path-segments': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      'import-x/no-restricted-paths': ['error', { zones: LAYERS }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'import-x/no-nodejs-modules': 'error',
      'no-restricted-globals': ['error', ...DOM_GLOBALS],
      'no-restricted-imports': ['error', { patterns: [{ group: ['electron', 'react', 'react-dom', 'electron-store', 'cos-nodejs-sdk-v5'], message: 'shared/ holds no Electron, DOM or Node code.' }] }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      // The classic rules: the React Compiler's stricter ones judge patterns this code uses on purpose (latest-value refs).
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'import-x/no-nodejs-modules': 'error',
      'no-restricted-imports': ['error', { patterns: [{ group: ['electron', 'electron-store', 'cos-nodejs-sdk-v5'], message: 'The page reaches the main process only through the preload API.' }] }],
    },
  },
  {
    files: ['electron/**/*.ts', 'renderer/**/*.{ts,tsx}', 'shared/**/*.ts'],
    ignores: TESTS,
    rules: { 'import-x/no-restricted-paths': ['error', { zones: [...LAYERS, ...NO_TEST_CODE] }] },
  },
  {
    files: [...TESTS, 'e2e/**/*.ts'],
    rules: {
      // Tests probe what the page exposes (window.require, the bridge) and Playwright's fixtures take `{}`.
      '@typescript-eslint/no-explicit-any': 'off',
      'no-empty-pattern': 'off',
    },
  },
);
