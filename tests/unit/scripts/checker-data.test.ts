/**
 * The plugin that gives the page's checker the compact data (scripts/checker-data.ts): which imports
 * it takes over, and that the module it writes decodes to what the checker reads from the files.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  decodeReleases,
  decodeVulnerabilities,
  encodeReleases,
  encodeVulnerabilities,
  lifecycleFields,
  sourceFields,
  vulnerabilityFields,
  type SourceData,
} from '../../../src/checker/data-codec.ts';
import { checkerDataChunk, checkerDataPlugin, compactModule } from '../../../scripts/checker-data.ts';

const root = join(import.meta.dirname, '../../..');
const read = (name: string): string => readFileSync(join(root, 'src/data', name), 'utf8');

type Hook = (...args: unknown[]) => unknown;
const plugin = checkerDataPlugin(root);
const resolveId = (source: string, importer: string | undefined, ssr: boolean): unknown =>
  (plugin.resolveId as Hook).call({}, source, importer, { ssr, isEntry: false, attributes: {} });
/** Loads a module through the plugin; `watched` gets the files the dev server must watch for it. */
const load = (id: string, watched: string[] = []): { code: string } | null =>
  (plugin.load as Hook).call({ addWatchFile: (f: string) => watched.push(f) }, id) as { code: string } | null;
const parse = (name: string): unknown => JSON.parse(read(name));

/** The data literal the module passes to its decoder. */
const argumentOf = (code: string): unknown => JSON.parse(/\((\{.*\})\);$/m.exec(code)?.[1] ?? 'null');

describe('which imports get the compact data', () => {
  const checker = join(root, 'src/checker');
  test.each([
    [
      'the checker, in the page',
      '../data/releases.json',
      `${checker}/releases.ts`,
      false,
      '\0checker-data:releases.json.js',
    ],
    [
      'the checker, in the page, with a query',
      '../data/vulnerabilities.json',
      `${checker}/vulnerabilities.ts?v=1`,
      false,
      '\0checker-data:vulnerabilities.json.js',
    ],
    [
      'the checker, rendered on the server (the /builds/ page)',
      '../data/releases.json',
      `${checker}/releases.ts`,
      true,
      null,
    ],
    ['the JSON API, read in full', '../data/vulnerabilities.json', join(root, 'src/server/api.ts'), false, null],
    [
      'the lifecycle, in the page',
      '../data/lifecycle.json',
      `${checker}/lifecycle.ts`,
      false,
      '\0checker-data:lifecycle.json.js',
    ],
    [
      'the sources, in the page',
      '../data/sources.json',
      `${checker}/releases.ts`,
      false,
      '\0checker-data:sources.json.js',
    ],
    ['a data file the checker reads as it is', '../data/conflicts.json', `${checker}/verdict.ts`, false, null],
    ['another file named like a data file', './releases.json', `${checker}/releases.ts`, false, null],
    ['an entry (no importer)', '../data/releases.json', undefined, false, null],
  ])('%s', (_why, source, importer, ssr, expected) => {
    expect(resolveId(source, importer, ssr)).toBe(expected);
  });

  test('other modules are left to Vite', () => {
    expect(load(join(root, 'src/data/releases.json'))).toBeNull();
    expect(load('\0checker-data:conflicts.json.js')).toBeNull();
  });
});

describe('the module the page gets', () => {
  const codec = JSON.stringify(join(root, 'src/checker/data-codec.ts'));

  test('releases: the decoder applied to the compact form of the file, which gives back every row', () => {
    const out = load('\0checker-data:releases.json.js');
    expect(out?.code).toContain(`import { decodeReleases } from ${codec};`);
    const arg = argumentOf(out?.code ?? '');
    const file = JSON.parse(read('releases.json'));
    expect(arg).toStrictEqual(encodeReleases(file));
    expect(decodeReleases(arg as ReturnType<typeof encodeReleases>)).toStrictEqual({ releases: file.releases });
  });

  test('vulnerabilities: the decoder applied to the compact form, which gives back the fields the checker reads', () => {
    const out = load('\0checker-data:vulnerabilities.json.js');
    expect(out?.code).toContain(`import { decodeVulnerabilities } from ${codec};`);
    const arg = argumentOf(out?.code ?? '');
    const file = JSON.parse(read('vulnerabilities.json'));
    expect(arg).toStrictEqual(encodeVulnerabilities(file));
    expect(decodeVulnerabilities(arg as ReturnType<typeof encodeVulnerabilities>)).toStrictEqual(
      vulnerabilityFields(file),
    );
    // The prose the page does not need is not in it.
    const oneNote = file.vulnerabilities[0].note as string;
    expect(read('vulnerabilities.json')).toContain(oneNote.slice(0, 40));
    expect(out?.code).not.toContain(oneNote.slice(0, 40));
    expect(out!.code.length).toBeLessThan(read('vulnerabilities.json').length / 3);
  });

  const exported = (code: string): unknown => JSON.parse(/^export default (.*);$/.exec(code)?.[1] ?? 'null');

  test('lifecycle: the fields the checker reads, as they are (no decoder)', () => {
    const out = load('\0checker-data:lifecycle.json.js');
    expect(out?.code).not.toContain('import');
    expect(exported(out?.code ?? '')).toStrictEqual(lifecycleFields(JSON.parse(read('lifecycle.json'))));
  });

  test('sources: those a release or a source conflict cites, as they are; the module follows both files', () => {
    const watched: string[] = [];
    const out = load('\0checker-data:sources.json.js', watched);
    const cited = [
      ...(parse('releases.json') as { releases: { sources: string[] }[] }).releases,
      ...(parse('conflicts.json') as { conflicts: { sources: string[] }[] }).conflicts,
    ].flatMap((row) => row.sources);
    const file = parse('sources.json') as SourceData;
    expect(exported(out?.code ?? '')).toStrictEqual(sourceFields(file, cited));
    // Some sources are cited only by the prose (the About page, the changelog): not in the page.
    expect(Object.keys(file.sources).filter((id) => !cited.includes(id))).not.toEqual([]);
    expect(watched.sort()).toEqual(
      ['conflicts.json', 'releases.json', 'sources.json'].map((n) => join(root, 'src/data', n)),
    );
  });

  test('each compact table follows its own file', () => {
    for (const name of ['releases.json', 'vulnerabilities.json', 'lifecycle.json']) {
      const watched: string[] = [];
      load(`\0checker-data:${name}.js`, watched);
      expect(watched).toEqual([join(root, 'src/data', name)]);
    }
  });

  test('a field the compact form cannot carry stops the build instead of vanishing', () => {
    const file = JSON.parse(read('releases.json'));
    file.releases[3].comment = 'a new field';
    expect(() => compactModule('releases.json', JSON.stringify(file), 'codec.ts', parse)).toThrow(
      'src/data/releases.json: the compact form for the browser does not decode to the same data',
    );
    expect(() => compactModule('releases.json', read('releases.json'), 'codec.ts', parse)).not.toThrow();
  });
});

describe('the data chunk', () => {
  const { name, test: holds } = checkerDataChunk(root);
  test.each([
    ['a compact table', '\0checker-data:releases.json.js', true],
    ['the lifecycle table', '\0checker-data:lifecycle.json.js', true],
    ['the cited sources', '\0checker-data:sources.json.js', true],
    ['the source conflicts', join(root, 'src/data/conflicts.json'), true],
    ['the full source list (the server render)', join(root, 'src/data/sources.json'), false],
    ['the full release file (the server render)', join(root, 'src/data/releases.json'), false],
    ['the changelog (the About page only)', join(root, 'src/data/changelog.json'), false],
    ['checker code', join(root, 'src/checker/verdict.ts'), false],
  ])('%s: %s', (_why, id, expected) => {
    expect(holds(id)).toBe(expected);
  });

  test('is named for what it holds', () => {
    expect(name).toBe('checker-data');
  });
});
