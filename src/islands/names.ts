/** The interactive parts of the site. Everything else is static HTML. */
export type IslandName = 'checker' | 'builds-filter';
export const ISLAND_NAMES: readonly IslandName[] = ['checker', 'builds-filter'];
