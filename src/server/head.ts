/** The <head> tags of one page: title, description, Open Graph and canonical URL. */
import { escapeHtml } from '../shared/html.ts';
import type { Page } from '../shared/page.ts';
import { SITE_NAME } from '../shared/site.ts';

/**
 * @param route the page's path relative to the base ('' is home)
 * @param siteUrl absolute URL of the deployment base, for canonical and Open Graph URLs
 */
export function headTags(page: Page, route: string, siteUrl?: string): string {
  // Home: short enough for search results (html-validate's long-title limit is 70 characters).
  const title = page.kind === 'home' ? `${SITE_NAME} — is your Exchange server safe?` : `${page.title} — ${SITE_NAME}`;
  const tags = [
    `<title>${escapeHtml(title)}</title>`,
    `<meta name="description" content="${escapeHtml(page.description)}" />`,
    `<meta property="og:type" content="${page.kind === 'article' ? 'article' : 'website'}" />`,
    `<meta property="og:site_name" content="${SITE_NAME}" />`,
    `<meta property="og:title" content="${escapeHtml(page.title)}" />`,
    `<meta property="og:description" content="${escapeHtml(page.description)}" />`,
  ];
  if (page.kind === 'not-found') tags.push('<meta name="robots" content="noindex" />');
  else if (siteUrl) {
    const url = new URL(route, siteUrl).href;
    tags.push(
      `<link rel="canonical" href="${escapeHtml(url)}" />`,
      `<meta property="og:url" content="${escapeHtml(url)}" />`,
    );
  }
  return tags.join('\n    ');
}
