/**
 * Long lists are split into pages: the page arithmetic, and a generated corpus of 120
 * entries (54 practices, 54 mentors) built into three pages of each list, where every
 * practice and mentor appears exactly once and the pager's links lead between the pages.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageParam, pagerNumbers, splitPages, PAGE_SIZE } from '../src/lib/pagination.ts';
import { generateCorpus } from '../scripts/bench/corpus.ts';
import { load, markupErrors } from './helpers/html.ts';
import { astroBuild, projectRelative, ROOT, TMP } from './helpers/project.ts';

describe('page arithmetic', () => {
  it('splits a list into pages of PAGE_SIZE, the first at the list’s own address', () => {
    const items = Array.from({ length: PAGE_SIZE * 2 + 1 }, (_, i) => i);
    const pages = splitPages(items, '/praktiki/');
    expect(pages.map((p) => p.items.length)).toEqual([PAGE_SIZE, PAGE_SIZE, 1]);
    expect(pages.flatMap((p) => p.items)).toEqual(items);
    expect([1, 2, 3].map((n) => pages[0].url(n))).toEqual(['/praktiki/', '/praktiki/2/', '/praktiki/3/']);
    expect(pages.every((p) => p.count === 3 && p.total === items.length)).toBe(true);
  });

  it('gives an empty list one empty page', () => {
    expect(splitPages([], '/x/')).toEqual([expect.objectContaining({ items: [], number: 1, count: 1, total: 0 })]);
  });

  it('shows the first, the last and two pages either side of the current, with gaps', () => {
    expect(pagerNumbers(1, 1)).toEqual([1]);
    expect(pagerNumbers(1, 4)).toEqual([1, 2, 3, 4]);
    expect(pagerNumbers(10, 20)).toEqual([1, null, 8, 9, 10, 11, 12, null, 20]);
    expect(pagerNumbers(4, 20)).toEqual([1, 2, 3, 4, 5, 6, null, 20]);
  });

  it('names the route parameter of each page', () => {
    expect(pageParam('', 1)).toBeUndefined();
    expect(pageParam('', 2)).toBe('2');
    expect(pageParam('forma/uchitel-uchitel', 1)).toBe('forma/uchitel-uchitel');
    expect(pageParam('forma/uchitel-uchitel', 3)).toBe('forma/uchitel-uchitel/3');
  });
});

describe('a corpus longer than a page', () => {
  const content = join(TMP, 'content', 'paginated');
  const out = join(TMP, 'dist-paginated');
  let build: { status: number | null; output: string };
  beforeAll(() => {
    generateCorpus(ROOT, content, 120);
    build = astroBuild({ CONTENT_ROOT: projectRelative(content), OUT_DIR: out });
  }, 300_000);
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  const cardLinks = (page: string, section: string) =>
    load(join(out, page, 'index.html'))
      .querySelectorAll('main .grid h3 a')
      .map((a) => a.getAttribute('href')!)
      .filter((h) => h.startsWith(`/${section}/`));

  it('builds', () => expect(build.status, build.output.slice(-3000)).toBe(0));

  it.each([
    ['praktiki', 'practices'],
    ['nastavniki', 'mentors'],
  ])('/%s/ shows every entry exactly once over its pages', (section, collection) => {
    const total = readFileSync(join(out, 'api', `${collection}.json`), 'utf8').match(/"id":/g)!.length;
    expect(total).toBeGreaterThan(PAGE_SIZE);
    const pages = Math.ceil(total / PAGE_SIZE);
    const shown = Array.from({ length: pages }, (_, i) => cardLinks(i ? `${section}/${i + 1}/` : `${section}/`, section));
    expect(shown.map((p) => p.length)).toEqual(Array.from({ length: pages }, (_, i) => Math.min(PAGE_SIZE, total - i * PAGE_SIZE)));
    expect(new Set(shown.flat()).size).toBe(total);
    expect(existsSync(join(out, section, String(pages + 1)))).toBe(false);
  });

  it('links the pages to each other, says which page it is, and stays valid HTML', async () => {
    const second = load(join(out, 'praktiki/2/index.html'));
    expect(second.querySelector('title')!.textContent).toContain('страница 2');
    expect(second.querySelector('.pager a[rel="prev"]')!.getAttribute('href')).toBe('/praktiki/');
    expect(second.querySelector('.pager a[aria-current="page"]')!.textContent).toBe('2');
    const first = load(join(out, 'praktiki/index.html'));
    expect(first.querySelector('.pager a[rel="next"]')!.getAttribute('href')).toBe('/praktiki/2/');
    expect(await markupErrors(join(out, 'praktiki'))).toEqual([]);
  });

  it('shows a few of a form’s practices and links to all of them when there are more', () => {
    const shortened = readdirSync(join(out, 'formy'), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => ({ id: d.name, page: load(join(out, 'formy', d.name, 'index.html')) }))
      .filter(({ page }) => page.querySelector('section[aria-labelledby="practices"] .more'));
    expect(shortened.length).toBeGreaterThan(0);
    for (const { id, page } of shortened) {
      expect(page.querySelectorAll('section[aria-labelledby="practices"] .grid > li')).toHaveLength(6);
      expect(page.querySelector('section[aria-labelledby="practices"] .more a')!.getAttribute('href')).toBe(`/praktiki/forma/${id}/`);
    }
  });

  it('keeps the feed to 50 practices however many there are', () => {
    const items = readFileSync(join(out, 'rss.xml'), 'utf8').match(/<item>/g)!.length;
    const practices = readFileSync(join(out, 'api', 'practices.json'), 'utf8').match(/"id":/g)!.length;
    expect(practices).toBeGreaterThan(50);
    expect(items).toBe(50);
  });
});
