import type { AstroIntegration } from 'astro';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { DiskMemo, installedVersion, saltOf } from '../lib/disk-memo.ts';
import { filesUnder } from '../lib/files.ts';
import { applyEdits, indexEdits, type IndexEdit } from '../lib/search/index-html.ts';

/**
 * Builds the Pagefind index after the pages are written. Only pages that mark their
 * <main> with data-pagefind-body are indexed (the materials, not lists, header or footer);
 * the language is Russian for stemming («наставникам» finds «наставник»).
 *
 * Pagefind reads copies of those pages, not dist/ itself: in the copies the words carry their
 * dashes and quotes as marks Pagefind splits words at (src/lib/search/normalise.ts), so that
 * «2026–2028» is found by «2028» and «ученик‑ученик» by «ученик», as a hyphenated word is.
 * The copies go to a folder of their own, read with addDirectory (Pagefind parses a folder's
 * pages in parallel, one addHTMLFile call at a time it would not), and are removed after.
 * Where a page carries its marks is kept between builds (DiskMemo): a warm rebuild parses only
 * the pages that changed.
 */
export function searchIndex(): AstroIntegration {
  let cacheDir = '';
  let projectRoot = '';
  return {
    name: 'nastavnichestvo:search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = fileURLToPath(config.cacheDir);
        projectRoot = fileURLToPath(config.root);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const started = performance.now();
        const { index, errors } = await pagefind.createIndex({ forceLanguage: 'ru' });
        if (!index) throw new Error(`поисковый индекс не создан: ${errors.join('; ')}`);
        const copies = mkdtempSync(join(tmpdir(), 'nastavnichestvo-search-'));
        try {
          const memo = editsMemo(projectRoot, cacheDir);
          const read = writeIndexableCopies(site, copies, memo);
          memo.save();
          const added = await index.addDirectory({ path: copies });
          if (added.errors.length) throw new Error(`поисковый индекс: ${added.errors.join('; ')}`);
          const output = join(site, 'pagefind');
          const written = await index.writeFiles({ outputPath: output });
          if (written.errors.length) throw new Error(`поисковый индекс не записан: ${written.errors.join('; ')}`);
          // Pagefind's ready-made UIs are not used: /poisk/ talks to the API directly.
          for (const file of readdirSync(output).filter((f) => /^pagefind-(component-|modular-)?ui\.|^pagefind-highlight\./.test(f)))
            rmSync(join(output, file));
          const seconds = ((performance.now() - started) / 1000).toFixed(1);
          // Of the pages read, only those with data-pagefind-body reach the index.
          const entry = JSON.parse(readFileSync(join(output, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
          const indexed = Object.values(entry.languages).reduce((sum, l) => sum + l.page_count, 0);
          logger.info(
            `поисковый индекс: ${indexed} страниц с материалами из ${read} просмотренных (разобрано: ${memo.computed}, взято из прошлой сборки: ${memo.reused}), ${seconds} с`,
          );
        } finally {
          rmSync(copies, { recursive: true, force: true });
          await pagefind.close();
        }
      },
    },
  };
}

/**
 * Copies the pages that have an indexed part into `to`, at the same paths (Pagefind makes the
 * result addresses from them), ready for the index; returns how many pages were read.
 */
function writeIndexableCopies(site: string, to: string, memo: DiskMemo<IndexEdit[]>): number {
  const pages = filesUnder(site).filter((file) => file.endsWith('.html') && !file.startsWith(join(site, 'pagefind')));
  for (const file of pages) {
    const html = readFileSync(file, 'utf8');
    if (!html.includes('data-pagefind-body')) continue;
    const copy = join(to, relative(site, file));
    mkdirSync(dirname(copy), { recursive: true });
    writeFileSync(
      copy,
      applyEdits(
        html,
        memo.of(html, () => indexEdits(html)),
      ),
    );
  }
  return pages.length;
}

/** The salt: the code that finds the marks, and the parser's version. */
function editsMemo(root: string, cacheDir: string) {
  const source = (path: string) => readFileSync(join(root, path), 'utf8');
  return new DiskMemo<IndexEdit[]>(
    join(cacheDir, 'search-index-marks.bin'),
    saltOf(source('src/lib/search/index-html.ts'), source('src/lib/search/normalise.ts'), installedVersion(root, 'node-html-parser')),
  );
}
