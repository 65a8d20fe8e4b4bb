import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  announcement,
  bytes,
  CSV_HEADER,
  daySpan,
  fileMessages,
  gaps,
  groupFindings,
  logTime,
  longDay,
  notCovered,
  reportToCsv,
  reportToJson,
  strongest,
  summarise,
  tally,
  type ScannedFile,
} from '../../../src/lib/log-report.ts';
import { scanText, type FileKind, type FileReport, type Level, type TriageFinding } from '../../../src/triage/index.ts';

const FIXTURES = join(import.meta.dirname, '../../fixtures/logs');
const fixture = (path: string): ScannedFile => ({
  report: scanText(path, readFileSync(join(FIXTURES, path), 'utf8')),
});
const HTTPPROXY = 'server/HttpProxy/Ecp/HttpProxy_2021030302-1.LOG';
const IIS_SHELL = 'server/W3SVC1/u_ex210303.log';
const IIS_CLEAN = 'server/W3SVC1/u_ex210310.log';
const LISTING = 'listing.txt';

function finding(level: Level, over: Partial<TriageFinding> = {}): TriageFinding {
  return {
    rule: `rule-${level}`,
    title: `A ${level}`,
    family: 'proxylogon',
    level,
    cves: [],
    line: 2,
    time: '2021-03-03T01:02:03Z',
    excerpt: 'line',
    fields: {},
    explanation: 'why',
    source: { title: 'Source', url: 'https://example.org/rule' },
    ...over,
  };
}

function file(kind: FileKind, over: Partial<FileReport> = {}): ScannedFile {
  return {
    report: {
      fileName: `${kind}.log`,
      kind,
      lines: 10,
      bytes: 100,
      from: '2021-03-01T00:00:00Z',
      to: '2021-03-30T23:00:00Z',
      findings: [],
      notes: [],
      ...over,
    },
  };
}

describe('dates in words', () => {
  test.each([
    ['same day: said once', '2021-03-03', '2021-03-03', '3 March 2021'],
    ['same year: the year once', '2021-03-01', '2021-03-30', '1 March to 30 March 2021'],
    ['across years: both years', '2020-12-30', '2021-01-02', '30 December 2020 to 2 January 2021'],
  ])('%s', (_why, from, to, expected) => {
    expect(daySpan(from, to)).toBe(expected);
  });

  test('longDay has no leading zero', () => {
    expect(longDay('2021-01-06')).toBe('6 January 2021');
  });

  test.each([
    ['UTC time from a log', '2021-03-03T02:14:07.118Z', '2021-03-03 02:14:07 UTC'],
    ['time without a zone is the server’s own', '2021-03-03T09:16:00.000', '2021-03-03 09:16:00 (server time)'],
    ['not a time: shown as it is', 'yesterday', 'yesterday'],
  ])('logTime: %s', (_why, iso, expected) => {
    expect(logTime(iso)).toBe(expected);
  });
});

describe('gaps between files', () => {
  test.each([
    ['one file: no gap', [{ from: '2021-03-01', to: '2021-03-05' }], []],
    [
      'consecutive days: no gap',
      [
        { from: '2021-03-01', to: '2021-03-01' },
        { from: '2021-03-02', to: '2021-03-02' },
      ],
      [],
    ],
    [
      'missing days between: named',
      [
        { from: '2021-03-10', to: '2021-03-10' },
        { from: '2021-03-03', to: '2021-03-03' },
      ],
      [{ from: '2021-03-04', to: '2021-03-09' }],
    ],
    [
      'an overlapping file covers the hole',
      [
        { from: '2021-03-01', to: '2021-03-20' },
        { from: '2021-03-05', to: '2021-03-06' },
        { from: '2021-03-21', to: '2021-03-22' },
      ],
      [],
    ],
    [
      'across a month end',
      [
        { from: '2021-02-27', to: '2021-02-28' },
        { from: '2021-03-02', to: '2021-03-02' },
      ],
      [{ from: '2021-03-01', to: '2021-03-01' }],
    ],
  ])('%s', (_why, spans, expected) => {
    expect(gaps(spans)).toEqual(expected);
  });
});

describe('summarise: one sentence per kind of file, never “clean”', () => {
  test('the documented fixture drop', () => {
    const sentences = summarise([fixture(HTTPPROXY), fixture(IIS_SHELL), fixture(IIS_CLEAN), fixture(LISTING)]).map(
      (s) => s.sentence,
    );
    expect(sentences).toEqual([
      'HttpProxy logs (1 file): Evidence of compromise: 1 finding (ProxyLogon), the first on 3 March 2021.',
      expect.stringMatching(
        /^IIS logs \(2 files\): Evidence of compromise: \d+ findings? \(Web shells\), the first on 3 March 2021\.$/,
      ),
      expect.stringMatching(/^File listings \(1 file\): Evidence of compromise: /),
    ]);
  });

  test.each([
    [
      'no finding: the days covered',
      [file('iis')],
      'IIS logs (1 file): No evidence in these logs, which cover 1 March to 30 March 2021.',
    ],
    [
      'no finding and no dates: says the span is unknown',
      [file('httpproxy', { from: null, to: null })],
      'HttpProxy logs (1 file): No evidence in these logs, but no dates could be read in them, so the time they cover is unknown.',
    ],
    [
      'attempts only',
      [file('iis', { findings: [finding('attempt'), finding('attempt', { family: 'proxyshell' })] })],
      'IIS logs (1 file): Attempts seen, no sign they worked: 2 findings (ProxyLogon and ProxyShell) in logs that cover 1 March to 30 March 2021.',
    ],
    [
      'suspicious only',
      [file('iis', { findings: [finding('suspicious')] })],
      'IIS logs (1 file): Nothing here proves an attack, but 1 line is worth a look (these logs cover 1 March to 30 March 2021).',
    ],
    [
      'context only counts as no evidence',
      [file('iis', { findings: [finding('info')] })],
      'IIS logs (1 file): No evidence in these logs, which cover 1 March to 30 March 2021.',
    ],
    [
      'a listing has no dates to name',
      [file('file-listing', { from: null, to: null })],
      'File listings (1 file): No evidence in these file listings.',
    ],
    [
      'files of one kind are summed, the span runs from the first to the last',
      [
        file('iis', { to: '2021-03-02T00:00:00Z' }),
        file('iis', { from: '2021-03-20T00:00:00Z', to: '2021-04-02T00:00:00Z' }),
      ],
      'IIS logs (2 files): No evidence in these logs, which cover 1 March to 2 April 2021.',
    ],
  ])('%s', (_why, files, sentence) => {
    const lines = summarise(files);
    expect(lines.map((l) => l.sentence)).toEqual([sentence]);
    expect(sentence).not.toMatch(/clean/i);
  });

  test('strongest evidence first, whatever the order of the files', () => {
    const kinds = summarise([
      file('iis'),
      file('ecp-server', { findings: [finding('attempt')] }),
      file('httpproxy', { findings: [finding('compromise')] }),
    ]).map((s) => s.kind);
    expect(kinds).toEqual(['httpproxy', 'ecp-server', 'iis']);
  });

  test('an unreadable file of no known kind gets no sentence (it gets a message instead)', () => {
    expect(summarise([file('unknown', { notes: ['The file is empty.'] })])).toEqual([]);
  });
});

describe('notCovered', () => {
  test('names every missing kind of log, with what it leaves unchecked', () => {
    const lines = notCovered([file('iis')]);
    expect(lines).toContain(
      'No HttpProxy logs: ProxyLogon’s SSRF (CVE-2021-26855) cannot be checked. They are in %ExchangeInstallPath%Logging\\HttpProxy\\ (one folder per protocol; drop the whole folder).',
    );
    expect(lines.some((l) => l.startsWith('No ECP server logs'))).toBe(true);
    expect(lines.some((l) => l.startsWith('No IIS logs'))).toBe(false);
    expect(lines.some((l) => l.startsWith('No file listing'))).toBe(true);
  });

  test('says which days are outside and between the logs', () => {
    const lines = notCovered([fixture(IIS_SHELL), fixture(IIS_CLEAN)]);
    expect(lines).toContain(
      'The IIS logs cover 3 March to 10 March 2021: nothing before 3 March 2021 or after 10 March 2021 is covered. ProxyLogon was exploited from 6 January 2021, so an attack before 3 March 2021 would not show in them.',
    );
    expect(lines).toContain('No IIS log covers 4 March to 9 March 2021.');
  });

  test('logs that start before ProxyLogon was first used do not get the warning', () => {
    const lines = notCovered([file('httpproxy', { from: '2020-12-01T00:00:00Z' })]);
    expect(lines.find((l) => l.startsWith('The HttpProxy logs'))).not.toMatch(/ProxyLogon was exploited/);
  });

  test('Test-ProxyLogon output alone: says the logs themselves are missing', () => {
    expect(notCovered([file('test-proxylogon', { from: null, to: null })])[0]).toMatch(
      /^Only Test-ProxyLogon’s output/,
    );
  });
});

test('fileMessages names each file with a problem or note, and skips the rest', () => {
  const messages = fileMessages([
    { ...file('unknown', { fileName: 'empty.log', notes: ['The file is empty.'] }) },
    { ...file('iis'), problem: '“x.gz” is damaged.' },
    file('iis', { fileName: 'fine.log' }),
  ]);
  expect(messages).toEqual([
    { file: 'empty.log', messages: ['The file is empty.'] },
    { file: 'iis.log', messages: ['“x.gz” is damaged.'] },
  ]);
});

test('groupFindings: family order, strongest first within a family', () => {
  const groups = groupFindings([
    file('iis', {
      findings: [
        finding('attempt', { time: '2021-03-01T00:00:00Z' }),
        finding('compromise', { family: 'webshell' }),
        finding('compromise', { time: '2021-03-05T00:00:00Z' }),
      ],
    }),
  ]);
  expect(groups.map((g) => [g.family, g.findings.map((f) => f.finding.level)])).toEqual([
    ['proxylogon', ['compromise', 'attempt']],
    ['webshell', ['compromise']],
  ]);
});

test('strongest and tally', () => {
  expect(strongest([])).toBeNull();
  expect(strongest([finding('info'), finding('attempt'), finding('suspicious')])).toBe('attempt');
  expect(
    tally([
      file('iis', { findings: [finding('compromise')] }),
      file('iis', { findings: [finding('attempt')] }),
      file('iis'),
    ]),
  ).toEqual({
    files: 3,
    compromise: 1,
    attempt: 1,
  });
});

test.each([
  [
    'finished with evidence',
    { files: 3, compromise: 1, attempt: 0 },
    'done',
    'Scan finished: 3 files, evidence of compromise in 1.',
  ],
  [
    'finished with nothing',
    { files: 1, compromise: 0, attempt: 0 },
    'done',
    'Scan finished: 1 file, no evidence of an attack in what was read.',
  ],
  ['cancelled', { files: 2, compromise: 0, attempt: 2 }, 'cancelled', 'Scan cancelled: 2 files, attempts in 2.'],
] as const)('announcement: %s', (_why, t, state, expected) => {
  expect(announcement(t, state)).toBe(expected);
});

describe('exports', () => {
  test('CSV: BOM, header, one row per finding, cells a spreadsheet would run are guarded', () => {
    const csv = reportToCsv([
      file('iis', {
        fileName: '=HYPERLINK("x").log',
        findings: [
          finding('compromise', {
            fields: { clientIp: '203.0.113.7', method: 'POST', url: '/ecp/y.js', userAgent: '@evil' },
          }),
        ],
      }),
    ]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe(CSV_HEADER.join(','));
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`"'=HYPERLINK(""x"").log"`);
    expect(lines[1]).toContain(`,'@evil,`);
    expect(lines[1]).toContain('Evidence of compromise,ProxyLogon (March 2021),rule-compromise');
  });

  test('JSON: parses back, carries the sentences, what was not covered, every file and its problem', () => {
    const json = JSON.parse(reportToJson([{ ...fixture(HTTPPROXY), problem: 'cut off' }], '2026-11-29T10:00:00.000Z'));
    expect(json.generatedAt).toBe('2026-11-29T10:00:00.000Z');
    expect(json.summary[0]).toMatch(/^HttpProxy logs \(1 file\): Evidence of compromise/);
    expect(json.notCovered.some((l: string) => l.startsWith('No IIS logs'))).toBe(true);
    expect(json.files[0].fileName).toBe(HTTPPROXY);
    expect(json.files[0].problem).toBe('cut off');
    expect(json.files[0].findings.length).toBeGreaterThan(0);
  });
});

test.each([
  [0, '0 bytes'],
  [1023, '1,023 bytes'],
  [1536, '1.5 KB'],
  [600 * 1024 * 1024, '600 MB'],
  [3 * 1024 ** 4, '3.0 TB'],
])('bytes(%d) = %s', (n, expected) => {
  expect(bytes(n)).toBe(expected);
});
