import { describe, expect, test } from 'vitest';
import { headTags } from '../../../src/server/head.ts';
import type { Page } from '../../../src/shared/page.ts';

const builds: Page = { kind: 'builds', title: 'Every "build" <list>', description: "It's every build" };

describe('headTags', () => {
  test('escapes titles and descriptions and names the site', () => {
    const head = headTags(builds, 'builds/');
    expect(head).toContain('<title>Every &quot;build&quot; &lt;list&gt; — Exchange Patch Check</title>');
    expect(head).toContain('<meta name="description" content="It&#39;s every build" />');
    expect(head).toContain('<meta property="og:type" content="website" />');
  });

  test('canonical and og:url only with a site URL, resolved against the base', () => {
    expect(headTags(builds, 'builds/')).not.toContain('canonical');
    const head = headTags(builds, 'builds/', 'https://user.github.io/repo/');
    expect(head).toContain('<link rel="canonical" href="https://user.github.io/repo/builds/" />');
    expect(head).toContain('<meta property="og:url" content="https://user.github.io/repo/builds/" />');
  });

  test('the not-found page is never indexed and has no canonical URL', () => {
    const head = headTags({ kind: 'not-found', title: 'Page not found', description: 'x' }, '404.html', 'https://a.b/');
    expect(head).toContain('<meta name="robots" content="noindex" />');
    expect(head).not.toContain('canonical');
  });

  test('home keeps a short title for search results', () => {
    const head = headTags({ kind: 'home', title: 'A long page title', description: 'd' }, '');
    expect(/<title>([^<]*)<\/title>/.exec(head)?.[1]?.length).toBeLessThanOrEqual(70);
  });
});
