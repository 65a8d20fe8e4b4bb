import { describe, expect, it } from 'vitest';
import {
  byBuild,
  DirectiveError,
  expandInline,
  inlineValue,
  proxyLogonCvesFor,
  proxyLogonFixes,
  renderBlock,
  resolveRelease,
  supportPhrase,
} from '../../../../scripts/content/data-directives.ts';
import { createMarkdownRenderer } from '../../../../scripts/content/markdown.ts';
import {
  allConflicts,
  allReleases,
  checkText,
  DATA_AS_OF,
  lines,
  supportStatus,
  type Product,
} from '../../../../src/checker/index.ts';
import { humanDate } from '../../../../src/checker/index.ts';

const releases = allReleases().flatMap((g) => g.lines.flatMap((l) => l.releases));
const byName = (name: string) => releases.find((r) => r.name === name);
/** A fixed "today" so support wording does not change with the calendar. */
const TODAY = '2026-11-29';

it('orders builds numerically, not as text', () => {
  expect(byBuild('15.2.1748.10', '15.2.221.12')).toBe(1);
  expect(byBuild('14.3.123.4', '14.3.513.0')).toBe(-1);
  expect(byBuild('15.1.2176.9', '15.01.2176.009')).toBe(0);
});

describe('release references', () => {
  // [reference, the release the data says it names, reason]
  const cases: [string, () => { build: string } | undefined, string][] = [
    ['2019 CU12 May22SU', () => byName('Exchange Server 2019 CU12 May22SU'), 'a release by its name'],
    ['2010 SP3 RU32', () => byName('Exchange Server 2010 SP3 RU32'), 'an Exchange 2010 rollup by its name'],
    [
      '2019 CU15 base',
      () => lines().find((l) => l.product === 'Exchange Server 2019' && l.line === 'CU15')?.base,
      'a CU itself',
    ],
    [
      'SE RTM newest',
      () => lines().find((l) => l.product === 'Exchange Server SE' && l.line === 'RTM')?.newest,
      'the newest update of a line',
    ],
    [
      'se newest',
      () =>
        lines()
          .filter((l) => l.product === 'Exchange Server SE')
          .map((l) => l.newest)
          .sort((a, b) => byBuild(a.build, b.build))
          .at(-1),
      'the newest update of a product, product word in any case',
    ],
  ];
  it.each(cases)('%s resolves to the release the data has (%s)', (reference, expected) => {
    const release = expected();
    expect(release, 'the data must have the release this case is about').toBeDefined();
    expect(resolveRelease(`build:${reference}`, reference).build).toBe(release?.build);
  });

  it('renders the fields of a release from the data', () => {
    const r = byName('Exchange Server 2016 CU19 Mar21SU');
    expect(r).toBeDefined();
    expect(inlineValue('build', '2016 CU19 Mar21SU')).toBe(r?.build);
    expect(inlineValue('kb', '2016 CU19 Mar21SU')).toBe(r?.kb);
    expect(inlineValue('iso', '2016 CU19 Mar21SU')).toBe(r?.date);
    expect(inlineValue('date', '2016 CU19 Mar21SU')).toBe(humanDate(r?.date ?? ''));
    expect(inlineValue('name', '2016 CU19 Mar21SU')).toBe(r?.name);
    expect(inlineValue('update', '2016 CU19 Mar21SU')).toBe('Mar21SU');
    // Microsoft's Exchange 2010 ProxyLogon fix (Update Rollup 32) is KB5000978.
    expect(inlineValue('kb', '2010 SP3 RU32')).toBe('KB5000978');
  });

  it('renders lifecycle fields from src/data/lifecycle.json', () => {
    const s = supportStatus('Exchange Server 2016', TODAY);
    expect(inlineValue('eos', '2016')).toBe(humanDate(s?.endOfSupport ?? ''));
    expect(inlineValue('eos-iso', '2016')).toBe(s?.endOfSupport);
    expect(inlineValue('esu-end-iso', '2016')).toBe(s?.esuEnd);
    expect(inlineValue('esu-end-month', '2016')).toBe(humanDate((s?.esuEnd ?? '').slice(0, 7)));
    expect(inlineValue('released', 'SE')).toBe(humanDate(supportStatus('Exchange Server SE', TODAY)?.released ?? ''));
    expect(inlineValue('data-as-of', undefined)).toBe(humanDate(DATA_AS_OF));
    expect(inlineValue('today', undefined, { today: TODAY })).toBe('29 November 2026');
  });

  it('renders the first fixed build of a CVE on a line as the checker gives it', () => {
    const line = lines().find((l) => l.product === 'Exchange Server 2016' && l.line === 'CU23');
    const fixedIn = checkText(line?.base.build ?? '')[0]?.cves.find((c) => c.id === 'CVE-2024-21410')?.fixedIn;
    expect(fixedIn, 'the data records a 2016 CU23 fix for CVE-2024-21410').toBeTruthy();
    expect(inlineValue('fix', 'CVE-2024-21410 2016 CU23')).toBe(`${fixedIn?.update} (${fixedIn?.build})`);
  });
});

describe('support wording', () => {
  // [product, date, expected phrase built from the lifecycle data, reason]
  const cases: [Product, string, (s: NonNullable<ReturnType<typeof supportStatus>>) => string, string][] = [
    ['Exchange Server SE', TODAY, () => 'Supported while kept up to date', 'modern lifecycle: no end date'],
    [
      'Exchange Server 2013',
      '2020-01-01',
      (s) => `Supported until ${humanDate(s.endOfSupport ?? '')}`,
      'before its end of support',
    ],
    [
      'Exchange Server 2010',
      TODAY,
      (s) => `Out of support since ${humanDate(s.endOfSupport ?? '')}`,
      'no ESU programme',
    ],
    [
      'Exchange Server 2016',
      '2026-01-05',
      (s) =>
        `Out of support since ${humanDate(s.endOfSupport ?? '')}; paid updates (ESU) until ${humanDate((s.esuEnd ?? '').slice(0, 7))}`,
      'during the paid ESU programme',
    ],
    [
      'Exchange Server 2019',
      TODAY,
      (s) =>
        `Out of support since ${humanDate(s.endOfSupport ?? '')}; paid updates (ESU) ended ${humanDate((s.esuEnd ?? '').slice(0, 7))}`,
      'after the ESU programme',
    ],
  ];
  it.each(cases)('%s on %s (%s)', (product, date, expected) => {
    const s = supportStatus(product, date);
    expect(s).not.toBeNull();
    expect(supportPhrase(product, date)).toBe(expected(s as NonNullable<typeof s>));
  });
});

describe('directive errors name the directive and the problem', () => {
  const withoutKb = releases.find((r) => r.kb === null);
  // [field, argument, message, reason]
  const cases: [string, string | undefined, RegExp, string][] = [
    ['build', '2007 RTM base', /"2007" is not a product/, 'products outside the data'],
    ['build', '2019 CU99 base', /Exchange Server 2019 has no line "CU99"/, 'a line that does not exist'],
    [
      'build',
      '2019 CU15 Jan99SU',
      /no release named "Exchange Server 2019 CU15 Jan99SU"/,
      'a release that does not exist',
    ],
    ['colour', '2019 CU15 base', /unknown field "colour"/, 'a field that does not exist'],
    ['table', 'lifecycle', /is a block directive/, 'a block directive used inline'],
    ['build', undefined, /needs a reference/, 'a field without its reference'],
    ['fix', 'CVE-2024 2016 CU23', /is not a CVE id/, 'a malformed CVE id'],
    ['fix', 'CVE-2024-21410 2016', /write the CVE, then a product and line/, 'a fix without its line'],
    [
      'kb',
      withoutKb ? withoutKb.name.replace('Exchange Server ', '') : '',
      /has no KB number/,
      'a release the data has no KB for',
    ],
  ];
  it.each(cases)('{{%s:%s}} → %s (%s)', (field, argument, message) => {
    expect(() => inlineValue(field, argument)).toThrow(DirectiveError);
    expect(() => inlineValue(field, argument)).toThrow(message);
  });

  it('rejects unknown blocks and bad timeline dates', () => {
    expect(() => renderBlock('table', 'colours')).toThrow(/unknown block/);
    expect(() => renderBlock('timeline', 'updates-since yesterday')).toThrow(/not a YYYY-MM-DD date/);
    expect(() => renderBlock('timeline', 'updates-since 2999-01-01')).toThrow(/no update in the data since/);
    expect(() => renderBlock('table', 'reviews')).toThrow(/has no pages to list/);
  });
});

describe('the ProxyLogon table', () => {
  const fixes = proxyLogonFixes();

  it('classifies every line by the checker’s own verdicts', () => {
    for (const group of fixes)
      for (const { line, kind, first } of group.lines) {
        const patched = line.releases.filter((r) => r.families.proxylogon === 'patched');
        if (kind === 'never') expect(patched, `${line.anchor}`).toEqual([]);
        if (kind === 'shipped') expect(line.releases[0]?.families.proxylogon, line.anchor).toBe('patched');
        if (kind === 'update') {
          // The first fixed build: patched, with every earlier release of the line not patched.
          expect(first?.families.proxylogon, line.anchor).toBe('patched');
          const earlier = line.releases.filter((r) => byBuild(r.build, first?.build ?? '') < 0);
          expect(earlier.length, line.anchor).toBeGreaterThan(0);
          for (const r of earlier) expect(r.families.proxylogon, r.build).not.toBe('patched');
        }
      }
  });

  it('renders an accessible table with every first fixed build, and the conflicts that touch them', () => {
    const html = renderBlock('table', 'proxylogon-fixes');
    expect(html).toMatch(/^<div class="table-wrap" role="region" aria-label="First build that fixes ProxyLogon/);
    expect(html).toContain(
      `<caption>First build that fixes ProxyLogon on each CU (build data as of ${humanDate(DATA_AS_OF)})</caption>`,
    );
    expect(html.match(/<th scope="col">/g)).toHaveLength(4);
    expect(html.match(/<tbody>/g)).toHaveLength(fixes.length);
    expect(html.match(/<th scope="rowgroup"/g)).toHaveLength(fixes.length);
    const firsts = fixes.flatMap((g) => g.lines.filter((l) => l.kind === 'update').map((l) => l.first?.build ?? ''));
    expect(firsts.length).toBeGreaterThan(20);
    for (const build of firsts) expect(html).toContain(`<td>${build}`);
    const touched = allConflicts().filter((c) => c.builds.some((b) => firsts.includes(b)));
    expect(touched.length, 'the 2016 CU8/CU9 March 2021 conflicts').toBeGreaterThan(0);
    for (const c of touched) expect(html).toContain(c.message.replace(/'/g, '&#39;'));
  });
});

describe('the other blocks', () => {
  it('lifecycle: one row per product with its dates', () => {
    const html = renderBlock('table', 'lifecycle', { today: TODAY });
    const products = [...new Set(lines().map((l) => l.product))];
    expect(html.match(/<th scope="row">/g)).toHaveLength(products.length);
    for (const p of products) {
      const s = supportStatus(p, TODAY);
      if (s?.endOfSupport) expect(html).toContain(humanDate(s.endOfSupport));
      expect(html).toContain(supportPhrase(p, TODAY));
    }
    expect(html).toContain('<caption>');
  });

  it('affected: the 2021 holes per product come from the checker', () => {
    // Exchange 2010 is affected only by CVE-2021-26857 (Microsoft CSS-Exchange Security/README).
    expect(proxyLogonCvesFor('Exchange Server 2010')).toEqual(['CVE-2021-26857']);
    expect(proxyLogonCvesFor('Exchange Server 2016')).toHaveLength(4);
    expect(proxyLogonCvesFor('Exchange Server SE')).toEqual([]);
    const html = renderBlock('table', 'affected', { today: TODAY });
    expect(html).toContain('Partly: one of the four holes');
    expect(html).toContain('No: the fix was built in from the start');
  });

  it('timeline: one entry per release day since the date, in order, with sources', () => {
    const since = '2025-07-01';
    const html = renderBlock('timeline', `updates-since ${since}`);
    const days = [...new Set(releases.filter((r) => r.update !== null && r.date >= since).map((r) => r.date))].sort();
    const rendered = [...html.matchAll(/<li><time datetime="([^"]+)">/g)].map((m) => m[1]);
    expect(rendered).toEqual(days);
    expect(html.match(/Sources: <a href="https:/g)).toHaveLength(days.length);
    // The last public update came out on the day support ended; only later ones were for paying ESU customers.
    const eos = supportStatus('Exchange Server 2016', TODAY)?.endOfSupport ?? '';
    const entry = (day: string) => html.split('<li>').find((li) => li.includes(`datetime="${day}"`)) ?? '';
    const onDay = days.find((d) => d === eos);
    if (onDay) expect(entry(onDay)).not.toContain('paid ESU only');
    const after = days.find(
      (d) => d > eos && releases.some((r) => r.date === d && r.product === 'Exchange Server 2016'),
    );
    expect(after, 'a 2016 update after the end of support').toBeDefined();
    expect(entry(after ?? '')).toContain('paid ESU only');
    const thirdParty = releases.some((r) => r.confidence === 'third-party' && r.date >= since);
    expect(html.includes('third-party post')).toBe(thirdParty);
  });

  it('third-party list: every release that rests on a third-party post only', () => {
    const html = renderBlock('list', 'third-party-releases');
    const rows = releases.filter((r) => r.confidence === 'third-party');
    expect(html.match(/<li>/g)?.length ?? 0).toBe(rows.length);
    for (const r of rows) expect(html).toContain(r.build);
  });

  it('reviews: a row per page, escaped', () => {
    const html = renderBlock('table', 'reviews', {
      pages: [{ title: 'A <b> & C', href: '/guide/a/', reviewed: '2026-11-29', updated: '2026-11-27' }],
    });
    expect(html).toContain('<a href="/guide/a/">A &lt;b&gt; &amp; C</a>');
    expect(html).toContain('<time datetime="2026-11-29">29 November 2026</time>');
  });
});

const renderer = await createMarkdownRenderer('/base/');

describe('in Markdown', () => {
  const newestSe = resolveRelease('build:SE newest', 'SE newest').build;

  it('fills inline directives in text, table cells and raw HTML attributes', () => {
    const { html } = renderer.render(
      'Build {{build:SE newest}}.\n\n| a |\n| - |\n| {{build:SE newest}} |\n\n<time datetime="{{iso:SE RTM base}}">x</time>\n',
    );
    expect(html.match(new RegExp(newestSe.replace(/\./g, '\\.'), 'g'))).toHaveLength(2);
    expect(html).toContain(`<time datetime="${resolveRelease('iso', 'SE RTM base').date}">`);
  });

  it('leaves code spans and code blocks alone', () => {
    const { html } = renderer.render('`{{build:SE newest}}`\n\n```text\n{{table:lifecycle}}\n```\n');
    expect(html).toContain('{{build:SE newest}}');
    expect(html).toContain('{{table:lifecycle}}');
    expect(html).not.toContain('<caption>');
  });

  it('renders a block directive on its own line, and rejects a mistyped one', () => {
    expect(renderer.render('Text.\n\n{{table:lifecycle}}\n\nMore.').html).toContain('<caption>Support dates');
    expect(() => renderer.render('See {{Build:SE newest}}.')).toThrow(/is not a data directive/);
  });

  it('expandInline escapes what it inserts', () => {
    expect(expandInline('<p>{{data-as-of}}</p>')).toBe(`<p>${humanDate(DATA_AS_OF)}</p>`);
  });
});
