import type { Product } from './types.ts';

/**
 * A product's name as people say it in a sentence.
 * @example shortProductName('Exchange Server 2016') // 'Exchange 2016'
 * @example shortProductName('Exchange Server SE') // 'Exchange SE'
 */
export function shortProductName(product: Product): string {
  return product.replace('Exchange Server ', 'Exchange ');
}
