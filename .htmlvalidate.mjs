/**
 * html-validate over the built site (`npx html-validate dist`, and tests/html-valid.test.ts).
 * The recommended preset, less two rules that judge source style rather than the page.
 */
export default {
  extends: ['html-validate:recommended'],
  rules: {
    // Astro leaves the indentation of empty conditionals in its output; whitespace is not markup.
    'no-trailing-whitespace': 'off',
    // Titles carry official document names, which run long; shortening them would misname the document.
    'long-title': 'off',
  },
};
