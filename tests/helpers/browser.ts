/**
 * Debian's Chromium through playwright-core. Locally a missing browser skips the
 * browser tests; in CI (CI=true) it is a failure, never a silent skip.
 */
import { existsSync } from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { serve } from './serve.ts';
import { BASE_PATH, requireSiteProject } from './project.ts';
import { builtSite, type SiteKind } from './site.ts';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];
export const chromiumPath = CANDIDATES.find((p) => existsSync(p));

if (!chromiumPath && process.env.CI === 'true') {
  throw new Error('Chromium не найден (нужен /usr/bin/chromium: apt-get install -y chromium), а в CI браузерные тесты обязательны');
}

export function launch(extraArgs: string[] = []): Promise<Browser> {
  requireSiteProject('launch()');
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...extraArgs,
    ],
  });
}

/** A browser and a shared build of the site (served under its base path) for the tests of one describe block. */
export function browserAndSite(kind: SiteKind) {
  const ctx = {} as { browser: Browser; site: Awaited<ReturnType<typeof serve>> };
  beforeAll(async () => {
    const dist = builtSite(kind);
    ctx.browser = await launch();
    ctx.site = await serve(dist, kind === 'base' ? `${BASE_PATH}/` : '/');
  });
  afterAll(async () => {
    await ctx.browser?.close();
    await ctx.site?.close();
  });
  return ctx;
}
