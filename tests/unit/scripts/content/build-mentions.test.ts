import { describe, expect, it } from 'vitest';
import { checkBuildMentions, findBuildMentions, knownData } from '../../../../scripts/content/build-mentions.ts';
import { allConflicts, allReleases } from '../../../../src/checker/index.ts';

describe('findBuildMentions', () => {
  // [text, builds it should find, reason]
  const cases: [string, string[], string][] = [
    ['15.1.2176.9', ['15.1.2176.9'], 'a plain four-part build'],
    ['`15.02.1748.037`', ['15.2.1748.37'], 'the long form ExSetup prints, normalised'],
    ['/owa/auth/15.2.1748/', ['15.2.1748'], 'a three-part OWA path'],
    ['up to 15.2.1748.x (CU15)', ['15.2.1748'], 'a three-part prefix followed by a placeholder'],
    ['RU32, 14.3.513.0 (KB5000978)', ['14.3.513.0'], 'an Exchange 2010 build'],
    ['security intelligence 1.333.747.0', [], 'a Defender version is a longer dotted number, not a build'],
    ['15.20.4000.1', [], 'Exchange Online (15.20 and up) is not an on-premises build'],
    ['Version 15.2 (Build 1118.7)', [], 'AdminDisplayVersion has no full build to check'],
    ['10.0.17763.1', [], 'a Windows version'],
    ['192.168.15.2.1', [], 'part of a longer dotted number'],
  ];
  it.each(cases)('%s → %j (%s)', (text, builds) => {
    expect(findBuildMentions(text).map((m) => m.build)).toEqual(builds);
  });
});

describe('knownData', () => {
  it('knows every release build, its three-part prefix and its KB', () => {
    const { builds, prefixes, kbs } = knownData();
    for (const group of allReleases())
      for (const line of group.lines)
        for (const r of line.releases) {
          expect(builds.has(r.build), r.build).toBe(true);
          expect(prefixes.has(r.build.split('.').slice(0, 3).join('.')), r.build).toBe(true);
          if (r.kb) expect(kbs.has(r.kb), r.kb).toBe(true);
        }
  });

  it('knows the alternative values of recorded conflicts, as the release they dispute', () => {
    const { builds } = knownData();
    for (const conflict of allConflicts()) for (const b of conflict.builds) expect(builds.has(b), b).toBe(true);
  });
});

describe('checkBuildMentions', () => {
  // Facts from Microsoft's build table (src/data): 15.2.1748.37 is Exchange 2019 CU15 Sep25HU,
  // 15.1.1415.10 the 2016 CU8 Mar21SU (HealthChecker says 15.1.1415.8), 14.3.513.0 is 2010 SP3 RU32.
  const clean: [string, string][] = [
    ['Exchange 2019 CU15, build 15.2.1748.37', 'CU and product match the data'],
    ['15.2.1748.37 (CU15 Sep25HU)', 'a parenthesis after the build names its CU and update correctly'],
    ['| CU8 (15.1.1415.2) | 15.1.1415.10 |', 'a label in the previous table cell belongs to the previous build'],
    ['HealthChecker uses 15.1.1415.8', 'a recorded conflicting value is known'],
    ['Exchange 2010 SP3 RU32, 14.3.513.0 (KB5000978)', 'a 2010 rollup is named by its RU'],
    ['Exchange 2019 builds run up to 15.2.1748.x (CU15)', 'a three-part prefix on the right line'],
    [
      'a 2019 CU9 server can read 15.2.858.2 while ExSetup says 15.2.858.5',
      'the OWA version of CU9 is recorded as a conflict',
    ],
    ['The output looks like `15.02.1748.037`.', 'the long form is checked as the short form'],
  ];
  it.each(clean)('accepts %j (%s)', (text) => {
    expect(checkBuildMentions(text)).toEqual([]);
  });

  const wrong: [string, RegExp, string][] = [
    [
      'Exchange 2019 CU14, build 15.2.1748.37',
      /15\.2\.1748\.37 is named CU14 here, but the data has Exchange Server 2019 CU15 Sep25HU/,
      'wrong CU',
    ],
    ['15.2.1748.37 (CU15 Aug26SU)', /is named Aug26SU here/, 'wrong update in a parenthesis after the build'],
    ['Exchange 2016 15.2.1748.37', /is named Exchange Server 2016 here/, 'wrong product'],
    ['Install 15.2.1748.99 now', /15\.2\.1748\.99 is not a build in src\/data/, 'a build Microsoft never shipped'],
    ['/owa/auth/15.2.1749/', /15\.2\.1749 is not the start of any build/, 'a three-part prefix of no line'],
    ['see KB9999999', /KB9999999 is not a KB number/, 'an unknown KB'],
  ];
  it.each(wrong)('rejects %j (%s)', (text, problem) => {
    const problems = checkBuildMentions(text);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.join('\n')).toMatch(problem);
  });

  it('does not carry a label across a sentence end or a line break', () => {
    expect(checkBuildMentions('It was CU14. Later 15.2.1748.37 shipped.')).toEqual([]);
    expect(checkBuildMentions('Exchange 2016 CU23\n15.2.1748.37')).toEqual([]);
  });
});
