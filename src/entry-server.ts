/**
 * Renders one route to a complete HTML document, at build time (scripts/prerender.js) and in dev
 * (the content plugin's middleware). Pages render with svelte/server; interactive islands are
 * rendered on their own so the browser can hydrate each one with exactly the same props.
 */
import { render } from 'svelte/server';
import App from './App.svelte';
import { SERVER_ISLANDS, ISLAND_PLACEHOLDER, decodeIslandProps, type IslandName } from './islands/server.ts';
import { listRoutes, resolvePage, routeExists } from './routes.ts';
import { SITE_NAME } from './site.ts';

export { listRoutes, routeExists };

export interface RenderOptions {
  /** Absolute URL of the deployment base, e.g. https://user.github.io/repo/ — for canonical and Open Graph URLs. */
  siteUrl?: string;
  dev?: boolean;
}

const escapeAttr = (text: string): string =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);

/**
 * Svelte's hydration markers (<!--[-->, <!--]-->, <!--[0-->, <!---->…). Pages are never hydrated,
 * only islands (rendered separately below), so the page's own markers are dead weight: about
 * 2,000 of them on /builds/.
 */
const HYDRATION_MARKER = /<!--(?:\[!?-?\d*|\])?-->/g;

async function renderIslands(body: string): Promise<string> {
  const parts: string[] = [];
  let last = 0;
  for (const match of body.matchAll(ISLAND_PLACEHOLDER)) {
    const [whole, name, encodedProps] = match;
    const component = SERVER_ISLANDS[name as IslandName];
    if (!component) throw new Error(`Unknown island "${name}"`);
    const props = decodeIslandProps(encodedProps ?? '');
    const rendered = await render(component, { props });
    parts.push(body.slice(last, match.index), whole.replace('></div>', `>${rendered.body}</div>`));
    last = match.index + whole.length;
  }
  parts.push(body.slice(last));
  return parts.join('');
}

function headFor(route: string, options: RenderOptions): string {
  const page = resolvePage(route);
  // Home: short enough for search results (html-validate's long-title limit is 70 characters).
  const title = page.kind === 'home' ? `${SITE_NAME} — is your Exchange server safe?` : `${page.title} — ${SITE_NAME}`;
  const tags = [
    `<title>${escapeAttr(title)}</title>`,
    `<meta name="description" content="${escapeAttr(page.description)}" />`,
    `<meta property="og:type" content="${page.kind === 'article' ? 'article' : 'website'}" />`,
    `<meta property="og:site_name" content="${SITE_NAME}" />`,
    `<meta property="og:title" content="${escapeAttr(page.title)}" />`,
    `<meta property="og:description" content="${escapeAttr(page.description)}" />`,
  ];
  if (page.kind === 'not-found') tags.push('<meta name="robots" content="noindex" />');
  else if (options.siteUrl) {
    const url = new URL(route, options.siteUrl).href;
    tags.push(
      `<link rel="canonical" href="${escapeAttr(url)}" />`,
      `<meta property="og:url" content="${escapeAttr(url)}" />`,
    );
  }
  return tags.join('\n    ');
}

/** Fills index.html's placeholders for one route. `$` patterns in content are not special. */
export async function renderDocument(template: string, route: string, options: RenderOptions = {}): Promise<string> {
  const rendered = await render(App, { props: { route } });
  const body = await renderIslands(rendered.body.replace(HYDRATION_MARKER, ''));
  let html = template
    .replace('<!--app-head-->', () => headFor(route, options) + rendered.head)
    .replace('<!--app-body-->', () => body);
  // Vite's dev client injects <style> elements, which the production policy forbids.
  if (options.dev) html = html.replace(/<meta\s+http-equiv="Content-Security-Policy"[^>]*>/, '');
  return html;
}
