/**
 * Files that belong to a content root rather than to the site: `<root>/../../public` beside a
 * content root other than src/content (the demo's demo/src/content → demo/public). `npm run new`
 * moves the demo's downloadable files there with it, so that a school's own section publishes
 * none of them, while `npm run demo` still does. Copied into dist/ before the images are cleaned
 * and the leak scan reads everything; served by the dev server the same way.
 */
import { cpSync, createReadStream, existsSync, statSync } from 'node:fs';
import { join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { contentRoot } from '../schemas/collections.ts';

/** The content root's own public folder, if it has one and it is not the site's public/. */
export function contentPublicDir(root = process.cwd(), content = contentRoot()): string | undefined {
  if (content === 'src/content') return undefined;
  const dir = resolve(root, content, '..', '..', 'public');
  return dir !== resolve(root, 'public') && existsSync(dir) ? dir : undefined;
}

export function contentPublic(): AstroIntegration {
  let base = '/';
  return {
    name: 'nastavnichestvo:content-public',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:server:setup': ({ server }) => {
        const dir = contentPublicDir();
        if (!dir) return;
        server.middlewares.use((req, res, next) => {
          const path = decodeURIComponent((req.url ?? '').split('?')[0]);
          if (!path.startsWith(base)) return next();
          const file = normalize(join(dir, path.slice(base.length)));
          if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) return next();
          createReadStream(file).pipe(res);
        });
      },
      'astro:build:done': ({ dir, logger }) => {
        const own = contentPublicDir();
        if (!own) return;
        cpSync(own, fileURLToPath(dir), { recursive: true, force: false, errorOnExist: false });
        logger.info(`файлы содержимого из ${own} скопированы в сборку`);
      },
    },
  };
}
