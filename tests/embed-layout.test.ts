/**
 * The embedded views lay out well at every width a school's page may give them, from a phone's
 * 280 px to a wide desktop's 1600 px: on the honour board each mentor's name starts right beside
 * or right below the photo (no gap left by a stretched card), nothing scrolls sideways, and the
 * cards are not stretched across the frame. The preview on /vstraivanie/ shows the view at its
 * height without the sandbox warning Chromium gives a frame that may lift its own sandbox.
 * The site is served with the security headers its host would send.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, ConsoleMessage, Frame, Page } from 'playwright-core';
import { chromiumPath, launch } from './helpers/browser.ts';
import { hostHeaders, serve } from './helpers/serve.ts';
import { builtSite } from './helpers/site.ts';
import { EMBED_VIEWS } from '../src/lib/embed.ts';

const WIDTHS = [280, 320, 375, 480, 600, 800, 1000, 1280, 1440, 1600];
/** How far below the photo a name may start when it does not stand beside it. */
const NAME_GAP = 24;
/** The widest a card may get (40rem): wider, a line of its text is too long to read. */
const CARD_MAX = 640;

interface Measure {
  overflow: number;
  cards: number[];
  mentors: { name: string; gap: number; beside: boolean }[];
}

/** What a view looks like at the current width. */
const measure = (frame: Page | Frame) =>
  frame.evaluate((): Measure => {
    // A compact view shows no photos.
    const withPhoto = [...document.querySelectorAll('.mentor-card')].filter((card) => card.querySelector('.avatar')!.getBoundingClientRect().width > 0);
    const mentors = withPhoto.map((card) => {
      const avatar = card.querySelector('.avatar')!.getBoundingClientRect();
      const name = card.querySelector('h3')!.getBoundingClientRect();
      const beside = name.left >= avatar.right - 1;
      // Beside the photo: how far below its top the name starts; under it: how far below its bottom.
      return { name: card.querySelector('h3')!.textContent!.trim(), beside, gap: Math.round(beside ? name.top - avatar.top : name.top - avatar.bottom) };
    });
    const visible = [...document.querySelectorAll<HTMLElement>('.card')].filter((c) => c.offsetParent !== null);
    return {
      overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      cards: visible.map((c) => Math.round(c.getBoundingClientRect().width)),
      mentors,
    };
  });

describe.skipIf(!chromiumPath)('embedded views at every width', () => {
  let browser: Browser;
  let site: Awaited<ReturnType<typeof serve>>;
  let addresses: string[];

  beforeAll(async () => {
    const dist = builtSite('root');
    site = await serve(dist, '/', '127.0.0.1', hostHeaders(dist));
    browser = await launch();
    // The whole section and every organisation.
    const orgs = readdirSync(join(dist, 'embed', 'mentors'), { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => `${e.name}/`);
    addresses = ['', ...orgs];
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it.each(Object.keys(EMBED_VIEWS))('%s: no sideways scrolling, cards of a readable width, names next to the photos', async (view) => {
    const page = await browser.newPage({ viewport: { width: WIDTHS[0], height: 900 } });
    const problems: string[] = [];
    const gaps = new Map<number, number[]>();
    for (const compact of ['', '?compact=1']) {
      for (const org of addresses) {
        await page.goto(`${site.url}embed/${view}/${org}${compact}`);
        for (const width of WIDTHS) {
          await page.setViewportSize({ width, height: 900 });
          const at = `${view}/${org}${compact} at ${width} px`;
          const m = await measure(page);
          if (m.overflow > 0) problems.push(`${at}: scrolls sideways by ${m.overflow} px`);
          for (const card of m.cards) if (card > CARD_MAX) problems.push(`${at}: a card ${card} px wide`);
          for (const mentor of m.mentors) {
            gaps.set(width, [...(gaps.get(width) ?? []), mentor.gap]);
            if (mentor.gap < -1 || mentor.gap > NAME_GAP)
              problems.push(`${at}: «${mentor.name}» starts ${mentor.gap} px ${mentor.beside ? 'below the top of' : 'below'} the photo`);
          }
        }
      }
    }
    if (view === 'mentors') {
      expect(gaps.size, 'ни одного наставника во встраивании').toBe(WIDTHS.length);
      console.log(`имя под фотографией или рядом, px: ${[...gaps].map(([w, g]) => `${w}: ${Math.min(...g)}…${Math.max(...g)}`).join('; ')}`);
    }
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe.skipIf(!chromiumPath)('the site’s own pages at every width', () => {
  let browser: Browser;
  let site: Awaited<ReturnType<typeof serve>>;
  let roadmaps: string[];

  beforeAll(async () => {
    const dist = builtSite('root');
    site = await serve(dist, '/', '127.0.0.1', hostHeaders(dist));
    browser = await launch();
    roadmaps = readdirSync(join(dist, 'dorozhnye-karty'), { withFileTypes: true })
      .filter((e) => e.isDirectory() && e.name !== 'page')
      .map((e) => `dorozhnye-karty/${e.name}/`);
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('the honour board: names next to or right under the photos, nothing scrolls sideways', async () => {
    const page = await browser.newPage({ viewport: { width: WIDTHS[0], height: 900 } });
    const problems: string[] = [];
    await page.goto(`${site.url}nastavniki/`);
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      const m = await measure(page);
      expect(m.mentors.length).toBeGreaterThan(0);
      if (m.overflow > 0) problems.push(`nastavniki/ at ${width} px: scrolls sideways by ${m.overflow} px`);
      for (const mentor of m.mentors)
        if (mentor.gap < -1 || mentor.gap > NAME_GAP) problems.push(`nastavniki/ at ${width} px: «${mentor.name}» starts ${mentor.gap} px below the photo`);
    }
    expect(problems).toEqual([]);
    await page.close();
  });

  it('a roadmap page never scrolls sideways, at the widths where its table turns into cards too', async () => {
    const page = await browser.newPage({ viewport: { width: WIDTHS[0], height: 900 } });
    const problems: string[] = [];
    const widths = [...WIDTHS, ...Array.from({ length: 20 }, (_, k) => 750 + k * 10)].sort((a, b) => a - b);
    for (const path of roadmaps) {
      await page.goto(`${site.url}${path}`);
      for (const width of widths) {
        await page.setViewportSize({ width, height: 900 });
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        if (overflow > 0) problems.push(`${path} at ${width} px: scrolls sideways by ${overflow} px`);
      }
    }
    expect(roadmaps.length).toBeGreaterThan(2);
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe.skipIf(!chromiumPath)('the preview on /vstraivanie/', () => {
  let browser: Browser;
  let site: Awaited<ReturnType<typeof serve>>;

  beforeAll(async () => {
    const dist = builtSite('root');
    site = await serve(dist, '/', '127.0.0.1', hostHeaders(dist));
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  /** The preview frame once its content has loaded, and the gap between its height and its content's. */
  async function preview(page: Page, view: string) {
    const element = page.locator(`[data-embed-preview] iframe[src*="/embed/${view}/"]`);
    await element.waitFor();
    const frame = (await (await element.elementHandle())!.contentFrame())!;
    await frame.waitForLoadState('load');
    await frame.locator('[data-embed-root]').waitFor();
    const content = () => frame.evaluate(() => Math.ceil(document.querySelector('[data-embed-root]')!.getBoundingClientRect().height));
    const outer = () => element.evaluate((f) => f.getBoundingClientRect().height);
    // A deadline against a hang, not a measure of speed.
    await expect.poll(async () => Math.abs((await outer()) - (await content())), { timeout: 60_000 }).toBeLessThanOrEqual(2);
    return { element, frame, height: await outer() };
  }

  it('shows the view at its content’s height, with no console warning or error, and its photos load', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const messages: string[] = [];
    const keep = (m: ConsoleMessage) => ['warning', 'error'].includes(m.type()) && messages.push(`${m.type()}: ${m.text()}`);
    page.on('console', keep);
    page.on('pageerror', (e) => messages.push(String(e)));
    await page.goto(`${site.url}vstraivanie/`);
    const { element, frame, height } = await preview(page, 'mentors');
    const sandbox = (await element.getAttribute('sandbox'))!.split(/\s+/);
    expect(sandbox).toContain('allow-scripts');
    expect(sandbox).not.toContain('allow-same-origin');
    expect(height).toBeGreaterThan(100);
    expect(height).not.toBe(600); // embed.js's starting height was replaced by the content's
    expect(await frame.locator('.mentor-card').count()).toBeGreaterThan(0);
    const photos = frame.locator('.avatar img');
    for (const img of await photos.all()) {
      await img.scrollIntoViewIfNeeded();
      await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth > 0), { timeout: 30_000 }).toBe(true);
    }
    // Another view, of the whole section: the new frame takes its content's height too.
    await page.selectOption('#embed-org', '');
    await page.selectOption('#embed-view', 'roadmap');
    const roadmap = await preview(page, 'roadmap');
    expect(await roadmap.frame.locator('.roadmap-table').count()).toBe(1);
    expect(roadmap.height).not.toBe(height);
    expect(messages).toEqual([]);
    await page.close();
  });
});
