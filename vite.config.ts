/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { checkerDataChunk, checkerDataPlugin } from './scripts/checker-data.ts';
import { contentPlugin } from './scripts/content/vite-plugin.ts';
import { normaliseBase } from './scripts/base-path.js';

// BASE_PATH=/exchange-patch-check/ builds for https://<user>.github.io/exchange-patch-check/
const base = normaliseBase(process.env.BASE_PATH);

export default defineConfig({
  base,
  plugins: [svelte(), contentPlugin(import.meta.dirname, base), checkerDataPlugin(import.meta.dirname)],
  // Real 404s for unknown routes, as on GitHub Pages (no SPA fallback).
  appType: 'mpa',
  build: {
    // One stylesheet for every page: page components render only on the server, so their
    // styles must not depend on which islands a page hydrates.
    cssCodeSplit: false,
    assetsInlineLimit: 0,
    // dist/.vite/manifest.json: which chunk each module became and what it imports, read by the
    // budgets script to count each page's JavaScript without parsing built code.
    manifest: true,
    // Every browser the site supports has <link rel="modulepreload">; the polyfill only costs
    // main-thread time on load.
    modulePreload: { polyfill: false },
    // The checker's build data in a chunk of its own: code and data compress better apart.
    rolldownOptions: { output: { codeSplitting: { groups: [checkerDataChunk(import.meta.dirname)] } } },
  },
  // fflate is imported only by the log scanner's worker, which the dev server discovers late: listed
  // here, it is pre-bundled at start instead of reloading the page on the first scan.
  optimizeDeps: { include: ['fflate'] },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
  },
});
