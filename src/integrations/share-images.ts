/**
 * The share images of a build (src/og/pool.ts), made from the list the pages wrote
 * (/og/cards.json, removed here): rendered on every core where the cache lacks them, linked into
 * dist/ from the cache, their texts logged for the leak scan. First of the hooks after the pages,
 * so that the image cleaning and the leak scan see them.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { cardText, OG_CACHE_DIR, OG_TEXT_LOG } from '../og/cache.ts';
import { makeShareImages, type ShareImageJob } from '../og/pool.ts';
import { countOf } from '../lib/format.ts';

export const CARDS_FILE = 'og/cards.json';

export function shareImages(): AstroIntegration {
  return {
    name: 'nastavnichestvo:share-images',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const dist = fileURLToPath(dir);
        const list = join(dist, CARDS_FILE);
        if (!existsSync(list)) return;
        const jobs = JSON.parse(readFileSync(list, 'utf8')) as ShareImageJob[];
        rmSync(list);
        mkdirSync(OG_CACHE_DIR, { recursive: true });
        appendFileSync(OG_TEXT_LOG, jobs.map((job) => `${JSON.stringify({ output: job.output, text: cardText(job.card) })}\n`).join(''));
        const report = await makeShareImages(jobs, OG_CACHE_DIR, dist);
        const rendered = report.rendered
          ? `, ${countOf(report.threads, ['поток', 'потока', 'потоков'])}, ${report.cpuMsPerImage.toFixed(0)} мс процессора на картинку (раскладка ${report.layoutMs.toFixed(0)} мс, кодирование ${report.encodeMs.toFixed(0)} мс)`
          : '';
        logger.info(`картинки для ссылок: отрисовано ${report.rendered}, из кэша ${report.reused}${rendered}, ${report.seconds.toFixed(1)} с`);
      },
    },
  };
}
