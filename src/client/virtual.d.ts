/** The CSS classes shiki produced for highlighted code (scripts/content/vite-plugin.ts). */
declare module 'virtual:code.css';
