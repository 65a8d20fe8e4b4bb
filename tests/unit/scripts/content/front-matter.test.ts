import { describe, expect, it } from 'vitest';
import { splitFrontMatter, validateFrontMatter } from '../../../../scripts/content/front-matter.ts';

const valid = {
  title: 'What happened',
  description: 'The story in two minutes.',
  audience: 'all',
  updated: '2026-11-27',
  reviewed: '2026-11-29',
  sources: [{ title: 'Microsoft', url: 'https://www.microsoft.com/x' }],
};

describe('validateFrontMatter', () => {
  it('accepts a complete front matter and trims text', () => {
    const fm = validateFrontMatter('01-x.md', { ...valid, title: '  What happened  ' });
    expect(fm).toEqual({ ...valid, title: 'What happened' });
  });

  it('accepts an unquoted YAML date (parsed as a Date)', () => {
    const { data } = splitFrontMatter('01-x.md', `---\ntitle: T\ndescription: D\naudience: it\nupdated: 2026-02-28\nreviewed: 2026-03-01\nsources:\n  - title: S\n    url: https://example.org/a\n---\nBody`);
    expect(validateFrontMatter('01-x.md', data).updated).toBe('2026-02-28');
    expect(validateFrontMatter('01-x.md', data).reviewed).toBe('2026-03-01');
  });

  // Each bad front matter gets a message that names the file and the field.
  const cases: [string, Record<string, unknown>, RegExp][] = [
    ['missing title', { ...valid, title: undefined }, /01-x\.md: front matter field "title" is missing/],
    ['empty title', { ...valid, title: ' ' }, /"title" must be a non-empty string/],
    ['missing description', { ...valid, description: undefined }, /"description" is missing/],
    ['unknown audience', { ...valid, audience: 'admins' }, /"audience" must be one of owner, it, all \(got "admins"\)/],
    ['missing audience', { ...valid, audience: undefined }, /"audience" is missing/],
    ['impossible date', { ...valid, updated: '2026-02-30' }, /"updated" must be a real date written YYYY-MM-DD \(got "2026-02-30"\)/],
    ['date in another format', { ...valid, updated: '27/11/2026' }, /"updated" must be a real date/],
    ['missing date', { ...valid, updated: undefined }, /"updated" is missing/],
    // The review date is separate from the edit date: a page can be checked without changing, or changed after a check.
    ['missing review date', { ...valid, reviewed: undefined }, /"reviewed" is missing/],
    ['impossible review date', { ...valid, reviewed: '2026-13-01' }, /"reviewed" must be a real date written YYYY-MM-DD \(got "2026-13-01"\)/],
    ['no sources', { ...valid, sources: [] }, /"sources" must be a non-empty list/],
    ['http source', { ...valid, sources: [{ title: 'S', url: 'http://example.org' }] }, /"sources\[0\]\.url" must be an https URL/],
    ['source without title', { ...valid, sources: [{ url: 'https://example.org/' }] }, /"sources\[0\]\.title" is missing/],
  ];
  it.each(cases)('rejects %s', (_name, data, message) => {
    expect(() => validateFrontMatter('01-x.md', data)).toThrow(message);
  });

  it('rejects a file without a front matter fence', () => {
    expect(() => splitFrontMatter('02-y.md', '# Just a heading')).toThrow(/02-y\.md: front matter field "\(all\)" is missing/);
  });

  it('rejects invalid YAML with the parser message', () => {
    expect(() => splitFrontMatter('03-z.md', '---\ntitle: [unclosed\n---\n')).toThrow(/03-z\.md: .* is not valid YAML/);
  });
});
