/** Verdicts: every line's boundaries, the March 2021 old-CU updates, 2010, 2013 SP1, SE, Exchange Online, conflicts. */
import { describe, expect, test } from 'vitest';
import releases from '../../../src/data/releases.json';
import {
  analyse,
  checkText,
  DATA_AS_OF,
  allReleases,
  lines,
  lineAnchor,
  supportStatus,
} from '../../../src/checker/index.ts';
import type { Finding } from '../../../src/checker/index.ts';

const one = (text: string): Finding => {
  const found = analyse(text, { today: '2026-11-27' }).findings;
  expect(found, text).toHaveLength(1);
  return found[0]!;
};
const fam = (f: Finding, id: string) => f.families.find((x) => x.id === id)!;

describe('ProxyLogon boundaries', () => {
  test.each([
    ['2016 CU19 base: before the March 2021 SU', '15.1.2176.2', 'vulnerable'],
    ['2016 CU19 Feb21SU: the update just below the fix', '15.1.2176.4', 'vulnerable'],
    ['2016 CU19 build just below the fix (not in data)', '15.1.2176.8', 'vulnerable'],
    ['2016 CU19 Mar21SU: first fixed build', '15.1.2176.9', 'patched'],
    ['2016 CU19 Apr21SU: later update', '15.1.2176.12', 'patched'],
    ['2016 CU20 base: released with the fix', '15.1.2242.4', 'patched'],
    ['2016 CU23 newest', '15.1.2507.72', 'patched'],
    ['2016 CU7: no March 2021 update exists', '15.1.1261.35', 'vulnerable'],
    ['2016 RTM: never fixed', '15.1.225.42', 'vulnerable'],
    ['2019 RTM Mar21SU (missing from HealthChecker)', '15.2.221.18', 'patched'],
    ['2019 RTM base', '15.2.221.12', 'vulnerable'],
    ['2019 CU8 Feb21SU', '15.2.792.5', 'vulnerable'],
    ['2019 CU8 Mar21SU', '15.2.792.10', 'patched'],
    ['2019 CU9 base: released with the fix', '15.2.858.5', 'patched'],
    ['2019 CU9 OWA version 858.2: CU9 line shipped with the fix', '15.2.858.2', 'patched'],
    ['2013 SP1 base', '15.0.847.32', 'vulnerable'],
    ['2013 SP1 KB4092041 (2018): before the fix', '15.0.847.62', 'vulnerable'],
    ['2013 SP1 Mar21SU', '15.0.847.64', 'patched'],
    ['2013 CU20: no March 2021 update', '15.0.1367.9', 'vulnerable'],
    ['2013 CU21 base', '15.0.1395.4', 'vulnerable'],
    ['2013 CU21 Mar21SU', '15.0.1395.12', 'patched'],
    ['2013 CU22 Mar21SU', '15.0.1473.6', 'patched'],
    ['2013 CU23 Dec20SU', '15.0.1497.10', 'vulnerable'],
    ['2013 CU23 Mar21SU', '15.0.1497.12', 'patched'],
    ['2013 CU5: never fixed', '15.0.913.22', 'vulnerable'],
    ['2010 SP3 RU31: vulnerable to CVE-2021-26857', '14.3.509.0', 'vulnerable'],
    ['2010 SP3 RU32: fixed', '14.3.513.0', 'patched'],
    ['2010 SP2: never fixed', '14.2.390.3', 'vulnerable'],
    ['SE RTM: released after the fix', '15.2.2562.17', 'patched'],
    ['Exchange Online', '15.20.4242.30', 'not-affected'],
  ])('%s (%s) → %s', (_why, build, expected) => {
    expect(one(build).proxyLogon).toBe(expected);
  });

  test('every March 2021 old-CU update: base vulnerable, Mar21SU patched, build just below vulnerable', () => {
    const mar = releases.releases.filter((r) => r.update === 'Mar21SU' && !('variantOf' in r));
    expect(mar).toHaveLength(25);
    for (const r of mar) {
      expect(one(r.build).proxyLogon, r.build).toBe('patched');
      const parts = r.build.split('.').map(Number);
      const below = `${parts[0]}.${parts[1]}.${parts[2]}.${parts[3]! - 1}`;
      const f = one(below);
      expect(['vulnerable', 'unknown'], below).toContain(f.proxyLogon);
      const base = releases.releases.find(
        (x) => x.product === r.product && x.line === r.line && x.update === null && !('variantOf' in x),
      )!;
      expect(one(base.build).proxyLogon, base.build).toBe('vulnerable');
      // the same CU from AdminDisplayVersion / 3-part: depends on the SU level → unknown
      expect(one(`${parts[0]}.${parts[1]}.${parts[2]}`).proxyLogon, `${r.build} 3-part`).toBe('unknown');
    }
  });

  test('2010: only CVE-2021-26857 applies', () => {
    const f = one('14.3.513.0');
    const pl = fam(f, 'proxylogon');
    expect(pl.cves.filter((c) => c.status !== 'not-affected').map((c) => c.id)).toEqual(['CVE-2021-26857']);
    expect(pl.fixedIn?.build).toBe('14.3.513.0');
    expect(pl.fixedIn?.kb).toBe('KB5000978');
  });
});

describe('Exchange 2010 builds between documented rollups', () => {
  test.each([
    [
      'mail-header build after RU25, before RU26',
      '14.3.439.0',
      'SP3 RU25',
      'SP3 RU25, or an interim build after it',
      'vulnerable',
    ],
    ['interim build after RU29', '14.3.487.0', 'SP3 RU29', 'SP3 RU29, or an interim build after it', 'vulnerable'],
    [
      'between the SP3 release and RU1 (long form: a short one would read as an IP address)',
      '14.03.0130.000',
      'SP3',
      'SP3, or an interim build after it',
      'vulnerable',
    ],
    ['SP2 interim build after RU2', '14.2.300.1', 'SP2 RU2', 'SP2 RU2, or an interim build after it', 'vulnerable'],
    [
      'in a Received header',
      'Received: by EX10.contoso.local with Microsoft SMTP Server id 14.3.439.0; Tue, 8 Jan 2019 10:00:00 +0000',
      'SP3 RU25',
      'SP3 RU25, or an interim build after it',
      'vulnerable',
    ],
  ])('%s (%s) → %s', (_why, text, cu, note, proxyLogon) => {
    const f = one(text);
    expect([f.cu, f.release, f.proxyLogon]).toEqual([cu, null, proxyLogon]);
    expect(f.notes.join(' ')).toContain(note);
  });
  test('a documented rollup is named exactly, with its release', () => {
    const f = one('14.3.509.0');
    expect([f.cu, f.release?.cu, f.notes]).toEqual(['SP3 RU31', 'SP3 RU31', []]);
  });
  test('AdminDisplayVersion still shows only the service pack', () => {
    expect(one('Version 14.3 (Build 439.0)').cu).toBe('SP3');
  });
});

describe('update level unknown', () => {
  test.each([
    ['AdminDisplayVersion on a CU with a March 2021 SU', 'Version 15.1 (Build 2176.2)', 'unknown'],
    ['3-part OWA path on such a CU', '/owa/auth/15.2.792/', 'unknown'],
    ['AdminDisplayVersion on a CU released after the fix', 'Version 15.1 (Build 2242.4)', 'patched'],
    ['AdminDisplayVersion on 2019 CU9', 'Version 15.2 (Build 858.5)', 'patched'],
    ['AdminDisplayVersion on a line never fixed', 'Version 15.1 (Build 1261.35)', 'vulnerable'],
    ['product name of a line never fixed', 'Exchange 2013 CU20', 'vulnerable'],
    ['product name SE RTM', 'Exchange SE RTM', 'patched'],
    ['2010 AdminDisplayVersion shows only the SP', 'Version 14.3 (Build 123.4)', 'unknown'],
    ['2010 SP3 without rollup', 'Exchange 2010 SP3', 'unknown'],
  ])('%s → %s', (_why, text, expected) => {
    const f = one(text);
    expect(f.proxyLogon).toBe(expected);
    expect(f.showsUpdateLevel).toBe(false);
    expect(f.formatNote).toMatch(/ExSetup/);
    expect(f.isNewestOnLine).toBeNull();
    expect(f.nextStep.command).toMatch(/ExSetup\.exe/);
  });
});

describe('later families', () => {
  test.each([
    ['2016 CU19 Mar21SU: ProxyShell missing (Apr/May 2021)', '15.1.2176.9', 'proxyshell', 'vulnerable'],
    ['2016 CU19 May21SU: ProxyShell fixed', '15.1.2176.14', 'proxyshell', 'patched'],
    ['2016 CU19 Apr21SU: 31207 still missing', '15.1.2176.12', 'proxyshell', 'vulnerable'],
    ['2016 CU21 base: ProxyShell shipped', '15.1.2308.8', 'proxyshell', 'patched'],
    ['2016 CU21 Mar22SU: ProxyNotShell never fixed on CU21', '15.1.2308.27', 'proxynotshell', 'vulnerable'],
    ['2016 CU22 Oct22SU: below Nov22SU', '15.1.2375.32', 'proxynotshell', 'vulnerable'],
    ['2016 CU22 Nov22SU: fixed', '15.1.2375.37', 'proxynotshell', 'patched'],
    ['2016 CU23 Nov22SU: OWASSRF fixed', '15.1.2507.16', 'owassrf', 'patched'],
    ['2019 CU12 Oct22SU: OWASSRF missing', '15.2.1118.15', 'owassrf', 'vulnerable'],
    ['2019 CU13 base: shipped after Nov 2022', '15.2.1258.12', 'proxynotshell', 'patched'],
    ['2019 CU13: CVE-2024-21410 never fixed on CU13', '15.2.1258.39', 'other-kev', 'vulnerable'],
    ['2019 CU15 Jun26SU: CVE-2026-42897 fixed', '15.2.1748.46', 'other-kev', 'patched'],
    ['2019 CU15 Feb26SU: CVE-2026-42897 missing', '15.2.1748.43', 'other-kev', 'vulnerable'],
    ['SE RTM Jun26SU', '15.2.2562.43', 'other-kev', 'patched'],
    ['SE RTM May26HU', '15.2.2562.41', 'other-kev', 'vulnerable'],
    ['2013 CU23 Mar23SU: later CVEs not assessed (out of support)', '15.0.1497.48', 'other-kev', 'unknown'],
    ['2010 RU32: ProxyShell not assessed by Microsoft', '14.3.513.0', 'proxyshell', 'unknown'],
  ])('%s', (_why, build, family, expected) => {
    expect(fam(one(build), family).status).toBe(expected);
  });

  test('minimum fixed build per family on the line', () => {
    const f = one('15.1.2176.4');
    expect(fam(f, 'proxylogon').fixedIn).toMatchObject({
      build: '15.1.2176.9',
      update: 'Mar21SU',
      kb: 'KB5000871',
      kbUrl: 'https://support.microsoft.com/help/5000871',
    });
    expect(fam(f, 'proxyshell').fixedIn).toMatchObject({ build: '15.1.2176.14', update: 'May21SU' });
    expect(fam(f, 'proxynotshell').neverFixedOnLine).toBe(true);
    expect(fam(f, 'proxynotshell').fixedIn).toBeNull();
  });

  test('overall is the worst family', () => {
    expect(one('15.2.2562.53').overall).toBe('patched');
    expect(one('15.1.2176.9').overall).toBe('vulnerable');
  });
});

describe('conflicts (2016 CU8/CU9 March 2021)', () => {
  test.each([
    ['CU8 .8: HealthChecker value → unknown, never patched', '15.1.1415.8', 'unknown', true],
    ['CU8 .9: between the two values → unknown', '15.1.1415.9', 'unknown', true],
    ['CU8 .10: Microsoft table value → patched, conflict still shown', '15.1.1415.10', 'patched', true],
    ['CU8 .7 (May18SU): below both → vulnerable', '15.1.1415.7', 'vulnerable', false],
    ['CU9 .13: HealthChecker value → unknown', '15.1.1466.13', 'unknown', true],
    ['CU9 .15 → unknown', '15.1.1466.15', 'unknown', true],
    ['CU9 .16 → patched', '15.1.1466.16', 'patched', true],
  ])('%s', (_why, build, expected, flagged) => {
    const f = one(build);
    expect(f.proxyLogon).toBe(expected);
    expect(f.conflicts.some((c) => c.id.endsWith('mar21su'))).toBe(flagged);
  });

  test('a CU8 AdminDisplayVersion is unknown and carries the conflict', () => {
    const f = one('Version 15.1 (Build 1415.2)');
    expect(f.proxyLogon).toBe('unknown');
    expect(f.conflicts.map((c) => c.id)).toContain('e2016-cu8-mar21su');
  });

  test('unrelated lines carry no conflicts', () => {
    expect(one('15.1.2176.9').conflicts).toEqual([]);
  });
});

describe('currency, data edges, lifecycle, next step', () => {
  test('newest on line / overall', () => {
    const f = one('15.2.1748.49');
    expect(f.isNewestOnLine).toBe(false);
    expect(f.newestOnLine?.build).toBe('15.2.1748.53');
    expect(f.newestOverall?.build).toBe('15.2.1748.53');
    expect(one('15.2.1748.53').isNewestOnLine).toBe(true);
  });

  test('a build newer than the data on a known line is judged by order and flagged', () => {
    const f = one('15.1.2507.99');
    expect(f.newerThanData).toBe(true);
    expect(f.release).toBeNull();
    expect(f.proxyLogon).toBe('patched');
    expect(f.overall).toBe('patched');
    expect(f.notes.join(' ')).toMatch(/newer than anything in our data/);
  });

  test('a build between known builds is judged by order, with a note', () => {
    const f = one('15.1.2176.10');
    expect(f.release).toBeNull();
    expect(f.cu).toBe('CU19');
    expect(f.update).toBeNull();
    expect(f.proxyLogon).toBe('patched');
    expect(f.newerThanData).toBe(false);
    expect(f.notes.join(' ')).toMatch(/not in our data/);
  });

  test('a build whose CU cannot be determined is unknown', () => {
    const f = one('15.1.2000.5');
    expect(f.cu).toBeNull();
    expect(f.proxyLogon).toBe('unknown');
    expect(f.overall).toBe('unknown');
  });

  test('a future Exchange SE CU is judged by order and flagged', () => {
    const f = one('15.2.2600.10');
    expect(f.product).toBe('Exchange Server SE');
    expect(f.cu).toBeNull();
    expect(f.newerThanData).toBe(true);
    expect(f.proxyLogon).toBe('patched');
  });

  test('third-party rows are labelled', () => {
    const f = one('15.2.2562.53');
    expect(f.release?.confidence).toBe('third-party');
    expect(f.notes.join(' ')).toMatch(/third-party/);
  });

  test('lifecycle uses the date passed in', () => {
    expect(supportStatus('Exchange Server 2016', '2025-01-01')?.status).toBe('supported');
    expect(supportStatus('Exchange Server 2016', '2026-05-01')?.status).toBe('extended-security-updates');
    expect(supportStatus('Exchange Server 2019', '2026-11-27')?.status).toBe('out-of-support');
    expect(supportStatus('Exchange Server 2013', '2023-04-10')?.status).toBe('supported');
    expect(supportStatus('Exchange Server 2013', '2023-04-11')?.status).toBe('out-of-support');
    expect(supportStatus('Exchange Server 2010', '2020-10-13')?.status).toBe('out-of-support');
    expect(supportStatus('Exchange Server SE', '2030-01-01')?.status).toBe('modern');
    expect(supportStatus('Exchange Server SE', 'not a date')).toBeNull();
    expect(analyse('15.1.2507.72', { today: '2026-01-05' }).findings[0]?.lifecycle?.status).toBe(
      'extended-security-updates',
    );
  });

  test('next step: exact target with KB; old CU gets an upgrade path', () => {
    const f = one('15.1.2176.9');
    // The target is the newest update a Microsoft-maintained source confirms (Aug26SU), not the
    // third-party-only Sep26SUv2, which is mentioned so the admin can look for it.
    expect(f.nextStep.target?.build).toBe('15.1.2507.72');
    expect(f.nextStep.it).toMatch(/CU23 \(15\.1\.2507\.6, KB5011155\)/);
    expect(f.nextStep.it).toMatch(
      /Sep26SUv2 \(15\.1\.2507\.75, KB5129958\), is known to us only from a third-party report/,
    );
    expect(f.nextStep.upgradePath.join(' ')).toMatch(/Exchange Server SE/);
    expect(f.nextStep.owner.length).toBeGreaterThan(20);
    const se = one('15.2.2562.17');
    expect(se.nextStep.it).toMatch(/^Install Exchange Server SE RTM Aug26SU \(15\.2\.2562\.46, KB\d+\) or later\./);
    expect(se.nextStep.target?.confidence).toBe('confirmed');
    // On the confirmed newest update: nothing required, the reported newer one is still mentioned.
    const aug = one('15.2.2562.46');
    expect(aug.nextStep.it).toMatch(/^No update to install/);
    expect(aug.nextStep.it).toMatch(/Sep26SUv2 \(15\.2\.2562\.53/);
    // On the third-party build itself: nothing newer to mention.
    expect(one('15.2.2562.53').nextStep.it).not.toMatch(/third-party report/);
    const old = one('15.0.1497.48');
    expect(old.nextStep.it).toMatch(/out of support/);
  });

  test('a typed product name with its update is trusted but says so', () => {
    const f = one('Exchange Server 2019 CU12 Nov22SU');
    expect(f.proxyLogon).toBe('patched');
    expect(f.formatNote).toMatch(/trusts the update named in the text/);
    expect(f.formatNote).toMatch(/ExSetup\.exe/);
  });

  test('compromise risk: any on-premises line exposed at some point; not Exchange Online', () => {
    expect(one('15.1.2176.9').compromiseRisk).toBe(true);
    expect(one('15.1.2176.9').exposedFamilies).toContain('proxylogon');
    expect(one('15.20.4242.30').compromiseRisk).toBe(false);
    expect(one('15.2.2562.53').exposedFamilies).toEqual(['other-kev']);
  });

  test('Exchange Online finding', () => {
    const f = one('15.20.4242.30');
    expect(f).toMatchObject({
      product: null,
      cu: null,
      update: null,
      proxyLogon: 'not-affected',
      overall: 'not-affected',
      format: 'exchange-online',
    });
  });
});

describe('helpers for the UI', () => {
  test('DATA_AS_OF is computed from the data', () => {
    expect(DATA_AS_OF).toBe(
      releases.releases
        .map((r) => r.date)
        .sort()
        .at(-1),
    );
  });
  test('lineAnchor', () => {
    expect(lineAnchor('Exchange Server 2016', 'CU19')).toBe('exchange-2016-cu19');
    expect(lineAnchor('Exchange Server 2010', 'SP3 RU31')).toBe('exchange-2010-sp3');
    expect(lineAnchor('Exchange Server SE', 'RTM')).toBe('exchange-se-rtm');
    expect(one('15.1.2176.9').lineAnchor).toBe('exchange-2016-cu19');
  });
  test('lines() and allReleases() cover every non-variant release with per-family status', () => {
    const all = allReleases();
    const count = all.flatMap((g) => g.lines.flatMap((l) => l.releases)).length;
    expect(count).toBe(releases.releases.filter((r) => !('variantOf' in r)).length);
    expect(lines().length).toBe(all.flatMap((g) => g.lines).length);
    const cu19 = all.find((g) => g.product === 'Exchange Server 2016')!.lines.find((l) => l.line === 'CU19')!;
    expect(cu19.releases.map((r) => r.families.proxylogon)).toEqual([
      'vulnerable',
      'vulnerable',
      'patched',
      'patched',
      'patched',
    ]);
    const anchors = new Set(lines().map((l) => l.anchor));
    expect(anchors.size).toBe(lines().length);
  });
  test('checkText = analyse().findings', () => {
    expect(checkText('15.1.2176.9').map((f) => f.build)).toEqual(['15.1.2176.9']);
  });
});
