/**
 * The worker's file reader, on real Blobs (Node has Blob, File.stream() and DecompressionStream like
 * the browser): plain text, gzip and zip all reach the triage core in chunks and give the same
 * findings; damaged, cut-off, empty and odd archives give a report with a problem naming the file,
 * never an exception.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { describe, expect, test } from 'vitest';
import type { FileReport } from '../../../src/triage/index.ts';
import { type Port, ReadAhead, type ReadReply, type ReadRequest, serveReads } from '../../../src/worker/read-ahead.ts';
import { containerOf, scanFile, unpackedName } from '../../../src/worker/scan-file.ts';

const FIXTURES = join(import.meta.dirname, '../../fixtures/logs');
const HTTPPROXY = readFileSync(join(FIXTURES, 'server/HttpProxy/Ecp/HttpProxy_2021030302-1.LOG'));
const IIS = readFileSync(join(FIXTURES, 'server/W3SVC1/u_ex210303.log'));
const CLEAN = readFileSync(join(FIXTURES, 'server/W3SVC1/u_ex210310.log'));

interface Out {
  reports: { report: FileReport; problem?: string }[];
  progress: number[];
}

async function scan(bytes: Uint8Array | string, path: string): Promise<Out> {
  const part = typeof bytes === 'string' ? bytes : new Uint8Array(bytes);
  const out: Out = { reports: [], progress: [] };
  await scanFile(new Blob([part]), path, {
    progress: (read) => out.progress.push(read),
    report: (report, problem) => out.reports.push(problem === undefined ? { report } : { report, problem }),
  });
  return out;
}

const rules = (r: FileReport) => r.findings.map((f) => `${f.rule}@${f.line}`).sort();

describe('containerOf: decided by the first bytes, not the name', () => {
  test.each([
    ['gzip magic', [0x1f, 0x8b, 8, 0], 'gzip'],
    ['zip local header', [0x50, 0x4b, 3, 4], 'zip'],
    ['empty zip (end of central directory only)', [0x50, 0x4b, 5, 6], 'zip'],
    ['text', [0x23, 0x53, 0x6f, 0x66], 'plain'],
    ['nothing', [], 'plain'],
  ])('%s', (_why, bytes, expected) => {
    expect(containerOf(new Uint8Array(bytes))).toBe(expected);
  });
});

test('unpackedName drops .gz, or says the name is made up', () => {
  expect(unpackedName('W3SVC1/u_ex210303.log.gz')).toBe('W3SVC1/u_ex210303.log');
  expect(unpackedName('logs.GZ')).toBe('logs');
  expect(unpackedName('compressed')).toBe('compressed (unpacked)');
});

describe('plain files', () => {
  test('a log is scanned whole, progress reaches its size', async () => {
    const out = await scan(HTTPPROXY, 'HttpProxy_2021030302-1.LOG');
    expect(out.reports).toHaveLength(1);
    const [{ report, problem }] = out.reports as [Out['reports'][0]];
    expect(problem).toBeUndefined();
    expect(report.kind).toBe('httpproxy');
    expect(report.findings.some((f) => f.level === 'compromise' && f.family === 'proxylogon')).toBe(true);
    expect(out.progress.at(-1)).toBe(HTTPPROXY.length);
  });

  test('an empty file gives a report that says so', async () => {
    const out = await scan(new Uint8Array(0), 'empty.log');
    expect(out.reports).toHaveLength(1);
    expect(out.reports[0]!.report.notes.join(' ')).toMatch(/empty/i);
  });

  test('a binary file gives a report with a note, not an exception', async () => {
    const bytes = new Uint8Array(200_000).map((_, i) => (i * 7919) % 256);
    bytes.set([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]);
    const out = await scan(bytes, 'picture.png');
    expect(out.reports).toHaveLength(1);
    expect(out.reports[0]!.report.findings).toEqual([]);
    expect(out.reports[0]!.report.notes.join(' ')).toMatch(/binary/i);
  });
});

describe('gzip', () => {
  test('a .gz log gives the same findings as the log itself, under its inner name', async () => {
    const [plain, packed] = await Promise.all([scan(IIS, 'u_ex210303.log'), scan(gzipSync(IIS), 'u_ex210303.log.gz')]);
    expect(packed.reports).toHaveLength(1);
    expect(packed.reports[0]!.report.fileName).toBe('u_ex210303.log');
    expect(packed.reports[0]!.problem).toBeUndefined();
    expect(rules(packed.reports[0]!.report)).toEqual(rules(plain.reports[0]!.report));
    expect(rules(packed.reports[0]!.report).length).toBeGreaterThan(0);
  });

  test('a cut-off .gz keeps what it read and names the file in its problem', async () => {
    const big = Buffer.concat(Array.from({ length: 200 }, () => CLEAN));
    const packed = gzipSync(Buffer.concat([IIS, big]));
    const out = await scan(packed.subarray(0, Math.floor(packed.length * 0.6)), 'u_ex210303.log.gz');
    expect(out.reports).toHaveLength(1);
    expect(out.reports[0]!.problem).toMatch(/“u_ex210303\.log\.gz” is damaged or cut off/);
    expect(out.reports[0]!.report.lines).toBeGreaterThan(0);
  });
});

describe('zip', () => {
  const zip = (files: Zippable) => zipSync(files);

  test('each file inside gets its own report, named after the archive and its path inside', async () => {
    const out = await scan(
      zip({ 'W3SVC1/u_ex210303.log': IIS, 'W3SVC1/u_ex210310.log': CLEAN, 'empty-folder/': {} }),
      'logs.zip',
    );
    expect(out.reports.map((r) => r.report.fileName)).toEqual([
      'logs.zip › W3SVC1/u_ex210303.log',
      'logs.zip › W3SVC1/u_ex210310.log',
    ]);
    expect(out.reports.every((r) => r.problem === undefined)).toBe(true);
    const [shell, clean] = out.reports as [Out['reports'][0], Out['reports'][0]];
    expect(shell.report.kind).toBe('iis');
    expect(shell.report.findings.some((f) => f.level === 'compromise')).toBe(true);
    expect(clean.report.findings).toEqual([]);
    expect(clean.report.from).toBe('2021-03-10T07:30:00.000Z');
  });

  test('stored (uncompressed) entries are read too', async () => {
    const out = await scan(zipSync({ 'a.log': [IIS, { level: 0 }] }), 'stored.zip');
    expect(out.reports).toHaveLength(1);
    expect(out.reports[0]!.report.findings.length).toBeGreaterThan(0);
  });

  test('a zip cut off inside a file keeps what it read and says the file is cut off', async () => {
    const big = Buffer.concat(Array.from({ length: 400 }, () => CLEAN));
    const packed = zipSync({ 'first.log': IIS, 'second.log': [big, { level: 0 }] });
    const out = await scan(packed.subarray(0, Math.floor(packed.length * 0.5)), 'cut.zip');
    const names = out.reports.map((r) => r.report.fileName);
    expect(names).toContain('cut.zip › first.log');
    const second = out.reports.find((r) => r.report.fileName === 'cut.zip › second.log');
    expect(second?.problem).toMatch(/cut off/);
    expect(second?.report.lines).toBeGreaterThan(0);
  });

  test('an archive with no file in it says so', async () => {
    const out = await scan(zipSync({}), 'nothing.zip');
    expect(out.reports).toHaveLength(1);
    expect(out.reports[0]!.problem).toMatch(/No file was found in the zip archive “nothing\.zip”/);
  });

  test('an entry packed with a method the browser cannot unpack is named, and the others still read', async () => {
    const packed = zipSync({ 'odd.log': [strToU8('x'), { level: 0 }], 'good.log': IIS });
    // Change the first entry's method (local header offset 8) to 14 (LZMA).
    packed[8] = 14;
    const out = await scan(packed, 'mixed.zip');
    const odd = out.reports.find((r) => r.report.fileName === 'mixed.zip › odd.log');
    expect(odd?.problem).toMatch(/method the browser cannot unpack \(zip method 14/);
    const good = out.reports.find((r) => r.report.fileName === 'mixed.zip › good.log');
    expect(good?.report.findings.length).toBeGreaterThan(0);
  });

  test('garbage after a zip signature gives a report with a problem, not an exception', async () => {
    const bytes = new Uint8Array(5000).fill(0x41);
    bytes.set([0x50, 0x4b, 3, 4, 0xff, 0xff, 0xff, 0xff]);
    const out = await scan(bytes, 'broken.zip');
    expect(out.reports.length).toBeGreaterThan(0);
    expect(out.reports.some((r) => /broken\.zip/.test(r.problem ?? ''))).toBe(true);
  });
});

test('a big binary file is not read past its first bytes (nor a gzipped one unpacked to its end)', async () => {
  const head = new Uint8Array(1024 * 1024);
  head.set([0x4d, 0x5a, 0x90, 0]);
  const parts = [head, ...Array.from({ length: 19 }, () => new Uint8Array(1024 * 1024))];
  const plain: Out = { reports: [], progress: [] };
  await scanFile(new Blob(parts), 'server.exe', {
    progress: (read) => plain.progress.push(read),
    report: (report, problem) => plain.reports.push(problem === undefined ? { report } : { report, problem }),
  });
  expect(plain.reports).toHaveLength(1);
  expect(plain.reports[0]!.report.notes.join(' ')).toMatch(/program/);
  expect(plain.progress.at(-1)).toBeLessThan(4 * 1024 * 1024);
  const big = Buffer.concat(parts);
  const packed = await scan(gzipSync(big), 'server.exe.gz');
  expect(packed.reports).toHaveLength(1);
  expect(packed.reports[0]!.problem).toBeUndefined();
  expect(packed.reports[0]!.report.bytes).toBeLessThan(4 * 1024 * 1024);
});

test('a file that cannot be read gives a report with a problem naming it', async () => {
  const unreadable = {
    size: 10,
    slice: () => ({ arrayBuffer: () => Promise.reject(new Error('NotReadableError')) }),
  } as unknown as Blob;
  const reports: string[] = [];
  await scanFile(unreadable, 'gone.log', { progress: () => undefined, report: (_r, p) => reports.push(p ?? '') });
  expect(reports).toEqual([expect.stringMatching(/“gone\.log” could not be read \(NotReadableError\)/)]);
});

describe('the unpacking limit (small here; 16 GiB in the page)', () => {
  const limits = { maxUnpacked: 4096, maxUnpackedText: '4 KiB' };
  const big = Buffer.concat([IIS, ...Array.from({ length: 50 }, () => CLEAN)]);

  test('a .gz that unpacks past it is read up to it, and the problem names the file and the limit', async () => {
    const reports: { report: FileReport; problem?: string }[] = [];
    await scanFile(
      new Blob([gzipSync(big)]),
      'big.log.gz',
      {
        progress: () => undefined,
        report: (report, problem) => reports.push({ report, ...(problem ? { problem } : {}) }),
      },
      { limits },
    );
    expect(reports).toHaveLength(1);
    expect(reports[0]!.problem).toBe(
      '“big.log.gz” unpacks to more than 4 KiB, the limit for one compressed file: only its first 4 KiB were checked.',
    );
    expect(reports[0]!.report.bytes).toBeLessThanOrEqual(4096);
    expect(reports[0]!.report.findings.length).toBeGreaterThan(0);
  });

  test('so does a file inside a zip', async () => {
    const reports: { report: FileReport; problem?: string }[] = [];
    await scanFile(
      new Blob([zipSync({ 'big.log': big, 'small.log': IIS })]),
      'a.zip',
      {
        progress: () => undefined,
        report: (report, problem) => reports.push({ report, ...(problem ? { problem } : {}) }),
      },
      { limits },
    );
    expect(reports.map((r) => r.problem ?? '')).toEqual([
      '“a.zip › big.log” unpacks to more than 4 KiB, the limit for one compressed file: only its first 4 KiB were checked.',
      '',
    ]);
  });
});

describe('read by a reader worker (ReadAhead over a channel) instead of its own stream', () => {
  async function scanVia(file: Blob, path: string, limits?: { maxUnpacked: number; maxUnpackedText: string }) {
    const { port1, port2 } = new MessageChannel();
    serveReads(port1 as unknown as Port<ReadRequest, ReadReply>);
    const ahead = new ReadAhead(port2 as unknown as Port<ReadReply, ReadRequest>);
    const opened: Blob[] = [];
    const out: Out = { reports: [], progress: [] };
    await scanFile(
      file,
      path,
      {
        progress: (read) => out.progress.push(read),
        report: (report, problem) => out.reports.push(problem === undefined ? { report } : { report, problem }),
      },
      {
        open: (f) => (opened.push(f), ahead.stream(f)),
        ...(limits ? { limits } : {}),
      },
    );
    port1.close();
    port2.close();
    return { out, opened };
  }

  test.each([
    ['plain', HTTPPROXY, 'HttpProxy_2021030302-1.LOG'],
    ['gzip', gzipSync(IIS), 'u_ex210303.log.gz'],
    ['zip', zipSync({ 'a/u_ex210303.log': new Uint8Array(IIS), 'b.log': new Uint8Array(HTTPPROXY) }), 'logs.zip'],
  ])(
    '%s: the same reports as reading it directly, and the file is read through the reader',
    async (_k, bytes, path) => {
      const file = new Blob([new Uint8Array(bytes)]);
      const direct = await scan(new Uint8Array(bytes), path);
      const { out, opened } = await scanVia(file, path);
      expect(opened).toEqual([file]);
      expect(out.reports.map((r) => r.report)).toEqual(direct.reports.map((r) => r.report));
      expect(out.reports.every((r) => r.problem === undefined)).toBe(true);
      expect(out.reports.some((r) => r.report.findings.length > 0)).toBe(true);
    },
  );

  test('a .gz that unpacks past the limit stops the reading and names the limit', async () => {
    const big = Buffer.concat([IIS, ...Array.from({ length: 50 }, () => CLEAN)]);
    const { out } = await scanVia(new Blob([gzipSync(big)]), 'big.log.gz', {
      maxUnpacked: 4096,
      maxUnpackedText: '4 KiB',
    });
    expect(out.reports).toHaveLength(1);
    expect(out.reports[0]!.problem).toMatch(/“big\.log\.gz” unpacks to more than 4 KiB/);
  });

  test('a read error in the reader becomes a problem that names the file', async () => {
    const broken = {
      size: 100,
      slice: () => new Blob(['2021']),
      stream: () =>
        new ReadableStream({
          start(controller) {
            controller.enqueue(new Uint8Array(IIS.subarray(0, 2000)));
            controller.error(new Error('NotReadableError'));
          },
        }),
    } as unknown as Blob;
    const [readerPort, scanPort] = [
      { onmessage: null, postMessage: () => undefined },
      { onmessage: null, postMessage: () => undefined },
    ] as unknown as [Port<ReadRequest, ReadReply>, Port<ReadReply, ReadRequest>];
    // Joined by hand (the stand-in file cannot cross a real channel).
    readerPort.postMessage = (m, t) =>
      setTimeout(() =>
        scanPort.onmessage?.(
          new MessageEvent('message', { data: t?.length ? structuredClone(m, { transfer: t }) : m }),
        ),
      );
    scanPort.postMessage = (m) => setTimeout(() => readerPort.onmessage?.(new MessageEvent('message', { data: m })));
    serveReads(readerPort);
    const ahead = new ReadAhead(scanPort);
    const problems: string[] = [];
    await scanFile(
      broken,
      'u_ex210303.log',
      { progress: () => undefined, report: (_r, p) => problems.push(p ?? '') },
      { open: (f) => ahead.stream(f) },
    );
    expect(problems).toEqual([
      expect.stringMatching(/^Reading “u_ex210303\.log” stopped after .* \(NotReadableError\)/),
    ]);
  });
});
