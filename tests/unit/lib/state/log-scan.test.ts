/**
 * The log-scan state with a stand-in scan runner: the page's view of a scan (state, progress,
 * results as they come, the one announcement) follows the worker's messages; Cancel and a failed
 * worker end it with what was read; a newer scan ignores an older one's messages.
 */
import { beforeEach, expect, test, vi } from 'vitest';
import type { ScanJob, WorkerMessage } from '../../../../src/worker/protocol.ts';
import type { FileReport } from '../../../../src/triage/index.ts';

interface Fake {
  jobs: ScanJob[];
  send: (m: WorkerMessage) => void;
  fail: (message: string) => void;
  cancelled: boolean;
}
const runs: Fake[] = [];

vi.mock('../../../../src/lib/scan-runner.ts', () => ({
  startScan: (jobs: ScanJob[], send: (m: WorkerMessage) => void, fail: (message: string) => void) => {
    const run: Fake = { jobs, send, fail, cancelled: false };
    runs.push(run);
    return { cancel: () => void (run.cancelled = true) };
  },
}));

const { LogScanState, partition } = await import('../../../../src/lib/state/log-scan.svelte.ts');

beforeEach(() => void (runs.length = 0));

const picked = (name: string, size: number) => ({ file: new File([new Uint8Array(size)], name), path: `logs/${name}` });
const report = (fileName: string, level: 'compromise' | null): FileReport => ({
  fileName,
  kind: 'iis',
  lines: 3,
  bytes: 10,
  from: '2021-03-03T00:00:00Z',
  to: '2021-03-03T01:00:00Z',
  findings: level
    ? [
        {
          rule: 'r',
          title: 't',
          family: 'webshell',
          level,
          cves: [],
          line: 2,
          time: null,
          excerpt: '',
          fields: {},
          explanation: '',
          source: { title: 's', url: 'https://example.org' },
        },
      ]
    : [],
  notes: [],
});

test.each([
  ['one worker takes everything', [5, 1, 3], 1, [[0, 1, 2]]],
  ['bytes are balanced, largest first', [5, 1, 1, 3], 2, [[0], [1, 2, 3]]],
  [
    'each worker keeps the drop order',
    [1, 1, 1, 1],
    2,
    [
      [0, 2],
      [1, 3],
    ],
  ],
  ['no empty worker when there are fewer files', [7], 4, [[0]]],
  ['empty files still go somewhere', [0, 0], 2, [[0], [1]]],
])('partition: %s', (_why, sizes, n, expected) => {
  expect(partition(sizes, n)).toEqual(expected);
});

test('a scan from start to finish, on two workers', async () => {
  const scan = new LogScanState();
  expect(scan.state).toBe('idle');
  await scan.start([picked('a.log', 100), picked('b.log', 300)]);
  expect(scan.state).toBe('scanning');
  expect(scan.ready).toBe(true);
  expect([scan.fileCount, scan.totalBytes]).toEqual([2, 400]);
  expect(runs.map((r) => r.jobs.map((j) => [j.id, j.path]))).toEqual([[[1, 'logs/b.log']], [[0, 'logs/a.log']]]);
  const [forB, forA] = runs as [Fake, Fake];

  forA.send({ type: 'progress', id: 0, read: 50 });
  forB.send({ type: 'progress', id: 1, read: 100 });
  expect(scan.reading).toEqual([
    { id: 0, path: 'logs/a.log', size: 100, read: 50 },
    { id: 1, path: 'logs/b.log', size: 300, read: 100 },
  ]);
  expect(scan.fraction).toBe(150 / 400);
  // b.log finishes first; the report still lists a.log first, as it was dropped.
  forB.send({ type: 'report', id: 1, report: report('b.log', null), problem: 'cut off' });
  forB.send({ type: 'file-done', id: 1 });
  forB.send({ type: 'done' });
  expect(scan.state).toBe('scanning');
  expect([scan.filesDone, scan.bytesDone]).toEqual([1, 300]);
  expect(scan.reading.map((f) => f.id)).toEqual([0]);
  forA.send({ type: 'report', id: 0, report: report('a.log', 'compromise') });
  forA.send({ type: 'file-done', id: 0 });
  forA.send({ type: 'done' });

  expect(scan.state).toBe('done');
  expect(scan.fraction).toBe(1);
  expect(scan.results.map((r) => [r.report.fileName, r.problem])).toEqual([
    ['a.log', undefined],
    ['b.log', 'cut off'],
  ]);
  expect(scan.announced).toBe('Scan finished: 2 files, evidence of compromise in 1.');
});

test('reports reach the page at once, then in batches while the scan runs', async () => {
  vi.useFakeTimers();
  try {
    const scan = new LogScanState();
    await scan.start([picked('a.log', 10)]);
    const run = runs[0]!;
    run.send({ type: 'report', id: 0, report: report('a.log', null) });
    // The first report shows at once …
    expect(scan.results).toHaveLength(1);
    // … the ones right after it wait for the next batch.
    run.send({ type: 'report', id: 0, report: report('b.log', null) });
    run.send({ type: 'report', id: 0, report: report('c.log', null) });
    expect(scan.results).toHaveLength(1);
    vi.advanceTimersByTime(300);
    expect(scan.results.map((r) => r.report.fileName)).toEqual(['a.log', 'b.log', 'c.log']);
  } finally {
    vi.useRealTimers();
  }
});

test('Cancel stops every worker and keeps what was read', async () => {
  const scan = new LogScanState();
  await scan.start([picked('a.log', 10), picked('b.log', 10)]);
  runs[0]!.send({ type: 'report', id: 0, report: report('a.log', null) });
  scan.cancel();
  expect(runs.map((r) => r.cancelled)).toEqual([true, true]);
  expect(scan.state).toBe('cancelled');
  expect(scan.results).toHaveLength(1);
  expect(scan.announced).toBe('Scan cancelled: 1 file, no evidence of an attack in what was read.');
});

test('a worker that fails ends the scan with a message, and stops the others', async () => {
  const scan = new LogScanState();
  await scan.start([picked('a.log', 10), picked('b.log', 10)]);
  runs[0]!.fail('The scanner stopped unexpectedly.');
  expect(runs[1]!.cancelled).toBe(true);
  expect(scan.state).toBe('cancelled');
  expect(scan.failure).toBe(
    'The scanner stopped unexpectedly. The files read before it stopped are in the report below.',
  );
});

test('a new scan replaces the old one, whose late messages are ignored', async () => {
  const scan = new LogScanState();
  await scan.start([picked('old.log', 10)]);
  await scan.start([picked('new.log', 10)], 'note');
  expect(runs[0]!.cancelled).toBe(true);
  runs[0]!.send({ type: 'done' });
  expect(scan.state).toBe('scanning');
  expect(scan.pickNote).toBe('note');
  runs[1]!.send({ type: 'done' });
  expect(scan.state).toBe('done');
});

test('nothing to scan is done at once, without starting a worker', async () => {
  const scan = new LogScanState();
  await scan.start([]);
  expect(scan.state).toBe('done');
  expect(runs).toHaveLength(0);
  expect(scan.announced).toBe('Scan finished: 0 files, no evidence of an attack in what was read.');
});
