import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { checkContent, formatProblems, type CheckResult } from '../integrity/check.ts';
import { consentNotices } from '../integrity/people.ts';

/** The check of the running build, so that the leak scan at its end works from the same entries. */
export let lastCheck: CheckResult | undefined;

/**
 * Runs the content integrity check before anything is built: a build with a
 * dangling reference, a duplicate id or a person without consent must not exist.
 * In dev the problems are logged so the editor keeps a working preview.
 * Consents that end within 30 days (or have ended) are listed on every run.
 *
 * A person's detail written where it would be published (a minor's surname in a quote, a photo
 * from a card used as a cover) is reported here too, but the build goes on to its leak scan:
 * that fails it all the same, and names every page, feed and index the detail reached.
 */
export function contentIntegrity(): AstroIntegration {
  return {
    name: 'nastavnichestvo:content-integrity',
    hooks: {
      'astro:config:setup': ({ config, command, logger }) => {
        const started = performance.now();
        lastCheck = checkContent(fileURLToPath(config.root));
        const { problems, entries } = lastCheck;
        for (const notice of consentNotices(entries)) logger.warn(notice);
        if (!problems.length) {
          logger.info(`содержимое проверено: ${entries.length} записей, ошибок нет, ${((performance.now() - started) / 1000).toFixed(1)} с`);
          return;
        }
        const report = formatProblems(problems);
        if (command === 'dev' || problems.every((p) => p.personal)) logger.error(report);
        else throw new Error(report);
      },
    },
  };
}
