/**
 * Shared helpers for the data-updater tests: fixture paths, the committed data, a throw-away copy.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readData, readSchemas } from '../../../../scripts/data/data-files.js';
import type { LearnPage, LearnRow } from '../../../../scripts/data/types.js';

export const FIXTURES = fileURLToPath(new URL('../../../fixtures/data-update/', import.meta.url));
export const DATA_DIR = fileURLToPath(new URL('../../../../src/data/', import.meta.url));

export const fixture = (name: string): string => readFileSync(join(FIXTURES, name), 'utf8');
export const fixtureJson = (name: string): unknown => JSON.parse(fixture(name));
export const realData = () => readData(DATA_DIR);
export const schemas = () => readSchemas(DATA_DIR);

const made: string[] = [];

/** A copy of src/data in a new temporary folder (removed by `removeTempDirs`). */
export function tempDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'data-update-'));
  cpSync(DATA_DIR, dir, { recursive: true });
  made.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A parsed page with just these rows (defaults: an SE RTM security update). */
export function learnPage(rows: Partial<LearnRow>[], problems: LearnPage['problems'] = []): LearnPage {
  return {
    rows: rows.map((r) => ({
      product: 'Exchange Server SE',
      line: 'RTM',
      rollup: null,
      update: 'Nov26SU',
      name: 'Exchange Server SE RTM Nov26SU',
      section: 'Exchange Server SE',
      build: '15.2.2562.60',
      date: '2026-11-10',
      kb: 'KB5999001',
      ...r,
    })),
    problems,
    sections: [{ heading: 'Exchange Server SE', product: 'Exchange Server SE', rows: rows.length }],
    skippedSections: [],
  };
}
