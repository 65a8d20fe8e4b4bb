/**
 * A file larger than V8's ~512 MB string limit, streamed through createScanner in 1 MiB chunks
 * that are generated on the fly (a 4 MiB block of synthetic HttpProxy lines pushed again and again,
 * with an exploit line now and then): nothing ever holds the whole file. Prints MB/s and the peak
 * resident memory seen while scanning. Run: npx vitest bench --run bench/triage-bigfile.bench.ts
 */
import { afterAll, bench, describe } from 'vitest';
import { createScanner } from '../src/triage/index.ts';
import { EXPLOITS, HEADER, linePool } from './triage-data.ts';

const TOTAL = 600 * 1024 * 1024;
const CHUNK = 1 << 20;
const enc = new TextEncoder();

function block(size: number, exploit: string | null): Uint8Array {
  const pool = linePool(4096);
  const parts: string[] = [];
  let n = 0;
  for (let i = 0; n < size; i++) {
    const line = exploit && i === 1000 ? exploit + '\r\n' : pool[i % pool.length]!;
    parts.push(line);
    n += line.length;
  }
  // cut at a line end so blocks join cleanly
  const bytes = enc.encode(parts.join(''));
  return bytes.subarray(0, bytes.lastIndexOf(10) + 1);
}
const BENIGN = block(4 * CHUNK, null);
const BAD = block(4 * CHUNK, EXPLOITS[0]!);

let result = '';
describe('triage: a 600 MB HttpProxy stream', () => {
  bench(
    'createScanner, 1 MiB chunks, generated on the fly',
    () => {
      const rssBefore = process.memoryUsage().rss;
      let peak = rssBefore;
      const s = createScanner('HttpProxy_2021030300-1.LOG');
      s.push(enc.encode(HEADER));
      let pushed = 0;
      let blocks = 0;
      const c = process.cpuUsage();
      const t = performance.now();
      while (pushed < TOTAL) {
        const b = blocks++ % 25 === 12 ? BAD : BENIGN;
        for (let i = 0; i < b.length && pushed < TOTAL; i += CHUNK) {
          const chunk = b.subarray(i, i + CHUNK);
          s.push(chunk);
          pushed += chunk.length;
        }
        peak = Math.max(peak, process.memoryUsage().rss);
      }
      const report = s.finish();
      const seconds = (performance.now() - t) / 1000;
      const used = process.cpuUsage(c);
      const cpuSeconds = (used.user + used.system) / 1e6;
      result =
        `triage big file: ${(pushed / 1e6).toFixed(0)} MB in ${seconds.toFixed(1)} s wall = ${(pushed / 1e6 / seconds).toFixed(0)} MB/s ` +
        `(${cpuSeconds.toFixed(1)} s CPU = ${(pushed / 1e6 / cpuSeconds).toFixed(0)} MB/s per CPU second); ` +
        `${report.lines.toLocaleString('en')} lines, ${report.findings.length} findings; ` +
        `RSS ${(rssBefore / 1048576).toFixed(0)} MiB before, peak ${(peak / 1048576).toFixed(0)} MiB`;
    },
    { iterations: 1, warmupIterations: 0, time: 0 },
  );
});

afterAll(() => console.log(result));
