/**
 * Hostile content: an editor pastes HTML, scripts, event handlers and javascript: links into
 * fields and texts, breaks the Markdown, writes a 3,000-character line. The build succeeds,
 * every such thing is shown as text or removed, and nothing runs in the browser.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { chromiumPath, launch } from './helpers/browser.ts';
import { htmlFiles, load, markupErrors } from './helpers/html.ts';
import { serve } from './helpers/serve.ts';
import { astroBuild, fixtureCopy, projectRelative, TMP } from './helpers/project.ts';

const TITLE = '<script>window.__pwned = 1</script>Школа <b>молодого</b> педагога "><img src=x onerror="window.__pwned = 2">';
const LONG = 'Оченьдлинноесловобезпробелов'.repeat(110);
const out = join(TMP, 'dist-hostile');
let content = '';

function plant() {
  content = fixtureCopy('hostile');
  const edit = (file: string, change: (text: string) => string) => writeFileSync(join(content, file), change(readFileSync(join(content, file), 'utf8')));
  edit('practices/test-practice.md', (t) =>
    t
      .replace('title: Школа молодого педагога', `title: ${JSON.stringify(TITLE)}`)
      .replace('summary: Год поддержки для молодых учителей.', `summary: ${JSON.stringify(`<iframe src="javascript:window.__pwned = 3"></iframe> ${LONG}`)}`)
      .concat(
        '\n<script>window.__pwned = 4</script>\n\n[опасная ссылка](javascript:window.__pwned=5) и <a href="javascript:window.__pwned=6">ещё одна</a>\n\n' +
          '<div onclick="window.__pwned = 7" onmouseover="window.__pwned = 8">наведите сюда</div>\n\n<img src="x" onerror="window.__pwned = 9">\n\n' +
          '**незакрытое выделение и [ссылка( без конца\n\n<style>body { display: none }</style>\n',
      ),
  );
  edit('mentors/ivanova-anna.yaml', (t) => `${t}quote: ${JSON.stringify('</p><script>window.__pwned = 10</script>')}\n`);
  edit('organizations/uo-test.yaml', (t) =>
    t.replace('name: Управление образования Тестового округа', `name: ${JSON.stringify('Управление <svg onload="window.__pwned = 11"> образования')}`),
  );
}

describe('hostile content', () => {
  let build: { status: number | null; output: string };
  beforeAll(() => {
    plant();
    build = astroBuild({ CONTENT_ROOT: projectRelative(content), OUT_DIR: out });
  }, 300_000);
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('builds', () => expect(build.status, build.output.slice(-3000)).toBe(0));

  it('keeps every page valid HTML', async () => expect(await markupErrors(out)).toEqual([]));

  it('no page carries a planted script, event handler or javascript: address', () => {
    const found: string[] = [];
    for (const file of htmlFiles(out)) {
      const root = load(file);
      for (const el of root.querySelectorAll('*')) {
        for (const [name, value] of Object.entries(el.attributes)) {
          if (/^on/i.test(name)) found.push(`${file.slice(out.length)}: <${el.tagName} ${name}>`);
          if (/^\s*javascript:/i.test(value)) found.push(`${file.slice(out.length)}: ${name}=${value}`);
        }
        if (el.tagName === 'SCRIPT' && el.textContent.includes('__pwned')) found.push(`${file.slice(out.length)}: <script> ${el.textContent.slice(0, 40)}`);
      }
      // The site's own content has no frames or style blocks: any there came from a text.
      for (const el of root.querySelector('main')?.querySelectorAll('iframe, style, object, embed') ?? [])
        found.push(`${file.slice(out.length)}: <${el.tagName}> in the content`);
    }
    expect(found).toEqual([]);
  });

  it('HTML typed into a field is shown as text', () => {
    const page = load(join(out, 'praktiki/test-practice/index.html'));
    expect(page.querySelector('h1')!.textContent).toContain('<script>window.__pwned = 1</script>Школа <b>молодого</b>');
    expect(page.querySelector('h1 b')).toBeNull();
  });

  describe.skipIf(!chromiumPath)('in the browser', () => {
    let browser: Browser;
    let site: Awaited<ReturnType<typeof serve>>;
    beforeAll(async () => {
      browser = await launch();
      site = await serve(out, '/');
    });
    afterAll(async () => {
      await browser?.close();
      await site?.close();
    });

    it('nothing runs: not on load, not on hover or click, on any page that shows the content', async () => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const dialogs: string[] = [];
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      for (const path of [
        '',
        'praktiki/',
        'praktiki/test-practice/',
        'nastavniki/ivanova-anna/',
        'organizacii/uo-test/',
        'embed/practices/uo-test/',
        'poisk/?q=Школа',
      ]) {
        await page.goto(site.url + path);
        await page.waitForLoadState('networkidle');
        const planted = page.getByText('наведите сюда');
        if (await planted.count()) {
          await planted.first().hover();
          await planted.first().click();
        }
        for (const link of await page.getByText(/опасная ссылка|ещё одна/).all()) await link.click({ noWaitAfter: true }).catch(() => {});
        expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), path || '/').toBeUndefined();
        expect(await page.evaluate(() => getComputedStyle(document.body).display), path || '/').not.toBe('none');
        // The long line wraps instead of pushing the page sideways.
        expect(await page.evaluate(() => document.documentElement.scrollWidth), path || '/').toBeLessThanOrEqual(1280);
      }
      expect(dialogs).toEqual([]);
      await page.close();
    });
  });
});
