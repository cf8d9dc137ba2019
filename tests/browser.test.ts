/** What a visitor does in a real browser: the low-vision mode, keyboard, narrow screens. */
import { describe, expect, it } from 'vitest';
import { browserAndSite, chromiumPath } from './helpers/browser.ts';
import { PAGE_TYPES } from './helpers/pages.ts';

const PAGES = PAGE_TYPES;

describe.skipIf(!chromiumPath)('in the browser', () => {
  const ctx = browserAndSite('base');

  it('the low-vision mode switches on, persists across pages and applies before the first paint', async () => {
    const context = await ctx.browser.newContext();
    // Record whether <html> already carried the mode when <body> first appeared.
    await context.addInitScript(() => {
      const w = window as unknown as { lvAtBody?: string | null };
      new MutationObserver((_, observer) => {
        if (document.body) {
          w.lvAtBody = document.documentElement.getAttribute('data-lv');
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(ctx.site.url);
    const toggle = page.getByRole('button', { name: 'Версия для слабовидящих' });
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.click();
    expect(await page.evaluate(() => document.documentElement.dataset.lv)).toBe('on');
    await page.getByRole('button', { name: 'Белым по чёрному' }).click();
    await page.getByRole('button', { name: /А\+\+/ }).click();
    await page.getByRole('button', { name: 'Скрыть' }).click();
    const bodyColour = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(bodyColour).toBe('rgb(0, 0, 0)');

    await page.goto(`${ctx.site.url}praktiki/`);
    expect(await page.evaluate(() => (window as unknown as { lvAtBody?: string }).lvAtBody)).toBe('on');
    const state = await page.evaluate(() => ({ ...document.documentElement.dataset }));
    expect(state).toMatchObject({ lv: 'on', lvScheme: 'wb', lvSize: '3', lvImages: 'off' });
    const visibleImages = await page.evaluate(() => [...document.images].filter((i) => i.getBoundingClientRect().width > 0).length);
    expect(visibleImages).toBe(0);

    await page.getByRole('button', { name: 'Обычная версия сайта' }).click();
    await page.goto(ctx.site.url);
    expect(await page.evaluate(() => document.documentElement.dataset.lv ?? null)).toBeNull();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a keyboard user reaches the skip link first and it moves focus to the content', async () => {
    const page = await ctx.browser.newPage();
    await page.goto(`${ctx.site.url}praktiki/`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Перейти к содержанию');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => location.hash)).toBe('#content');
    await page.close();
  });

  it('every control is reached by Tab and shows where the focus is', async () => {
    const page = await ctx.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems: string[] = [];
    for (const path of PAGES) {
      await page.goto(ctx.site.url + path);
      if (path.startsWith('poisk/')) await page.locator('.search-result').first().waitFor();
      // Every visible link, button and field, in document order.
      const controls = await page.evaluate(
        () =>
          [...document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])')].filter(
            (el) => el.offsetParent !== null && !el.closest('[hidden], [inert]') && getComputedStyle(el).visibility !== 'hidden',
          ).length,
      );
      const reached = new Set<string>();
      for (let i = 0; i < controls + 5; i++) {
        await page.keyboard.press('Tab');
        const focus = await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          // Inside a frame (the embed preview) the frame's own page shows the focus.
          if (!el || el === document.body || el.tagName === 'IFRAME') return null;
          // The ring may be on the control or on the card around it (.card:focus-within).
          const ring = (e: Element) => {
            const cs = getComputedStyle(e);
            return (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0) || cs.boxShadow !== 'none';
          };
          const card = el.closest('.card');
          const key = `${el.tagName}:${el.getAttribute('href') ?? el.id ?? ''}:${el.textContent?.trim().slice(0, 30)}`;
          return { key, visible: ring(el) || (card !== null && ring(card)) };
        });
        if (!focus) continue;
        reached.add(focus.key);
        if (!focus.visible) problems.push(`${path || '/'}: ${focus.key} — фокус не виден`);
      }
      if (reached.size < Math.min(controls, 10)) problems.push(`${path || '/'}: клавишей Tab достигнуто ${reached.size} из ${controls} элементов`);
    }
    expect(problems).toEqual([]);
    await page.close();
  });

  it('no page type scrolls sideways at 320 px, nor at 320 px in the largest low-vision type', async () => {
    for (const lv of [false, true]) {
      const context = await ctx.browser.newContext({ viewport: { width: 320, height: 800 } });
      if (lv)
        await context.addInitScript(() => localStorage.setItem('nastavnichestvo:lv', JSON.stringify({ on: true, scheme: 'blue', size: 3, images: true })));
      const page = await context.newPage();
      for (const path of PAGES) {
        await page.goto(ctx.site.url + path);
        // The search page draws its results after Pagefind answers.
        if (path.startsWith('poisk/')) await page.locator('.search-result').first().waitFor();
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(width, `${path || '/'}${lv ? ' (версия для слабовидящих)' : ''}`).toBeLessThanOrEqual(320);
      }
      await context.close();
    }
  });

  it('no page type scrolls sideways at 200 % text zoom (1280 px window, text twice the size)', async () => {
    const context = await ctx.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    // Text-only zoom, as the browser's font size setting does it: the default size doubles
    // (rem, em and em-based media queries follow), the window stays as wide.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Page.setFontSizes', { fontSizes: { standard: 32, fixed: 26 } });
    for (const path of PAGES) {
      await page.goto(ctx.site.url + path);
      if (path.startsWith('poisk/')) await page.locator('.search-result').first().waitFor();
      expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('32px');
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, `${path || '/'} при увеличении текста в 2 раза`).toBeLessThanOrEqual(1280);
    }
    await context.close();
  });

  it('the month chart grows with the chosen type size and keeps its row numbers in view on a phone (issue 19)', async () => {
    const timeline = 'dorozhnye-karty/lesnogorsk-sosh-1-2026-2027/';
    const measure = async (lv?: object) => {
      const context = await ctx.browser.newContext({ viewport: { width: 375, height: 800 } });
      if (lv) await context.addInitScript((v) => localStorage.setItem('nastavnichestvo:lv', JSON.stringify(v)), lv);
      const page = await context.newPage();
      await page.goto(ctx.site.url + timeline);
      const text = await page
        .locator('.timeline__scroll svg text')
        .first()
        .evaluate((t) => t.getBoundingClientRect().height);
      await page.locator('.timeline__scroll').evaluate((s) => s.scrollBy(2000, 0));
      const labels = await page
        .locator('.timeline__labels')
        .evaluate((l) => ({ left: l.getBoundingClientRect().left, right: l.getBoundingClientRect().right }));
      const hint = await page.locator('.timeline__hint').isVisible();
      await context.close();
      return { text, labels, hint };
    };
    const normal = await measure();
    const large = await measure({ on: true, scheme: 'bw', size: 3, images: true });
    expect(large.text).toBeGreaterThan(normal.text * 1.2);
    for (const m of [normal, large]) {
      expect(m.labels.left).toBeGreaterThanOrEqual(0);
      expect(m.labels.right).toBeLessThanOrEqual(375);
      expect(m.hint).toBe(true);
    }
  });
});
