/** Routes come from the content: every article is a page, and every route resolves to its kind. */
import { about, articles } from 'virtual:content';
import { describe, expect, test } from 'vitest';
import { listRoutes, resolvePage, routeExists } from '../../../src/server/routes.ts';

describe('routes', () => {
  test('home, the guide, every article, /builds/, /about/ and the not-found page', () => {
    const routes = listRoutes();
    expect(routes).toEqual(
      expect.arrayContaining([
        '',
        'guide/',
        'builds/',
        'about/',
        '404.html',
        ...articles.map((a) => `guide/${a.slug}/`),
      ]),
    );
    expect(new Set(routes).size).toBe(routes.length);
    expect(articles.length).toBeGreaterThan(5);
  });

  test.each([
    ['', 'home'],
    ['guide/', 'guide-index'],
    ['builds/', 'builds'],
    ['about/', 'about'],
    ['guide/no-such-article/', 'not-found'],
    ['404.html', 'not-found'],
  ])('%j is a %s page', (route, kind) => {
    expect(resolvePage(route).kind).toBe(kind);
  });

  test('an article route carries its article; the guide index carries every article', () => {
    const first = articles[0]!;
    const page = resolvePage(`guide/${first.slug}/`);
    expect(page.kind === 'article' && page.article.slug).toBe(first.slug);
    const index = resolvePage('guide/');
    expect(index.kind === 'guide-index' && index.articles.length).toBe(articles.length);
    const aboutPage = resolvePage('about/');
    expect(aboutPage.kind === 'about' && aboutPage.article.title).toBe(about.title);
  });

  test('routeExists only for listed routes', () => {
    expect(routeExists('builds/')).toBe(true);
    expect(routeExists('builds')).toBe(false);
    expect(routeExists('guide/no-such-article/')).toBe(false);
  });
});
