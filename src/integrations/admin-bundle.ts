import type { AstroIntegration } from 'astro';
import { copyFileSync, createReadStream, mkdirSync } from 'node:fs';
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
                  server.middlewares.use(async (req: any, res: any, next: () => void) => {
                    if (!req.url?.split('?')[0].endsWith(`/_astro/${DEV_NAME}`)) return next();
                    try {
                      const bundle = await make();
                      if (!bundle.fromCache) logger.info(`редактор /admin/: собран за ${bundle.seconds.toFixed(1)} с`);
                      res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
                      res.setHeader('Cache-Control', 'no-cache');
                      createReadStream(bundle.file).pipe(res);
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
