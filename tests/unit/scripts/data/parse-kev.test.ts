/**
 * CISA's KEV catalog: which entries are Exchange Server bugs, and feeds that must fail.
 */
import { describe, expect, test } from 'vitest';
import { isExchangeServer, parseKev } from '../../../../scripts/data/parse-kev.js';
import { SourceError } from '../../../../scripts/data/source-error.js';
import { fixtureJson } from './helpers.ts';

describe('kev.json', () => {
  const kev = parseKev(fixtureJson('kev.json'), 'kev.json');

  test('keeps the six Exchange Server entries of nine, whatever CISA calls the product', () => {
    expect(kev).toMatchObject({ catalogVersion: '2026.11.28', total: 9 });
    expect(kev.exchange.map((e) => [e.cveID, e.product, e.dateAdded])).toEqual([
      ['CVE-2021-26855', 'Exchange Server', '2021-11-03'],
      ['CVE-2021-42321', 'Exchange', '2021-11-17'],
      ['CVE-2024-21410', 'Exchange Server', '2024-02-15'],
      ['CVE-2026-42897', 'Microsoft', '2026-05-15'],
      ['CVE-2026-99990', 'Exchange Server', '2026-11-12'],
      ['CVE-2026-99991', 'Exchange Server', '2026-11-20'],
    ]);
  });
});

const entry = (product: string, vulnerabilityName: string, vendorProject = 'Microsoft', shortDescription = '') => ({
  vendorProject,
  product,
  vulnerabilityName,
  shortDescription,
});

test.each([
  [
    entry('Exchange Server', 'Microsoft Exchange Server Remote Code Execution Vulnerability'),
    true,
    'the usual product name',
  ],
  [
    entry('Exchange', 'Microsoft Exchange Server Remote Code Execution Vulnerability'),
    true,
    'product "Exchange" (CVE-2021-42321)',
  ],
  [
    entry('Microsoft', 'Microsoft Exchange Server Cross-Site Scripting Vulnerability'),
    true,
    'product "Microsoft" (CVE-2026-42897)',
  ],
  [
    entry('Windows', 'Microsoft Windows Internet Key Exchange (IKE) Service Extensions Vulnerability'),
    false,
    'IKE is not Exchange',
  ],
  [entry('Internet Key Exchange', 'Microsoft Windows IKE Vulnerability'), false, 'IKE named in the product'],
  [entry('Exchange Server', 'Exchange Server Vulnerability', 'Citrix'), false, 'another vendor'],
  [
    entry('Office', 'Microsoft Office Vulnerability', 'Microsoft', 'Outlook talks to Exchange Server'),
    true,
    'an Office entry whose description names Exchange Server is kept for review',
  ],
])('isExchangeServer(%j) is %s (%s)', (e, expected) => {
  expect(isExchangeServer(e)).toBe(expected);
});

describe('feeds that must fail rather than look like "nothing new"', () => {
  test.each([
    [fixtureJson('kev-no-exchange.json'), /none of 3 entries is a Microsoft Exchange Server bug/],
    [{ catalogVersion: 'x', vulnerabilities: [] }, /lists no vulnerabilities/],
    [{ title: 'not the feed' }, /no "vulnerabilities" array/],
    [null, /no "vulnerabilities" array/],
    [{ vulnerabilities: [{ cveID: 'CVE-2021-26855' }] }, /entry 1 lacks vendorProject, product/],
    [
      { vulnerabilities: [{ ...entry('Exchange Server', 'x'), cveID: 'CVE-2021-26855', dateAdded: '3 Nov 2021' }] },
      /malformed id or dateAdded/,
    ],
  ])('%#: %s', (json, message) => {
    expect(() => parseKev(json)).toThrow(SourceError);
    expect(() => parseKev(json)).toThrow(message);
  });
});
