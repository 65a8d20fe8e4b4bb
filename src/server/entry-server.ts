/**
 * Renders one route to a complete HTML document, at build time (scripts/prerender.js) and in dev
 * (the content plugin's middleware). Pages render with svelte/server and never hydrate; only the
 * islands in them do (src/server/islands.ts).
 */
import { render } from 'svelte/server';
import App from '../pages/App.svelte';
import { ISLAND_CONTEXT, type IslandName } from '../shared/islands.ts';
import { headTags } from './head.ts';
import { collectIslands, fillIslands } from './islands.ts';
import { listRoutes, resolvePage, routeExists } from './routes.ts';

export { listRoutes, routeExists };
export { buildApi } from './api.ts';

export interface RenderOptions {
  /** Absolute URL of the deployment base, e.g. https://user.github.io/repo/ — for canonical and Open Graph URLs. */
  siteUrl?: string;
  dev?: boolean;
  /** Addresses of the code each island loads on first use (from the build manifest; none in dev). */
  islandPrefetch?: (name: IslandName) => readonly string[];
}

/**
 * HTML comments other than island markers. A page is never hydrated, so the comments Svelte
 * leaves for hydration are dead weight (about 2,000 on /builds/); island bodies are rendered
 * separately, after this, and keep theirs.
 */
const PAGE_COMMENT = /<!--(?!epc-island:)[\s\S]*?-->/g;

/** Fills index.html's placeholders for one route. `$` patterns in content are not special. */
export async function renderDocument(template: string, route: string, options: RenderOptions = {}): Promise<string> {
  const page = resolvePage(route);
  const islands = collectIslands();
  const rendered = await render(App, { props: { route, page }, context: new Map([[ISLAND_CONTEXT, islands]]) });
  const body = await fillIslands(rendered.body.replace(PAGE_COMMENT, ''), islands, options.islandPrefetch);
  let html = template
    .replace('<!--app-head-->', () => headTags(page, route, options.siteUrl) + rendered.head)
    .replace('<!--app-body-->', () => body);
  // Vite's dev client injects <style> elements, which the production policy forbids.
  if (options.dev) html = html.replace(/<meta\s+http-equiv="Content-Security-Policy"[^>]*>/, '');
  return html;
}
