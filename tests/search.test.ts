/**
 * Search in a real browser, on the demo site built under BASE_PATH=/nastavnichestvo:
 * Russian word forms, words found only in a practice's description, filters, links under
 * the base path, nothing indexed from the header, navigation or footer, people who are
 * not published cannot be found, and the page without JavaScript.
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

/** Every built page: its address, the text of its <main> if indexed, and its header/nav/footer text. */
function builtPages(dir: string) {
  const pages: { url: string; indexed: boolean; main: string; chrome: string; html: string }[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name === 'index.html') {
        const html = readFileSync(path, 'utf8');
        const root = parse(html);
        const main = root.querySelector('main');
        main?.querySelectorAll('[data-pagefind-ignore]').forEach((e) => e.remove());
        // structuredText keeps block boundaries: «Входит в» + «Управление…» stay two words.
        const chrome = ['header', 'nav', 'footer'].map((s) => root.querySelector(s)?.structuredText ?? '').join(' ');
        pages.push({
          url: `${BASE_PATH}/${relative(dir, d)}/`.replace(/\/+$/, '/').replace(/\/\/$/, '/'),
          indexed: main?.hasAttribute('data-pagefind-body') ?? false,
          main: main?.structuredText ?? '',
          chrome,
          html,
        });
      }
    }
  };
  walk(dir);
  return pages;
}
const words = (text: string) => new Set(text.toLowerCase().match(/[а-яёa-z]{4,}/g) ?? []);

describe.skipIf(!chromiumPath)('search', () => {
  let browser: Browser;
  let site: Awaited<ReturnType<typeof serve>>;
  let page: Page;
  let pages: ReturnType<typeof builtPages>;
  let indexed: typeof pages;

  beforeAll(async () => {
    const dist = builtSite('base');
    pages = builtPages(dist);
    indexed = pages.filter((p) => p.indexed);
    browser = await launch();
    site = await serve(dist, `${BASE_PATH}/`);
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  /** Runs a search through the page's form, as a visitor does, and returns the status and every result link. */
  async function searchUi(params: Record<string, string>) {
    const { status, results } = await searchThroughPage(page, site.url, params);
    return { status, links: results.map((r) => r.url) };
  }

  /** All result addresses straight from Pagefind (the code is a string: vitest would rewrite import()). */
  async function searchHits(query: string): Promise<{ url: string; excerpt: string }[]> {
    if (!page.url().includes('/poisk/')) await page.goto(`${site.url}poisk/`);
    return page.evaluate(`(async () => {
      const pf = await import('${BASE_PATH}/pagefind/pagefind.js');
      await pf.options({ baseUrl: '${BASE_PATH}/' });
      const search = await pf.search(${JSON.stringify(query)});
      return Promise.all(search.results.map((r) => r.data().then((d) => ({ url: d.url, excerpt: d.excerpt }))));
    })()`);
  }
  const searchApi = async (query: string) => (await searchHits(query)).map((h) => h.url);

  it('indexes every material page and nothing else', () => {
    expect(indexed.length).toBeGreaterThanOrEqual(40);
    for (const p of pages.filter((x) => !x.indexed))
      expect(p.url).not.toMatch(/\/(polozheniya|dorozhnye-karty|praktiki|nastavniki|formy|organizacii)\/[a-z0-9-]+\/$/);
  });

  it('«наставникам» finds pages that say «наставник» or «наставники»', async () => {
    const found = new Set(await searchApi('наставникам'));
    const saying = (form: string) => indexed.filter((p) => new RegExp(`(^|[^а-яё])${form}([^а-яё]|$)`, 'i').test(p.main) && !/наставникам/i.test(p.main));
    const withSingular = saying('наставник');
    const withPlural = saying('наставники');
    expect(withSingular.length + withPlural.length, 'нет страниц для проверки').toBeGreaterThan(0);
    for (const p of [...withSingular, ...withPlural]) expect(found, p.url).toContain(p.url);
    const ui = await searchUi({ q: 'наставникам' });
    expect(ui.status).toMatch(new RegExp(`Найдено ${found.size} `));
  });

  /** A word of a practice's description that occurs in no other indexed page. */
  function uniqueWordOf(practiceUrl: string): string {
    const target = indexed.find((p) => p.url === practiceUrl)!;
    const others = new Set(indexed.filter((p) => p !== target).flatMap((p) => [...words(p.main)]));
    const word = [...words(target.main)].find((w) => w.length >= 9 && ![...others].some((o) => o.slice(0, 6) === w.slice(0, 6)));
    if (!word) throw new Error(`у ${practiceUrl} нет своего слова`);
    return word;
  }

  it('a practice is found by words that occur only in its description, and its link opens it under the base path', async () => {
    const practice = indexed.find((p) => p.url.startsWith(`${BASE_PATH}/praktiki/`))!;
    const word = uniqueWordOf(practice.url);
    const { links } = await searchUi({ q: word });
    expect(links, word).toEqual([practice.url]);
    await page.locator('.search-result__title a').first().click();
    await page.waitForURL(`${site.url}${practice.url.slice(BASE_PATH.length + 1)}`);
    expect(await page.locator('h1').textContent()).toBeTruthy();
    expect(await page.locator('[data-search-status]').count()).toBe(0);
  });

  it('a filter by form narrows the results to pages of that form, and lives in the address', async () => {
    const all = await searchUi({ q: 'наставник' });
    const form = 'Учитель – учитель';
    const narrowed = await searchUi({ q: 'наставник', form });
    expect(narrowed.links.length).toBeGreaterThan(0);
    expect(narrowed.links.length).toBeLessThan(all.links.length);
    for (const url of narrowed.links) {
      const html = pages.find((p) => p.url === url)!.html;
      expect(html, url).toContain(`<span data-pagefind-filter="form">${form}</span>`);
    }
    // Choosing a filter in the form updates the address, so the search can be shared.
    await page.selectOption('#search-kind', 'Практика');
    await expect.poll(() => new URL(page.url()).searchParams.get('kind')).toBe('Практика');
    expect(new URL(page.url()).searchParams.get('form')).toBe(form);
  });

  it('«анкетирование наставников» links straight to the roadmap row that says it, and the row is shown as the target', async () => {
    await searchUi({ q: 'анкетирование наставников' });
    const rowLinks = await page.locator('.search-result__rows a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    const roadmapRows = rowLinks.filter((href) => href.startsWith(`${BASE_PATH}/dorozhnye-karty/`));
    expect(roadmapRows.length, 'ни одной ссылки на строку дорожной карты').toBeGreaterThan(0);
    for (const href of roadmapRows) {
      const [url, id] = href.split('#');
      expect(id, href).toMatch(/^[pm]-[0-9a-zа-яё-]+$/);
      // The link lands on a row of that page's table whose own text has the searched word.
      const row = parse(pages.find((p) => p.url === url)!.html).querySelector(`table tr[id="${id}"]`);
      expect(row, href).not.toBeNull();
      expect(row!.textContent.toLowerCase(), href).toMatch(/анкетир|наставник/);
    }
    // Where a row says both words, only such rows are offered: the mentors' survey, not every row naming a mentor.
    const both = roadmapRows.filter((href) => {
      const [url, id] = href.split('#');
      return /анкетир[\s\S]*наставник|наставник[\s\S]*анкетир/.test(
        parse(pages.find((p) => p.url === url)!.html)
          .querySelector(`table tr[id="${id}"]`)!
          .textContent.toLowerCase(),
      );
    });
    expect(both.length, 'ни одной строки с обоими словами').toBeGreaterThan(0);
    for (const url of new Set(both.map((href) => href.split('#')[0]))) {
      expect(
        roadmapRows.filter((href) => href.startsWith(`${url}#`)),
        url,
      ).toEqual(both.filter((href) => href.startsWith(`${url}#`)));
    }
    const first = page
      .locator('.search-result__rows a')
      .filter({ has: page.locator('mark') })
      .first();
    const href = (await first.getAttribute('href'))!;
    await first.click();
    await page.waitForURL(`${site.url}${href.slice(BASE_PATH.length + 1)}`);
    const target = page.locator('tr:target');
    expect(await target.getAttribute('id')).toBe(decodeURIComponent(href.split('#')[1]));
    await expect.poll(() => target.evaluate((tr) => tr.getBoundingClientRect().top >= 0 && tr.getBoundingClientRect().top < innerHeight)).toBe(true);
    // Set apart from its neighbours, and its number is a link to itself.
    const background = (locator: typeof target) => locator.evaluate((tr) => getComputedStyle(tr.querySelector('td')!).backgroundColor);
    const other = page.locator('table tr[id]:not(:target)').first();
    expect(await background(target)).not.toBe(await background(other));
    const number = target.locator('td').first().locator('a');
    if (await number.count()) expect(await number.getAttribute('href')).toBe(`#${await target.getAttribute('id')}`);
  });

  it('does not index the header, the navigation or the footer', async () => {
    // Every page has these words in its header and footer; were they indexed, pages would be
    // found by them with the header's words highlighted. Each match must be the page's own text.
    const chromeWords = [...words(indexed[0].chrome)];
    expect(chromeWords.length).toBeGreaterThan(10);
    for (const word of chromeWords) {
      for (const { url, excerpt } of await searchHits(word)) {
        const main = words(indexed.find((p) => p.url === url)!.main);
        for (const [, marked] of excerpt.matchAll(/<mark>([^<]+)<\/mark>/g)) {
          const found = marked.toLowerCase().match(/[а-яёa-z]+/)?.[0] ?? '';
          if (found.length >= 4) expect(main.has(found), `«${word}» нашло «${marked}» на ${url}, а в тексте страницы такого слова нет`).toBe(true);
        }
      }
    }
    // And the phrases that are only in the header and footer find nothing at all.
    for (const phrase of ['Версия для слабовидящих', 'Перейти к содержанию', 'Открытые данные']) {
      if (!indexed.some((p) => p.main.includes(phrase))) expect(await searchApi(`"${phrase}"`), phrase).toEqual([]);
    }
  });

  it('cannot find what is not published: a minor’s surname', async () => {
    const surname = 'Белов';
    const minor = `${BASE_PATH}/nastavniki/uchenik-nastavnik-artem/`;
    expect(
      pages.some((p) => p.url === minor),
      'страница ученика-наставника не собрана',
    ).toBe(true);
    expect(
      pages.some((p) => new RegExp(`${surname}(?![а-яё])`).test(p.html)),
      'фамилия опубликована',
    ).toBe(false);
    // Russian stemming may bring up «Беляева»; the minor's page must not come up.
    expect(await searchApi(surname)).not.toContain(minor);
  });

  it('the header box opens the search page with the query; the count is announced', async () => {
    await page.goto(site.url);
    await page.fill('#site-search-q', 'наставник');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/poisk\/\?q=/);
    expect(page.url().startsWith(`${site.url}poisk/`)).toBe(true);
    const status = page.locator('[data-search-status]');
    expect(await status.getAttribute('role')).toBe('status');
    await expect.poll(async () => status.textContent(), { timeout: 60_000 }).toMatch(/Найдено \d+/);
    for (const id of ['search-q', 'search-kind', 'search-org', 'search-form', 'search-year']) {
      expect(await page.locator(`label[for="${id}"]`).count(), id).toBe(1);
    }
  });

  it('without JavaScript the page says so and links the lists; Pagefind is not loaded on other pages', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const plain = await context.newPage();
    await plain.goto(`${site.url}poisk/?q=наставник`);
    const text = await plain.locator('main').innerText();
    expect(text).toContain('без JavaScript недоступен');
    for (const list of ['polozheniya', 'dorozhnye-karty', 'praktiki', 'nastavniki']) {
      expect(await plain.locator(`main a[href="${BASE_PATH}/${list}/"]`).isVisible(), list).toBe(true);
    }
    await context.close();
    const requests: string[] = [];
    const other = await browser.newPage();
    other.on('request', (r) => requests.push(r.url()));
    await other.goto(`${site.url}praktiki/`);
    await other.waitForLoadState('networkidle');
    expect(requests.filter((u) => u.includes('pagefind'))).toEqual([]);
    await other.close();
  });
});
