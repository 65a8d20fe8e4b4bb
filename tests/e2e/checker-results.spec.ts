/**
 * The checker's answer is where the user looks: after Check, Ctrl+Enter, a paste or an opened file,
 * the verdict is on screen without scrolling, at 1280 × 800 and on a 390 × 844 phone, with focus on
 * the results heading (announced once: the live region stays quiet then). The results table fits
 * 1280 and 1024 px without sideways scrolling. A row's colour, icon and words give the server's
 * standing, never ProxyLogon alone. A Check pressed before the island hydrates is not lost.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectClean, firstUseFetched, watch } from './helpers.ts';

const box = (page: Page) => page.locator('textarea#paste');
const heading = (page: Page) => page.locator('[data-results] [data-results-heading]');

const exsetupRow = (build: string, name: string) =>
  `${build}   ${build}   C:\\Program Files\\Microsoft\\Exchange Server\\V15\\bin\\ExSetup.exe   ${name}`;

/** `n` servers through Invoke-Command, a mix of builds from 2016 CU19 to Exchange SE. */
const servers = (n: number) =>
  [
    'ProductVersion   FileVersion      FileName                                                          PSComputerName',
    '--------------   -----------      --------                                                          --------------',
    ...Array.from({ length: n }, (_, i) =>
      exsetupRow(
        ['15.01.2176.002', '15.01.2507.006', '15.02.1118.009', '15.02.2562.017'][i % 4] ?? '',
        `EX${String(i + 1).padStart(2, '0')}`,
      ),
    ),
  ].join('\n');

/** Waits until the island has hydrated and the core has been fetched (at idle time after load). */
async function ready(page: Page): Promise<void> {
  await page.goto('./');
  await firstUseFetched(page);
  await page.waitForLoadState('networkidle');
}

/**
 * The element lies wholly inside the viewport — once the page has settled: the results scroll into
 * view in the frame after they render, which a loaded machine can delay past the first look.
 */
async function expectOnScreen(page: Page, locator: Locator, what: string): Promise<void> {
  await expect(async () => {
    const rect = await locator.boundingBox();
    const viewport = page.viewportSize();
    expect(rect, `${what} is rendered`).not.toBeNull();
    if (!rect || !viewport) return;
    expect(rect.y, `${what} top (viewport ${viewport.width}×${viewport.height})`).toBeGreaterThanOrEqual(0);
    expect(rect.y + rect.height, `${what} bottom (viewport ${viewport.width}×${viewport.height})`).toBeLessThanOrEqual(
      viewport.height,
    );
  }).toPass({ timeout: 5_000 });
}

/** Focus on the results heading, the live region quiet, and the verdict (or first row) on screen. */
async function expectShown(page: Page, many: boolean): Promise<void> {
  await expect(heading(page)).toBeFocused();
  await expect(page.locator('[data-announce]')).toHaveText('');
  await expectOnScreen(page, heading(page), 'the results heading');
  if (many) {
    await expectOnScreen(page, page.locator('[data-summary]'), 'the summary');
    await expectOnScreen(page, page.locator('[data-row] > th').first(), 'the first server and its standing');
  } else await expectOnScreen(page, page.locator('[data-finding] .verdict__head'), 'the verdict headline');
}

const SIZES = [
  { name: 'laptop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
] as const;

for (const size of SIZES) {
  test.describe(`in view on a ${size.width} × ${size.height} ${size.name}`, () => {
    test.use({ viewport: { width: size.width, height: size.height } });

    test('Check with one build: the verdict headline, focus on the heading', async ({ page }) => {
      const seen = await watch(page);
      await ready(page);
      await box(page).fill('15.1.2176.2');
      await page.getByRole('button', { name: 'Check', exact: true }).click();
      await expect(heading(page)).toHaveText('Your result');
      await expectShown(page, false);
      // The heading is described by the verdict's own title, read when it takes focus.
      await expect(heading(page)).toHaveAccessibleDescription(/^Vulnerable to ProxyLogon — install/);
      expectClean(seen);
    });

    test('Check with 40 servers: the summary and the first row', async ({ page }) => {
      await ready(page);
      await box(page).fill(servers(40));
      await page.getByRole('button', { name: 'Check', exact: true }).click();
      await expect(heading(page)).toHaveText('Results for 40 servers');
      await expectShown(page, true);
      await expect(heading(page)).toHaveAccessibleDescription(/^10 of 40 vulnerable to ProxyLogon/);
    });

    test('Ctrl+Enter in the box', async ({ page }) => {
      await ready(page);
      await box(page).fill('15.2.1118.9');
      await box(page).press('Control+Enter');
      await expectShown(page, false);
      // The shortcut checks; it does not add a line.
      await expect(box(page)).toHaveValue('15.2.1118.9');
    });

    test('a real paste (Ctrl+V)', async ({ page, context }) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      await ready(page);
      await page.evaluate((text) => navigator.clipboard.writeText(text), servers(6));
      await box(page).focus();
      await page.keyboard.press('Control+V');
      await expect(page.locator('[data-row]')).toHaveCount(6);
      await expectShown(page, true);
    });

    test('opening a file', async ({ page }) => {
      await ready(page);
      await page.locator('[data-file-input]').setInputFiles({
        name: 'servers.txt',
        mimeType: 'text/plain',
        buffer: Buffer.from(servers(12)),
      });
      await expect(page.locator('[data-row]')).toHaveCount(12);
      await expectShown(page, true);
    });
  });
}

test('typing is announced in the live region and keeps focus in the box', async ({ page }) => {
  await ready(page);
  await box(page).pressSequentially('15.1.2176.9', { delay: 10 });
  await expect(page.locator('[data-announce]')).toHaveText(/^Found 1 Exchange version\. 1 server: Protected/);
  await expect(box(page)).toBeFocused();
});

test('the help moves below the results once there is a result (1280 px)', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await ready(page);
  const help = page.locator('#check-help');
  const besideBox = await help.boundingBox();
  const form = await page.locator('form.checker').boundingBox();
  expect(besideBox!.x).toBeGreaterThan(form!.x + form!.width - 1);
  await box(page).fill('15.1.2176.9');
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(heading(page)).toBeFocused();
  const results = await page.locator('[data-results]').boundingBox();
  const below = await help.boundingBox();
  expect(below!.y).toBeGreaterThan(results!.y + results!.height - 1);
});

test.describe('the results table fits the window', () => {
  for (const width of [1280, 1024]) {
    test(`at ${width} px: no sideways scrolling, every column visible`, async ({ page }) => {
      await page.setViewportSize({ width, height: 800 });
      await ready(page);
      // Every kind of row: long later-bug lists, long support words, Exchange Online, a long name.
      const text = [
        servers(8),
        '',
        'X-OWA-Version: 15.20.7452.28',
        'exchange-mailbox-server-01.corp.contoso.example 15.0.1497.2',
      ].join('\n');
      await box(page).fill(text);
      await page.getByRole('button', { name: 'Check', exact: true }).click();
      await expect(page.locator('[data-row]')).toHaveCount(10);
      const sizes = await page.evaluate(() => {
        const wrap = document.querySelector('.results-table');
        return {
          wrap: wrap ? [wrap.scrollWidth, wrap.clientWidth] : null,
          page: [document.documentElement.scrollWidth, document.documentElement.clientWidth],
        };
      });
      expect(sizes.wrap?.[0], 'table scroll width').toBeLessThanOrEqual(sizes.wrap?.[1] ?? 0);
      expect(sizes.page[0], 'page scroll width').toBeLessThanOrEqual(sizes.page[1] ?? 0);
      const next = await page.locator('thead th').last().boundingBox();
      expect(next!.x + next!.width).toBeLessThanOrEqual(width);
    });
  }
});

test('a row shows the server’s standing, not ProxyLogon alone: words, an icon, and the colour repeating them', async ({
  page,
}) => {
  await ready(page);
  // Today (whenever the test runs after the 2026 ESU end) Exchange 2016 and 2019 are out of support.
  await box(page).fill(
    [
      'EX-VULN 15.1.2176.2', // vulnerable to ProxyLogon
      'EX-LATER 15.2.1118.9', // patched for ProxyLogon, open to ProxyNotShell
      'EX-OLD 15.1.2507.72', // Exchange 2016 CU23 with the newest update we know: out of support
      'EX-SE 15.2.2562.46', // Exchange SE with a current update
      'X-OWA-Version: 15.20.7452.28', // Exchange Online
    ].join('\n'),
  );
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(page.locator('[data-row]')).toHaveCount(5);
  const row = (name: string) => page.locator('[data-row]', { hasText: name });

  const expectations: [string, string, string, string][] = [
    ['EX-VULN', 'act', 'Action needed', 'cross'],
    ['EX-LATER', 'act', 'Action needed', 'cross'],
    ['EX-OLD', 'act', 'Action needed', 'cross'],
    ['15.20.7452.28', 'not-affected', 'Not affected', 'info'],
  ];
  for (const [name, attention, word, icon] of expectations) {
    await expect(row(name), name).toHaveAttribute('data-attention', attention);
    await expect(row(name).locator('.row-status'), name).toHaveText(word);
    await expect(row(name).locator(`.row-status svg[data-icon="${icon}"]`), name).toHaveCount(1);
  }
  // The ProxyLogon cells of EX-LATER and EX-OLD say "Patched", but the row is not green.
  await expect(row('EX-LATER').locator('td').nth(1)).toContainText('Patched');
  await expect(row('EX-OLD').locator('td').nth(1)).toContainText('Patched');
  const stripe = (name: string) =>
    row(name)
      .locator('th')
      .evaluate((th) => getComputedStyle(th).borderLeftColor);
  const badge = (name: string) =>
    row(name)
      .locator('.row-status .badge')
      .evaluate((b) => getComputedStyle(b).color);
  const green = await row('EX-LATER')
    .locator('td')
    .nth(1)
    .locator('.badge')
    .evaluate((b) => getComputedStyle(b).color);
  for (const name of ['EX-VULN', 'EX-LATER', 'EX-OLD']) {
    expect(await stripe(name), `${name} stripe`).not.toBe(green);
    expect(await stripe(name), `${name} stripe`).toBe(await badge(name));
  }
  expect(await stripe('EX-LATER')).toBe(await stripe('EX-VULN'));
  // The next step never asks to install the build a server already has.
  await expect(row('EX-SE').locator('.next-cell')).toContainText('No update to install');
  await expect(row('EX-OLD').locator('.next-cell')).toContainText(/Move to Exchange Server SE/);
  await expect(row('EX-VULN').locator('.next-cell')).toContainText(/Install 15\.1\.\d+\.\d+ \(KB\d+\)/);
  // Exchange SE with every tracked fix, supported: the one green row.
  await expect(row('EX-SE')).toHaveAttribute('data-attention', 'ok');
  await expect(row('EX-SE').locator('.row-status')).toHaveText('Protected');
  expect(await stripe('EX-SE')).toBe(green);
});

test('icons are inline SVG, never emoji or symbol glyphs', async ({ page }) => {
  await ready(page);
  await expect(page.locator('.checker__privacy svg[data-icon="lock"]')).toHaveCount(1);
  await box(page).fill('15.1.2176.9\n15.2.2562.17');
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  await page.locator('[data-row] .expand').first().click();
  const text = await page.locator('main').innerText();
  expect(text).not.toMatch(/[🔒✓✕▲▼↕]/u);
  for (const svg of await page.locator('main svg.icon').all()) await expect(svg).toHaveAttribute('aria-hidden', 'true');
  expect(await page.locator('main svg.icon').count()).toBeGreaterThan(10);
});

test.describe('before the island hydrates', () => {
  // Hold the island's chunk back until the test lets it through.
  async function holdIsland(page: Page): Promise<() => void> {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/assets\/PasteCheck-[^/]+\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    return release;
  }

  test('a click on Check is not lost: the check runs and is shown once the island arrives', async ({ page }) => {
    const seen = await watch(page);
    const release = await holdIsland(page);
    // Module scripts (the page script among them) have run by DOMContentLoaded; the island has not.
    await page.goto('./', { waitUntil: 'domcontentloaded' });
    await box(page).fill('15.1.2176.2');
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    // Nothing navigated and nothing was sent: the page and its address are unchanged.
    expect(new URL(page.url()).search).toBe('');
    await expect(page.locator('form.checker')).toHaveAttribute('data-submitted', '');
    release();
    await expect(page.locator('[data-finding] h3')).toContainText('Vulnerable to ProxyLogon');
    await expect(heading(page)).toBeFocused();
    await expect(page.locator('form.checker')).not.toHaveAttribute('data-submitted');
    await page.waitForLoadState('networkidle');
    expectClean(seen);
  });

  test('text typed before the island arrives is checked when it does, without moving focus', async ({ page }) => {
    const release = await holdIsland(page);
    await page.goto('./', { waitUntil: 'domcontentloaded' });
    await box(page).fill('15.2.1118.9');
    release();
    await expect(page.locator('[data-finding] h3')).toContainText('Protected against ProxyLogon');
    await expect(box(page)).toBeFocused();
  });
});
