/**
 * Embedding, as a school's site does it: a host page on one loopback origin (127.0.0.2)
 * pastes the snippet; the views come from the site on another (127.0.0.1). The iframe
 * appears and takes its content's height (after load and at 360 px), nothing errs, links
 * open in the top window, and a message forged by a third origin (127.0.0.3) changes nothing.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Frame, Page } from 'playwright-core';
import { chromiumPath, launch } from './helpers/browser.ts';
import { serve } from './helpers/serve.ts';
import { OUT, ROOT } from './helpers/project.ts';
import { builtSite } from './helpers/site.ts';
import { checkContent } from '../src/integrity/check.ts';
import { HEIGHT_MESSAGE } from '../src/lib/embed.ts';

/** A page on its own origin, with the given HTML. */
async function host(ip: string, html: (url: URL) => string): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(html(new URL(req.url ?? '/', `http://${ip}`)));
  });
  await new Promise<void>((resolve) => server.listen(0, ip, resolve));
  return { url: `http://${ip}:${(server.address() as AddressInfo).port}/`, close: () => new Promise((r) => server.close(() => r())) };
}

const org = checkContent(ROOT).entries.find((e) => e.collection === 'organizations' && e.id === 'lesnogorsk-sosh-1')!.id;

describe('embed.js and the embedded views', () => {
  beforeAll(() => {
    builtSite('root');
  });

  it('embed.js and the view script use the same message type as the project', () => {
    expect(readFileSync(join(ROOT, 'public/embed.js'), 'utf8')).toContain(`'${HEIGHT_MESSAGE}'`);
    expect(readFileSync(join(ROOT, 'src/scripts/embed-frame.js'), 'utf8')).toContain(`'${HEIGHT_MESSAGE}'`);
  });

  it('embed.js is at most 3 KB gzipped', () => {
    const file = readFileSync(join(OUT.root, 'embed.js'));
    console.log(`embed.js: ${file.length} Б, gzip ${gzipSync(file).length} Б`);
    expect(gzipSync(file).length).toBeLessThanOrEqual(3 * 1024);
  });

  it('every organisation has each view and its JSON feeds; the views load nothing from other hosts and set no cookies', () => {
    for (const view of ['section', 'mentors', 'practices', 'roadmap']) {
      expect(statSync(join(OUT.root, 'embed', view, 'index.html')).isFile()).toBe(true);
      const html = readFileSync(join(OUT.root, 'embed', view, org, 'index.html'), 'utf8');
      expect(html).toContain('<base target="_top"');
      expect(html).not.toMatch(/document\.cookie|site-header|site-footer/);
    }
    const mentors = JSON.parse(readFileSync(join(OUT.root, 'api/organizacii', org, 'mentors.json'), 'utf8'));
    expect(mentors.length).toBeGreaterThan(0);
    expect(mentors.every((m: { organization: string }) => m.organization === org)).toBe(true);
  });
});

describe.skipIf(!chromiumPath)('embedded in a school’s page on another origin', () => {
  let browser: Browser;
  let site: Awaited<ReturnType<typeof serve>>;
  let school: Awaited<ReturnType<typeof host>>;
  let forger: Awaited<ReturnType<typeof host>>;

  beforeAll(async () => {
    site = await serve(builtSite('root'), '/', '127.0.0.1');
    browser = await launch();
    // A third origin that tries to set the frame's height from inside the school's page.
    forger = await host(
      '127.0.0.3',
      (url) =>
        `<!doctype html><script>parent.postMessage({ type: '${HEIGHT_MESSAGE}', frame: ${JSON.stringify(url.searchParams.get('frame') ?? '')}, height: 77 }, '*');</script>`,
    );
    school = await host(
      '127.0.0.2',
      (url) => `<!doctype html><html lang="ru"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>Школа</title></head>
      <body style="margin:0;font-family:sans-serif"><h1>Сайт школы</h1>
      <script src="${site.url}embed.js" data-org="${org}" data-view="${url.searchParams.get('view') ?? 'mentors'}" async></script>
      <p>Подвал сайта школы</p></body></html>`,
    );
  });
  afterAll(async () => {
    await browser?.close();
    await Promise.all([site?.close(), school?.close(), forger?.close()]);
  });

  async function open(view: string, width = 1024): Promise<{ page: Page; frame: Frame; errors: string[] }> {
    const page = await browser.newPage({ viewport: { width, height: 800 } });
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${school.url}?view=${view}`);
    const element = page.locator('iframe');
    await element.waitFor();
    const frame = (await (await element.elementHandle())!.contentFrame())!;
    await frame.waitForLoadState('load');
    return { page, frame, errors };
  }

  /** The iframe's height on the host page and its content's height inside, once they settle. */
  async function heights(page: Page, frame: Frame) {
    const content = () => frame.evaluate(() => Math.ceil(document.querySelector('[data-embed-root]')!.getBoundingClientRect().height));
    const outer = () => page.locator('iframe').evaluate((f) => f.getBoundingClientRect().height);
    // A deadline against a hang, not a measure of speed: a busy machine may take seconds to resize.
    await expect.poll(async () => Math.abs((await outer()) - (await content())), { timeout: 60_000 }).toBeLessThanOrEqual(2);
    return { outer: await outer(), content: await content() };
  }

  it.each(['mentors', 'practices', 'roadmap', 'section'])(
    '%s: the frame takes its content’s height after load and at 360 px, with no console errors',
    async (view) => {
      const { page, frame, errors } = await open(view);
      const wide = await heights(page, frame);
      expect(wide.content).toBeGreaterThan(100);
      expect(wide.outer).not.toBe(600); // the default height was replaced
      await page.setViewportSize({ width: 360, height: 800 });
      // The resize reaches the frame's layout a moment later: wait for the content to reflow (a hang guard, not a speed measure).
      if (view !== 'roadmap') {
        await expect
          .poll(() => frame.evaluate(() => Math.ceil(document.querySelector('[data-embed-root]')!.getBoundingClientRect().height)), { timeout: 60_000 })
          .toBeGreaterThan(wide.content);
      }
      const narrow = await heights(page, frame);
      if (view !== 'roadmap') expect(narrow.content).toBeGreaterThan(wide.content); // cards stack in one column
      // The view fits the narrow frame without sideways scrolling.
      expect(await frame.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
      expect(errors).toEqual([]);
      await page.close();
    },
  );

  // Chromium warns of it where the frame shares the page's origin (the preview on /vstraivanie/, tests/embed-layout.test.ts).
  it('the frame cannot lift its own sandbox, and the view still works in its opaque origin', async () => {
    const { page, frame, errors } = await open('mentors');
    const sandbox = (await page.locator('iframe').getAttribute('sandbox'))!.split(/\s+/);
    // Scripts with the site's own origin could remove the sandbox attribute from inside.
    expect(sandbox).toContain('allow-scripts');
    expect(sandbox).not.toContain('allow-same-origin');
    // The view runs in an opaque origin: it sees no storage of the site, and needs none.
    expect(await frame.evaluate(() => origin)).toBe('null');
    await heights(page, frame);
    expect(await frame.locator('.mentor-card').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a link in the frame opens in the top window', async () => {
    const { page, frame } = await open('mentors');
    const link = frame.locator('a[href*="/nastavniki/"]').first();
    const href = await link.getAttribute('href');
    await link.click();
    await page.waitForURL(`${site.url}${href!.replace(/^\//, '')}`);
    expect(page.url().startsWith(site.url)).toBe(true);
    await page.close();
  });

  it('a forged message from a third origin does not change the frame', async () => {
    const { page, frame } = await open('mentors');
    const before = await heights(page, frame);
    const id = new URL((await page.locator('iframe').getAttribute('src')) as string).searchParams.get('frame');
    // The forger knows the frame's id and sends the right message type, from its own origin.
    await page.evaluate((src) => {
      const f = document.createElement('iframe');
      f.src = src;
      document.body.append(f);
      return new Promise((resolve) => f.addEventListener('load', resolve));
    }, `${forger.url}?frame=${id}`);
    // Also a message posted by the host page itself (its own origin, not the site's).
    await page.evaluate((frameId) => window.postMessage({ type: 'nastavnichestvo:height', frame: frameId, height: 55 }, '*'), id);
    await page.waitForTimeout(500);
    expect(
      await page
        .locator('iframe')
        .first()
        .evaluate((f) => f.getBoundingClientRect().height),
    ).toBe(before.outer);
    await page.close();
  });
});
