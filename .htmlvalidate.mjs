// html-validate configuration for the built pages (npm run validate:html, part of npm test).
// A JavaScript file rather than .htmlvalidate.json so that every deviation can say why.
export default {
  root: true,
  extends: ['html-validate:recommended'],
  rules: {
    // Style only: `<!doctype html>` is valid HTML (doctypes are case-insensitive) and is how
    // Prettier writes index.html.
    'doctype-style': 'off',
    // Style only: Prettier writes void elements as `<meta />`, Vite injects `<link …>`; both are valid.
    'void-style': 'off',
    // Svelte's server renderer writes boolean attributes as `hidden=""`, which is valid HTML.
    'attribute-empty-style': 'off',
    // Svelte's server renderer writes boolean attributes as disabled="" (valid HTML).
    'attribute-boolean-style': 'off',
    // HTML5 ids may start with a digit; heading ids come from the heading text ("2023 to 2026 …").
    // `relaxed` still rejects empty ids and ids with whitespace.
    'valid-id': ['error', { relaxed: true }],
    // Scrollable tables sit in `<div role="region" aria-label tabindex="0">`, the established
    // accessible pattern for a focusable scroll container; it is not a document section.
    'prefer-native-element': ['error', { exclude: ['region'] }],
  },
};
