/**
 * Vite plugin: in the page's JavaScript, the checker's imports of `src/data/releases.json`,
 * `vulnerabilities.json`, `lifecycle.json` and `sources.json` get the compact form of
 * src/checker/data-codec.ts (decoded when the checker loads) instead of the whole files with their
 * prose and citations. The JSON files stay the one source of truth: the compact form is made from
 * them on every build and dev-server load, and never written to disk. The server render, the JSON
 * API and the unit tests read the full files (the plugin leaves server-side imports alone).
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { normalizePath, type Plugin } from 'vite';
import {
  decodeReleases,
  decodeVulnerabilities,
  encodeReleases,
  encodeVulnerabilities,
  lifecycleFields,
  sourceFields,
  vulnerabilityFields,
  type LifecycleData,
  type ReleaseData,
  type SourceData,
  type VulnerabilityData,
} from '../src/checker/data-codec.ts';

/**
 * Ids of the generated modules. Not ending in `.json`, which would make the dev server skip
 * rewriting the module's own import of the decoder.
 */
const PREFIX = '\0checker-data:';
const SUFFIX = '.js';

/** Reads another data file (parsed), for a table whose compact form depends on it. */
export type ReadData = (name: string) => unknown;

/** The source ids the checker resolves: those that releases and source conflicts cite. */
function citedSources(read: ReadData): string[] {
  const releases = (read('releases.json') as ReleaseData).releases;
  const conflicts = (read('conflicts.json') as { conflicts: { sources: string[] }[] }).conflicts;
  return [...releases, ...conflicts].flatMap((row) => row.sources);
}

interface Table {
  /** What the browser gets. */
  encode: (data: unknown, read: ReadData) => unknown;
  /** The decoder's name in data-codec.ts; none: the compact form is the data the checker reads. */
  decoder: string | null;
  decode: (compact: unknown) => unknown;
  /** What decoding must give back: the data the checker reads. */
  expected: (data: unknown, read: ReadData) => unknown;
}

/** A table whose compact form is only the fields the checker reads: the page uses it as it is. */
function asIs(fields: (data: unknown, read: ReadData) => unknown): Table {
  return { encode: fields, decoder: null, decode: (compact) => compact, expected: fields };
}

export const TABLES: Record<'releases.json' | 'vulnerabilities.json' | 'lifecycle.json' | 'sources.json', Table> = {
  'releases.json': {
    encode: (data) => encodeReleases(data as ReleaseData),
    decoder: 'decodeReleases',
    decode: (compact) => decodeReleases(compact as ReturnType<typeof encodeReleases>),
    expected: (data) => ({ releases: (data as ReleaseData).releases }),
  },
  'vulnerabilities.json': {
    encode: (data) => encodeVulnerabilities(data as VulnerabilityData),
    decoder: 'decodeVulnerabilities',
    decode: (compact) => decodeVulnerabilities(compact as ReturnType<typeof encodeVulnerabilities>),
    expected: (data) => vulnerabilityFields(data as VulnerabilityData),
  },
  'lifecycle.json': asIs((data) => lifecycleFields(data as LifecycleData)),
  'sources.json': asIs((data, read) => sourceFields(data as SourceData, citedSources(read))),
};

export type TableName = keyof typeof TABLES;

/**
 * The module the browser gets for one data file: the compact data and a call to its decoder.
 * Throws (stopping the build) when decoding would not give back what the checker reads.
 */
export function compactModule(name: TableName, json: string, codec: string, read: ReadData): string {
  const table = TABLES[name];
  const data: unknown = JSON.parse(json);
  const compact = table.encode(data, read);
  if (!isDeepStrictEqual(table.decode(compact), table.expected(data, read)))
    throw new Error(`src/data/${name}: the compact form for the browser does not decode to the same data`);
  if (!table.decoder) return `export default ${JSON.stringify(compact)};`;
  return [
    `import { ${table.decoder} } from ${JSON.stringify(codec)};`,
    `export default /* @__PURE__ */ ${table.decoder}(${JSON.stringify(compact)});`,
  ].join('\n');
}

/** @param root the project root (where src/data is) */
export function checkerDataPlugin(root: string): Plugin {
  const dataDir = normalizePath(resolve(root, 'src/data'));
  const checkerDir = normalizePath(resolve(root, 'src/checker'));
  const codec = normalizePath(resolve(root, 'src/checker/data-codec.ts'));
  return {
    name: 'checker-data',
    enforce: 'pre',
    resolveId(source, importer, options) {
      if (options.ssr || !importer) return null;
      const from = normalizePath(importer.split('?')[0] ?? '');
      if (dirname(from) !== checkerDir) return null;
      const target = normalizePath(resolve(dirname(from), source));
      const name = Object.keys(TABLES).find((n) => target === `${dataDir}/${n}`);
      return name ? PREFIX + name + SUFFIX : null;
    },
    load(id) {
      if (!id.startsWith(PREFIX) || !id.endsWith(SUFFIX)) return null;
      const name = id.slice(PREFIX.length, -SUFFIX.length) as TableName;
      if (!(name in TABLES)) return null;
      const file = join(dataDir, name);
      this.addWatchFile(file);
      // The other files a table depends on are watched too (dev server), each read once.
      const others = new Map<string, unknown>();
      const read: ReadData = (other) => {
        if (!others.has(other)) {
          this.addWatchFile(join(dataDir, other));
          others.set(other, JSON.parse(readFileSync(join(dataDir, other), 'utf8')));
        }
        return others.get(other);
      };
      return { code: compactModule(name, readFileSync(file, 'utf8'), codec, read), moduleType: 'js' };
    },
  };
}

/**
 * The chunk of its own that the page's data makes (vite.config.ts, output.codeSplitting): the
 * compact tables with their decoder, and the one data file the checker reads as it is (the source
 * conflicts). Apart from the code, both compress better: some 60 KB of tables among the checker's
 * modules would put code beyond the reach of gzip's 32 KB window.
 * @param root the project root (where src/data is)
 */
export function checkerDataChunk(root: string): { name: string; test: (id: string) => boolean } {
  const conflicts = normalizePath(resolve(root, 'src/data/conflicts.json'));
  return { name: 'checker-data', test: (id) => id.startsWith(PREFIX) || normalizePath(id) === conflicts };
}
