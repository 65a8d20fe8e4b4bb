/**
 * Every route of the site, resolved to the data its page needs. Build-time only: it reads the
 * pre-rendered content module, which must never reach a client bundle (the browser's tsconfig
 * does not know `virtual:content`).
 */
import { about, articles } from 'virtual:content';
import type { Page } from '../shared/page.ts';

export type { Page };

/** Route ids are paths relative to the base: '' is home, '404.html' the not-found page. */
export function listRoutes(): string[] {
  return ['', 'guide/', ...articles.map((a) => `guide/${a.slug}/`), 'builds/', 'logs/', 'about/', '404.html'];
}

export function routeExists(route: string): boolean {
  return listRoutes().includes(route);
}

export function resolvePage(route: string): Page {
  if (route === '') {
    return {
      kind: 'home',
      title: 'Is your Exchange server safe from ProxyLogon and what came after?',
      description:
        'Paste what your Microsoft Exchange server says about its version and see, privately in your browser, whether it is patched against ProxyLogon, ProxyShell, ProxyNotShell and later exploited bugs.',
    };
  }
  if (route === 'guide/') {
    return {
      kind: 'guide-index',
      articles,
      title: 'Guide',
      description:
        'Plain-language articles on the 2021 Hafnium / ProxyLogon Exchange hack: what happened, whether you are affected, and what to do.',
    };
  }
  if (route === 'builds/') {
    return {
      kind: 'builds',
      title: 'Every Exchange Server build',
      description:
        'Every known Exchange Server build from 2010 SP3 to Exchange Server SE, with release date, KB and its status against each exploited vulnerability family.',
    };
  }
  if (route === 'logs/') {
    return {
      kind: 'logs',
      title: 'Was this server attacked? Check your logs',
      description:
        'Drop Exchange and IIS logs, file listings or Test-ProxyLogon output and see, privately in your browser, whether they show ProxyLogon, ProxyShell, ProxyNotShell, OWASSRF or web shells. Nothing is uploaded.',
    };
  }
  if (route === 'about/') return { kind: 'about', title: about.title, description: about.description, article: about };
  const article = articles.find((a) => route === `guide/${a.slug}/`);
  if (article) return { kind: 'article', title: article.title, description: article.description, article };
  return {
    kind: 'not-found',
    title: 'Page not found',
    description: 'This page does not exist. Try the checker, the guide or the build list.',
  };
}
