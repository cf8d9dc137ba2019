// ESLint finds mistakes; the layout of the code is Biome's (biome.jsonc), so no style
// rules here. The recommended sets of ESLint, typescript-eslint and eslint-plugin-astro, without
// the type-aware ones: those need a whole TypeScript program on every run, and `astro check`
// type-checks the project already.
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/',
      '**/dist/',
      '**/.astro/',
      '**/.cache/',
      'coverage/',
      // Content, not code: written byte for byte in Decap's own format (src/lib/entry-file.ts).
      'src/content/',
      'tests/fixtures/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // An explicit `any` is where the code meets untyped data on purpose: Decap's registry and
      // widget props, Zod's internal definitions, parsed YAML in tests. Implicit ones stay errors (strict tsconfig).
      '@typescript-eslint/no-explicit-any': 'off',
      // `const { secret: _, ...rest } = x` leaves a field out; `_name` says "unused on purpose".
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
      // `try { … } catch {}` is the idiom for "a failure here changes nothing"; other empty blocks are still reported.
      'no-empty': ['error', { allowEmptyCatch: true }],
    },
  },
  // Plain JavaScript: what the browser runs as it is, and the config files Node loads.
  {
    files: ['public/**/*.js', 'src/scripts/**/*.js'],
    languageOptions: { globals: globals.browser },
    // Written for old browsers too, where `catch` needs a name even when the error is not used.
    rules: { '@typescript-eslint/no-unused-vars': ['error', { caughtErrors: 'none' }] },
  },
  { files: ['**/*.mjs', '*.config.js'], languageOptions: { globals: globals.node } },
);
