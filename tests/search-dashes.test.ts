/**
 * Search that ignores how a dash or a quote is typed, in a real browser on the demo site built
 * under BASE_PATH: «ученик-ученик», «ученик – ученик» and «ученик—ученик» give the same results;
 * a word joined to another by an en dash or a non-breaking hyphen on the page («2026–2028»,
 * «коллега»–совместная») is found by each of its parts; and what the reader sees in a result
 * is the page's own text, dashes and quotes as written.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'node-html-parser';
import type { Browser, Page } from 'playwright-core';
import { chromiumPath, launch } from './helpers/browser.ts';
import { serve } from './helpers/serve.ts';
import { BASE_PATH } from './helpers/project.ts';
import { builtSite } from './helpers/site.ts';
import { searchThroughPage } from './helpers/search-ui.ts';

/** The indexed pages: address and the words of their <main> as Pagefind reads them. */
function indexedPages(dir: string) {
  const pages: { url: string; words: string[] }[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name === 'index.html') {
        const main = parse(readFileSync(path, 'utf8')).querySelector('main[data-pagefind-body]');
        if (!main) continue;
        main.querySelectorAll('[data-pagefind-ignore]').forEach((e) => e.remove());
        pages.push({ url: `${BASE_PATH}/${relative(dir, d)}/`.replace(/\/+$/, '/'), words: main.structuredText.split(/\s+/).filter(Boolean) });
      }
    }
  };
  walk(dir);
  return pages;
}

/** Dashes other than the ASCII hyphen: Pagefind's indexer splits words only at ASCII punctuation. */
const JOINED = /^[^\p{L}\p{N}]*([\p{L}\p{N}]+)[«»„“”‘’]*[‐‑‒–—―−][«»„“”‘’]*([\p{L}\p{N}]+)/u;
const bare = (word: string) =>
  word
    .toLowerCase()
    .replaceAll('ё', 'е')
    .replace(/[^\p{L}\p{N}]+/gu, '');

describe.skipIf(!chromiumPath)('search ignores dash and quote styles', () => {
  let browser: Browser;
  let site: Awaited<ReturnType<typeof serve>>;
  let page: Page;
  let pages: ReturnType<typeof indexedPages>;

  beforeAll(async () => {
    const dist = builtSite('base');
    pages = indexedPages(dist);
    browser = await launch();
    site = await serve(dist, `${BASE_PATH}/`);
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  /** Searches through the page's form as a visitor does; every result's link and its shown text. */
  const searchUi = async (q: string) => (await searchThroughPage(page, site.url, { q })).results;

  it('«ученик-ученик», «ученик – ученик» and «ученик—ученик» find the same pages in the same order, and many of them', async () => {
    const found = async (q: string) => (await searchUi(q)).map((r) => r.url);
    const hyphen = await found('ученик-ученик');
    expect(hyphen.length, 'ученик-ученик').toBeGreaterThan(1);
    for (const q of ['ученик – ученик', 'ученик—ученик', 'ученик‑ученик', 'Ученик − ученик', '«ученик-ученик»']) expect(await found(q), q).toEqual(hyphen);
  });

  it('quotes of any kind and «ё» do not change the results', async () => {
    const found = async (q: string) => (await searchUi(q)).map((r) => r.url);
    const plain = await found('Наставничество');
    expect(plain.length).toBeGreaterThan(1);
    for (const q of ['«Наставничество»', '„Наставничество“', '"Наставничество"', '“наставничество”']) expect(await found(q), q).toEqual(plain);
    expect(await found('отчет')).toEqual(await found('отчёт'));
  });

  it('«№ 273-ФЗ» finds what «273-ФЗ» does, and «ФЗ» alone finds those pages too: «№» and typography’s word joiner change nothing', async () => {
    const found = async (q: string) => (await searchUi(q)).map((r) => r.url);
    const plain = await found('273-ФЗ');
    expect(plain.length, '273-ФЗ').toBeGreaterThan(0);
    for (const q of ['№ 273-ФЗ', '№273-ФЗ', '273 ФЗ', '273‑ФЗ']) expect(await found(q), q).toEqual(plain);
    expect(await found('ФЗ')).toEqual(expect.arrayContaining(plain));
  });

  it('a word joined to another by an en dash or a non-breaking hyphen on the page is found by each of its parts', async () => {
    // Parts that the page has nowhere else (no word sharing their first five letters), so only
    // the joined word can bring the page up.
    const cases = new Map<string, { url: string; word: string; part: string }>();
    for (const p of pages) {
      const others = p.words.filter((w) => !JOINED.test(w)).map(bare);
      for (const word of p.words) {
        const parts = word.match(JOINED)?.slice(1) ?? [];
        for (const part of parts.map(bare).filter((x) => x.length >= 4)) {
          if (others.some((o) => o.startsWith(part.slice(0, 5)))) continue;
          cases.set(`${p.url} ${part}`, { url: p.url, word, part });
        }
      }
    }
    expect(cases.size, 'на страницах нет слов, соединённых тире без пробелов').toBeGreaterThan(0);
    for (const { url, word, part } of [...cases.values()].slice(0, 12)) {
      const results = await searchUi(part);
      expect(
        results.map((r) => r.url),
        `«${part}» не находит ${url}, где написано «${word}»`,
      ).toContain(url);
    }
  });

  it('a result shows the page’s own dashes and quotes, not the marks the index keeps', async () => {
    const results = await searchUi('2026–2028');
    expect(results.length).toBeGreaterThan(0);
    const text = results.map((r) => r.text).join('\n');
    expect(text).toMatch(/2026–2028/);
    expect(text).not.toMatch(/`/);
    const rows = await searchUi('ученик – ученик');
    expect(rows.map((r) => r.text).join('\n')).not.toMatch(/`/);
    expect(rows.map((r) => r.text).join('\n')).toMatch(/«[^»]*ученик[^»]*»/i);
  });
});
