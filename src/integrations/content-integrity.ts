import type { AstroIntegration } from 'astro';
import { countOf } from '../lib/format.ts';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkContent, formatProblems, type CheckResult, type ContentProblem } from '../integrity/check.ts';
import { contentRoot } from '../schemas/collections.ts';
import { consentNotices } from '../integrity/people.ts';
import { checkContentCached } from '../integrity/check-cache.ts';

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
  let root = process.cwd();
  let base = '/';
  return {
    name: 'nastavnichestvo:content-integrity',
    hooks: {
      'astro:config:setup': ({ config, command, logger }) => {
        const started = performance.now();
        root = fileURLToPath(config.root);
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        // A build takes an unchanged check from the cache (check-cache.ts); the dev server checks afresh.
        const checked = command === 'build' ? checkContentCached(root) : { ...checkContent(root), fromCache: false };
        const { fromCache, reread, ...result } = { reread: undefined, ...checked };
        lastCheck = result;
        const { problems, entries } = lastCheck;
        for (const notice of consentNotices(entries)) logger.warn(notice);
        if (!problems.length) {
          logger.info(
            `содержимое проверено: ${entries.length} записей, ошибок нет${fromCache ? ' (из кэша: ничего не изменилось)' : reread?.reused ? ` (разобрано заново: ${countOf(reread.parsed, ['файл', 'файла', 'файлов'])}, остальные ${reread.reused} — из прошлой проверки)` : ''}, ${((performance.now() - started) / 1000).toFixed(1)} с`,
          );
          return;
        }
        const report = formatProblems(problems);
        if (command === 'dev' || problems.every((p) => p.personal)) logger.error(report);
        else throw new Error(report);
      },
      // In dev the server stays up whatever the content: while the check finds problems, every page
      // answers with them (in Russian, file and field named) and the editor at /admin/ stays usable
      // to fix them; a saved fix is seen at the next request, without a restart.
      'astro:server:setup': ({ server, logger, refreshContent }) => {
        const content = resolve(root, contentRoot());
        let stale = false;
        let checkedAt = 0;
        server.watcher.on('all', (_event, path) => {
          if (path.startsWith(content)) stale = true;
        });
        server.middlewares.use((req, res, next) => {
          if (!isPage((req.url ?? '/').slice(base.length - 1))) return next();
          // Checked again after a change of the content, and on every page while problems remain (at
          // most once a second): a content folder outside the watched tree is fixed all the same.
          const broken = Boolean(lastCheck?.problems.length);
          if (stale || (broken && Date.now() - checkedAt > 1000)) {
            stale = false;
            checkedAt = Date.now();
            lastCheck = checkContent(root);
            if (lastCheck.problems.length) logger.error(formatProblems(lastCheck.problems));
            else if (broken) logger.info('содержимое исправлено: ошибок нет');
            // The check reads the files; Astro's store may not have read the fix yet (a fix saved right
            // after the mistake can even reach its watcher as one change): have it sync before the page.
            if (broken && !lastCheck.problems.length && refreshContent) {
              refreshContent({}).then(
                () => next(),
                (error: unknown) => next(error),
              );
              return;
            }
          }
          const problems = lastCheck?.problems ?? [];
          if (!problems.length) return next();
          res.statusCode = 500;
          res.setHeader('Content-Type', 'text/html; charset=utf-8');
          res.end(problemsPage(problems, `${base}admin/`));
        });
      },
    },
  };
}

/** A request for a page of the site, not for the editor or for the dev server's own modules and assets. */
const isPage = (url: string) =>
  !/^\/(?:admin(?:\/|$)|@|_astro\/|_image|node_modules\/|src\/|favicon)/.test(url) &&
  !/\.(?:m?js|ts|css|map|json|png|jpe?g|webp|avif|svg|woff2?)(?:\?|$)/.test(url);

const escape = (text: string) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** The page the dev server shows instead of the site while the content has problems. */
function problemsPage(problems: ContentProblem[], editor: string): string {
  const items = problems.map((p) => `<li><code>${escape(p.file)}</code>${p.field ? ` → поле «${escape(p.field)}»` : ''}: ${escape(p.message)}</li>`).join('\n');
  return `<!doctype html>
<html lang="ru"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Ошибки в содержимом сайта</title>
<style>body{font:1.125rem/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}li{margin:.5rem 0}code{background:#f1f1f1;padding:0 .25rem}</style></head>
<body><main><h1>Ошибки в содержимом сайта (${problems.length})</h1>
<p>Пока их не исправить, сайт не соберётся. Исправьте записи в <a href="${escape(editor)}">редакторе</a> или в файлах — страница обновится сама при следующем открытии.</p>
<ul>${items}</ul></main></body></html>`;
}
