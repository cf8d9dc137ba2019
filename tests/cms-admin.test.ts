/**
 * The editor page in the built site (the shared builds at the root and under BASE_PATH,
 * tests/helpers/site.ts): /admin/ exists, is not indexed; with no Git host in the settings it loads no editor (the bundle from
 * /_astro/, never a CDN, is checked on a connected build: tests/new-section.test.ts); no public page loads anything
 * carrying Decap; the sitemap leaves /admin/ out.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { htmlFiles, load, loadedFiles } from './helpers/html.ts';
import { BASE_PATH, listFiles, OUT } from './helpers/project.ts';
import { builtSite } from './helpers/site.ts';

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

  it("with no Git host in the demo's settings, says in Russian how to connect one and loads no editor and no login form", () => {
    const root = load(adminPage);
    expect(root.querySelector('[data-editor-setup] h1')?.textContent).toBe('Редактор не подключён');
    expect(root.textContent).toMatch(/npm run cms/);
    expect(root.querySelectorAll('script[src], form, input, iframe')).toHaveLength(0);
    expect([...loadedFiles(dist, base, adminPage)].filter((f) => /\.m?js$/.test(f))).toEqual([]);
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
