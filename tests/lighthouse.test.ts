/**
 * Lighthouse (mobile: a mid-range phone on slow 4G, simulated) on the home page, a roadmap,
 * a practice and a mentor, served with gzip and the build's own security headers as a static
 * host would. Goal 100 in each category; the build fails under 95. The scores are printed
 * and written to .cache/tests/lighthouse.md.
 */
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import lighthouse, { type Flags } from 'lighthouse';
import type { Browser } from 'playwright-core';
import { chromiumPath, launch } from './helpers/browser.ts';
import { hostHeaders, serve } from './helpers/serve.ts';
import { OUT, TMP } from './helpers/project.ts';
import { PAGES } from './helpers/pages.ts';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const FLOOR = 95;
const AUDITED = { 'главная': PAGES.home, 'дорожная карта': PAGES.roadmap, 'практика': PAGES.practice, 'наставник': PAGES.mentor };

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
    const port = await freePort();
    browser = await launch([`--remote-debugging-port=${port}`]);
    site = await serve(OUT.root, '/', '127.0.0.1', hostHeaders(OUT.root));
    flags = { port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] };
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
    const rows = Object.entries(scores).map(([page, s]) => `| ${page} | ${CATEGORIES.map((c) => s[c]).join(' | ')} |`);
    const table = ['| страница | производительность | доступность | рекомендации | SEO |', '|---|---|---|---|---|', ...rows].join('\n');
    writeFileSync(join(TMP, 'lighthouse.md'), `${table}\n`);
    console.log(`Lighthouse, мобильный профиль:\n${table}`);
    for (const [page, list] of Object.entries(shortfalls)) if (list.length) console.log(`${page}: ${list.join('; ')}`);
  });

  it.each(Object.entries(AUDITED))(`%s scores at least ${FLOOR} in every category`, async (name, path) => {
    const lhr = await audit(path);
    expect(lhr.runtimeError?.message).toBeUndefined();
    scores[name] = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((lhr.categories[c].score ?? 0) * 100)]));
    // What keeps a category under 100, so the report says where the points went.
    shortfalls[name] = CATEGORIES.flatMap((c) =>
      lhr.categories[c].auditRefs
        .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id].score ?? 1) < 1)
        .map((ref) => `${ref.id} ${lhr.audits[ref.id].displayValue ?? lhr.audits[ref.id].score}`),
    );
    for (const c of CATEGORIES) expect(scores[name][c], `${name}: ${c}`).toBeGreaterThanOrEqual(FLOOR);
  });
});
