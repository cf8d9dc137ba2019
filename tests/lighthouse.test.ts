/**
 * Lighthouse (mobile: a mid-range phone on slow 4G, simulated) on the home page, a roadmap,
 * a practice and a mentor, served with gzip and the build's own security headers as a static
 * host would. Goal 100 in each category. Accessibility, best practices and SEO fail under 95:
 * they do not depend on the machine. The performance score, its blocking time and largest
 * paint do — they measure the test machine's own main thread, slowed down four times (on the
 * same commit the score went 83–96 from run to run here) — so they are not run here but in
 * `npm run bench` (scripts/bench/lighthouse.ts). What of performance does not depend on the
 * machine is asserted: no layout shift, no render-blocking script, a page weight within budget.
 * Scores go to the test output and to .cache/tests/lighthouse.md.
 */
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import lighthouse, { type Flags } from 'lighthouse';
import type { Browser } from 'playwright-core';
import { chromiumPath, launch } from './helpers/browser.ts';
import { hostHeaders, serve } from './helpers/serve.ts';
import { TMP } from './helpers/project.ts';
import { PAGES } from './helpers/pages.ts';
import { builtSite } from './helpers/site.ts';

/** Categories whose score is the same on any machine (performance is in `npm run bench`). */
const CATEGORIES = ['accessibility', 'best-practices', 'seo'] as const;
/** The performance audits whose result does not depend on the machine's speed. */
const AUDITS = ['cumulative-layout-shift', 'render-blocking-insight', 'total-byte-weight'];
const FLOOR = 95;
/** Everything a page loads, compressed: the home page weighs about 170 KB, most of it the two font files. */
const BYTE_BUDGET = 300 * 1024;
const AUDITED = { главная: PAGES.home, 'дорожная карта': PAGES.roadmap, практика: PAGES.practice, наставник: PAGES.mentor };

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

describe.skipIf(!chromiumPath)('Lighthouse, mobile', () => {
  let browser: Browser;
  let site: Awaited<ReturnType<typeof serve>>;
  let flags: Flags;
  const scores: Record<string, Record<string, number>> = {};
  const shortfalls: Record<string, string[]> = {};

  /** One run; Chromium's first trace of a session is sometimes empty (NO_NAVSTART), so a failed run is repeated once. */
  async function audit(path: string) {
    for (let attempt = 1; ; attempt++) {
      const lhr = (await lighthouse(site.url + path, flags))!.lhr;
      if (!lhr.runtimeError || attempt === 2) return lhr;
    }
  }

  beforeAll(async () => {
    const dist = builtSite('root');
    const port = await freePort();
    browser = await launch([`--remote-debugging-port=${port}`]);
    site = await serve(dist, '/', '127.0.0.1', hostHeaders(dist));
    flags = { port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES], onlyAudits: AUDITS };
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
    const rows = Object.entries(scores).map(([page, s]) => `| ${page} | ${CATEGORIES.map((c) => s[c]).join(' | ')} | ${s.weight} |`);
    const table = ['| страница | доступность | рекомендации | SEO | вес, КБ |', '|---|---|---|---|---|', ...rows].join('\n');
    writeFileSync(join(TMP, 'lighthouse.md'), `${table}\n`);
    console.log(`Lighthouse, мобильный профиль:\n${table}`);
    for (const [page, list] of Object.entries(shortfalls)) if (list.length) console.log(`${page}: ${list.join('; ')}`);
  });

  it.each(Object.entries(AUDITED))(
    `%s scores at least ${FLOOR} in ${CATEGORIES.join(', ')}; no layout shift, no blocking script, within the byte budget`,
    async (name, path) => {
      const lhr = await audit(path);
      expect(lhr.runtimeError?.message).toBeUndefined();
      scores[name] = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((lhr.categories[c].score ?? 0) * 100)]));
      scores[name].weight = Math.round(lhr.audits['total-byte-weight'].numericValue! / 1024);
      // What keeps a category under 100, so the report says where the points went.
      shortfalls[name] = CATEGORIES.flatMap((c) =>
        lhr.categories[c].auditRefs
          .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id].score ?? 1) < 1)
          .map((ref) => `${ref.id} ${lhr.audits[ref.id].displayValue ?? lhr.audits[ref.id].score}`),
      );
      for (const c of CATEGORIES) expect(scores[name][c], `${name}: ${c}`).toBeGreaterThanOrEqual(FLOOR);
      expect(lhr.audits['cumulative-layout-shift'].numericValue, `${name}: сдвиг вёрстки`).toBeLessThanOrEqual(0.01);
      // Each audit ran: an audit missing or in error would pass the checks below without checking.
      for (const id of AUDITS) expect(lhr.audits[id]?.scoreDisplayMode, `${name}: ${id}`).toMatch(/^(binary|numeric|informative|notApplicable|metricSavings)$/);
      const blocking = (lhr.audits['render-blocking-insight'].details as { items?: { url?: string }[] } | undefined)?.items ?? [];
      expect(
        blocking.map((item) => item.url ?? '').filter((url) => /\.m?js(\?|$)/.test(url)),
        `${name}: блокирующие скрипты`,
      ).toEqual([]);
      expect(lhr.audits['total-byte-weight'].numericValue, `${name}: вес страницы`).toBeLessThanOrEqual(BYTE_BUDGET);
    },
  );
});
