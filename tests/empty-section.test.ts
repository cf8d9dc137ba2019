/**
 * Issue 20, item 2: a brand-new section — its settings and one organisation, nothing else —
 * builds, and every page says in Russian what will appear there (for visitors, with a short
 * separate hint for the curator), with no empty list or table, no zero-width chart and no
 * broken link; the feeds, open data, sitemap, search and embeds work with no entries; axe finds
 * nothing on any page. And each organisation's pages show that organisation's own contacts:
 * here, and on the demo site, where three real schools have none (the footer then says whose
 * contacts it shows).
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { checkContent, type CheckedEntry } from '../src/integrity/check.ts';
import { chromiumPath, launch } from './helpers/browser.ts';
import { htmlFiles, load, markupErrors, normalise, references } from './helpers/html.ts';
import { astroBuild, BASE_PATH, listFiles, OUT, projectRelative, ROOT, runFolder, TEST_BUILD_DATE, TMP } from './helpers/project.ts';
import { serve } from './helpers/serve.ts';
import { builtSite } from './helpers/site.ts';

const SETTINGS = `title: Наставничество
tagline: Программа наставничества в МБОУ СОШ № 5
intro: Здесь школа публикует положение о наставничестве, дорожную карту, лучшие практики и доску почёта наставников.
owner: sosh-5
siteUrl: https://sosh5.example/
contacts:
  address: 300002, Тульская область, г. Тула, ул. Советская, д. 1
  phone: +7 (800) 000-00-05
  email: razdel@sosh5.example
`;
const ORGANIZATION = `name: Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 5»
shortName: МБОУ СОШ № 5
kind: school
region: Тульская область
contacts:
  address: 300001, Тульская область, г. Тула, ул. Школьная, д. 5
  phone: +7 (800) 000-00-55
  email: sosh5@example.org
  person: заместитель директора по УВР, куратор наставничества
`;
const ORG = 'sosh-5';
const ORG_CONTACTS = ['ул. Школьная, д. 5', '+7 (800) 000-00-55', 'sosh5@example.org', 'куратор наставничества'];
const SECTION_EMAIL = 'razdel@sosh5.example';

/** What each page of the empty section must say (compared normalised: quotes, dashes, ё). */
const EMPTY_TEXTS: Record<string, string[]> = {
  '': ['Положение о наставничестве и дорожная карта пока не опубликованы', 'Практики пока не опубликованы', 'Наставники пока не опубликованы'],
  'polozheniya/': ['Положения пока не опубликованы', 'Добавить положение можно в редакторе: раздел «Положения»'],
  'dorozhnye-karty/': ['Дорожные карты пока не опубликованы', 'Добавить дорожную карту можно в редакторе: раздел «Дорожные карты»'],
  'praktiki/': ['Практики пока не опубликованы', 'Добавить практику можно в редакторе: раздел «Лучшие практики»'],
  'nastavniki/': ['Наставники пока не опубликованы', 'Добавить наставника можно в редакторе: раздел «Доска почёта наставников»'],
  'formy/': ['Описания форм наставничества пока не опубликованы', 'раздел «Формы наставничества»'],
  'organizacii/': ['МБОУ СОШ № 5'],
  [`organizacii/${ORG}/`]: [
    'Положение пока не опубликовано',
    'Дорожная карта пока не опубликована',
    'Итоги года пока не опубликованы',
    'Практики пока не опубликованы',
    'Наставники пока не опубликованы',
  ],
  'poisk/': ['Положения, дорожные карты, практики и наставники пока не опубликованы'],
  'vstraivanie/': ['пока не опубликованы'],
  'otkrytye-dannye/': ['Записей пока нет', 'Паспорт набора'],
  'embed/section/': ['Практики, наставники и дорожная карта пока не опубликованы'],
  [`embed/section/${ORG}/`]: ['Практики, наставники и дорожная карта пока не опубликованы'],
  'embed/mentors/': ['Наставники пока не опубликованы'],
  [`embed/mentors/${ORG}/`]: ['Наставники пока не опубликованы'],
  'embed/practices/': ['Практики пока не опубликованы'],
  [`embed/practices/${ORG}/`]: ['Практики пока не опубликованы'],
  'embed/roadmap/': ['Дорожная карта пока не опубликована'],
  [`embed/roadmap/${ORG}/`]: ['Дорожная карта пока не опубликована'],
  '404.html': ['Страница не найдена'],
};

const base = `${BASE_PATH}/`;
const fileOf = (dist: string, page: string) => join(dist, page.endsWith('.html') ? page : `${page}index.html`);
const footerText = (file: string) => normalise(load(file).querySelector('.site-footer')?.textContent ?? '');

/** A list without items, a table without rows, a chart or bar with no width: what an empty state must not leave. */
function hollowParts(file: string): string[] {
  const root = load(file);
  const found: string[] = [];
  for (const list of root.querySelectorAll('ul, ol')) {
    // The search results list is the live region the search script fills; it starts empty by design.
    if (list.hasAttribute('data-search-results')) continue;
    if (!list.childNodes.some((n) => 'tagName' in n && (n as { tagName: string }).tagName === 'LI'))
      found.push(`пустой <${list.tagName.toLowerCase()} class="${list.getAttribute('class') ?? ''}">`);
  }
  for (const table of root.querySelectorAll('table')) if (!table.querySelector('tbody tr, tr td')) found.push('пустая <table>');
  for (const dl of root.querySelectorAll('dl')) if (!dl.querySelector('dt')) found.push('пустой <dl>');
  for (const svg of root.querySelectorAll('svg')) {
    // A hidden <svg> holding only <defs> (patterns the charts fill with) is not a chart.
    if (svg.childNodes.every((n) => !('tagName' in n) || (n as { tagName: string }).tagName === 'DEFS')) continue;
    if (svg.getAttribute('width') === '0' || /(^|\s)0 0 0 /.test(svg.getAttribute('viewBox') ?? '')) found.push('график нулевой ширины');
  }
  for (const el of root.querySelectorAll('[style]'))
    if (/(^|;)\s*(inline-size|width)\s*:\s*0(%|px)?\s*(;|$)/.test(el.getAttribute('style')!))
      found.push(`элемент нулевой ширины: ${el.outerHTML.slice(0, 120)}`);
  return found;
}

/** Internal references of every page that lead nowhere (or miss the base path), and #anchors with no element. */
function brokenReferences(dist: string): string[] {
  const broken: string[] = [];
  for (const file of htmlFiles(dist)) {
    const page = file.slice(dist.length);
    const root = load(file);
    for (const { url } of references(root)) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')) continue;
      if (url.startsWith('#')) {
        if (url.length > 1 && !root.getElementById(decodeURIComponent(url.slice(1)))) broken.push(`${page}: ${url}`);
        continue;
      }
      if (!url.startsWith(base)) {
        broken.push(`${page}: ${url} (не под ${base})`);
        continue;
      }
      const [path, fragment] = url.slice(base.length).split(/[?#]/);
      const target = join(dist, decodeURIComponent(path));
      const file2 = existsSync(target) && statSync(target).isDirectory() ? join(target, 'index.html') : target;
      if (!existsSync(file2)) broken.push(`${page}: ${url}`);
      else if (fragment && url.includes('#') && file2.endsWith('.html') && !load(file2).getElementById(decodeURIComponent(fragment)))
        broken.push(`${page}: ${url}`);
    }
  }
  return broken;
}

function xmlErrors(file: string): string[] {
  const errors: string[] = [];
  new DOMParser({ onError: (level, message) => level !== 'warning' && errors.push(message) }).parseFromString(readFileSync(file, 'utf8'), 'text/xml');
  return errors;
}

describe('a new section with only its settings and one organisation', () => {
  const content = join(TMP, 'content', 'empty-section');
  let out = '';
  let build = { status: null as number | null, output: '' };
  beforeAll(() => {
    out = join(runFolder(inject('testRun')), 'dist-empty-section');
    rmSync(content, { recursive: true, force: true });
    mkdirSync(join(content, 'settings'), { recursive: true });
    mkdirSync(join(content, 'organizations'), { recursive: true });
    writeFileSync(join(content, 'settings/site.yaml'), SETTINGS);
    writeFileSync(join(content, `organizations/${ORG}.yaml`), ORGANIZATION);
    rmSync(out, { recursive: true, force: true });
    build = astroBuild({ CONTENT_ROOT: projectRelative(content), OUT_DIR: out, BASE_PATH });
  }, 300_000);
  afterAll(() => rmSync(content, { recursive: true, force: true }));

  it('builds', () => expect(build.status, build.output.slice(-3000)).toBe(0));

  it('has every page of the navigation, each saying what will appear there', () => {
    const home = load(join(out, 'index.html'));
    const nav = home.querySelectorAll('.site-nav a').map((a) => a.getAttribute('href')!.slice(base.length));
    expect(nav.length).toBeGreaterThan(5);
    // A section added to the navigation needs its empty state here too.
    expect(nav.filter((page) => !(page in EMPTY_TEXTS))).toEqual([]);
    const missing: string[] = [];
    for (const [page, texts] of Object.entries(EMPTY_TEXTS)) {
      const file = fileOf(out, page);
      if (!existsSync(file)) {
        missing.push(`${page}: страницы нет`);
        continue;
      }
      const text = normalise(load(file).textContent);
      for (const wanted of texts) if (!text.includes(normalise(wanted))) missing.push(`${page || '/'}: нет «${wanted}»`);
    }
    expect(missing).toEqual([]);
  });

  it('leaves no empty list, table or definition list and no zero-width chart on any page', () => {
    const files = htmlFiles(out).filter((f) => !f.includes('/admin/'));
    expect(files.length).toBeGreaterThan(15);
    expect(files.flatMap((f) => hollowParts(f).map((p) => `${f.slice(out.length)}: ${p}`))).toEqual([]);
  });

  it('shows no count of nothing («0 практик») and no link to a list of nothing', () => {
    const found = htmlFiles(out)
      .filter((f) => !f.includes('/admin/'))
      .flatMap((f) =>
        [...normalise(load(f).textContent).matchAll(/(?<![\d.,])0 (практик|наставник|форм|документ|положени|дорожн)\S*/g)].map(
          (m) => `${f.slice(out.length)}: «${m[0]}»`,
        ),
      );
    expect(found).toEqual([]);
  });

  it('has no broken internal link or anchor, and every one is under the base path', () => {
    expect(brokenReferences(out)).toEqual([]);
  });

  it('is valid HTML', async () => {
    expect(await markupErrors(out)).toEqual([]);
  });

  it('has an empty but valid feed, sitemap and open data', () => {
    expect(xmlErrors(join(out, 'rss.xml'))).toEqual([]);
    const rss = readFileSync(join(out, 'rss.xml'), 'utf8');
    expect(rss).toContain('<channel>');
    expect(rss).not.toContain('<item>');
    const sitemaps = listFiles(out, (p) => /sitemap-(index|\d+)\.xml$/.test(p));
    expect(sitemaps.length).toBeGreaterThanOrEqual(2);
    for (const file of sitemaps) expect(xmlErrors(file), file).toEqual([]);
    const locs = sitemaps.flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname));
    const pages = locs.filter((p) => !p.endsWith('.xml'));
    expect(pages).toContain(`${base}organizacii/${ORG}/`);
    expect(pages.filter((p) => !existsSync(fileOf(out, p.slice(base.length))))).toEqual([]);
    const json = listFiles(join(out, 'api'), (p) => p.endsWith('.json'));
    expect(json.length).toBeGreaterThanOrEqual(10);
    for (const file of json) {
      const data = JSON.parse(readFileSync(file, 'utf8'));
      expect(Array.isArray(data), file).toBe(true);
      expect(data.length, file).toBe(file.endsWith('/organizations.json') ? 1 : 0);
      // Issue 22: the same set as a table (its header alone, or the organisation), with its passport.
      const csv = readFileSync(file.replace(/\.json$/, '.csv'), 'utf8')
        .split('\r\n')
        .filter(Boolean);
      expect(csv.length, file).toBe(data.length + 1);
      const set = file.includes('/organizacii/') ? `${ORG}-${file.match(/(\w+)\.json$/)![1]}` : file.match(/(\w+)\.json$/)![1];
      const passport = JSON.parse(readFileSync(join(out, 'otkrytye-dannye', set, 'meta.json'), 'utf8'));
      expect(passport.records, set).toBe(data.length);
      if (!data.length) expect(passport.provenance, set).toBe('Записей пока нет.');
      expect(passport.valid).toBe(TEST_BUILD_DATE);
      expect(passport.creator).toBe('Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 5»');
      expect(readFileSync(join(out, 'otkrytye-dannye', set, 'meta.csv'), 'utf8')).toMatch(/^property,value\r\n/);
    }
    // The feed says where it lives and, with nothing in it, that it is as the build made it.
    expect(rss).toContain(`<atom:link href="https://sosh5.example${base}rss.xml" rel="self" type="application/rss+xml"/>`);
    expect(rss).toContain(`<lastBuildDate>${new Date(`${TEST_BUILD_DATE}T00:00:00Z`).toUTCString()}</lastBuildDate>`);
    expect(pages.filter((p) => p.startsWith(`${base}poisk/`))).toEqual([]);
    expect(existsSync(join(out, 'pagefind/pagefind.js'))).toBe(true);
  });

  it('shows the organisation’s own contacts on its page and in its footer, the section’s elsewhere', () => {
    const page = load(fileOf(out, `organizacii/${ORG}/`));
    const block = normalise(page.querySelector('main section[aria-labelledby="contacts"]')?.textContent ?? '');
    for (const c of ORG_CONTACTS) expect(block, `блок контактов: ${c}`).toContain(normalise(c));
    const footer = footerText(fileOf(out, `organizacii/${ORG}/`));
    for (const c of ORG_CONTACTS) expect(footer, `подвал страницы организации: ${c}`).toContain(normalise(c));
    expect(footer).not.toContain(SECTION_EMAIL);
    expect(footerText(fileOf(out, 'praktiki/'))).toContain(SECTION_EMAIL);
  });

  describe.skipIf(!chromiumPath)('in Chromium', () => {
    let browser: Browser;
    let site: Awaited<ReturnType<typeof serve>>;
    const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    beforeAll(async () => {
      browser = await launch();
      site = await serve(out, base);
    });
    afterAll(async () => {
      await browser?.close();
      await site?.close();
    });

    it('axe finds no WCAG 2.1 A/AA violation on any page', async () => {
      const pages = htmlFiles(out)
        .filter((f) => !f.includes('/admin/'))
        .map((f) => f.slice(out.length + 1).replace(/index\.html$/, ''));
      expect(pages.length).toBeGreaterThan(15);
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
      const found: string[] = [];
      for (const path of pages) {
        await page.goto(site.url + path);
        await page.addScriptTag({ content: axeSource });
        const violations = (await page.evaluate(
          `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }).then((r) => r.violations.map((v) => v.id + ' ' + v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')))`,
        )) as string[];
        for (const v of violations) found.push(`${path || '/'}: ${v}`);
      }
      await context.close();
      expect(found).toEqual([]);
      expect(errors).toEqual([]);
    });

    it('search runs on the empty index and says what it found', async () => {
      const page = await browser.newPage();
      const statusFor = async (query: string) => {
        await page.goto(`${site.url}poisk/?q=${encodeURIComponent(query)}`);
        await page.waitForFunction(() => {
          const text = document.querySelector('[data-search-status]')?.textContent ?? '';
          return text !== '' && !text.startsWith('Идёт поиск');
        });
        return page.locator('[data-search-status]').textContent();
      };
      expect(await statusFor('школа')).toMatch(/^Найдено 1 материал/);
      // The empty states are kept out of the index: «Дорожная карта пока не опубликована» is no match.
      expect(await statusFor('опубликована')).toMatch(/^Ничего не найдено/);
      await page.close();
    });
  });
});

describe('the demo site: each organisation’s pages show its own contacts', () => {
  const { entries } = checkContent(ROOT);
  const data = (e: CheckedEntry) => e.data as Record<string, any>;
  const organizations = new Map(entries.filter((e) => e.collection === 'organizations').map((e) => [e.id, data(e)]));
  const owner = data(entries.find((e) => e.collection === 'settings')!).owner as string;
  const SEGMENTS: Record<string, string> = {
    regulations: 'polozheniya',
    roadmaps: 'dorozhnye-karty',
    practices: 'praktiki',
    mentors: 'nastavniki',
    results: 'itogi',
  };
  const pages = [
    ...[...organizations.keys()].map((id) => ({ page: `organizacii/${id}/`, org: id })),
    ...entries.filter((e) => e.collection in SEGMENTS).map((e) => ({ page: `${SEGMENTS[e.collection]}/${e.id}/`, org: data(e).organization as string })),
    ...[...organizations.keys()].map((id) => ({ page: `praktiki/organizaciya/${id}/`, org: id })),
  ];
  beforeAll(() => {
    builtSite('root');
  });

  it('with contacts: theirs in the footer; without: the section’s, saying so', () => {
    const wrong: string[] = [];
    let withOwn = 0;
    let withSection = 0;
    for (const { page, org } of pages) {
      const file = fileOf(OUT.root, page);
      if (!existsSync(file)) continue; // a mentor whose consent ended, an organisation without practices
      const footer = footerText(file);
      const contacts = organizations.get(org)!.contacts as Record<string, string> | undefined;
      if (contacts) {
        withOwn++;
        for (const value of Object.values(contacts)) if (!footer.includes(normalise(value))) wrong.push(`${page}: в подвале нет «${value}»`);
        if (footer.includes(normalise('Контакты раздела'))) wrong.push(`${page}: «Контакты раздела» при своих контактах`);
      } else if (org !== owner) {
        withSection++;
        if (!footer.includes(normalise(`Контакты раздела: ${organizations.get(owner)!.shortName}`))) wrong.push(`${page}: не сказано, чьи контакты`);
      }
    }
    expect(withOwn).toBeGreaterThan(10);
    expect(withSection).toBeGreaterThan(2);
    expect(wrong).toEqual([]);
  });

  it('an organisation without contacts says so on its page', () => {
    const without = [...organizations].filter(([id, o]) => !o.contacts && id !== owner).map(([id]) => id);
    expect(without.length).toBeGreaterThan(0);
    for (const id of without) {
      const block = normalise(load(fileOf(OUT.root, `organizacii/${id}/`)).querySelector('main section[aria-labelledby="contacts"]')?.textContent ?? '');
      expect(block, id).toContain(normalise('Контакты организации пока не указаны'));
    }
  });
});

describe.each([
  ['the demo site', 'root'],
  ['the minimal fixture', 'fixture'],
] as const)('%s: no empty list or table either', (_name, kind) => {
  beforeAll(() => {
    builtSite(kind);
  });

  it('has no empty list, table or definition list and no zero-width chart on any page', () => {
    const files = htmlFiles(OUT[kind]).filter((f) => !f.includes('/admin/'));
    expect(files.length).toBeGreaterThan(15);
    expect(files.flatMap((f) => hollowParts(f).map((p) => `${f.slice(OUT[kind].length)}: ${p}`))).toEqual([]);
  });
});
