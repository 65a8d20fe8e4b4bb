// @ts-check
/**
 * The production build: client bundle, SSR bundle, then static HTML for every route.
 * BASE_PATH sets the deployment sub-path (default "/"); SITE_URL (e.g. https://user.github.io)
 * makes canonical links, Open Graph URLs and the sitemap absolute.
 */
import { build } from 'vite';
import { prerender } from './prerender.js';

const started = performance.now();
await build({ logLevel: 'warn' });
await build({
  logLevel: 'warn',
  build: { ssr: 'src/entry-server.ts', outDir: 'dist-ssr', emptyOutDir: true, copyPublicDir: false },
});
const { normaliseBase } = await import('./base-path.js');
const routes = await prerender({ base: normaliseBase(process.env.BASE_PATH) });
console.log(
  `Built ${routes.length} routes under base ${normaliseBase(process.env.BASE_PATH)} in ${Math.round(performance.now() - started)} ms:`,
);
for (const route of routes) console.log(`  /${route}`);
