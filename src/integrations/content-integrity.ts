import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { checkContent, formatProblems } from '../integrity/check.ts';

/**
 * Runs the content integrity check before anything is built: a build with a
 * dangling reference, a duplicate id or a person without consent must not exist.
 * In dev the problems are logged so the editor keeps a working preview.
 */
export function contentIntegrity(): AstroIntegration {
  return {
    name: 'nastavnichestvo:content-integrity',
    hooks: {
      'astro:config:setup': ({ config, command, logger }) => {
        const started = performance.now();
        const { problems, entries } = checkContent(fileURLToPath(config.root));
        if (!problems.length) {
          logger.info(`содержимое проверено: ${entries.length} записей, ошибок нет, ${((performance.now() - started) / 1000).toFixed(1)} с`);
          return;
        }
        const report = formatProblems(problems);
        if (command === 'dev') logger.error(report);
        else throw new Error(report);
      },
    },
  };
}
