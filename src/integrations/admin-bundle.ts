import type { AstroIntegration } from 'astro';
import { copyFileSync, mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { adminBundle, type AdminBundle, type AdminBundleMode } from '../admin/bundle.ts';

const VIRTUAL = 'virtual:admin-bundle';
const RESOLVED = `\0${VIRTUAL}`;
/** In the dev server the name stays put and the script is rebuilt on request when its sources change. */
const DEV_NAME = 'admin.dev.js';

/**
 * Serves the editor's script (src/admin/bundle.ts) at /_astro/admin.<hash>.js instead of letting
 * Vite bundle it into every build. The /admin/ page learns the name from `virtual:admin-bundle`.
 */
export function adminBundleIntegration(): AstroIntegration {
  let root = process.cwd();
  let mode: AdminBundleMode = 'production';
  let built: Promise<AdminBundle> | undefined;
  const make = () => adminBundle({ root, mode, decapServer: process.env.PUBLIC_DECAP_SERVER });

  return {
    name: 'nastavnichestvo:admin-bundle',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig, logger }) => {
        root = fileURLToPath(config.root);
        const adminPage = new RegExp(`^${config.base.replace(/\/?$/, '/').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}admin(/(index\\.html)?)?$`);
        mode = command === 'build' ? 'production' : 'development';
        // One bundle per build, started with it: it runs beside the content check and the pages.
        const once = () =>
          (built ??= make().then((bundle) => {
            logger.info(
              bundle.fromCache ? `редактор /admin/: из кэша, ${bundle.name}` : `редактор /admin/: собран за ${bundle.seconds.toFixed(1)} с, ${bundle.name}`,
            );
            return bundle;
          }));
        if (command === 'build') void once().catch(() => {});
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'nastavnichestvo:admin-bundle',
                resolveId: (id: string) => (id === VIRTUAL ? RESOLVED : undefined),
                load: async (id: string) => {
                  if (id !== RESOLVED) return undefined;
                  const name = command === 'build' ? (await once()).name : DEV_NAME;
                  return `export const scriptName = ${JSON.stringify(name)};`;
                },
                configureServer(server: any) {
                  server.middlewares.use((req: any, res: any, next: () => void) => {
                    if (adminPage.test(req.url?.split('?')[0] ?? '')) withoutViteClient(res);
                    next();
                  });
                  server.middlewares.use(async (req: any, res: any, next: () => void) => {
                    if (!req.url?.split('?')[0].endsWith(`/_astro/${DEV_NAME}`)) return next();
                    try {
                      const bundle = await make();
                      if (!bundle.fromCache) logger.info(`редактор /admin/: собран за ${bundle.seconds.toFixed(1)} с`);
                      // Read whole, not streamed: a file replaced meanwhile is an error here, not an unhandled one that ends the dev server.
                      const script = await readFile(bundle.file).catch(async () => readFile((await make()).file));
                      res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
                      res.setHeader('Cache-Control', 'no-cache');
                      res.end(script);
                    } catch (error) {
                      logger.error(`редактор /admin/ не собран: ${(error as Error).message}`);
                      res.statusCode = 500;
                      res.end(`console.error(${JSON.stringify(`Редактор не собран: ${(error as Error).message}`)});`);
                    }
                  });
                },
              },
            ],
          },
        });
      },
      'astro:build:done': async ({ dir }) => {
        if (!built) return;
        const bundle = await built;
        const target = join(fileURLToPath(dir), '_astro');
        mkdirSync(target, { recursive: true });
        copyFileSync(bundle.file, join(target, bundle.name));
      },
    },
  };
}

/** The script tag Astro's dev server adds to every page: Vite's client, which reloads the page whenever content changes. */
const VITE_CLIENT = /<script[^>]*\ssrc="[^"]*\/@vite\/client"[^>]*><\/script>/g;

/**
 * The editor's page without Vite's client. Every save writes a content file; the dev server then
 * told every open page to reload, the editor too: a second of blank page, «Вы уверены, что хотите
 * покинуть эту страницу?» and an offer to restore the entry just saved. The editor has no module of
 * Vite's to update, so it needs no client; the site's pages keep theirs.
 */
function withoutViteClient(res: any): void {
  // Astro writes Uint8Arrays; a string may come with its encoding.
  const bytes = (chunk: unknown, encoding?: BufferEncoding) =>
    typeof chunk === 'string' ? Buffer.from(chunk, encoding ?? 'utf8') : Buffer.from(chunk as Uint8Array);
  const chunks: Buffer[] = [];
  const end = res.end.bind(res);
  res.write = (chunk: unknown, encoding?: BufferEncoding) => {
    chunks.push(bytes(chunk, encoding));
    return true;
  };
  res.end = (chunk?: unknown, encoding?: BufferEncoding | (() => void)) => {
    if (chunk && typeof chunk !== 'function') chunks.push(bytes(chunk, typeof encoding === 'string' ? encoding : undefined));
    const html = Buffer.concat(chunks).toString('utf8').replace(VITE_CLIENT, '');
    if (!res.headersSent) {
      res.removeHeader('content-length');
      res.setHeader('content-length', Buffer.byteLength(html));
    }
    return end(html);
  };
}
