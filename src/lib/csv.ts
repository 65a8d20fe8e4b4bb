/** CSV export (RFC 4180) of findings. Pasted server names are hostile: cells are guarded against formula injection. */
import type { Finding } from '../checker/index.ts';
import { guardCell } from './csv-format.ts';
import { describeVersion, familyStatus, newestText, STATUS_WORD, SUPPORT_WORD } from './verdict-text.ts';

export { BOM, guardCell, toCsv } from './csv-format.ts';

export const CSV_HEADER = [
  'Server',
  'Input',
  'Build',
  'Version',
  'ProxyLogon',
  'ProxyShell',
  'ProxyNotShell',
  'OWASSRF',
  'Other exploited bugs',
  'Overall',
  'Newest update for this CU',
  'Support',
  'Next step (owner)',
  'Next step (IT)',
  'Target build',
  'Target KB',
  'Data as of',
  // Last, so the columns before it keep their places for sheets built on earlier exports.
  'File',
];

const word = (f: Finding, id: string): string => {
  const s = familyStatus(f, id);
  return s ? STATUS_WORD[s] : '';
};

/** Header plus one row per finding, every cell guarded. */
export function findingsToRows(findings: readonly Finding[], dataAsOf: string): string[][] {
  const rows = findings.map((f) => [
    f.serverName ?? '',
    f.input,
    f.build,
    describeVersion(f),
    STATUS_WORD[f.proxyLogon],
    word(f, 'proxyshell'),
    word(f, 'proxynotshell'),
    word(f, 'owassrf'),
    word(f, 'other-kev'),
    STATUS_WORD[f.overall],
    newestText(f),
    f.lifecycle ? SUPPORT_WORD[f.lifecycle.status] : '',
    f.nextStep.owner,
    f.nextStep.it,
    f.nextStep.target?.build ?? '',
    f.nextStep.target?.kb ?? '',
    dataAsOf,
    f.source ?? '',
  ]);
  return [CSV_HEADER, ...rows].map((row) => row.map(guardCell));
}

/** `exchange-patch-check-2026-11-27.csv` */
export function csvFileName(isoDate: string): string {
  return `exchange-patch-check-${isoDate}.csv`;
}
