/**
 * analyseSources: several files at once, each read on its own, every finding named by its file.
 * A fault in one file (injected into the parser, as in index.test.ts) never passes for "nothing found".
 */
import { afterEach, describe, expect, test, vi } from 'vitest';
import { analyse, ERROR_MESSAGE, MAX_INPUT_CHARS } from '../../../src/checker/index.ts';
import { MAX_SOURCES, MAX_SOURCES_CHARS } from '../../../src/checker/limits.ts';
import { analyseSources } from '../../../src/checker/sources.ts';

const fault = vi.hoisted(() => ({ on: false }));

// A parser that throws on inputs of 10 characters, once `fault.on` is set.
vi.mock('../../../src/checker/parse-input.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../src/checker/parse-input.ts')>();
  return {
    ...real,
    findVersions: (text: string) => {
      if (fault.on && text.length === 10) throw new Error('injected fault');
      return real.findVersions(text);
    },
  };
});

afterEach(() => {
  fault.on = false;
});

describe('analyseSources: several files at once', () => {
  const today = '2026-11-27';

  test('each file is read on its own and names every finding; outcomes say what each file gave', () => {
    const r = analyseSources(
      analyse,
      [
        { name: 'servers.csv', text: 'EX01,15.1.2176.2\nEX02,15.2.1118.9' },
        { name: 'notes.txt', text: 'no versions here' },
        { name: 'header.eml', text: 'X-OWA-Version: 15.2.1118.9' },
      ],
      { today },
    );
    expect(r.status).toBe('ok');
    expect(r.message).toBe('Found 3 Exchange versions in 3 files.');
    expect(r.findings.map((f) => [f.source, f.serverName, f.build])).toEqual([
      ['servers.csv', 'EX01', '15.1.2176.2'],
      ['servers.csv', 'EX02', '15.2.1118.9'],
      ['header.eml', null, '15.2.1118.9'],
    ]);
    expect(r.sources).toEqual([
      { name: 'servers.csv', status: 'ok', message: 'Found 2 Exchange versions.', found: 2 },
      { name: 'notes.txt', status: 'none-found', message: 'We found no Exchange version in that text.', found: 0 },
      { name: 'header.eml', status: 'ok', message: 'Found 1 Exchange version.', found: 1 },
    ]);
  });

  test('a name in one file never labels a build in the next', () => {
    const r = analyseSources(
      analyse,
      [
        { name: 'a.txt', text: 'Name : EX01' },
        { name: 'b.txt', text: 'ProductVersion : 15.1.2176.9' },
      ],
      { today },
    );
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]?.serverName).toBeNull();
    expect(analyse('Name : EX01\nProductVersion : 15.1.2176.9').findings[0]?.serverName).toBe('EX01');
  });

  test('the verdict of a file is the verdict of the same text pasted', () => {
    const text = 'Build Number: 15.2.1118.9';
    const pasted = analyse(text, { today }).findings[0];
    const opened = analyseSources(analyse, [{ name: 'hc.txt', text }], { today }).findings[0];
    expect(opened).toEqual({ ...pasted, source: 'hc.txt' });
  });

  test('nothing found, empty files and a file over the limit are said per file', () => {
    const big = '1'.repeat(MAX_INPUT_CHARS + 1);
    const r = analyseSources(
      analyse,
      [
        { name: 'empty.txt', text: '  \n' },
        { name: 'big.log', text: big },
        { name: 'words.txt', text: 'hello' },
      ],
      { today },
    );
    expect(r.status).toBe('none-found');
    expect(r.message).toBe('We found no Exchange version in those files.');
    expect(r.lookedFor?.length).toBeGreaterThan(3);
    expect(r.sources?.map((o) => [o.name, o.status])).toEqual([
      ['empty.txt', 'empty'],
      ['big.log', 'too-large'],
      ['words.txt', 'none-found'],
    ]);
    expect(r.sources?.[1]?.message).toMatch(/we read at most 2 million/);
    expect(analyseSources(analyse, [{ name: 'e.txt', text: '' }]).status).toBe('empty');
    expect(analyseSources(analyse, []).status).toBe('empty');
  });

  test('too many files, or too much text together, is refused with the limit', () => {
    const many = Array.from({ length: MAX_SOURCES + 1 }, (_, i) => ({ name: `${i}.txt`, text: '15.1.2176.9' }));
    expect(analyseSources(analyse, many)).toMatchObject({ status: 'too-large', findings: [] });
    expect(analyseSources(analyse, many).message).toContain(`at most ${MAX_SOURCES}`);
    expect(analyseSources(analyse, many.slice(0, MAX_SOURCES)).status).toBe('ok');
    const chunk = 'x'.repeat(MAX_INPUT_CHARS);
    const heavy = Array.from({ length: MAX_SOURCES_CHARS / MAX_INPUT_CHARS + 1 }, (_, i) => ({
      name: `${i}.log`,
      text: chunk,
    }));
    const r = analyseSources(analyse, heavy);
    expect(r.status).toBe('too-large');
    expect(r.message).toMatch(/12 million characters together; we read at most 10 million at once/);
    expect(analyseSources(analyse, heavy.slice(1)).status).toBe('none-found');
  });

  test("a fault while reading one file is 'error' unless another file gave findings", () => {
    fault.on = true;
    const failing = { name: 'bad.txt', text: '15.1.2176.' }; // 10 characters: the mock throws
    const good = { name: 'good.txt', text: '15.1.2176.9 x' };
    const alone = analyseSources(analyse, [failing]);
    expect(alone).toMatchObject({ status: 'error', message: ERROR_MESSAGE, detail: 'Error: injected fault' });
    const mixed = analyseSources(analyse, [failing, good]);
    expect(mixed.status).toBe('ok');
    expect(mixed.sources?.[0]).toMatchObject({ name: 'bad.txt', status: 'error', message: ERROR_MESSAGE });
  });
});
