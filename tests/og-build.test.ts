/**
 * Share images and link previews in the build: every built page has complete Open Graph /
 * Twitter meta whose image is a 1200×630 PNG in dist/ of at most 300 KB; the cache renders
 * nothing on an unchanged rebuild and one image for one change. (Text inside the card's boxes:
 * tests/og.test.ts.)
 */
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { checkContent } from '../src/integrity/check.ts';
import { HEIGHT, WIDTH } from '../src/og/templates.ts';
import { htmlFiles, load } from './helpers/html.ts';
import { astroBuild, BASE_PATH, fixtureCopy, listFiles, OUT, projectRelative, ROOT, TMP } from './helpers/project.ts';
import { builtSite } from './helpers/site.ts';

describe.each([
  ['without a base path', 'root', ''],
  [`with BASE_PATH=${BASE_PATH}`, 'base', BASE_PATH],
] as const)('link previews %s', (_, kind, base) => {
  const site = 'https://nastavnichestvo.example';
  const dist = OUT[kind];
  let pages: string[] = [];
  beforeAll(() => {
    // The editor at /admin/ is not shared: it has no link preview (and reads no content, see src/pages/admin/index.astro).
    pages = htmlFiles(builtSite(kind)).filter((file) => !file.includes('/admin/'));
  });

  it('every HTML page has the Open Graph and Twitter meta, with absolute addresses under the base path', () => {
    expect(pages.length).toBeGreaterThan(50);
    for (const file of pages) {
      const root = load(file);
      const meta = (key: string) => root.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute('content');
      const where = file.slice(dist.length);
      for (const key of ['og:title', 'og:description', 'og:image:alt', 'og:site_name']) expect(meta(key), `${where}: ${key}`).toBeTruthy();
      expect(meta('og:locale'), where).toBe('ru_RU');
      expect(['website', 'article'], where).toContain(meta('og:type'));
      expect(meta('twitter:card'), where).toBe('summary_large_image');
      expect(meta('og:url'), where).toMatch(new RegExp(`^${site}${base}/`));
      expect(meta('og:image'), where).toMatch(new RegExp(`^${site}${base}/og/.+\\.png$`));
      expect(root.querySelector('link[rel="canonical"]')?.getAttribute('href'), where).toMatch(new RegExp(`^${site}${base}/`));
    }
  });

  it('every og:image is a file in dist/: a 1200×630 PNG of at most 300 KB, as its meta says', async () => {
    const checked = new Set<string>();
    for (const file of pages) {
      const root = load(file);
      const image = root.querySelector('meta[property="og:image"]')!.getAttribute('content')!;
      expect(root.querySelector('meta[property="og:image:width"]')!.getAttribute('content')).toBe(String(WIDTH));
      expect(root.querySelector('meta[property="og:image:height"]')!.getAttribute('content')).toBe(String(HEIGHT));
      const path = join(dist, new URL(image).pathname.slice(base.length));
      if (checked.has(path)) continue;
      checked.add(path);
      const meta = await sharp(path).metadata();
      expect([meta.format, meta.width, meta.height], image).toEqual(['png', WIDTH, HEIGHT]);
      expect(statSync(path).size, image).toBeLessThanOrEqual(300 * 1024);
    }
    // A card of its own for every material page, plus the section's.
    expect(checked.size).toBe(checkContent(ROOT).entries.filter((e) => e.collection !== 'settings').length + 1);
  });
});

describe('the image cache', () => {
  it('renders every card once, none on an unchanged rebuild, and only the changed practice’s card after an edit', () => {
    const cache = join(TMP, 'og-cache');
    const content = fixtureCopy('og-cache');
    const out = join(TMP, 'dist-og-cache');
    // Everything a build keeps between builds: Astro's and ours (content check, parsed files,
    // typography, inline sources) in the content root's cache folder, and the share images.
    const astroCache = join(TMP, 'og-cache-astro');
    const emptyCaches = () => {
      for (const dir of [cache, astroCache]) rmSync(dir, { recursive: true, force: true });
      mkdirSync(cache, { recursive: true });
    };
    const build = () => {
      const result = astroBuild({ CONTENT_ROOT: projectRelative(content), OUT_DIR: out, OG_CACHE_DIR: cache, ASTRO_CACHE_ROOT: projectRelative(astroCache) });
      expect(result.status, result.output.slice(-2000)).toBe(0);
      const m = /картинки для ссылок: отрисовано (\d+), из кэша (\d+)/.exec(result.output);
      expect(m, 'сборка не сообщила о картинках').not.toBeNull();
      return { rendered: Number(m![1]), reused: Number(m![2]), output: result.output };
    };
    /** Every file of the build (pages, images, feeds, the search index, the headers), by its bytes. */
    const files = () => Object.fromEntries(listFiles(out).map((f) => [f.slice(out.length), readFileSync(f).toString('base64')]));
    const differing = (a: Record<string, string>, b: Record<string, string>) => {
      expect(Object.keys(a).sort()).toEqual(Object.keys(b).sort());
      return Object.keys(a).filter((f) => a[f] !== b[f]);
    };
    emptyCaches();
    const first = build();
    expect(first.rendered).toBeGreaterThan(5);
    expect(first.reused).toBe(0);
    const cold = files();
    const second = build();
    expect([second.rendered, second.reused]).toEqual([0, first.rendered]);
    // The warm build took its results from the caches, not from doing the work again…
    expect(second.output).toMatch(/из кэша: ничего не изменилось/);
    expect(second.output).toMatch(/страниц разобрано: 0/);
    expect(second.output).toMatch(/поисковый индекс: \d+ страниц с материалами из \d+ просмотренных \(разобрано: 0,/);
    // …and is the cold one byte for byte: the same pages, every image the same as the one rendered.
    const warm = files();
    expect(Object.keys(warm).filter((f) => f.endsWith('.png')).length).toBeGreaterThan(5);
    expect(differing(warm, cold)).toEqual([]);

    const practice = join(content, 'practices/test-practice.md');
    writeFileSync(practice, readFileSync(practice, 'utf8').replace('title: Школа молодого педагога', 'title: Школа молодого учителя'));
    const edit = build();
    expect([edit.rendered, edit.reused]).toEqual([1, first.rendered - 1]);
    expect(edit.output).toMatch(/разобрано заново: 1\sфайл,/);
    const edited = files();
    expect(edited['/praktiki/test-practice/index.html']).not.toBe(cold['/praktiki/test-practice/index.html']);
    // What an edit gets from the caches is what a build of the edited content from nothing makes.
    emptyCaches();
    expect(build().reused).toBe(0);
    expect(differing(edited, files())).toEqual([]);
    rmSync(out, { recursive: true, force: true });
  }, 420_000);
});
