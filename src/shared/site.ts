/** Site-wide settings and the one helper every internal link goes through. */
export const SITE_NAME = 'Exchange Patch Check';
export const SITE_TAGLINE = 'Hafnium / ProxyLogon and what came after';

/**
 * Prefixes a site path with the deployment base. Paths are written without a leading slash and
 * end in a slash, as GitHub Pages redirects `/guide` to `/guide/`.
 * @example href('guide/what-happened/') // '/exchange-patch-check/guide/what-happened/'
 */
export function href(path = ''): string {
  return `${import.meta.env.BASE_URL}${path.replace(/^\//, '')}`;
}

export const NAV: readonly { path: string; label: string }[] = [
  { path: '', label: 'Check a server' },
  { path: 'logs/', label: 'Check logs' },
  { path: 'guide/', label: 'Guide' },
  { path: 'builds/', label: 'Builds' },
  { path: 'about/', label: 'About' },
];

export const AUDIENCE_LABEL = { owner: 'For business owners', it: 'For IT staff', all: 'For everyone' } as const;
