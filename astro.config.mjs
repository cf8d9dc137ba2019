// @ts-check
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import rehypeSanitize from 'rehype-sanitize';
import { parse } from 'yaml';
import { adminBundleIntegration } from './src/integrations/admin-bundle.ts';
import { contentIntegrity, lastCheck } from './src/integrations/content-integrity.ts';
import { sitemapRules } from './src/lib/open-data/sitemap.ts';
import { searchIndex } from './src/integrations/search-index.ts';
import { securityHeaders } from './src/integrations/security-headers.ts';
import { publishedImages } from './src/integrations/published-images.ts';
import { leakScan } from './src/integrations/leak-scan.ts';
import { normaliseBase } from './src/lib/base-path.ts';
import { contentCacheDir, contentRoot, siteSettingsFile } from './src/schemas/index.ts';
import { clauseAnchors } from './src/lib/markdown/clause-anchors.ts';
import { rehypeTypography } from './src/lib/markdown/typography.ts';
import { contentPublic } from './src/integrations/content-public.ts';
import { shareImages } from './src/integrations/share-images.ts';
import { typographyMemo } from './src/integrations/typography-memo.ts';
import { siteFont } from './src/lib/site-font.ts';

/** The public address lives in the settings the CMS edits; SITE_URL overrides it for one build. */
const root = fileURLToPath(new URL('.', import.meta.url));
// An environment variable BASE_URL (a test runner's worker sets one, so may a CI) would replace
// the base in every link the pages make (import.meta.env.BASE_URL): the base is BASE_PATH's alone.
delete process.env.BASE_URL;
const settingsFile = resolve(root, contentRoot(), siteSettingsFile());
const shownContent = resolve(root, contentRoot());
/** A path in .cache/ that is neither the content shown nor a folder above it. */
const outsideContent = (/** @type {string} */ path) =>
  /[\\/]\.cache([\\/]|$)/.test(path) && !`${path}/`.startsWith(`${shownContent}/`) && !`${shownContent}/`.startsWith(`${path}/`);
// A missing or broken settings file is reported by the integrity check with the other content
// errors, in Russian with its line and column; the config must not fail first in English.
const settings = readSettings();
function readSettings() {
  try {
    return existsSync(settingsFile) ? (parse(readFileSync(settingsFile, 'utf8')) ?? {}) : {};
  } catch {
    return {};
  }
}

export default defineConfig({
  site: process.env.SITE_URL || settings.siteUrl,
  base: normaliseBase(process.env.BASE_PATH),
  // OUT_DIR lets tests build the same site under several base paths side by side.
  outDir: process.env.OUT_DIR || './dist',
  // PUBLIC_DIR lets tests add files to a copy of public/ (what a school uploads there is checked too).
  publicDir: process.env.PUBLIC_DIR || './public',
  cacheDir: `./${contentCacheDir()}`,
  trailingSlash: 'ignore',
  // 'jsx' (the default) can drop the space before an inline link in Russian prose.
  compressHTML: false,
  integrations: [
    contentIntegrity(),
    adminBundleIntegration(),
    typographyMemo(),
    mdx(),
    // Without the editor, the embedded views and the search page; lastmod from the content's own
    // dates, as the content check read them (src/lib/open-data/sitemap.ts).
    sitemap(sitemapRules(normaliseBase(process.env.BASE_PATH), () => lastCheck?.entries)),
    // After the pages, in this order: images renamed and cleaned before the search index reads
    // the pages; the leak scan last, over everything the others wrote.
    shareImages(),
    contentPublic(),
    publishedImages(),
    searchIndex(),
    securityHeaders(),
    leakScan(),
  ],
  markdown: {
    // The unified processor, because the clause anchors and typography are rehype plugins.
    // Sanitised first: whatever HTML an editor pastes into a text, no script, event handler or
    // javascript: link reaches the page. Our own anchors and typography come after it.
    // No SmartyPants: it would turn straight quotes into “English” ones, three dots into «…» and
    // «--» into a dash before our typography sees the text (src/lib/typography.ts keeps a
    // document's punctuation as typed and makes «ёлочки» of straight quotes).
    processor: unified({ smartypants: false, rehypePlugins: [rehypeSanitize, clauseAnchors, rehypeTypography] }),
  },
  fonts: [siteFont],
  // Four pages at a time: while one waits on the disk or sharp, another renders (about 12 %
  // faster on the 1,000-entry benchmark corpus).
  build: { inlineStylesheets: 'never', concurrency: 4 },
  devToolbar: { enabled: false },
  server: { host: '127.0.0.1' },
  // Test runs and benchmarks build into .cache/: the dev server has nothing to watch there, but for
  // the content it shows (CONTENT_ROOT may be a copy in .cache/) and the folders on the way to it.
  vite: { server: { watch: { ignored: [(/** @type {string} */ path) => outsideContent(path)] } } },
});
