import type { AstroIntegration } from 'astro';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { OG_TEXT_LOG } from '../og/cache.ts';
import { countOf } from '../lib/format.ts';
import { formatLeaks } from '../privacy/scan-dist.ts';
import { buildRecordFile, readCardTexts, scanBuiltSite, type BuildRecord } from '../privacy/scan-site.ts';
import { lastCheck } from './content-integrity.ts';
import { formatProblems } from '../integrity/check.ts';
import { imageOrigins } from './published-images.ts';

/**
 * The last step of every build: the finished dist/ is searched for every withheld detail of
 * every person (src/privacy/scan-dist.ts). Any hit fails the build, naming the output file and
 * the source entry and field: a site that would publish a child's surname is not a site.
 */
export function leakScan(): AstroIntegration {
  let root = '';
  let cacheDir = '';
  return {
    name: 'nastavnichestvo:leak-scan',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:build:start': () => rmSync(OG_TEXT_LOG, { force: true }),
      'astro:build:done': async ({ dir, logger }) => {
        const dist = fileURLToPath(dir);
        const started = performance.now();
        const record: BuildRecord = { dist, origins: imageOrigins.get(dist) ?? {}, cardTexts: readCardTexts() };
        rmSync(OG_TEXT_LOG, { force: true });
        mkdirSync(cacheDir, { recursive: true });
        writeFileSync(buildRecordFile(cacheDir), JSON.stringify(record));
        const scanned = await scanBuiltSite({ root, dist, entries: lastCheck?.entries, origins: record.origins, cardTexts: record.cardTexts }).catch(
          (error: Error) => {
            // A site that could not be checked is not published either.
            rmSync(dist, { recursive: true, force: true });
            throw new Error(`проверка готового сайта на утечку персональных данных не завершилась (${error.message}). Собранный сайт удалён.`);
          },
        );
        const { result, details } = scanned;
        const written = lastCheck?.problems.filter((p) => p.personal) ?? [];
        if (result.leaks.length || written.length) {
          // Nothing of this build may be put online by mistake: the folder goes.
          rmSync(dist, { recursive: true, force: true });
          const parts = [result.leaks.length ? formatLeaks(result.leaks, dist) : '', written.length ? formatProblems(written) : ''];
          throw new Error(
            `${parts.filter(Boolean).join('\n\n')}\n\nСобранный сайт удалён, чтобы его нельзя было выложить по ошибке. Исправьте записи и соберите заново.`,
          );
        }
        const cards = Object.keys(record.cardTexts).length;
        logger.info(
          `персональные данные: утечек нет — ${countOf(result.files, ['файл', 'файла', 'файлов'])} (из них ${countOf(result.images, ['изображение', 'изображения', 'изображений'])}) и тексты ${countOf(cards, ['картинки', 'картинок', 'картинок'])} для ссылок проверены на ${countOf(details, ['скрытое сведение', 'скрытых сведения', 'скрытых сведений'])}, ${((performance.now() - started) / 1000).toFixed(1)} с`,
        );
      },
    },
  };
}
