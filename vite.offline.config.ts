/**
 * The offline edition: a second build of one entry (offline.html) into one self-contained HTML
 * file, every script and style inline (vite-plugin-singlefile). scripts/offline-edition.js then
 * writes its Content-Security-Policy from hashes of exactly those inline blocks.
 */
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';
import { viteSingleFile } from 'vite-plugin-singlefile';
import { checkerDataPlugin } from './scripts/checker-data.ts';

export default defineConfig({
  // Links in the file (the build list, the guide) point at the published site when its address is known.
  base: process.env.OFFLINE_BASE ?? '/',
  plugins: [svelte(), checkerDataPlugin(import.meta.dirname), viteSingleFile({ removeViteModuleLoader: true })],
  publicDir: false,
  build: {
    outDir: process.env.OFFLINE_OUT_DIR ?? 'dist-offline',
    emptyOutDir: true,
    rollupOptions: { input: 'offline.html' },
  },
});
