/** Sources: every one has a title and an https link; DRL-licensed ones name their authors. */
import { describe, expect, test } from 'vitest';
import { SOURCES } from '../../../src/triage/sources.ts';

describe('SOURCES', () => {
  test.each(Object.entries(SOURCES))('%s', (_, s) => {
    expect(s.title.length).toBeGreaterThan(10);
    expect(s.url).toMatch(/^https:\/\/[^\s]+$/);
    if ('licence' in s && s.licence?.startsWith('DRL')) expect(s.author).toBeTruthy();
  });
});
