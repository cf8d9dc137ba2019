import type { AstroIntegration } from 'astro';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';

/**
 * Builds the Pagefind index after the pages are written. Only pages that mark their
 * <main> with data-pagefind-body are indexed (the materials, not lists, header or footer);
 * the language is Russian for stemming («наставникам» finds «наставник»).
 */
export function searchIndex(): AstroIntegration {
  return {
    name: 'nastavnichestvo:search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const started = performance.now();
        const { index, errors } = await pagefind.createIndex({ forceLanguage: 'ru' });
        if (!index) throw new Error(`поисковый индекс не создан: ${errors.join('; ')}`);
        try {
          const added = await index.addDirectory({ path: site });
          if (added.errors.length) throw new Error(`поисковый индекс: ${added.errors.join('; ')}`);
          const output = join(site, 'pagefind');
          const written = await index.writeFiles({ outputPath: output });
          if (written.errors.length) throw new Error(`поисковый индекс не записан: ${written.errors.join('; ')}`);
          // Pagefind's ready-made UIs are not used: /poisk/ talks to the API directly.
          for (const file of readdirSync(output).filter((f) => /^pagefind-(component-|modular-)?ui\.|^pagefind-highlight\./.test(f)))
            rmSync(join(output, file));
          const seconds = ((performance.now() - started) / 1000).toFixed(1);
          // Pagefind reads every page but indexes only those with data-pagefind-body.
          const entry = JSON.parse(readFileSync(join(output, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
          const indexed = Object.values(entry.languages).reduce((sum, l) => sum + l.page_count, 0);
          logger.info(`поисковый индекс: ${indexed} страниц с материалами из ${added.page_count} просмотренных, ${seconds} с`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
