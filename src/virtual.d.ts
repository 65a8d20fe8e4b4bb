declare module 'virtual:content' {
  export const articles: import('../scripts/content/load.ts').Article[];
  export const about: import('../scripts/content/load.ts').Article;
}
declare module 'virtual:code.css';
