/**
 * The streaming scanner: the same report whatever the chunking, encodings (BOM, CRLF, UTF-16),
 * capped lines, binary input, caps and coverage.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { MAX_FINDINGS_PER_FILE, MAX_LINE_BYTES, createScanner, scanText } from '../../../src/triage/index.ts';
import type { FileReport } from '../../../src/triage/types.ts';
import { NEGATIVES, POSITIVES } from './rule-cases.ts';
import { HTTPPROXY_FIELDS } from '../../../src/triage/formats.ts';
import { HP_FIELDS, bytesOf, hp, hpSsrf, httpProxyLog, iis, iisLog } from './fixtures.ts';

function stream(file: string, bytes: Uint8Array, sizes: number[] = [1 << 20]): FileReport {
  const s = createScanner(file);
  let i = 0;
  let k = 0;
  while (i < bytes.length) {
    const n = Math.max(1, sizes[k++ % sizes.length]!);
    s.push(bytes.subarray(i, i + n));
    i += n;
  }
  return s.finish();
}
const asBytes = (t: string | Uint8Array) => (typeof t === 'string' ? bytesOf(t) : t);
const CASES = [...POSITIVES, ...NEGATIVES];

/** A mixed HttpProxy file with exploit lines spread out, about 60 KB. */
const BIG = httpProxyLog([
  ...Array.from({ length: 40 }, (_, i) => hp({ DateTime: `2021-03-03T02:${String(i).padStart(2, '0')}:00.000Z` })),
  hpSsrf('200'),
  ...Array.from({ length: 40 }, () => hp()),
  hpSsrf('500', { DateTime: '2021-03-03T03:30:00.000Z' }),
  hp({ DateTime: '2021-03-03T03:59:59.999Z' }),
]);

describe('chunk boundaries', () => {
  test('every fixture: the same report for 1-byte, 7-byte and whole-file chunks', () => {
    for (const c of CASES) {
      const bytes = asBytes(c.text);
      const whole = stream(c.file, bytes);
      expect(stream(c.file, bytes, [1])).toEqual(whole);
      expect(stream(c.file, bytes, [7, 3])).toEqual(whole);
    }
  }, 30_000);
  test('random chunkings give the same report (1,500 runs)', () => {
    const inputs = [BIG, ...CASES.map((c) => c.text)];
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: inputs.length - 1 }),
        fc.array(fc.integer({ min: 1, max: 9000 }), { minLength: 1, maxLength: 12 }),
        (i, sizes) => {
          const file = i === 0 ? 'HttpProxy_2021030302-1.LOG' : CASES[i - 1]!.file;
          const bytes = asBytes(inputs[i]!);
          expect(stream(file, bytes, sizes)).toEqual(stream(file, bytes));
        },
      ),
      { numRuns: 1500 },
    );
  }, 30_000);
  test('scanText gives the same report as streaming the UTF-8 bytes', () => {
    for (const c of CASES)
      if (typeof c.text === 'string') expect(scanText(c.file, c.text)).toEqual(stream(c.file, bytesOf(c.text)));
    expect(scanText('HttpProxy_x.LOG', BIG)).toEqual(stream('HttpProxy_x.LOG', bytesOf(BIG), [4096]));
  });
  test('a caller reusing its chunk buffer does not change the result', () => {
    const bytes = bytesOf(BIG);
    const s = createScanner('HttpProxy_x.LOG');
    const buf = new Uint8Array(777);
    for (let i = 0; i < bytes.length; i += buf.length) {
      const part = bytes.subarray(i, i + buf.length);
      buf.set(part);
      s.push(buf.subarray(0, part.length));
      buf.fill(0x41); // overwritten before the next push
    }
    expect(s.finish()).toEqual(scanText('HttpProxy_x.LOG', BIG));
  });
});

describe('encodings and line endings', () => {
  const base = scanText('HttpProxy_x.LOG', BIG);
  const utf16 = (s: string, bom: boolean, bigEndian = false) => {
    const b = new Uint8Array(s.length * 2 + (bom ? 2 : 0));
    if (bom) b.set(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]);
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      const o = (bom ? 2 : 0) + 2 * i;
      b[o + (bigEndian ? 1 : 0)] = c & 0xff;
      b[o + (bigEndian ? 0 : 1)] = c >> 8;
    }
    return b;
  };
  const sameFindings = (r: FileReport) => {
    expect(r.kind).toBe(base.kind);
    expect(r.lines).toBe(base.lines);
    expect(r.findings).toEqual(base.findings);
    expect([r.from, r.to]).toEqual([base.from, base.to]);
  };
  test('UTF-8 byte-order mark', () => {
    const r = stream('HttpProxy_x.LOG', new Uint8Array([0xef, 0xbb, 0xbf, ...bytesOf(BIG)]), [2]);
    sameFindings(r);
    expect(r.bytes).toBe(bytesOf(BIG).length);
  });
  test('LF instead of CRLF', () => sameFindings(scanText('HttpProxy_x.LOG', BIG.replace(/\r\n/g, '\n'))));
  test('UTF-16LE with BOM (as Windows PowerShell writes), odd chunk sizes', () => {
    const r = stream('HttpProxy_x.LOG', utf16(BIG, true), [333, 1]);
    sameFindings(r);
    expect(r.notes.join(' ')).toMatch(/UTF-16/);
  });
  test('UTF-16LE without BOM', () => sameFindings(stream('HttpProxy_x.LOG', utf16(BIG, false), [4097])));
  test('UTF-16BE with BOM', () => sameFindings(stream('HttpProxy_x.LOG', utf16(BIG, true, true))));
});

describe('long lines', () => {
  test('a line over the cap is cut, counted once, noted; lines after it still match', () => {
    const long = 'x'.repeat(MAX_LINE_BYTES + 5000) + ' ServerInfo~a]@ex:444/ecp/y.js#~1';
    const text = httpProxyLog([hp(), long, hpSsrf('200')]);
    const whole = scanText('HttpProxy_x.LOG', text);
    expect(whole.lines).toBe(8);
    expect(whole.notes.join(' ')).toMatch(/longer than 1 MiB/);
    expect(whole.findings.map((f) => f.line)).toEqual([8, 8]);
    // and the same when the long line arrives in pieces
    expect(stream('HttpProxy_x.LOG', bytesOf(text), [65536, 1000])).toEqual(whole);
  });
  test('a file with no line break at all', () => {
    const r = scanText('blob.txt', 'a'.repeat(MAX_LINE_BYTES * 2));
    expect(r.lines).toBe(1);
    expect(r.error).toBeUndefined();
  });
});

describe('odd input', () => {
  test('empty file', () => {
    const r = scanText('empty.log', '');
    expect([r.kind, r.lines, r.findings.length]).toEqual(['unknown', 0, 0]);
    expect(r.notes.join(' ')).toMatch(/empty/);
  });
  test.each([
    ['random binary', new Uint8Array([1, 0, 2, 0, 0, 0, 255, 254, 3, 0, 0, 9]), /binary/],
    ['.evtx', new Uint8Array([...bytesOf('ElfFile'), 0, 1, 0, 0, 0]), /evtx/],
    ['zip', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]), /zip/],
    ['program', new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0]), /program/],
  ])('%s: kind unknown with a note, nothing read', (_, bytes, note) => {
    const r = stream('x.bin', bytes);
    expect(r.kind).toBe('unknown');
    expect(r.notes.join(' ')).toMatch(note);
    expect(r.findings).toEqual([]);
    expect(r.bytes).toBe(bytes.length);
  });
  test('last line without a line ending: counted and noted for logs', () => {
    const text = httpProxyLog([hp(), hpSsrf()]).replace(/\r\n$/, '');
    const r = scanText('HttpProxy_x.LOG', text);
    expect(r.lines).toBe(7);
    expect(r.findings.some((f) => f.line === 7)).toBe(true);
    expect(r.notes.join(' ')).toMatch(/no line ending/);
  });
  test('wantsMore: true while text is being read, false once a binary file is recognised or after finish', () => {
    const text = createScanner('HttpProxy_x.LOG');
    expect(text.wantsMore()).toBe(true);
    text.push(bytesOf(BIG));
    expect(text.wantsMore()).toBe(true);
    text.finish();
    expect(text.wantsMore()).toBe(false);
    const binary = createScanner('mailbox.edb');
    const block = new Uint8Array(64 * 1024).fill(0);
    block.set([0x4d, 0x5a, 0x90, 0]);
    expect(binary.wantsMore()).toBe(true);
    binary.push(block);
    expect(binary.wantsMore()).toBe(false);
    expect(binary.finish().notes.join(' ')).toMatch(/program/);
  });
  test('push after finish is ignored; progress counts', () => {
    const s = createScanner('HttpProxy_x.LOG');
    s.push(bytesOf(BIG));
    expect(s.progress().bytes).toBe(bytesOf(BIG).length);
    const r = s.finish();
    s.push(bytesOf('more'));
    expect(s.finish()).toEqual(r);
  });
});

describe('caps and coverage', () => {
  test(`at most ${MAX_FINDINGS_PER_FILE} findings per level, the rest counted in a note`, () => {
    const lines = Array.from({ length: MAX_FINDINGS_PER_FILE + 200 }, () => hpSsrf('200'));
    const r = scanText('HttpProxy_x.LOG', httpProxyLog(lines));
    expect(r.findings.filter((f) => f.level === 'compromise').length).toBe(MAX_FINDINGS_PER_FILE);
    expect(r.notes.join(' ')).toMatch(/more matching line/);
    expect(r.lines).toBe(lines.length + 5);
  });
  test('coverage spans the first and last data lines even with no findings', () => {
    const r = scanText(
      'u_ex210303.log',
      iisLog([iis({ time: '00:00:01' }), iis({ time: '12:00:00' }), iis({ date: '2021-03-04', time: '23:59:59' })]),
    );
    expect(r.findings).toEqual([]);
    expect([r.from, r.to]).toEqual(['2021-03-03T00:00:01.000Z', '2021-03-04T23:59:59.000Z']);
  });
  test('no timestamps: a note, never a span', () => {
    const r = scanText('HttpProxy_x.LOG', httpProxyLog([hp({ DateTime: 'yesterday' })]));
    expect([r.from, r.to]).toEqual([null, null]);
    expect(r.notes.join(' ')).toMatch(/No timestamps/);
  });
  test('nothing in any message claims the file is clean', () => {
    const r = scanText('HttpProxy_x.LOG', httpProxyLog([hp()]));
    expect(JSON.stringify(r)).not.toMatch(/\bclean\b|not compromised|no attack/i);
  });
});

describe('HttpProxy header variants', () => {
  const ua = 'Mozilla/5.0 (X11, Linux) "quoted"';
  const variants = ['fields', 'bare', 'bare-then-fields'] as const;
  test.each(variants)('%s: the same findings and fields', (header) => {
    const r = scanText('any.log', httpProxyLog([hp(), hpSsrf('200', { UserAgent: ua })], header));
    expect(r.kind).toBe('httpproxy');
    const f = r.findings.find((x) => x.rule === 'tpl-cve-2021-26855')!;
    expect(f.level).toBe('compromise');
    expect(f.fields.userAgent).toBe('Mozilla/5.0 (X11  Linux) "quoted"');
    expect(f.fields.clientIp).toBe('198.51.100.7');
  });
  test('no header at all: read in the documented order, with a note', () => {
    const order = HTTPPROXY_FIELDS.map((n) => HP_FIELDS.find((f) => f.toLowerCase() === n) ?? n);
    const r = scanText('any.log', [hp({}, order), hpSsrfIn(order)].join('\r\n'));
    expect(r.kind).toBe('httpproxy');
    expect(r.findings.find((x) => x.rule === 'tpl-cve-2021-26855')?.level).toBe('compromise');
    expect(r.notes.join(' ')).toMatch(/No header line/);
  });
});

function hpSsrfIn(order: readonly string[]): string {
  return hp(
    {
      Protocol: 'Ecp',
      UrlStem: '/ecp/y.js',
      AuthenticatedUser: '',
      AnchorMailbox:
        'ServerInfo~a]@EX01.contoso.local:444/ecp/DDI/DDIService.svc/GetList?schema=VirtualDirectory#~1941962753',
      ClientIpAddress: '198.51.100.7',
      HttpStatus: '200',
    },
    order,
  );
}

describe('hostile lines stay linear', () => {
  test('a 1 MiB line holding 80,000 needles is checked once per rule', () => {
    const line = 'ServerInfo~x,'.repeat(80_000);
    const t = performance.now();
    const r = scanText('HttpProxy_x.LOG', httpProxyLog([line, line]));
    expect(r.error).toBeUndefined();
    expect(r.lines).toBe(7);
    expect(performance.now() - t).toBeLessThan(5000);
  });
});
