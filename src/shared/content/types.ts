/**
 * Types of the site's written content (guide articles and the About page). Shared by the build,
 * which loads and validates Markdown (scripts/content/), and by the pages that render it.
 */

export type Audience = 'owner' | 'it' | 'all';
export const AUDIENCES: readonly Audience[] = ['owner', 'it', 'all'];

/** A source an article cites: its title and an https URL. */
export interface Citation {
  title: string;
  url: string;
}

/** An article's front matter, validated at build time. */
export interface FrontMatter {
  title: string;
  description: string;
  audience: Audience;
  /** ISO date, YYYY-MM-DD: when the text last changed */
  updated: string;
  /** ISO date, YYYY-MM-DD: when the facts were last checked against their sources */
  reviewed: string;
  sources: Citation[];
}

/** One heading in an article's table of contents. */
export interface TocEntry {
  depth: 2 | 3;
  id: string;
  text: string;
}

/** An article with its HTML, rendered once at build time. */
export interface Article extends FrontMatter {
  slug: string;
  order: number;
  file: string;
  html: string;
  toc: TocEntry[];
  ids: string[];
  words: number;
  readingMinutes: number;
}
