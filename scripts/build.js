// @ts-check
/**
 * The production build: client bundle, SSR bundle, then static HTML for every route.
 * BASE_PATH sets the deployment sub-path (default "/"); SITE_URL (e.g. https://user.github.io)
 * makes canonical links, Open Graph URLs and the sitemap absolute. OUT_DIR (default dist) names
 * the output folder.
 */
import { resolve } from 'node:path';
import { build } from 'vite';
import { normaliseBase } from './base-path.js';
import { prerender } from './prerender.js';

const started = performance.now();
const outDir = resolve(process.env.OUT_DIR ?? 'dist');
const ssrDir = `${outDir}-ssr`;
await build({ logLevel: 'warn', build: { outDir } });
await build({
  logLevel: 'warn',
  build: { ssr: 'src/server/entry-server.ts', outDir: ssrDir, emptyOutDir: true, copyPublicDir: false },
});
const routes = await prerender({ base: normaliseBase(process.env.BASE_PATH), dist: outDir, ssrDir });
console.log(
  `Built ${routes.length} routes under base ${normaliseBase(process.env.BASE_PATH)} in ${Math.round(performance.now() - started)} ms:`,
);
for (const route of routes) console.log(`  /${route}`);
