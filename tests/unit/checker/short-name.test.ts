import { expect, test } from 'vitest';
import { PRODUCTS } from '../../../src/checker/releases.ts';
import { shortProductName } from '../../../src/checker/short-name.ts';

test.each([
  ['Exchange Server 2010', 'Exchange 2010'],
  ['Exchange Server 2016', 'Exchange 2016'],
  ['Exchange Server SE', 'Exchange SE'],
] as const)('%s → %s', (product, short) => {
  expect(shortProductName(product)).toBe(short);
});

test('every product has a distinct short name without "Server"', () => {
  const names = PRODUCTS.map(shortProductName);
  expect(new Set(names).size).toBe(PRODUCTS.length);
  for (const n of names) expect(n).not.toMatch(/Server/);
});
