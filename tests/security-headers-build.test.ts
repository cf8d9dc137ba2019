/**
 * The security headers in a built site: every page gets the intended headers however the host
 * combines the rules (Cloudflare Pages, Netlify, nginx); a build whose content carries
 * «<script>» keeps its hash out of the policy; Chromium finds the same inline scripts as the
 * build; the pages, the search, the embed builder and an embedded view run under that
 * Content-Security-Policy with no violation. (The rules and host models alone:
 * tests/security-headers.test.ts.)
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { chromiumPath, launch } from './helpers/browser.ts';
import { expectEveryPage, INLINE_EXPECTED, INLINE_PAGES, PLANTED, sha256 } from './helpers/hosts.ts';
import { htmlFiles } from './helpers/html.ts';
import { cloudflare, serve } from './helpers/serve.ts';
import { astroBuild, BASE_PATH, fixtureCopy, OUT, projectRelative, TMP } from './helpers/project.ts';
import { PAGE_TYPES } from './helpers/pages.ts';
import { builtSite } from './helpers/site.ts';

describe('the headers a host sends for every page', () => {
  beforeAll(() => {
    builtSite('root');
    builtSite('base');
  });

  it.each([
    ['without a base path', OUT.root, '/'],
    [`with BASE_PATH=${BASE_PATH}`, OUT.base, `${BASE_PATH}/`],
  ])('%s: Cloudflare Pages, Netlify and nginx each give every page the intended headers', (_, dist, base) => expectEveryPage(dist, base));
});

describe('inline scripts and styles are taken from real elements only', () => {
  it.skipIf(!chromiumPath)('Chromium sees the same scripts and styles', async () => {
    const browser = await launch();
    try {
      for (const [name, html] of Object.entries(INLINE_PAGES)) {
        const page = await browser.newPage({ javaScriptEnabled: false });
        await page.route('**/*', (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
        await page.goto('http://page.test/');
        const seen = await page.evaluate(() => ({
          scripts: [...document.querySelectorAll('script')]
            .filter((s) => !s.src && ['', 'module'].includes(s.type) && !s.closest('noscript'))
            .map((s) => s.textContent ?? ''),
          styles: [...document.querySelectorAll('style')].map((s) => s.textContent ?? ''),
        }));
        // With scripting off the browser parses <noscript> as markup: its style counts.
        expect(seen, name).toEqual(INLINE_EXPECTED[name as keyof typeof INLINE_EXPECTED]);
        await page.close();
      }
    } finally {
      await browser.close();
    }
  });

  describe('in a build whose content carries «<script>» in a title and an address', () => {
    const out = join(TMP, 'dist-headers-hostile');
    const TITLE = `<script>${PLANTED}</script>Школа молодого педагога`;
    const SITE = `https://school.example/?q=<script>window.__planted = 2</script>`;
    let build: { status: number | null; output: string };
    beforeAll(() => {
      const content = fixtureCopy('headers-hostile');
      const edit = (file: string, change: (text: string) => string) => writeFileSync(join(content, file), change(readFileSync(join(content, file), 'utf8')));
      edit('practices/test-practice.md', (t) => t.replace('title: Школа молодого педагога', `title: ${JSON.stringify(TITLE)}`));
      edit('organizations/uo-test.yaml', (t) => `${t}website: ${JSON.stringify(SITE)}\n`);
      build = astroBuild({ CONTENT_ROOT: projectRelative(content), OUT_DIR: out });
    }, 300_000);
    afterAll(() => rmSync(out, { recursive: true, force: true }));

    it('the planted text reaches attribute values, and its hash does not reach the policy', () => {
      expect(build.status, build.output.slice(-3000)).toBe(0);
      const all = htmlFiles(out)
        .map((f) => readFileSync(f, 'utf8'))
        .join('\n');
      expect(all).toContain(`content="<script>${PLANTED}</script>`);
      expect(all).toContain(`href="${SITE}"`);
      const rules = readFileSync(join(out, '_headers'), 'utf8');
      expect(rules).not.toContain(sha256(PLANTED));
      expect(rules).not.toContain(sha256('window.__planted = 2'));
      expectEveryPage(out, '/');
    });
  });
});

describe('security headers', () => {
  const headersFor = () => cloudflare(readFileSync(join(OUT.root, '_headers'), 'utf8'));
  beforeAll(() => {
    builtSite('root');
  });

  it('the build writes _headers and an nginx snippet with a CSP and the usual hardening headers', () => {
    const headers = headersFor()('/praktiki/');
    expect(headers['Content-Security-Policy']).toMatch(/default-src 'self'/);
    expect(headers['Content-Security-Policy']).toMatch(/frame-ancestors 'self'/);
    const directive = (name: string) => headers['Content-Security-Policy'].split('; ').find((d) => d.startsWith(`${name} `))!;
    expect(directive('script-src')).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
    expect(directive('style-src')).not.toMatch(/'unsafe-inline'/);
    for (const name of ['X-Content-Type-Options', 'Referrer-Policy', 'Permissions-Policy', 'X-Frame-Options', 'Strict-Transport-Security'])
      expect(headers[name], name).toBeTruthy();
    const embed = headersFor()('/embed/mentors/');
    expect(embed['X-Frame-Options']).toBeUndefined();
    expect(embed['Content-Security-Policy']).toMatch(/frame-ancestors \*/);
    const nginxConf = readFileSync(join(OUT.root, 'nginx-security-headers.conf'), 'utf8');
    expect(nginxConf).toContain(`add_header Content-Security-Policy "${headers['Content-Security-Policy']}" always;`);
  });

  describe.skipIf(!chromiumPath)('in the browser', () => {
    let browser: Browser;
    let site: Awaited<ReturnType<typeof serve>>;
    beforeAll(async () => {
      browser = await launch();
      site = await serve(OUT.root, '/', '127.0.0.1', headersFor());
    });
    afterAll(async () => {
      await browser?.close();
      await site?.close();
    });

    /** Every CSP violation in the page and its frames, as the browser reports them. */
    async function watch(page: Page): Promise<string[]> {
      const violations: string[] = [];
      await page.exposeFunction('__cspViolation', (text: string) => violations.push(text));
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) =>
          (window as unknown as { __cspViolation(t: string): void }).__cspViolation(`${e.violatedDirective} ${e.blockedURI} ${location.pathname}`),
        );
      });
      page.on('console', (m) => /Content Security Policy/.test(m.text()) && violations.push(m.text()));
      return violations;
    }

    it('the check notices a violation (an inline script that is not in the policy)', async () => {
      const page = await browser.newPage();
      const violations = await watch(page);
      await page.goto(site.url);
      await page.evaluate(() => {
        const s = document.createElement('script');
        s.textContent = 'window.__ran = true';
        document.body.append(s);
      });
      await expect.poll(() => violations.length).toBeGreaterThan(0);
      expect(await page.evaluate(() => (window as unknown as { __ran?: boolean }).__ran)).toBeUndefined();
      await page.close();
    });

    it('every page type, the search with results, the embed builder and its preview run with no violation', async () => {
      const page = await browser.newPage();
      const violations = await watch(page);
      for (const path of [...PAGE_TYPES, 'vstraivanie/']) {
        await page.goto(site.url + path);
        if (path.startsWith('poisk/')) await page.locator('.search-result').first().waitFor();
        if (path === 'vstraivanie/') await page.frameLocator('[data-embed-preview] iframe').locator('[data-embed-root]').waitFor();
        await page.waitForLoadState('networkidle');
      }
      // The low-vision mode, switched on by hand, runs under the policy too.
      await page.locator('[data-lv-toggle]').first().click();
      await page.waitForTimeout(200);
      expect(violations).toEqual([]);
      await page.close();
    });
  });
});
