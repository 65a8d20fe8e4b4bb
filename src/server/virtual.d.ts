declare module 'virtual:content' {
  export const articles: import('../shared/content/types.ts').Article[];
  export const about: import('../shared/content/types.ts').Article;
}
