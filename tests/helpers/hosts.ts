/**
 * How static hosts apply the security headers the build writes (_headers, the nginx snippet),
 * and what every page must get: the models of Netlify and nginx (Cloudflare Pages is in
 * serve.ts), the intended headers per area of the site, and two hand-written pages whose
 * «<script>» in attributes, titles and comments is text, not script.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { expect } from 'vitest';
import { inlineSources } from '../../src/integrations/security-headers.ts';
import { htmlFiles } from './html.ts';
import { cloudflare, parseRules } from './serve.ts';

type Headers = Record<string, string>;
type Host = (path: string) => Headers;

/**
 * Netlify, as its own engine does it (netlify/build, packages/headers-parser: line_parser.ts
 * and for_regexp.ts; netlify/primitives, packages/headers/src/lib/headersForPath.ts): a line
 * without a colon («! Name») is skipped; `/a/*` becomes `^/a/?(.*)/?$`, case-insensitive;
 * every matching rule applies in order, a later one replacing a header of an earlier one.
 */
export function netlify(text: string): Host {
  const forRegExp = (path: string) => {
    const parts = path
      .split('/')
      .map((p) => p.trimEnd())
      .filter(Boolean);
    const part = (p: string) =>
      p.startsWith(':')
        ? '([^/]+)'
        : p === '*'
          ? '?(.*)'
          : p.includes('*')
            ? p.replaceAll('*', '(.*)')
            : p.replace(/[|\\{}()[\]^$+*?.]/g, '\\$&').replace(/-/g, '\\x2d');
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
export function nginx(text: string, base: string): Host {
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
export const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/**
 * The headers a page must get: outside /embed/ X-Frame-Options SAMEORIGIN and one policy with
 * frame-ancestors 'self'; under /embed/ no X-Frame-Options and one policy with frame-ancestors *
 * (nothing stricter); /admin/ no policy and no opener isolation; all the hardening headers.
 */
export function expectIntended(headers: Headers, area: 'site' | 'embed' | 'admin', inline: { scripts: string[]; styles: string[] }, where: string) {
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

export function expectEveryPage(dist: string, base: string) {
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

/** A script planted as text into attributes, a title, a textarea, a comment: never to be allowed by hash. */
export const PLANTED = 'window.__planted = 1';
/** The one real inline script of the hand-written page. */
export const REAL_SCRIPT = 'document.documentElement.dataset.ready = "1"';
/** Two hand-written pages; attribute values as Astro writes them: & and " escaped, < and > as they are. */
export const INLINE_PAGES = {
  'attributes.html': `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>&lt;script&gt;${PLANTED}&lt;/script&gt;</title>
<meta property="og:title" content="<script>${PLANTED}</script>">
<meta name="description" content="a > b <script>${PLANTED}</script> &#34;quoted&#34;">
<script>${REAL_SCRIPT}</script>
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
/** The inline scripts and styles of each page, byte for byte, as a browser finds them. */
export const INLINE_EXPECTED: Record<keyof typeof INLINE_PAGES, { scripts: string[]; styles: string[] }> = {
  'attributes.html': {
    scripts: [REAL_SCRIPT, `\n  const x = '<script>' + "<\\/script>";\n`, 'window.__inPre = 1'],
    styles: ['body { color: #111 }', '.js-only { display: none }'],
  },
  'crlf.html': { scripts: ['\nwindow.__crlf = 1;\n', 'window.__afterTurkish = 1'], styles: [] },
};
