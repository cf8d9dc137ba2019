/**
 * The security headers the build writes for static hosts (_headers, nginx snippet): every page
 * gets the intended headers however the host combines the rules (Cloudflare Pages, Netlify,
 * nginx); the policy allows only real inline scripts and styles; the pages, the search, the
 * embed builder and an embedded view run under that Content-Security-Policy with no violation
 * in Chromium.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { headerRules as buildRules, headerSets, headersFile, inlineHashes, inlineSources } from '../src/integrations/security-headers.ts';
import { chromiumPath, launch } from './helpers/browser.ts';
import { htmlFiles } from './helpers/html.ts';
import { cloudflare, parseRules, serve } from './helpers/serve.ts';
import { astroBuild, BASE_PATH, fixtureCopy, OUT, projectRelative, TMP } from './helpers/project.ts';
import { PAGE_TYPES } from './helpers/pages.ts';

type Headers = Record<string, string>;
type Host = (path: string) => Headers;

/**
 * Netlify, as its own engine does it (netlify/build, packages/headers-parser: line_parser.ts
 * and for_regexp.ts; netlify/primitives, packages/headers/src/lib/headersForPath.ts): a line
 * without a colon («! Name») is skipped; `/a/*` becomes `^/a/?(.*)/?$`, case-insensitive;
 * every matching rule applies in order, a later one replacing a header of an earlier one.
 */
function netlify(text: string): Host {
  const forRegExp = (path: string) => {
    const parts = path.split('/').map((p) => p.trimEnd()).filter(Boolean);
    const part = (p: string) => (p.startsWith(':') ? '([^/]+)' : p === '*' ? '?(.*)' : p.includes('*') ? p.replaceAll('*', '(.*)') : p.replace(/[|\\{}()[\]^$+*?.]/g, '\\$&').replace(/-/g, '\\x2d'));
    return new RegExp(`^/${parts.map(part).join('/')}/?$`, 'iu');
  };
  const rules = parseRules(text).map((r) => ({ ...r, regExp: forRegExp(r.path) }));
  return (path) => Object.assign({}, ...rules.filter((r) => r.regExp.test(path)).map((r) => r.set));
}

/**
 * nginx with the snippet included inside `location <base> { … }`: the location with the longest
 * matching prefix serves the request, with its own add_header lines, or those of the level
 * around it when it has none.
 */
function nginx(text: string, base: string): Host {
  const locations: { prefix: string; headers: Headers }[] = [{ prefix: base, headers: {} }];
  let current = locations[0];
  for (const line of text.split('\n').map((l) => l.trim())) {
    const open = /^location\s+(\S+)\s*\{$/.exec(line);
    if (open) locations.push((current = { prefix: open[1], headers: {} }));
    else if (line === '}') current = locations[0];
    else {
      const header = /^add_header\s+(\S+)\s+"([^"]*)"\s+always;$/.exec(line);
      if (header) current.headers[header[1]] = header[2];
      else expect(line === '' || line.startsWith('#'), `непонятная строка: ${line}`).toBe(true);
    }
  }
  return (path) => {
    const served = locations.filter((l) => path.startsWith(l.prefix)).sort((a, b) => b.prefix.length - a.prefix.length)[0];
    if (!served) return {};
    return Object.keys(served.headers).length ? served.headers : locations[0].headers;
  };
}

const HARDENING: Headers = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Strict-Transport-Security': 'max-age=31536000',
};
const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/**
 * The headers a page must get: outside /embed/ X-Frame-Options SAMEORIGIN and one policy with
 * frame-ancestors 'self'; under /embed/ no X-Frame-Options and one policy with frame-ancestors *
 * (nothing stricter); /admin/ no policy and no opener isolation; all the hardening headers.
 */
function expectIntended(headers: Headers, area: 'site' | 'embed' | 'admin', inline: { scripts: string[]; styles: string[] }, where: string) {
  const { 'Cross-Origin-Opener-Policy': coop, ...rest } = HARDENING;
  for (const [name, value] of Object.entries(area === 'admin' ? rest : HARDENING)) expect(headers[name], `${where}: ${name}`).toBe(value);
  if (area === 'admin') {
    expect(headers['Content-Security-Policy'], `${where}: политика`).toBeUndefined();
    expect(headers['Cross-Origin-Opener-Policy'], where).toBeUndefined();
    expect(headers['X-Frame-Options'], where).toBe('SAMEORIGIN');
    return;
  }
  expect(headers['Cross-Origin-Opener-Policy'], where).toBe(coop);
  const csp = headers['Content-Security-Policy'];
  expect(csp, `${where}: политика`).toBeTruthy();
  // A comma separates policies in one header; each is enforced, the strictest wins.
  expect(csp.includes(','), `${where}: несколько политик в одном заголовке: ${csp.slice(0, 300)}…`).toBe(false);
  const directives = csp.split(';').map((d) => d.trim().split(/\s+/));
  const directive = (name: string) => directives.filter(([n]) => n === name).map(([, ...values]) => values);
  expect(directive('frame-ancestors'), where).toEqual([[area === 'embed' ? '*' : "'self'"]]);
  if (area === 'embed') expect(headers['X-Frame-Options'], `${where}: X-Frame-Options`).toBeUndefined();
  else expect(headers['X-Frame-Options'], where).toBe('SAMEORIGIN');
  // The page's own inline scripts and styles are allowed by their hashes.
  for (const text of inline.scripts) expect(directive('script-src')[0], `${where}: скрипт ${text.slice(0, 60)}`).toContain(sha256(text));
  for (const text of inline.styles) expect(directive('style-src')[0], `${where}: стиль ${text.slice(0, 60)}`).toContain(sha256(text));
}

/** The addresses a page is served at: `/x/` and `/x/index.html` for an index, its own path otherwise. */
function addresses(dist: string, file: string, base: string): string[] {
  const path = relative(dist, file).split(sep).join('/');
  return path === 'index.html' || path.endsWith('/index.html') ? [`${base}${path.slice(0, -'index.html'.length)}`, `${base}${path}`] : [`${base}${path}`];
}

function expectEveryPage(dist: string, base: string) {
  const rules = readFileSync(join(dist, '_headers'), 'utf8');
  const hosts: [string, Host][] = [
    ['Cloudflare Pages', cloudflare(rules)],
    ['Netlify', netlify(rules)],
    ['nginx', nginx(readFileSync(join(dist, 'nginx-security-headers.conf'), 'utf8'), base)],
  ];
  const pages = htmlFiles(dist);
  expect(pages.length).toBeGreaterThan(5);
  const areas = new Set<string>();
  for (const file of pages) {
    const top = relative(dist, file).split(sep)[0];
    const area = top === 'embed' ? 'embed' : top === 'admin' ? 'admin' : 'site';
    areas.add(area);
    const inline = area === 'admin' ? { scripts: [], styles: [] } : inlineSources(readFileSync(file, 'utf8'));
    for (const path of addresses(dist, file, base)) for (const [host, headersFor] of hosts) expectIntended(headersFor(path), area, inline, `${host} ${path}`);
  }
  expect([...areas].sort()).toEqual(['admin', 'embed', 'site']);
}

describe('the headers a host sends for every page', () => {
  it.each([
    ['without a base path', OUT.root, '/'],
    [`with BASE_PATH=${BASE_PATH}`, OUT.base, `${BASE_PATH}/`],
  ])('%s: Cloudflare Pages, Netlify and nginx each give every page the intended headers', (_, dist, base) => expectEveryPage(dist, base));

  it('a top-level name that begins another with different headers stops the build (Netlify would apply both rules)', () => {
    const dir = join(TMP, 'headers-loose');
    rmSync(dir, { recursive: true, force: true });
    for (const name of ['embed', 'adminka', 'og', 'organizacii']) mkdirSync(join(dir, name), { recursive: true });
    writeFileSync(join(dir, 'embed.js'), '');
    const sets = headerSets({ scripts: [], styles: [] });
    const file = headersFile(buildRules(dir, '/', sets));
    for (const [host, headersFor] of [['Cloudflare Pages', cloudflare(file)], ['Netlify', netlify(file)]] as const) {
      expect(headersFor('/embed.js'), host).toEqual(sets.site);
      expect(headersFor('/embed/x/'), host).toEqual(sets.embed);
      expect(headersFor('/adminka/'), host).toEqual(sets.site);
    }
    mkdirSync(join(dir, 'emb'));
    expect(() => buildRules(dir, '/', sets)).toThrow(/\/emb\/\* относится и к \/embed\/\*/);
    rmSync(dir, { recursive: true, force: true });
  });

  it('the host models tell the rules apart: a broad rule and an /embed/ rule give /embed/ two policies on Cloudflare, X-Frame-Options on Netlify', () => {
    const policy = (ancestors: string) => `default-src 'self'; frame-ancestors ${ancestors}`;
    const rules = `/*\n  X-Frame-Options: SAMEORIGIN\n  Content-Security-Policy: ${policy("'self'")}\n\n/embed/*\n  ! X-Frame-Options\n  Content-Security-Policy: ${policy('*')}\n`;
    expect(cloudflare(rules)('/embed/mentors/')).toEqual({ 'Content-Security-Policy': `${policy("'self'")}, ${policy('*')}` });
    expect(netlify(rules)('/embed/mentors/')).toEqual({ 'X-Frame-Options': 'SAMEORIGIN', 'Content-Security-Policy': policy('*') });
    // Netlify's `/embed/*` also matches `/embed.js`; Cloudflare's does not.
    expect(netlify('/embed/*\n  A: 1\n')('/embed.js')).toEqual({ A: '1' });
    expect(cloudflare('/embed/*\n  A: 1\n')('/embed.js')).toEqual({});
    const conf = `add_header A "1" always;\nlocation /embed/ {\n    add_header B "2" always;\n}\n`;
    expect(nginx(conf, '/')('/embed/x/')).toEqual({ B: '2' });
    expect(nginx(conf, '/')('/x/')).toEqual({ A: '1' });
  });
});

describe('inline scripts and styles are taken from real elements only', () => {
  const PLANTED = 'window.__planted = 1';
  const real = 'document.documentElement.dataset.ready = "1"';
  // How Astro writes attribute values: & and " escaped, < and > as they are.
  const pages = {
    'attributes.html': `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>&lt;script&gt;${PLANTED}&lt;/script&gt;</title>
<meta property="og:title" content="<script>${PLANTED}</script>">
<meta name="description" content="a > b <script>${PLANTED}</script> &#34;quoted&#34;">
<script>${real}</script>
<style>body { color: #111 }</style>
</head><body>
<a href="https://school.example/?q=<script>${PLANTED}</script>">ссылка</a>
<a title='<style>body { display: none }</style>' href="/">ещё</a>
<textarea><script>${PLANTED}</script></textarea>
<!-- <script>${PLANTED}</script> -->
<script type="application/ld+json">{"name": "x"}</script>
<script type="module">
  const x = '<script>' + "<\\/script>";
</script>
<script src="/x.js"></script>
<noscript><style>.js-only { display: none }</style><script>${PLANTED}</script></noscript>
<pre><script>window.__inPre = 1</script></pre>
</body></html>`,
    'crlf.html': `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>CRLF</title>\r\n<script>\r\nwindow.__crlf = 1;\r\n</script></head><body><p>İstanbul</p><script>window.__afterTurkish = 1</script></body></html>`,
  };
  const expected = {
    'attributes.html': {
      scripts: [real, `\n  const x = '<script>' + "<\\/script>";\n`, 'window.__inPre = 1'],
      styles: ['body { color: #111 }', '.js-only { display: none }'],
    },
    'crlf.html': { scripts: ['\nwindow.__crlf = 1;\n', 'window.__afterTurkish = 1'], styles: [] },
  };
  const dir = join(TMP, 'inline-sources');
  beforeAll(() => {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(join(dir, 'admin'), { recursive: true });
    for (const [name, html] of Object.entries(pages)) writeFileSync(join(dir, name), html);
    writeFileSync(join(dir, 'admin/index.html'), `<script>window.__editor = 1</script>`);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a «<script>» inside an attribute, a title, a textarea or a comment is text; real scripts and styles are found byte for byte', () => {
    for (const [name, html] of Object.entries(pages)) expect(inlineSources(html), name).toEqual(expected[name as keyof typeof expected]);
    const hashes = inlineHashes(dir);
    expect(hashes.scripts).not.toContain(sha256(PLANTED));
    expect(hashes.scripts).not.toContain(sha256('window.__editor = 1'));
    expect(hashes.scripts).toContain(sha256(real));
    expect(hashes.styles).not.toContain(sha256('body { display: none }'));
  });

  it.skipIf(!chromiumPath)('Chromium sees the same scripts and styles', async () => {
    const browser = await launch();
    try {
      for (const [name, html] of Object.entries(pages)) {
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
        expect(seen, name).toEqual(expected[name as keyof typeof expected]);
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
      const all = htmlFiles(out).map((f) => readFileSync(f, 'utf8')).join('\n');
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
