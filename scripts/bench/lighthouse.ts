/**
 * Lighthouse's performance on a built corpus: the mobile profile (a mid-range phone on slow 4G,
 * simulated), one run per page, on the home page, a roadmap, a practice and a mentor — the pages
 * tests/lighthouse.test.ts holds to accessibility, best practices and SEO. The performance score,
 * its total blocking time and largest contentful paint are measured here and not asserted by the
 * tests: the blocking time is this machine's own main thread, slowed down four times, so the
 * score moves with the machine and its load (on one commit it went 83–96 from run to run).
 * Served with gzip and the build's own security headers, as a static host would.
 */
import { existsSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import lighthouse, { type Flags } from 'lighthouse';
import { chromium } from 'playwright-core';
import { hostHeaders, serve } from '../../tests/helpers/serve.ts';

export interface LighthouseRun {
  page: string;
  path: string;
  /** 0–100; null when Lighthouse could not score the page (see `error`). */
  score: number | null;
  tbtMs: number | null;
  lcpMs: number | null;
  /** Cumulative layout shift: a share, not a time. */
  cls: number | null;
  error?: string;
}

/** The first page of a kind in the built site: `<section>/<id>/`, not a list page nor a filter. */
function firstEntry(dist: string, section: string, skip: string[] = []): string | undefined {
  const dir = join(dist, section);
  if (!existsSync(dir)) return undefined;
  const id = readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !/^\d+$/.test(d.name) && !skip.includes(d.name) && existsSync(join(dir, d.name, 'index.html')))
    .map((d) => d.name)
    .sort()[0];
  return id && `${section}/${id}/`;
}

/** The audited pages of a built site, by their Russian names. */
export function auditedPages(dist: string): Record<string, string> {
  const pages: Record<string, string | undefined> = {
    главная: '',
    'дорожная карта': firstEntry(dist, 'dorozhnye-karty'),
    практика: firstEntry(dist, 'praktiki', ['forma', 'organizaciya', 'god']),
    наставник: firstEntry(dist, 'nastavniki'),
  };
  return Object.fromEntries(Object.entries(pages).filter((e): e is [string, string] => e[1] !== undefined));
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

/** `pages`: how many of the audited pages, in their order (the quick run's smoke test needs one). */
export async function lighthouseRuns(dist: string, chromiumPath: string, pages = Infinity): Promise<LighthouseRun[]> {
  const site = await serve(dist, '/', '127.0.0.1', hostHeaders(dist));
  const port = await freePort();
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--remote-debugging-port=${port}`,
    ],
  });
  const flags: Flags = { port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] };
  const runs: LighthouseRun[] = [];
  try {
    for (const [page, path] of Object.entries(auditedPages(dist)).slice(0, pages)) {
      // Chromium's first trace of a session is sometimes empty (NO_NAVSTART): a failed run is repeated once.
      let lhr = (await lighthouse(site.url + path, flags))!.lhr;
      if (lhr.runtimeError) lhr = (await lighthouse(site.url + path, flags))!.lhr;
      const score = lhr.categories.performance?.score;
      const ms = (id: string) => {
        const value = lhr.audits[id]?.numericValue;
        return typeof value === 'number' ? Math.round(value) : null;
      };
      runs.push({
        page,
        path: `/${path}`,
        score: typeof score === 'number' ? Math.round(score * 100) : null,
        tbtMs: ms('total-blocking-time'),
        lcpMs: ms('largest-contentful-paint'),
        cls:
          typeof lhr.audits['cumulative-layout-shift']?.numericValue === 'number'
            ? Number(lhr.audits['cumulative-layout-shift'].numericValue.toFixed(3))
            : null,
        error: lhr.runtimeError?.message,
      });
    }
  } finally {
    await browser.close();
    await site.close();
  }
  return runs;
}
