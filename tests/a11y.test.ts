/**
 * Accessibility (ГОСТ Р 52872-2019 / WCAG 2.1 AA): axe-core in Chromium on every page type,
 * in the normal mode and in each low-vision colour scheme at the largest type: no A/AA violations.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { browserAndSite, chromiumPath } from './helpers/browser.ts';
import { PAGE_TYPES } from './helpers/pages.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const MODES = [
  { name: 'обычный режим' },
  { name: 'чёрным по белому, крупно', lv: { on: true, scheme: 'bw', size: 3, images: true } },
  { name: 'белым по чёрному, крупно', lv: { on: true, scheme: 'wb', size: 3, images: true } },
  { name: 'тёмно-синим по голубому, крупно', lv: { on: true, scheme: 'blue', size: 3, images: false } },
];

describe.skipIf(!chromiumPath)('axe-core: no WCAG 2.1 A/AA violations', () => {
  const ctx = browserAndSite('base');

  const audit = (page: import('playwright-core').Page) =>
    page.evaluate(
      `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }).then((r) => r.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) })))`,
    ) as Promise<{ id: string; help: string; nodes: string[] }[]>;

  it('the audit itself finds planted faults (so an empty result means something)', async () => {
    const page = await ctx.browser.newPage();
    await page.goto(ctx.site.url);
    await page.evaluate(() => {
      document
        .querySelector('main')!
        .insertAdjacentHTML('beforeend', '<img src="x.png"><button></button><p style="color:#ccc;background:#fff">бледный текст</p>');
    });
    await page.addScriptTag({ content: axeSource });
    const ids = (await audit(page)).map((v) => v.id);
    expect(ids).toEqual(expect.arrayContaining(['image-alt', 'button-name', 'color-contrast']));
    await page.close();
  });

  it.each(MODES)('every page type, $name', async (mode) => {
    const context = await ctx.browser.newContext({ viewport: { width: 1280, height: 900 } });
    if (mode.lv) await context.addInitScript((lv) => localStorage.setItem('nastavnichestvo:lv', JSON.stringify(lv)), mode.lv);
    const page = await context.newPage();
    const found: string[] = [];
    for (const path of PAGE_TYPES) {
      await page.goto(ctx.site.url + path);
      if (path.startsWith('poisk/')) await page.locator('.search-result').first().waitFor();
      await page.addScriptTag({ content: axeSource });
      const violations = await audit(page);
      for (const v of violations) found.push(`${path || '/'}: ${v.id} (${v.help}) — ${v.nodes.join(', ')}`);
    }
    await context.close();
    expect(found).toEqual([]);
  });
});
