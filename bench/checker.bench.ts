/**
 * Checker speed, next to a baseline of one plain regex scan over the same text, so the ratio shows.
 * Targets: 10,000-line mixed paste < 50 ms; 1 MB pathological digits-and-dots paste < 250 ms.
 * Run: npx vitest bench --run (npm run bench).
 */
import { afterAll, bench, describe } from 'vitest';
import { checkText } from '../src/checker/index.ts';

const LINES = [
  'EX01\t15.1.2176.9',
  '15.01.2308.008   15.01.2308.008   C:\\Program Files\\Microsoft\\Exchange Server\\V15\\bin\\ExSetup.exe',
  'AdminDisplayVersion : Version 15.2 (Build 1118.7)',
  'X-OWA-Version: 15.2.792.10',
  '<link href="/owa/auth/15.1.2507/themes/resources/favicon.ico">',
  ' cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) id 15.1.2507.16; Tue, 8 Nov 2022',
  'We also still have Exchange 2010 SP3 RU31 somewhere.',
  'Windows 10.0.17763.1234, Outlook 16.0.14326.20404, IP 192.168.1.10, 15.01.2021',
  '        Build Number:                  15.2.2562.46',
  'Just some prose without numbers, as people paste with their output.',
];
const mixed = Array.from({ length: 10_000 }, (_, i) => LINES[i % LINES.length]!.replace('EX01', `EX${i}`)).join('\n');

// 1 MB of hostile digits and dots: "15.15.15.…", long digit runs, endless dots, near-builds.
const chunks = [
  '15.'.repeat(2000),
  '9'.repeat(5000),
  '.'.repeat(5000),
  '15.1.2176.9.9.9.9 ',
  '1.2.3.4 '.repeat(500),
  '15.1.2176 '.repeat(300),
  '\n',
];
let pathological = '';
for (let i = 0; pathological.length < 1_000_000; i++) pathological += chunks[i % chunks.length];
pathological = pathological.slice(0, 1_000_000);

const BASELINE = /\d+\.\d+\.\d+/g;
function baseline(text: string): number {
  let n = 0;
  BASELINE.lastIndex = 0;
  while (BASELINE.exec(text)) n++;
  return n;
}

// Record every call so the median can be printed next to vitest's table (which shows mean and percentiles).
const times = new Map<string, number[]>();
function timed(label: string, fn: () => unknown): () => void {
  return () => {
    const t = performance.now();
    fn();
    const list = times.get(label) ?? [];
    list.push(performance.now() - t);
    times.set(label, list);
  };
}
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
afterAll(() => {
  const rows = [
    ['10,000-line mixed paste', 'mixed: checkText', 'mixed: baseline', 50],
    ['1 MB pathological paste', 'patho: checkText', 'patho: baseline', 250],
  ] as const;
  for (const [name, check, base, target] of rows) {
    const c = median(times.get(check) ?? [NaN]);
    const b = median(times.get(base) ?? [NaN]);
    console.log(
      `${name}: checkText median ${c.toFixed(1)} ms (target < ${target} ms) | one-regex baseline median ${b.toFixed(2)} ms | ratio ${(c / b).toFixed(0)}x`,
    );
  }
});

describe(`10,000-line mixed paste (${(mixed.length / 1000).toFixed(0)} kB)`, () => {
  bench(
    'checkText',
    timed('mixed: checkText', () => checkText(mixed)),
  );
  bench(
    'baseline: one /\\d+\\.\\d+\\.\\d+/g scan',
    timed('mixed: baseline', () => baseline(mixed)),
  );
});

describe('1 MB pathological digits-and-dots paste', () => {
  bench(
    'checkText',
    timed('patho: checkText', () => checkText(pathological)),
  );
  bench(
    'baseline: one /\\d+\\.\\d+\\.\\d+/g scan',
    timed('patho: baseline', () => baseline(pathological)),
  );
});
