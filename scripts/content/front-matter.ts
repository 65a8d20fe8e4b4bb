/**
 * Front matter of a guide article: small, required and validated at build time.
 * A bad file stops the build with a message that names the file and the field.
 */
import { parse as parseYaml } from 'yaml';
import { AUDIENCES, type Audience, type Citation, type FrontMatter } from '../../src/shared/content/types.ts';

export class ContentError extends Error {
  constructor(file: string, field: string, problem: string) {
    super(`${file}: front matter field "${field}" ${problem}`);
    this.name = 'ContentError';
  }
}

const FENCE = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Splits `---\nyaml\n---\nbody` into its parts; throws ContentError when the fence is missing. */
export function splitFrontMatter(file: string, source: string): { data: unknown; body: string } {
  const match = FENCE.exec(source);
  if (!match) throw new ContentError(file, '(all)', 'is missing: start the file with a --- YAML block');
  let data: unknown;
  try {
    data = parseYaml(match[1] ?? '');
  } catch (error) {
    throw new ContentError(file, '(all)', `is not valid YAML: ${(error as Error).message}`);
  }
  return { data, body: source.slice(match[0].length) };
}

function isValidDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

function requireText(file: string, data: Record<string, unknown>, field: string, max?: number): string {
  const value = data[field];
  if (value === undefined || value === null) throw new ContentError(file, field, 'is missing');
  if (typeof value !== 'string' || value.trim() === '') throw new ContentError(file, field, 'must be a non-empty string');
  if (max !== undefined && value.length > max) throw new ContentError(file, field, `is longer than ${max} characters`);
  return value.trim();
}

function requireDate(file: string, data: Record<string, unknown>, field: string): string {
  // YAML turns an unquoted 2026-11-27 into a Date; accept both spellings.
  const raw = data[field] instanceof Date ? data[field].toISOString().slice(0, 10) : data[field];
  if (raw === undefined || raw === null) throw new ContentError(file, field, 'is missing');
  if (typeof raw !== 'string' || !isValidDate(raw)) {
    throw new ContentError(file, field, `must be a real date written YYYY-MM-DD (got ${JSON.stringify(raw)})`);
  }
  return raw;
}

/**
 * Validates parsed front matter.
 * @example validateFrontMatter('01-x.md', { title: 'T', description: 'D', audience: 'all', updated: '2026-11-27', reviewed: '2026-11-29', sources: [...] })
 */
export function validateFrontMatter(file: string, data: unknown): FrontMatter {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new ContentError(file, '(all)', 'must be a YAML mapping');
  }
  const record = data as Record<string, unknown>;
  const title = requireText(file, record, 'title', 120);
  const description = requireText(file, record, 'description', 200);

  const audience = record.audience;
  if (audience === undefined) throw new ContentError(file, 'audience', 'is missing');
  if (typeof audience !== 'string' || !AUDIENCES.includes(audience as Audience)) {
    throw new ContentError(file, 'audience', `must be one of ${AUDIENCES.join(', ')} (got ${JSON.stringify(audience)})`);
  }

  const updated = requireDate(file, record, 'updated');
  const reviewed = requireDate(file, record, 'reviewed');

  const rawSources = record.sources;
  if (!Array.isArray(rawSources) || rawSources.length === 0) {
    throw new ContentError(file, 'sources', 'must be a non-empty list of { title, url }');
  }
  const sources = rawSources.map((entry, index): Citation => {
    const field = `sources[${index}]`;
    if (typeof entry !== 'object' || entry === null) throw new ContentError(file, field, 'must be { title, url }');
    const item = entry as Record<string, unknown>;
    const sourceTitle = item.title;
    const url = item.url;
    if (typeof sourceTitle !== 'string' || sourceTitle.trim() === '') throw new ContentError(file, `${field}.title`, 'is missing');
    if (typeof url !== 'string' || !/^https:\/\/[^\s/]+\.[^\s]+$/.test(url)) {
      throw new ContentError(file, `${field}.url`, `must be an https URL (got ${JSON.stringify(url)})`);
    }
    return { title: sourceTitle.trim(), url };
  });

  return { title, description, audience: audience as Audience, updated, reviewed, sources };
}
