// @ts-check
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
  { ignores: ['dist/', 'dist-*/', 'dist-ssr/', 'node_modules/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  prettier,
  ...svelte.configs.prettier,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'], svelteConfig } },
    rules: {
      // {@html} is allowed only for build-time Markdown; pasted text is never rendered as HTML.
      'svelte/no-at-html-tags': 'off',
      // Internal links go through href(), which adds the base path.
      'svelte/no-navigation-without-resolve': 'off',
    },
  },
  // Globals per place the code runs, as in the tsconfigs: browser code has no Node globals, build
  // code no browser globals; tests and the browser-driving quality scripts have both.
  {
    files: ['src/client/**', 'src/lib/**', 'src/pages/**'],
    languageOptions: { globals: globals.browser },
  },
  {
    // The scan worker: worker globals (self, postMessage), no window or document, and no way to
    // send anything anywhere (its CSP forbids it too; this says so before the browser has to).
    files: ['src/worker/**'],
    languageOptions: { globals: globals.worker },
    rules: {
      'no-restricted-globals': ['error', 'fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'importScripts'],
    },
  },
  {
    files: ['src/server/**', 'scripts/**', '*.config.{js,ts}', '.htmlvalidate.mjs'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['tests/**', 'bench/**', 'scripts/quality/**', 'playwright.config.ts'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
  {
    // The pure cores (checker, triage) and the modules both sides share: no DOM, no network, no
    // storage, no Node.
    files: ['src/checker/**/*.ts', 'src/triage/**/*.ts', 'src/shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-globals': ['error', 'window', 'document', 'fetch', 'XMLHttpRequest', 'localStorage', 'navigator'],
    },
  },
);
