/** Directory listings and hash lists. */
import { describe, expect, test } from 'vitest';
import { ListingHandler, pathOnLine } from '../../../src/triage/listing.ts';
import type { LineOut } from '../../../src/triage/formats.ts';
import { RANDOM_HASH, dirS, gci, getFileHashList } from './fixtures.ts';

function read(h: ListingHandler, text: string): LineOut[] {
  const out: LineOut[] = [];
  text.split('\n').forEach((l, i) => out.push(...h.push(l.replace(/\r$/, ''), i + 1)));
  return out.concat(h.flush());
}

describe('pathOnLine', () => {
  test.each([
    ['C:\\inetpub\\wwwroot\\a.aspx', 'C:\\inetpub\\wwwroot\\a.aspx', 'dir /s /b'],
    [
      'SHA256   ABC   C:\\Program Files\\x y\\a.aspx',
      'C:\\Program Files\\x y\\a.aspx',
      'Get-FileHash table: the rest of the line',
    ],
    ['"SHA256","ABC","C:\\a b\\c.aspx","x"', 'C:\\a b\\c.aspx', 'quoted CSV value'],
    ['abc *C:\\a.aspx', 'C:\\a.aspx', 'sha256sum binary marker'],
    ['\\\\server\\share\\a.aspx', '\\\\server\\share\\a.aspx', 'UNC path'],
    ['/mnt/c/inetpub/a.aspx', '\\mnt\\c\\inetpub\\a.aspx', 'a Unix path, slashes turned'],
    ['just words', null, 'no path'],
    ['http://host/x', null, 'a URL is not a path'],
  ])('%j → %j (%s)', (line, want, _reason) => {
    expect(pathOnLine(line)).toBe(want);
  });
});

describe('ListingHandler', () => {
  test('Get-ChildItem rows get their directory', () => {
    const text = gci([
      { dir: 'C:\\inetpub\\wwwroot\\aspnet_client', files: [['my shell.aspx', '1024']] },
      { dir: 'C:\\temp', files: [['a.txt', '5']] },
    ]);
    const paths = read(new ListingHandler(false), text)
      .map((o) => o.rec.path)
      .filter(Boolean);
    expect(paths).toEqual(['C:\\inetpub\\wwwroot\\aspnet_client\\my shell.aspx', 'C:\\temp\\a.txt']);
  });
  test('dir /s rows, including <DIR> entries', () => {
    const paths = read(new ListingHandler(false), dirS([{ dir: 'C:\\ProgramData', files: ['it.zip'] }]))
      .map((o) => o.rec.path)
      .filter(Boolean);
    expect(paths).toContain('C:\\ProgramData\\it.zip');
    expect(paths).toContain('C:\\ProgramData\\..');
  });
  test('every line is read inside watched folders only', () => {
    const h = new ListingHandler(false);
    h.push('    Directory: C:\\inetpub\\wwwroot\\aspnet_client', 1);
    expect(h.everyLine).toBe(true);
    h.push('    Directory: C:\\Users\\bob\\Documents', 2);
    expect(h.everyLine).toBe(false);
  });
  test('Format-List hash lists: the path on the next line joins the hash', () => {
    const out = read(new ListingHandler(true), getFileHashList([[RANDOM_HASH, 'C:\\a.aspx']]));
    const hashed = out.find((o) => o.rec.hash);
    expect(hashed).toMatchObject({ lineNo: 3, rec: { hash: RANDOM_HASH, path: 'C:\\a.aspx' } });
  });
});
