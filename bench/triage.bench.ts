/**
 * Triage core speed on a 64 MB synthetic HttpProxy log (about 1 KB lines, a few exploit lines):
 * scanText on the string, and the streaming byte scanner fed 1 MiB chunks. Prints MB/s (median).
 * Target: 300 MB/s or more on a 2-core machine. Run: npm run bench (or npx vitest bench --run bench/triage.bench.ts).
 */
import { afterAll, bench, describe } from 'vitest';
import { createScanner, scanText } from '../src/triage/index.ts';
import { httpProxyText } from './triage-data.ts';

const text = httpProxyText(64 * 1024 * 1024);
const bytes = new TextEncoder().encode(text);
const MB = bytes.length / 1e6;
const CHUNK = 1 << 20;

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

function streamBytes(): number {
  const s = createScanner('HttpProxy_2021030300-1.LOG');
  for (let i = 0; i < bytes.length; i += CHUNK) s.push(bytes.subarray(i, i + CHUNK));
  return s.finish().findings.length;
}

describe(`triage: ${MB.toFixed(0)} MB HttpProxy log`, () => {
  bench(
    'scanText (string)',
    timed('scanText', () => scanText('HttpProxy_2021030300-1.LOG', text)),
    { iterations: 5, warmupIterations: 1 },
  );
  bench('createScanner (1 MiB byte chunks)', timed('stream', streamBytes), { iterations: 5, warmupIterations: 1 });
});

afterAll(() => {
  const check = scanText('HttpProxy_2021030300-1.LOG', text);
  for (const [label, list] of times) {
    const ms = median(list);
    console.log(
      `triage ${label}: ${ms.toFixed(0)} ms median for ${MB.toFixed(1)} MB = ${(MB / (ms / 1000)).toFixed(0)} MB/s`,
    );
  }
  console.log(
    `triage: ${check.lines.toLocaleString('en')} lines, ${check.findings.length} findings, ${check.from} – ${check.to}`,
  );
});
