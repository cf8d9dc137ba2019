/**
 * The site's typeface, PT Sans, registered with Astro's Fonts API from the files of
 * @fontsource/pt-sans in node_modules: nothing is fetched at build time and nothing is served
 * from elsewhere. Astro writes the @font-face rules, preload links and a fallback face with
 * PT Sans's metrics (size-adjust, ascent and descent), so the swap to the web font moves no line.
 * Only the Cyrillic and Latin subsets: the ranges come from the package's own unicode.json.
 */
import { createRequire } from 'node:module';
import { fontProviders } from 'astro/config';

/** A face as Astro's local provider takes it: its lists must not be empty, so they are tuples. */
type Variant = { weight: number; style: 'normal'; src: [string]; unicodeRange: [string, ...string[]] };

const require = createRequire(import.meta.url);
const RANGES: Record<string, string> = require('@fontsource/pt-sans/unicode.json');

// Latin first: Astro measures the fallback's metrics from the first file, and the average
// width it matches is computed over Latin letters, which the Cyrillic file lacks.
const SUBSETS = ['latin', 'cyrillic'] as const;
// No italic face: it would cost two more files (74 KB) on a slow connection for a quote or
// an emphasis; the browser slants the regular face instead.
const FACES = [
  { weight: 400, style: 'normal' },
  { weight: 700, style: 'normal' },
] as const;

export const SITE_FONT_VARIABLE = '--font-site';

export const siteFont = {
  provider: fontProviders.local(),
  name: 'PT Sans',
  cssVariable: SITE_FONT_VARIABLE,
  fallbacks: ['Arial', 'sans-serif'],
  options: {
    // Astro wants at least one variant: a tuple, which flatMap does not promise.
    variants: FACES.flatMap(({ weight, style }) =>
      SUBSETS.map((subset) => ({
        weight,
        style,
        src: [`@fontsource/pt-sans/files/pt-sans-${subset}-${weight}-${style}.woff2`] as Variant['src'],
        unicodeRange: RANGES[subset].split(',') as Variant['unicodeRange'],
      })),
    ) as [Variant, ...Variant[]],
  },
};
