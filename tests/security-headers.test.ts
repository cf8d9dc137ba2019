/**
 * The security headers the build writes for static hosts (_headers, nginx snippet): the
 * pages, the search, the embed builder and an embedded view run under that
 * Content-Security-Policy with no violation in Chromium.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { chromiumPath, launch } from './helpers/browser.ts';
import { hostHeaders, serve } from './helpers/serve.ts';
import { OUT } from './helpers/project.ts';
import { PAGE_TYPES } from './helpers/pages.ts';

describe('security headers', () => {
  const headersFor = () => hostHeaders(OUT.root);

  it('the build writes _headers and an nginx snippet with a CSP and the usual hardening headers', () => {
    const headers = headersFor()('/praktiki/');
    expect(headers['Content-Security-Policy']).toMatch(/default-src 'self'/);
    expect(headers['Content-Security-Policy']).toMatch(/frame-ancestors 'self'/);
    const directive = (name: string) => headers['Content-Security-Policy'].split('; ').find((d) => d.startsWith(`${name} `))!;
    expect(directive('script-src')).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
    expect(directive('style-src')).not.toMatch(/'unsafe-inline'/);
    for (const name of ['X-Content-Type-Options', 'Referrer-Policy', 'Permissions-Policy', 'X-Frame-Options', 'Strict-Transport-Security']) expect(headers[name], name).toBeTruthy();
    const embed = headersFor()('/embed/mentors/');
    expect(embed['X-Frame-Options']).toBeUndefined();
    expect(embed['Content-Security-Policy']).toMatch(/frame-ancestors \*/);
    const nginx = readFileSync(join(OUT.root, 'nginx-security-headers.conf'), 'utf8');
    expect(nginx).toContain(`add_header Content-Security-Policy "${headers['Content-Security-Policy']}" always;`);
  });

  describe.skipIf(!chromiumPath)('in the browser', () => {
    let browser: Browser;
    let site: Awaited<ReturnType<typeof serve>>;
    beforeAll(async () => {
      browser = await launch();
      site = await serve(OUT.root, '/', '127.0.0.1', hostHeaders(OUT.root));
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
        document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { __cspViolation(t: string): void }).__cspViolation(`${e.violatedDirective} ${e.blockedURI} ${location.pathname}`));
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
