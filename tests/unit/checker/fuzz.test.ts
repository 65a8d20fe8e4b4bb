/**
 * Property-based fuzzing (fast-check): more than 100,000 random and mutated inputs in total.
 * Never throws; never reports a number that is not an Exchange build; every build in the data
 * round-trips in every format it can be written in.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import releases from '../../../src/data/releases.json';
import { analyse, checkText, compareBuilds } from '../../../src/checker/index.ts';
import { assertSane, buildish, digitsAndDots, mutated } from './fuzz-properties.ts';

describe('fuzz', () => {
  test('random unicode text: never throws, only real builds (40,000 runs)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200, unit: 'grapheme' }), (s) => assertSane(s)),
      { numRuns: 40_000 },
    );
  }, 120_000);
  test('digits, dots and spaces (20,000 runs)', () => {
    fc.assert(
      fc.property(digitsAndDots, (s) => assertSane(s)),
      { numRuns: 20_000 },
    );
  }, 120_000);
  test('mutated real pastes (25,000 runs)', () => {
    fc.assert(
      fc.property(mutated, (s) => assertSane(s)),
      { numRuns: 25_000 },
    );
  }, 120_000);
  test('random dotted numbers with prefixes (20,000 runs)', () => {
    fc.assert(
      fc.property(buildish, (s) => assertSane(s)),
      { numRuns: 20_000 },
    );
  }, 120_000);
  test('comparison is antisymmetric and transitive (5,000 runs)', () => {
    const build = fc.tuple(fc.nat(30), fc.nat(30), fc.nat(3000), fc.nat(100));
    fc.assert(
      fc.property(build, build, build, (a, b, c) => {
        expect(compareBuilds(a, b)).toBe(-compareBuilds(b, a));
        if (compareBuilds(a, b) <= 0 && compareBuilds(b, c) <= 0) expect(compareBuilds(a, c)).toBeLessThanOrEqual(0);
      }),
      { numRuns: 5_000 },
    );
  });
});

describe('round trip: every build in the data, in every format it can be written in', () => {
  const pad = (b: string) => {
    const [a, m, c, d] = b.split('.');
    return `${a}.${m!.padStart(2, '0')}.${c!.padStart(4, '0')}.${d!.padStart(3, '0')}`;
  };
  for (const r of releases.releases) {
    test(`${r.product} ${r.line} ${r.update ?? ('rollup' in r ? r.rollup : '') ?? ''} ${r.build}`, () => {
      const cu = 'rollup' in r && r.rollup ? `${r.line} ${r.rollup}` : r.line;
      const [a, m, c, d] = r.build.split('.');
      const forms: [string, string, string][] = [
        ['build', r.build, r.build],
        ['build-long', pad(r.build), r.build],
        [
          'exsetup',
          `${pad(r.build)}   ${pad(r.build)}   C:\\Program Files\\Microsoft\\Exchange Server\\V15\\bin\\ExSetup.exe`,
          r.build,
        ],
        ['healthchecker', `        Build Number:                  ${r.build}`, r.build],
        ['owa-header', `X-OWA-Version: ${r.build}`, r.build],
        [
          'smtp-received',
          `Received: from a.contoso.com (10.0.0.1) by EX9.contoso.com with Microsoft SMTP Server id ${r.build}; Tue, 8 Nov 2022`,
          r.build,
        ],
        ['admin-display-version', `AdminDisplayVersion : Version ${a}.${m} (Build ${c}.${d})`, r.build],
      ];
      if (r.product !== 'Exchange Server 2010')
        forms.push(['owa-path', `/owa/auth/${a}.${m}.${c}/themes/`, `${a}.${m}.${c}`]);
      for (const [format, text, build] of forms) {
        const found = checkText(text);
        expect(found.length, `${format}: ${text}`).toBe(1);
        const f = found[0]!;
        expect(f.build, format).toBe(build);
        expect(f.product, format).toBe(r.product);
        expect(f.format, format).toBe(format);
        // a 3-part build of 2016 RTM/Preview is ambiguous; the highest line of the prefix wins
        if (format !== 'owa-path' || r.line !== 'Preview')
          expect(f.cu?.split(' ')[0], `${format}: ${text}`).toBe(
            format === 'owa-path' || format === 'admin-display-version' ? r.line : cu.split(' ')[0],
          );
      }
      if (
        !('variantOf' in r) &&
        (r.update === null || /^[A-Z][a-z]{2}\d{2}(SU|HU)/.test(r.update)) &&
        r.line !== 'Preview'
      ) {
        const name = `${r.product} ${cu}${r.update ? ' ' + r.update : ''}`;
        const found = checkText(name);
        expect(found.length, name).toBe(1);
        expect(found[0]!.product, name).toBe(r.product);
        expect(found[0]!.cu, name).toBe(
          r.product === 'Exchange Server 2010' && !('rollup' in r && r.rollup) ? r.line : cu,
        );
        if (r.update || ('rollup' in r && r.rollup)) expect(found[0]!.build, name).toBe(r.build);
      }
    });
  }
});

// ---- Generated real-paste shapes: one server twice, quoted thresholds, product-name spacing. ----

interface Row {
  product: string;
  line: string;
  build: string;
  variantOf?: string;
}
const ROWS = (releases.releases as Row[]).filter((r) => !r.variantOf && r.line !== 'Preview');
const YEAR = (product: string) => product.replace('Exchange Server ', '');
const parts = (b: string) => b.split('.');
/** The base (CU) build of a row's line: what AdminDisplayVersion and 3-part versions show. */
const baseOf = (r: Row) => ROWS.find((x) => x.product === r.product && x.line === r.line)!.build;
const long = (b: string) => {
  const [a, m, c, d] = parts(b);
  return `${a}.${m!.padStart(2, '0')}.${c!.padStart(4, '0')}.${d!.padStart(3, '0')}`;
};
const space = fc.constantFrom(' ', '  ', '\t', ' \t ');

/** Less precise lines about a row's CU, and whether a 2010 row can be written that way. */
const IMPRECISE: [string, (r: Row, sp: string) => string, boolean][] = [
  [
    'admin-display-version',
    (r) => {
      const [a, m, c, d] = parts(baseOf(r));
      return `AdminDisplayVersion : Version ${a}.${m} (Build ${c}.${d})`;
    },
    true,
  ],
  ['build-3part', (r) => parts(baseOf(r)).slice(0, 3).join('.'), true],
  ['owa-path', (r) => `<link href="/owa/auth/${parts(baseOf(r)).slice(0, 3).join('.')}/themes/x.ico">`, false],
  ['product-name', (r, sp) => `Version:${sp}Exchange${sp}${YEAR(r.product)}${sp}${r.line}`, true],
];
/** Exact lines for a row, with the format each is read as. */
const EXACT: [string, (r: Row) => string][] = [
  [
    'exsetup',
    (r) => `${long(r.build)}   ${long(r.build)}   C:\\Program Files\\Microsoft\\Exchange Server\\V15\\bin\\ExSetup.exe`,
  ],
  ['healthchecker', (r) => `        Build Number:                  ${r.build}`],
  ['build', (r) => r.build],
  ['build-long', (r) => long(r.build)],
];

const sameServerTwice = fc
  .tuple(
    fc.constantFrom(...ROWS),
    fc.nat(IMPRECISE.length - 1),
    fc.nat(EXACT.length - 1),
    fc.constantFrom('none', 'name-lines', 'prompts'),
    fc.boolean(),
    fc.constantFrom('\n', '\r\n'),
    space,
  )
  .filter(([r, i]) => r.product !== 'Exchange Server 2010' || IMPRECISE[i]![2])
  .map(([r, i, e, naming, exactFirst, nl, sp]) => {
    const imprecise = IMPRECISE[i]![1](r, sp);
    const exact = EXACT[e]![1](r);
    const label = (block: string) =>
      naming === 'name-lines'
        ? `Name : EX01${nl}${block}`
        : naming === 'prompts'
          ? `[EX01]: PS C:\\> cmd${nl}${block}`
          : block;
    const blocks = [label(imprecise), label(exact)];
    if (exactFirst) blocks.reverse();
    return { text: blocks.join(nl + nl), row: r, format: EXACT[e]![0], server: naming === 'none' ? null : 'EX01' };
  });

describe('generated pastes', () => {
  test('the same server twice, imprecise and exact, is one row: the exact build (3,000 runs)', () => {
    fc.assert(
      fc.property(sameServerTwice, ({ text, row, format, server }) => {
        const found = analyse(text, { today: '2026-11-27' }).findings;
        expect(found.map((f) => [f.build, f.format, f.serverName])).toEqual([[row.build, format, server]]);
        expect(found[0]!.superseded.map((s) => s.reason)).toEqual(['less-precise']);
        expect(found[0]!.readingNotes).toHaveLength(1);
      }),
      { numRuns: 3_000 },
    );
  }, 60_000);

  const twoServers = fc
    .tuple(
      fc.constantFrom(...ROWS),
      fc.nat(IMPRECISE.length - 1),
      fc.constantFrom('EX02', 'ex02.fabrikam.local', 'MBX1'),
      space,
    )
    .filter(([r, i]) => r.product !== 'Exchange Server 2010' || IMPRECISE[i]![2])
    .map(([r, i, other, sp]) => ({
      text: `Name : EX01\n${IMPRECISE[i]![1](r, sp)}\n\n${other} ${r.build}`,
      row: r,
      other,
    }));
  test('two servers with different names are never merged (2,000 runs)', () => {
    fc.assert(
      fc.property(twoServers, ({ text, row, other }) => {
        const found = analyse(text, { today: '2026-11-27' }).findings;
        expect(found.map((f) => f.serverName)).toEqual(['EX01', other]);
        expect(found[1]!.build).toBe(row.build);
        for (const f of found) expect(f.superseded).toEqual([]);
      }),
      { numRuns: 2_000 },
    );
  }, 60_000);

  const scannerLine = fc
    .tuple(
      fc.constantFrom(...ROWS),
      fc.uniqueArray(fc.constantFrom(...ROWS.map((r) => r.build)), { minLength: 1, maxLength: 4 }),
      fc.constantFrom(' / ', ', ', ' and ', ' or '),
      fc.constantFrom('fixed in', 'Fixed in:', 'patched in', '>=', 'at least'),
    )
    .filter(([r, thresholds]) => !thresholds.includes(r.build))
    .map(([r, thresholds, sep, word]) => ({
      text: `|   Exchange version ${r.build} is VULNERABLE (${word} ${thresholds.join(sep)})`,
      real: r.build,
      thresholds,
    }));
  test('builds quoted as thresholds never become rows next to the real one (3,000 runs)', () => {
    fc.assert(
      fc.property(scannerLine, ({ text, real, thresholds }) => {
        const found = analyse(text, { today: '2026-11-27' }).findings;
        expect(found.map((f) => f.build)).toEqual([real]);
        expect(found[0]!.superseded.map((s) => [s.build, s.reason])).toEqual(thresholds.map((b) => [b, 'reference']));
      }),
      { numRuns: 3_000 },
    );
  }, 60_000);

  const spacedName = fc
    .tuple(
      fc.constantFrom(...ROWS.filter((r) => /^(CU\d+|RTM)$/.test(r.line) && r.product !== 'Exchange Server 2010')),
      fc.constantFrom('Exchange', 'exchange', 'EXCHANGE', 'EX', 'Ex'),
      fc.constantFrom('', 'Server', 'server', 'SERVER'),
      fc.array(fc.constantFrom('', ' ', '  ', '\t'), { minLength: 3, maxLength: 3 }),
      fc.boolean(),
    )
    .map(([r, ex, server, [s1, s2, s3], lower]) => {
      const year = YEAR(r.product);
      const line = lower ? r.line.toLowerCase() : r.line;
      return { text: `${ex}${s1}${server}${server ? s2 : ''}${year} ${s3}${line}`.replace(/ {9,}/g, ' '), row: r };
    });
  test('product names in any spacing and case name the same CU (3,000 runs)', () => {
    fc.assert(
      fc.property(spacedName, ({ text, row }) => {
        const found = analyse(text, { today: '2026-11-27' }).findings;
        expect(
          found.map((f) => [f.product, f.cu, f.format]),
          text,
        ).toEqual([[row.product, row.line, 'product-name']]);
      }),
      { numRuns: 3_000 },
    );
  }, 60_000);
});
