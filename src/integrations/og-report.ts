import type { AstroIntegration } from 'astro';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { OG_BUILD_LOG } from '../og/cache.ts';

/** Prints how many share images this build rendered and how many it took from the cache. */
export function ogReport(): AstroIntegration {
  return {
    name: 'nastavnichestvo:og-report',
    hooks: {
      'astro:build:start': () => rmSync(OG_BUILD_LOG, { force: true }),
      'astro:build:done': ({ logger }) => {
        if (!existsSync(OG_BUILD_LOG)) return;
        const entries = readFileSync(OG_BUILD_LOG, 'utf8')
          .trim()
          .split('\n')
          .filter(Boolean)
          .map((l) => JSON.parse(l) as { reused: boolean; layoutMs?: number; encodeMs?: number });
        rmSync(OG_BUILD_LOG, { force: true });
        const rendered = entries.filter((e) => !e.reused);
        const average = rendered.length ? rendered.reduce((sum, e) => sum + e.layoutMs! + e.encodeMs!, 0) / rendered.length : 0;
        logger.info(
          `картинки для ссылок: отрисовано ${rendered.length}, из кэша ${entries.length - rendered.length}${rendered.length ? `, в среднем ${average.toFixed(0)} мс на картинку` : ''}`,
        );
      },
    },
  };
}
