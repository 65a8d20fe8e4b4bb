import { describe, expect, it } from 'vitest';
import { normaliseBase } from '../../../scripts/base-path.js';

describe('normaliseBase', () => {
  it.each([
    [undefined, '/'],
    ['', '/'],
    ['/', '/'],
    ['exchange-patch-check', '/exchange-patch-check/'],
    ['/exchange-patch-check', '/exchange-patch-check/'],
    ['/a/b/', '/a/b/'],
  ])('%s → %s', (input, expected) => {
    expect(normaliseBase(input)).toBe(expected);
  });

  it('refuses a value that is not a path', () => {
    expect(() => normaliseBase('https://x.org/"><script>')).toThrow(/BASE_PATH must be a URL path/);
  });
});
