/** Test-ProxyLogon's output files. */
import { describe, expect, test } from 'vitest';
import { TplOutputHandler, tplFileFromHeader, tplFileFromName } from '../../../src/triage/tpl-output.ts';
import { SSRF_ANCHOR, TPL_26855, tpl26855Row } from './fixtures.ts';

describe('which output file', () => {
  test.each([
    ['EX01-Cve-2021-26855.csv', '26855'],
    ['ex01.contoso.local-Cve-2021-27065-ResetVDir.csv', 'resetvdir'],
    ['EX01-Cve-2021-26857.csv', '26857'],
    ['EX01-Cve-2021-26858.log', '26858'],
    ['EX01-Cve-2021-26858-DownloadPaths.log', '26858-paths'],
    ['EX01-Cve-2021-27065.log', '27065'],
    ['EX01-other.csv', 'other'],
    ['EX01-LogAgeDays.csv', 'log-age'],
    ['C:\\out\\EX01-LogAgeDays.csv', 'log-age'],
    ['report.csv', null],
  ])('%s → %s', (name, want) => {
    expect(tplFileFromName(name)).toBe(want);
  });
  test('by columns', () => {
    expect(
      tplFileFromHeader([
        'datetime',
        'requestid',
        'clientipaddress',
        'urlhost',
        'urlstem',
        'routinghint',
        'useragent',
        'anchormailbox',
        'httpstatus',
      ]),
    ).toBe('26855');
    expect(tplFileFromHeader(['timecreated', 'machinename', 'message'])).toBe('26857');
    expect(tplFileFromHeader(['oabgen', 'ecp', 'ecpproxy', 'owaproxy'])).toBe('log-age');
    expect(tplFileFromHeader(['a', 'b'])).toBeNull();
  });
});

describe('TplOutputHandler', () => {
  const read = (h: TplOutputHandler, text: string) => text.split('\r\n').flatMap((l, i) => h.push(l, i + 1));
  test('26855 rows carry the HttpProxy fields the log rules read', () => {
    const out = read(new TplOutputHandler('26855'), TPL_26855([tpl26855Row(SSRF_ANCHOR, '200')]));
    const row = out.find((o) => o.rec.tplFile === '26855');
    expect(row).toMatchObject({
      lineNo: 3,
      rec: { anchor: SSRF_ANCHOR, status: '200', ip: '198.51.100.7', time: '2021-03-03T02:13:41.512Z' },
    });
  });
  test('26857: only the first line of a multi-line event is the row', () => {
    const text =
      '"TimeCreated","MachineName","Message"\r\n"3/3/2021 1:00:00 AM","EX01","first\r\nsecond"\r\n"3/3/2021 2:00:00 AM","EX01","x"';
    const rows = read(new TplOutputHandler('26857'), text).filter((o) => o.rec.tplFile === '26857');
    expect(rows.map((o) => o.lineNo)).toEqual([2, 4]);
  });
  test('lists: one path per line', () => {
    const rows = read(new TplOutputHandler('27065'), 'C:\\a.log\r\n\r\nC:\\b.log');
    expect(rows.map((o) => o.rec.path)).toEqual(['C:\\a.log', 'C:\\b.log']);
  });
  test('log age: the values become one message', () => {
    const rows = read(new TplOutputHandler('log-age'), '"Oabgen","Ecp"\r\n"30.0",""');
    expect(rows[0]!.rec.message).toBe('oabgen 30.0, ecp ?');
  });
});

describe('explained rows', () => {
  test('a 26855 row says Test-ProxyLogon listed it, and what it means', async () => {
    const { scanText } = await import('../../../src/triage/index.ts');
    const r = scanText('EX01-Cve-2021-26855.csv', TPL_26855([tpl26855Row(SSRF_ANCHOR, '200')]));
    const f = r.findings.find((x) => x.rule === 'tpl-cve-2021-26855')!;
    expect(f.explanation).toMatch(/^Test-ProxyLogon listed this row\. The AnchorMailbox value/);
    expect(f.explanation).toContain('answered 200');
    expect(r.kind).toBe('test-proxylogon');
  });
});
