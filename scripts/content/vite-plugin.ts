/**
 * Vite plugin that turns content/ into two virtual modules, at build time only:
 *  - `virtual:content`  → { articles, about } with pre-rendered HTML (imported by the SSR entry only)
 *  - `virtual:code.css` → the CSS classes shiki produced for highlighted code
 * In dev it also serves every route server-rendered, so `vite dev` shows the same pages as the build.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin, PreviewServer, ViteDevServer } from 'vite';
import { createMarkdownRenderer } from './markdown.ts';
import type { Article } from '../../src/shared/content/types.ts';
import { loadArticles, loadPage, reviewedPages } from './load.ts';

const CONTENT_ID = 'virtual:content';
const CSS_ID = 'virtual:code.css';
const RESOLVED_CONTENT = '\0virtual:content';
// CSS ids must end in .css for Vite to treat them as stylesheets.
const RESOLVED_CSS = '\0virtual-code.css';

interface Loaded {
  articles: Article[];
  about: Article;
  codeCss: string;
}

/** `vite preview` answers unknown routes with dist/404.html and status 404, as GitHub Pages does. */
function serveNotFound(server: PreviewServer, root: string, base: string): void {
  const dist = resolve(root, server.config.build.outDir);
  server.middlewares.use((req, res, next) => {
    const url = (req.url ?? '/').split(/[?#]/)[0] ?? '/';
    if (req.method !== 'GET' || !url.startsWith(base)) return next();
    const path = join(dist, decodeURIComponent(url.slice(base.length)));
    if (existsSync(path) && (!url.endsWith('/') || existsSync(join(path, 'index.html')))) return next();
    if (!existsSync(join(dist, '404.html'))) return next();
    res.statusCode = 404;
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.end(readFileSync(join(dist, '404.html')));
  });
}

/** `vite dev` renders every route on the server, as the build does (after Vite's own middlewares). */
function serveRenderedPages(server: ViteDevServer, root: string, base: string): void {
  server.middlewares.use(async (req, res, next) => {
    const url = (req.originalUrl ?? req.url ?? '/').split(/[?#]/)[0] ?? '/';
    if (req.method !== 'GET' || !url.startsWith(base)) return next();
    try {
      const template = await server.transformIndexHtml(url, readFileSync(resolve(root, 'index.html'), 'utf8'));
      const entry = (await server.ssrLoadModule('/src/server/entry-server.ts')) as typeof import('../../src/server/entry-server.ts');
      const route = decodeURIComponent(url.slice(base.length));
      const page = await entry.renderDocument(template, entry.routeExists(route) ? route : '404.html', { dev: true });
      res.statusCode = entry.routeExists(route) ? 200 : 404;
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.end(page);
    } catch (error) {
      server.ssrFixStacktrace(error as Error);
      next(error);
    }
  });
}

export function contentPlugin(root: string, base: string): Plugin {
  let cache: Promise<Loaded> | null = null;
  const contentDir = resolve(root, 'content');

  const load = (): Promise<Loaded> =>
    (cache ??= (async () => {
      const renderer = await createMarkdownRenderer(base);
      const articles = loadArticles(resolve(contentDir, 'guide'), renderer);
      const about = loadPage(resolve(contentDir, 'pages/about.md'), renderer, 'about', { pages: reviewedPages(articles) });
      return { articles, about, codeCss: renderer.codeCss() };
    })());

  return {
    name: 'epc-content',
    enforce: 'pre',
    resolveId(id) {
      if (id === CONTENT_ID) return RESOLVED_CONTENT;
      if (id === CSS_ID) return RESOLVED_CSS;
      return null;
    },
    async load(id) {
      if (id === RESOLVED_CONTENT) {
        const { articles, about } = await load();
        return `export const articles = ${JSON.stringify(articles)};\nexport const about = ${JSON.stringify(about)};\n`;
      }
      if (id === RESOLVED_CSS) return (await load()).codeCss;
      return null;
    },
    configurePreviewServer(server) {
      serveNotFound(server, root, base);
    },
    configureServer(server: ViteDevServer) {
      // Edited content reloads the page with freshly rendered Markdown.
      server.watcher.add(contentDir);
      server.watcher.on('all', (_event, file) => {
        if (!file.startsWith(contentDir)) return;
        cache = null;
        for (const id of [RESOLVED_CONTENT, RESOLVED_CSS]) {
          const mod = server.moduleGraph.getModuleById(id);
          if (mod) server.moduleGraph.invalidateModule(mod);
        }
        server.ws.send({ type: 'full-reload' });
      });
      return () => serveRenderedPages(server, root, base);
    },
  };
}
