/**
 * Vite plugin: in the page's JavaScript, the checker's imports of `src/data/releases.json`,
 * `vulnerabilities.json` and `lifecycle.json` get the compact form of src/checker/data-codec.ts
 * (decoded when the checker loads) instead of the whole files with their prose and citations. The JSON files stay
 * the one source of truth: the compact form is made from them on every build and dev-server load,
 * and never written to disk. The server render, the JSON API and the unit tests read the full files
 * (the plugin leaves server-side imports alone).
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
  vulnerabilityFields,
  lifecycleFields,
  type LifecycleData,
  type ReleaseData,
  type VulnerabilityData,
} from '../src/checker/data-codec.ts';

/**
 * Ids of the generated modules. Not ending in `.json`, which would make the dev server skip
 * rewriting the module's own import of the decoder.
 */
const PREFIX = '\0checker-data:';
const SUFFIX = '.js';

/**
 * Per data file: its compact form, what decoding it must give back, and the decoder's name (none:
 * the compact form is the data the checker reads, as it is).
 */
export const TABLES = {
  'releases.json': {
    decoder: 'decodeReleases',
    encode: (data: unknown) => encodeReleases(data as ReleaseData),
    decode: (compact: unknown) => decodeReleases(compact as ReturnType<typeof encodeReleases>),
    expected: (data: unknown) => ({ releases: (data as ReleaseData).releases }),
  },
  'vulnerabilities.json': {
    decoder: 'decodeVulnerabilities',
    encode: (data: unknown) => encodeVulnerabilities(data as VulnerabilityData),
    decode: (compact: unknown) => decodeVulnerabilities(compact as ReturnType<typeof encodeVulnerabilities>),
    expected: (data: unknown) => vulnerabilityFields(data as VulnerabilityData),
  },
  'lifecycle.json': {
    decoder: null,
    encode: (data: unknown) => lifecycleFields(data as LifecycleData),
    decode: (compact: unknown) => compact,
    expected: (data: unknown) => lifecycleFields(data as LifecycleData),
  },
} as const;

export type TableName = keyof typeof TABLES;

/**
 * The module the browser gets for one data file: the compact data and a call to its decoder.
 * Throws (stopping the build) when decoding would not give back what the checker reads.
 */
export function compactModule(name: TableName, json: string, codec: string): string {
  const table = TABLES[name];
  const data: unknown = JSON.parse(json);
  const compact = table.encode(data);
  if (!isDeepStrictEqual(table.decode(compact), table.expected(data)))
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
      return { code: compactModule(name, readFileSync(file, 'utf8'), codec), moduleType: 'js' };
    },
  };
}

/**
 * The chunk of its own that the page's data makes (vite.config.ts, output.codeSplitting): the
 * compact tables with their decoder, and the two data files the checker reads as they are. Apart
 * from the code, both compress better: some 60 KB of tables among the checker's modules would put
 * code beyond the reach of gzip's 32 KB window.
 * @param root the project root (where src/data is)
 */
export function checkerDataChunk(root: string): { name: string; test: (id: string) => boolean } {
  const files = ['sources.json', 'conflicts.json'].map((name) => normalizePath(resolve(root, 'src/data', name)));
  return { name: 'checker-data', test: (id) => id.startsWith(PREFIX) || files.includes(normalizePath(id)) };
}
