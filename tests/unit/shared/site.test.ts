import { expect, test } from 'vitest';
import { href, NAV } from '../../../src/shared/site.ts';

test('href prefixes the deployment base and drops a leading slash', () => {
  const base = import.meta.env.BASE_URL;
  expect(href('guide/')).toBe(`${base}guide/`);
  expect(href('/builds/')).toBe(`${base}builds/`);
  expect(href()).toBe(base);
});

test('every navigation path is relative and ends in a slash (GitHub Pages redirects /x to /x/)', () => {
  for (const item of NAV)
    expect(item.path === '' || (item.path.endsWith('/') && !item.path.startsWith('/'))).toBe(true);
});
