import { describe, expect, test } from 'vitest';
import { escapeHtml } from '../../../src/shared/html.ts';

describe('escapeHtml', () => {
  test.each([
    ['markup becomes text', '<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['double quotes cannot end an attribute', 'a" onmouseover="x', 'a&quot; onmouseover=&quot;x'],
    ['single quotes cannot end a single-quoted attribute', "it's", 'it&#39;s'],
    ['ampersands first, so entities are not double-decoded', '&lt;', '&amp;lt;'],
    ['plain text is unchanged', 'Exchange 2016 CU19 — 15.1.2176.9', 'Exchange 2016 CU19 — 15.1.2176.9'],
  ])('%s', (_why, input, output) => {
    expect(escapeHtml(input)).toBe(output);
  });
});
