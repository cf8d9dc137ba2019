/**
 * Long lists are split into pages: a generated corpus of 120 entries (54 practices, 54 mentors)
 * built into three pages of each list, where every practice and mentor appears exactly once and
 * the pager's links lead between the pages. (The page arithmetic: tests/pagination.test.ts.)
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGE_SIZE } from '../src/lib/pagination.ts';
import { generateCorpus } from '../scripts/bench/corpus.ts';
import { load, markupErrors } from './helpers/html.ts';
import { astroBuild, projectRelative, ROOT, TMP } from './helpers/project.ts';

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
