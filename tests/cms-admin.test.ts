/**
 * The editor page in the built site (the shared builds at the root and under BASE_PATH,
 * tests/helpers/site.ts): /admin/ exists, is not indexed, loads Decap from its own bundle in
 * /_astro/ (never from a CDN), and no public page loads that bundle or anything
 * carrying Decap; the sitemap leaves /admin/ out.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { htmlFiles, load, references } from './helpers/html.ts';
import { BASE_PATH, listFiles, OUT } from './helpers/project.ts';
import { builtSite } from './helpers/site.ts';

/** A local URL of the built site → the file in dist, or null for other hosts, anchors and data: URLs. */
function localFile(dist: string, base: string, url: string): string | null {
  if (!url.startsWith(base)) return null;
  const path = decodeURIComponent(url.slice(base.length).split(/[?#]/)[0]);
  const file = join(dist, path);
  if (existsSync(join(file, 'index.html'))) return join(file, 'index.html');
  return existsSync(file) ? file : null;
}

/** Relative and root-relative imports inside a built script (static and dynamic). */
function scriptImports(dist: string, base: string, file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)["'`]([^"'`]+\.m?js)["'`]/g)) {
    const spec = m[1];
    const target = spec.startsWith('/') ? localFile(dist, base, spec) : spec.startsWith('.') ? join(file, '..', spec) : null;
    if (target && existsSync(target)) out.push(target);
  }
  return out;
}

/** Every local script, stylesheet and other file a page loads, following script imports. */
function loadedFiles(dist: string, base: string, page: string): Set<string> {
  const root = load(page);
  const found = new Set<string>();
  const queue: string[] = [];
  for (const { tag, attr, url } of references(root)) {
    // Links between pages are not loads; <link> (stylesheet, modulepreload, icon) and src= are.
    if (tag === 'a' || tag === 'form' || (attr === 'href' && tag !== 'link')) continue;
    const file = localFile(dist, base, url);
    if (file && !file.endsWith('.html')) queue.push(file);
  }
  while (queue.length) {
    const file = queue.pop()!;
    if (found.has(file)) continue;
    found.add(file);
    if (/\.m?js$/.test(file)) queue.push(...scriptImports(dist, base, file));
  }
  return found;
}

describe.each([
  ['without a base path', 'root', '/'],
  [`with BASE_PATH=${BASE_PATH}`, 'base', `${BASE_PATH}/`],
] as const)('the editor page %s', (_, kind, base) => {
  const dist = OUT[kind];
  const adminPage = join(dist, 'admin/index.html');
  beforeAll(() => {
    builtSite(kind);
  });

  it('exists and asks search engines not to index it', () => {
    expect(existsSync(adminPage)).toBe(true);
    const root = load(adminPage);
    const robots = root.querySelector('meta[name="robots"]')?.getAttribute('content') ?? '';
    expect(robots).toMatch(/noindex/);
    expect(robots).toMatch(/nofollow/);
    expect(root.querySelector('title')?.textContent).toBe('Редактор раздела «Наставничество»');
  });

  it('loads Decap from a module bundled into /_astro/, not from another host', () => {
    const scripts = load(adminPage).querySelectorAll('script[src]');
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) {
      const src = script.getAttribute('src')!;
      expect(src.startsWith(`${base}_astro/`), src).toBe(true);
      expect(script.getAttribute('type')).toBe('module');
    }
    const bundle = [...loadedFiles(dist, base, adminPage)].filter((f) => /\.m?js$/.test(f));
    expect(bundle.length).toBeGreaterThan(0);
    // The check on the public pages below would prove nothing if the bundle did not say «decap».
    expect(bundle.some((f) => /decap/i.test(readFileSync(f, 'utf8')))).toBe(true);
  });

  it('is the only page that loads the editor: no public page references its script or anything carrying Decap', () => {
    // Vite's small runtime helpers (e.g. preload-helper for import()) may be shared with the
    // search page; any file with Decap or React in it, or the editor's own entry, may not.
    const adminFiles = [...loadedFiles(dist, base, adminPage)].filter((f) => /\.m?js$/.test(f) && /decap|react/i.test(readFileSync(f, 'latin1')));
    const offending: string[] = [];
    for (const page of htmlFiles(dist)) {
      if (page === adminPage) continue;
      const name = page.slice(dist.length);
      const html = readFileSync(page, 'utf8');
      if (/decap/i.test(html)) offending.push(`${name}: the page itself mentions decap`);
      for (const file of loadedFiles(dist, base, page)) {
        if (adminFiles.includes(file)) offending.push(`${name}: loads the editor's ${file.slice(dist.length)}`);
        else if (/decap|react/i.test(readFileSync(file, 'latin1'))) offending.push(`${name}: loads ${file.slice(dist.length)}, which carries Decap or React`);
      }
    }
    expect(offending).toEqual([]);
  });

  it('is left out of the sitemap', () => {
    const sitemaps = listFiles(dist, (p) => /sitemap-\d+\.xml$/.test(p));
    expect(sitemaps.length).toBeGreaterThan(0);
    const locs = sitemaps.flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname));
    expect(locs).toContain(base); // the sitemap is there and lists the home page
    expect(locs.filter((path) => /\/admin(\/|$)/.test(path))).toEqual([]);
  });
});
