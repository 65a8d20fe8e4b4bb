/**
 * The open JSON API under /api/v1/: served from the built site, valid against its own schema, dated
 * like the pages, and giving a build the same statuses as /builds/. Documented on /about/.
 */
import Ajv from 'ajv';
import { expect, test } from '@playwright/test';

type Release = { build: string; name: string; families: Record<string, string>; overall: string };
type Builds = { dataAsOf: string; products: { lines: { releases: Release[] }[] }[] };

test('builds.json and vulnerabilities.json are served, valid against their schemas and dated like the site', async ({
  request,
  page,
}) => {
  const get = async (path: string) => {
    const response = await request.get(`./api/v1/${path}`);
    expect(response.status(), path).toBe(200);
    return (await response.json()) as Record<string, unknown>;
  };
  const ajv = new Ajv({ allErrors: true, strict: false });
  for (const name of ['builds', 'vulnerabilities']) {
    const [document, schema] = [await get(`${name}.json`), await get(`${name}.schema.json`)];
    const { $schema: _ignored, ...rest } = schema;
    const validate = ajv.compile(rest);
    expect(validate(document), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  }
  const builds = (await get('builds.json')) as unknown as Builds;
  await page.goto('./builds/');
  expect(await page.locator('[data-stale-notice]').getAttribute('data-as-of')).toBe(builds.dataAsOf);

  // Exchange 2016 CU19 Mar21SU: patched for ProxyLogon, vulnerable to everything after — as on /builds/.
  const mar21 = builds.products
    .flatMap((p) => p.lines.flatMap((l) => l.releases))
    .find((r) => r.build === '15.1.2176.9');
  expect(mar21?.families.proxylogon).toBe('patched');
  expect(mar21?.families.proxyshell).toBe('vulnerable');
  const row = page.locator('#exchange-2016-cu19 tr', { hasText: '15.1.2176.9' });
  await expect(row.locator('td.s-ok')).toHaveText('✓ Patched');
  await expect(row.locator('td.s-bad')).toHaveText('✕ Vulnerable');
});

test('/about/ documents the API with working links and a PowerShell example, and lists the data changes', async ({
  page,
  request,
}) => {
  await page.goto('./about/');
  const section = page.locator('section', { has: page.locator('#open-data') });
  await expect(section).toContainText('dataAsOf');
  await expect(section.locator('pre')).toContainText('ConvertFrom-Json');
  const links = await section
    .locator('a[href*="/api/v1/"]')
    .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
  expect(links.length).toBe(4);
  for (const link of links) expect((await request.get(link)).status(), link).toBe(200);
  await expect(page.locator('#data-changes')).toBeVisible();
  await expect(
    page
      .locator('section', { has: page.locator('#data-changes') })
      .locator('li')
      .first(),
  ).toBeVisible();
});
