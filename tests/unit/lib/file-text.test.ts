/**
 * fileToText: the bytes of an opened file become the text the checker reads, or a message that
 * names the file. Encodings are the ones Windows tools write: UTF-16 LE with a byte-order mark
 * (Windows PowerShell 5.1 `Out-File` and `>`), UTF-8 with or without one (PowerShell 7, most tools),
 * windows-1252 (`Set-Content` in Windows PowerShell 5.1, Notepad's "ANSI").
 */
import { describe, expect, test, vi } from 'vitest';
import { MAX_INPUT_CHARS, MAX_SOURCES } from '../../../src/checker/limits.ts';
import {
  emailHeaders,
  fileToText,
  MAX_FILE_BYTES,
  megabytes,
  readFiles,
  sniffEncoding,
  tooLarge,
} from '../../../src/lib/file-text.ts';

const TEXT = 'PSComputerName : EX01 — Größe\r\nProductVersion : 15.01.2176.009\r\n';

function utf16(text: string, littleEndian: boolean, bom: boolean): Uint8Array {
  const out = new Uint8Array((bom ? 2 : 0) + text.length * 2);
  let at = 0;
  if (bom) {
    out.set(littleEndian ? [0xff, 0xfe] : [0xfe, 0xff]);
    at = 2;
  }
  for (let i = 0; i < text.length; i++, at += 2) {
    const c = text.charCodeAt(i);
    out[at] = littleEndian ? c & 0xff : c >> 8;
    out[at + 1] = littleEndian ? c >> 8 : c & 0xff;
  }
  return out;
}
const utf8 = (text: string) => new TextEncoder().encode(text);
/** windows-1252 for the Latin-1 range this test uses. */
const latin1 = (text: string) => Uint8Array.from(text, (ch) => ch.charCodeAt(0));

describe('encodings', () => {
  const CASES: [string, Uint8Array, string][] = [
    ['UTF-16 LE with a BOM (Out-File in Windows PowerShell 5.1)', utf16(TEXT, true, true), 'utf-16le'],
    ['UTF-16 BE with a BOM', utf16(TEXT, false, true), 'utf-16be'],
    ['UTF-16 LE without a BOM', utf16(TEXT, true, false), 'utf-16le'],
    ['UTF-16 BE without a BOM', utf16(TEXT, false, false), 'utf-16be'],
    ['UTF-8 with a BOM', Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(TEXT)]), 'utf-8'],
    ['UTF-8 without a BOM', utf8(TEXT), 'utf-8'],
    ['windows-1252 (Set-Content in Windows PowerShell 5.1)', latin1(TEXT.replace('—', '-')), 'windows-1252'],
  ];
  test.each(CASES)('%s', (_reason, bytes, encoding) => {
    expect(sniffEncoding(bytes)?.encoding).toBe(encoding);
    const read = fileToText('servers.txt', bytes);
    expect(read).toEqual({ ok: true, kind: 'text', text: encoding === 'windows-1252' ? TEXT.replace('—', '-') : TEXT });
  });
});

describe('binary files', () => {
  const zip = Uint8Array.from([
    0x50,
    0x4b,
    0x03,
    0x04,
    0x14,
    0x00,
    0x06,
    0x00,
    0x08,
    0x00,
    ...utf8('[Content_Types].xml'),
  ]);
  const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
  const noise = Uint8Array.from({ length: 4096 }, (_, i) => 128 + ((i * 7919) % 128)); // no NUL, invalid UTF-8
  const controls = Uint8Array.from({ length: 1000 }, (_, i) => (i % 3 === 0 ? 1 : 65));
  const CASES: [string, Uint8Array][] = [
    ['a .docx (zip) file', zip],
    ['a PNG image', png],
    ['bytes that are not UTF-8 nearly everywhere, without NUL', noise],
    ['many control characters', controls],
  ];
  test.each(CASES)('%s gets a message naming the file', (_reason, bytes) => {
    expect(sniffEncoding(bytes)).toBeNull();
    const read = fileToText('report.docx', bytes);
    expect(read.ok).toBe(false);
    if (!read.ok)
      expect(read.message).toMatch(/^“report\.docx” is not a text file\. Open a text file: a HealthChecker/);
  });
});

describe('sizes', () => {
  test('the limit is the checker’s 2 million characters as UTF-16', () => {
    expect(MAX_FILE_BYTES).toBe(2 * MAX_INPUT_CHARS);
    expect(megabytes(MAX_FILE_BYTES)).toBe('4 MB');
    expect(megabytes(9_260_000)).toBe('9.3 MB');
  });
  test('a file over the limit is refused from its size alone, naming the file and the limit', () => {
    expect(tooLarge('big.log', MAX_FILE_BYTES)).toBeNull();
    expect(tooLarge('big.log', MAX_FILE_BYTES + 1)).toBe(
      '“big.log” is over 4 MB; we read files up to 4 MB (2 million characters). Open only the part with version numbers, or paste it.',
    );
    expect(tooLarge('huge.log', 9_260_000)).toMatch(/^“huge\.log” is 9\.3 MB; we read files up to 4 MB/);
    const read = fileToText('big.log', new Uint8Array(MAX_FILE_BYTES + 1).fill(65));
    expect(read.ok).toBe(false);
  });
  test('text over 2 million characters (UTF-8, under 4 MB) is refused after decoding', () => {
    const read = fileToText('long.txt', new Uint8Array(MAX_INPUT_CHARS + 10).fill(65));
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.message).toMatch(/^“long\.txt” holds 2 million characters; we read files up to 4 MB/);
    expect(fileToText('fits.txt', new Uint8Array(MAX_INPUT_CHARS).fill(65)).ok).toBe(true);
  });
});

describe('kinds', () => {
  test('.html and HTML content are read as text without tags', () => {
    const html = '<html><body><table><tr><td>Build Number</td><td>15.2.1118.9</td></tr></table></body></html>';
    expect(fileToText('hc.html', utf8(html))).toEqual({ ok: true, kind: 'html', text: 'Build Number: 15.2.1118.9' });
    expect(fileToText('hc.htm', utf8(html))).toMatchObject({ kind: 'html' });
    expect(fileToText('saved.txt', utf8(`  <!DOCTYPE html>${html}`))).toMatchObject({ kind: 'html' });
    expect(fileToText('notes.txt', utf8('a <b> in a note'))).toEqual({
      ok: true,
      kind: 'text',
      text: 'a <b> in a note',
    });
  });

  test('.eml: only the headers, up to the first empty line', () => {
    const eml = [
      'Received: from EX02.contoso.local (10.0.0.2) by EX01.contoso.local (10.0.0.1) with Microsoft SMTP',
      ' Server (version=TLS1_2) id 15.1.2176.2; Tue, 2 Mar 2021 10:00:00 +0000',
      'Subject: hello',
      '',
      'Body mentions 15.2.1118.9',
    ].join('\r\n');
    const read = fileToText('message.eml', utf8(eml));
    expect(read).toMatchObject({ ok: true, kind: 'eml' });
    if (read.ok) {
      expect(read.text).toContain('id 15.1.2176.2');
      expect(read.text).not.toContain('Body');
    }
    expect(emailHeaders('a\n \nb')).toBe('a');
    expect(emailHeaders('no blank line')).toBe('no blank line');
  });
});

describe('readFiles', () => {
  const file = (name: string, bytes: Uint8Array, size = bytes.length) => ({
    name,
    size,
    arrayBuffer: vi.fn(async () => bytes.slice().buffer),
  });

  test('reads each file in order; problems name their file; an oversized file is never read', async () => {
    const big = file('big.log', new Uint8Array(0), MAX_FILE_BYTES + 1);
    const broken = {
      name: 'gone.txt',
      size: 3,
      arrayBuffer: vi.fn(async () => Promise.reject(new Error('NotReadableError'))),
    };
    const { sources, problems } = await readFiles([
      file('a.txt', utf8('15.1.2176.9')),
      big,
      file('b.png', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d])),
      broken,
      file('c.html', utf8('<td>Build Number</td><td>15.2.1118.9</td>')),
    ]);
    expect(sources).toEqual([
      { name: 'a.txt', text: '15.1.2176.9' },
      { name: 'c.html', text: 'Build Number: 15.2.1118.9' },
    ]);
    expect(problems.map((p) => p.name)).toEqual(['big.log', 'b.png', 'gone.txt']);
    expect(problems[2]?.message).toBe('“gone.txt” could not be read. Open it again, or paste its text.');
    expect(big.arrayBuffer).not.toHaveBeenCalled();
  });

  test('past 20 files, or 10 million characters together, the rest are named and not read', async () => {
    const many = Array.from({ length: MAX_SOURCES + 2 }, (_, i) => file(`${i}.txt`, utf8('15.1.2176.9')));
    const read = await readFiles(many);
    expect(read.sources).toHaveLength(MAX_SOURCES);
    expect(read.problems.map((p) => p.message)).toEqual([
      '“20.txt” was not read: we read at most 20 files at once.',
      '“21.txt” was not read: we read at most 20 files at once.',
    ]);
    expect(many[MAX_SOURCES]?.arrayBuffer).not.toHaveBeenCalled();
    const full = new Uint8Array(MAX_INPUT_CHARS).fill(65);
    const heavy = await readFiles(Array.from({ length: 6 }, (_, i) => file(`${i}.log`, full)));
    expect(heavy.sources.map((s) => s.name)).toEqual(['0.log', '1.log', '2.log', '3.log', '4.log']);
    expect(heavy.problems[0]?.message).toMatch(
      /^“5\.log” was not read: together with the files before it, it holds more than 10 million characters/,
    );
  });
});
