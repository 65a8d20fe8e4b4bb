import type { Article } from './content/types.ts';

/** One page of the site, resolved from its route by the server (src/server/routes.ts). */
export type Page =
  | { kind: 'home'; title: string; description: string }
  | { kind: 'guide-index'; title: string; description: string; articles: Article[] }
  | { kind: 'article'; title: string; description: string; article: Article }
  | { kind: 'builds'; title: string; description: string }
  | { kind: 'logs'; title: string; description: string }
  | { kind: 'about'; title: string; description: string; article: Article }
  | { kind: 'not-found'; title: string; description: string };
