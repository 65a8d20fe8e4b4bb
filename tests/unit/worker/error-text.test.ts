import { expect, test } from 'vitest';
import { errorText } from '../../../src/worker/error-text.ts';

test.each([
  ['an Error gives its message', new TypeError('NotReadableError'), 'NotReadableError'],
  ['a DOMException-like error too', Object.assign(new Error('gone'), { name: 'NotFoundError' }), 'gone'],
  ['a thrown string as it is', 'stopped', 'stopped'],
  ['anything else as a string', 42, '42'],
])('%s', (_why, error, text) => {
  expect(errorText(error)).toBe(text);
});
