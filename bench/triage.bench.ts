/**
 * Triage core speed on a 64 MB synthetic HttpProxy log (about 1 KB lines, a few exploit lines):
 * scanText on the string, and the streaming byte scanner fed 1 MiB chunks, next to two baselines.
 * Prints MB/s by wall time and by CPU time (medians, and the best run: on a shared machine the
 * best CPU time is the closest to an idle core).
 * Target: 300 MB/s or more on a 2-core machine. Run: npm run bench (or npx vitest bench --run bench/triage.bench.ts).
 */
import { afterAll, bench, describe } from 'vitest';
import { createScanner, scanText } from '../src/triage/index.ts';
import { httpProxyText } from './triage-data.ts';

const text = httpProxyText(64 * 1024 * 1024, 20_000);
const bytes = new TextEncoder().encode(text);
const MB = bytes.length / 1e6;
const CHUNK = 1 << 20;

// Wall time and CPU time per call: on a shared machine the CPU time shows the work done, the wall
// time includes waiting for a core.
const times = new Map<string, number[]>();
const cpu = new Map<string, number[]>();
function timed(label: string, fn: () => unknown): () => void {
  return () => {
    const c = process.cpuUsage();
    const t = performance.now();
    fn();
    const wall = performance.now() - t;
    const used = process.cpuUsage(c);
    times.set(label, [...(times.get(label) ?? []), wall]);
    cpu.set(label, [...(cpu.get(label) ?? []), (used.user + used.system) / 1000]);
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

// Baselines measured alongside, so the figures can be read on a busy machine: one pass of the
// engine's native byte search, and one plain JavaScript loop over every byte.
function newlines(): number {
  let n = 0;
  for (let p = bytes.indexOf(10); p >= 0; p = bytes.indexOf(10, p + 1)) n++;
  return n;
}
function everyByte(): number {
  let x = 0;
  for (let i = 0; i < bytes.length; i++) x = (x + bytes[i]!) | 0;
  return x;
}

describe(`triage: ${MB.toFixed(0)} MB HttpProxy log`, () => {
  bench(
    'scanText (string)',
    timed('scanText', () => scanText('HttpProxy_2021030300-1.LOG', text)),
    { iterations: 8, warmupIterations: 2 },
  );
  bench('createScanner (1 MiB byte chunks)', timed('stream', streamBytes), { iterations: 8, warmupIterations: 2 });
  bench('baseline: count line breaks (native indexOf)', timed('baseline indexOf', newlines), {
    iterations: 8,
    warmupIterations: 2,
  });
  bench('baseline: read every byte in a JS loop', timed('baseline byte loop', everyByte), {
    iterations: 8,
    warmupIterations: 2,
  });
});

afterAll(() => {
  const check = scanText('HttpProxy_2021030300-1.LOG', text);
  for (const [label, list] of times) {
    const ms = median(list);
    const cpuMs = median(cpu.get(label) ?? [NaN]);
    const bestCpu = Math.min(...(cpu.get(label) ?? [NaN]));
    console.log(
      `triage ${label}: ${MB.toFixed(1)} MB in ${ms.toFixed(0)} ms wall = ${(MB / (ms / 1000)).toFixed(0)} MB/s; ` +
        `${cpuMs.toFixed(0)} ms CPU = ${(MB / (cpuMs / 1000)).toFixed(0)} MB/s per CPU second (medians); ` +
        `best ${(MB / (bestCpu / 1000)).toFixed(0)} MB/s per CPU second`,
    );
  }
  console.log(
    `triage: ${check.lines.toLocaleString('en')} lines, ${check.findings.length} findings, ${check.from} – ${check.to}`,
  );
});
