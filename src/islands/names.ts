/** The interactive parts of the site. Everything else is static HTML. */
export type IslandName = 'checker';
export const ISLAND_NAMES: readonly IslandName[] = ['checker'];
