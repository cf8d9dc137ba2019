/**
 * The seed documents' own wording on the published site. Every line and table cell of seeds 000,
 * 001 and 003 must appear on the pages made from them, word for word and bracket for bracket, in
 * the source's order: only the kind of a space or a dash may differ (and a straight quote may
 * have become a «ёлочка», which is what typography is for). So a space put into «приказ(ы)», a
 * comma added, a word lost, dropped or reworded by the importer or a page all fail here, naming
 * the line and where the page parts from it.
 *
 * What is not the document's wording is left out of the comparison, each for its reason:
 * the layout's markers (list bullets, a dash that opens a list item, clause and row numbers,
 * which the site shows as its own numbering), Markdown emphasis and HTML tags, and the labels of
 * the document's layout that the site replaces with its own (STRUCTURE below).
 *
 * Which page shows which part: a roadmap's header and table on its roadmap page; seed 003 is a
 * regulation (its first part, on the regulation page) followed by its roadmap (on the roadmap
 * page); the organisation's full name, which the pages give in its short form, on the
 * organisation's page. A line is looked for on all of a seed's pages.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { typo } from '../src/lib/typography.ts';
import { chromiumPath, launch } from './helpers/browser.ts';
import { load } from './helpers/html.ts';
import { OUT, SEEDS } from './helpers/project.ts';
import { serve } from './helpers/serve.ts';
import { builtSite } from './helpers/site.ts';

beforeAll(() => {
  builtSite('root');
});

interface Seed {
  file: string;
  /** Pages (paths under the site root) that show the document. */
  pages: string[];
  /** Lines of the document's layout that are not its wording: the headers of its table, a label over a signature. */
  structure: string[];
}

/** Labels of a document's layout that the site shows as its own labels and headings. */
const STRUCTURE = ['СОГЛАСОВАНО:', 'УТВЕРЖДАЮ:', 'УТВЕРЖДАЮ', '№ п/п', '№п.п.'];

const SEED_PAGES: Seed[] = [
  {
    file: '000_92cfe020492d1e8c.txt',
    pages: ['dorozhnye-karty/kayalinskaya-sosh-2023-2024', 'organizacii/kayalinskaya-sosh'],
    structure: ['Мероприятие', 'Сроки', 'Ответственные'],
  },
  {
    file: '001_aa8843fff351d2b5.txt',
    pages: ['dorozhnye-karty/selivanovskaya-sh-28-2022-2023', 'organizacii/selivanovskaya-sh-28'],
    // «Директор» stands over the signature «УТВЕРЖДАЮ / А.А. Наумов», which the page gives as «директор А.А. Наумов».
    structure: ['Директор', 'Наименование этапа', 'Содержание деятельности и примерный план мероприятий', 'сроки выполнения'],
  },
  {
    file: '003_d4ef5299309bf860.txt',
    pages: ['polozheniya/ustyuzhna-sh-2', 'dorozhnye-karty/ustyuzhna-sh-2-2020', 'organizacii/ustyuzhna-sh-2'],
    // «ПОЛОЖЕНИЕ» in capitals opens the document's title, which the page gives as «Положение о наставничестве…».
    structure: ['ПОЛОЖЕНИЕ', 'Наименование мероприятий', 'Срок реализации', 'Ответственный исполнитель', 'Результат. Вид документа'],
  },
];

const DASHES = /[-\u2010-\u2015\u2212]+/g;
const QUOTES = '"«»„“';

/**
 * The comparison form: every kind of space one space (a word joiner is spacing too), every kind
 * of dash one hyphen («--» typed for a dash too); a space just inside brackets or «ёлочки»
 * («« Селивановская … »») is padding, not wording. A space between a word and a bracket
 * («приказ(ы)» / «приказ (ы)») still counts.
 */
const normalise = (text: string) =>
  text
    .replace(/\u2060/g, '')
    .replace(DASHES, '-')
    .replace(/\s+/g, ' ')
    .replace(/([([«„]) /g, '$1')
    .replace(/ ([)\]»])/g, '$1')
    .trim();

const words = (text: string) => normalise(text).split(' ').filter(Boolean);

/** The same word, where a straight quote of the source may be any quote on the page. */
function sameWord(source: string, page: string): boolean {
  if (source.length !== page.length) return false;
  for (let k = 0; k < source.length; k++) if (source[k] !== page[k] && !(source[k] === '"' && QUOTES.includes(page[k]))) return false;
  return true;
}
const quoteless = (word: string) => word.replace(/["«»„“]/g, '"');

/** A document's lines and cells, without its layout's markers. */
function segments(seed: Seed): string[] {
  const skip = new Set([...STRUCTURE, ...seed.structure].map(normalise));
  const found: string[] = [];
  // A word hyphenated at the end of a line of a table cell goes on on the next line
  // («материально-» / «техническое»): one word, as the site shows it.
  const text = readFileSync(join(SEEDS, seed.file), 'utf8').replace(/(\p{L}-)[ \t]*\n[ \t]*(?=\p{L})/gu, '$1');
  for (const line of text.split('\n'))
    for (const cell of line.split('\t')) {
      const pieces = cell
        .replace(/\*\*/g, '')
        .replace(/<[^>]+>/g, '\n')
        // A dash that opens a list item inside a cell («…организации).– приказ(ы)…»).
        .replace(/(^|[.;:]\s*)[–-]\s*/gm, '$1\n')
        .split('\n');
      for (const piece of pieces) {
        const clean = normalise(
          piece
            // List bullets and a dash that opens a list item.
            .replace(/^\s*([·●•]\s*|[-–—]+\s*)+/, '')
            // Clause, row and list numbers («1.1.», «2.4.1.», «1)»): the site shows its own numbering.
            .replace(/^\s*\d{1,2}(\.\d{1,2}){0,3}[.)]?(?=\s|[А-ЯЁа-яё«(]|$)/, ''),
        );
        if (/[\p{L}\p{N}]/u.test(clean) && !skip.has(clean)) found.push(clean);
      }
    }
  return found;
}

/** A page's text as a reader gets it: blocks apart, inline elements joined, hidden parts left out. */
function pageWords(path: string): string[] {
  const root = load(join(OUT.root, path, 'index.html'));
  const main = root.querySelector('main')!;
  for (const hidden of main.querySelectorAll('[hidden], script, style, template')) hidden.remove();
  const html = main.innerHTML.replace(/<\/?(a|abbr|b|cite|code|em|i|mark|q|small|span|strong|sub|sup|time)(\s[^>]*)?>/g, '').replace(/<[^>]+>/g, ' ');
  return words(parse(html).text);
}

/** Where the source's words stop matching the page's: undefined if they appear there in order, unbroken. */
function mismatch(source: string[], page: string[], at: Map<string, number[]>): string | undefined {
  let best = { length: 0, start: -1 };
  for (const start of at.get(quoteless(source[0])) ?? []) {
    let n = 0;
    while (n < source.length && start + n < page.length && sameWord(source[n], page[start + n])) n++;
    if (n === source.length) return undefined;
    if (n > best.length) best = { length: n, start };
  }
  if (best.start < 0) return `no «${source[0]}» on the page`;
  const pageShows = page.slice(best.start + best.length, best.start + best.length + 3).join(' ');
  return `after «${source.slice(Math.max(0, best.length - 4), best.length).join(' ')}» the page shows «${pageShows}» where the source has «${source.slice(best.length, best.length + 3).join(' ')}»`;
}

describe.each(SEED_PAGES.map((s) => [s.file, s] as const))('seed %s on the site', (_file, seed) => {
  it('every line and cell of the document appears word for word, only spaces and dashes changing kind', () => {
    const pages = seed.pages.map((path) => {
      const page = pageWords(path);
      const at = new Map<string, number[]>();
      page.forEach((word, k) => at.set(quoteless(word), [...(at.get(quoteless(word)) ?? []), k]));
      return { path, page, at };
    });
    const missing: string[] = [];
    for (const segment of segments(seed)) {
      const source = words(segment);
      const found = pages.map(({ path, page, at }) => ({ path, why: mismatch(source, page, at) }));
      if (found.every((f) => f.why)) missing.push(`line: ${segment.slice(0, 120)}\n    ${found.map((f) => `${f.path}: ${f.why}`).join('\n    ')}`);
    }
    expect(missing, `${missing.length} line(s) of ${seed.file} not on the site as written`).toEqual([]);
  });
});

describe('a form of mentoring inside a title', () => {
  it('keeps its name in lower case: only the start of the heading is capitalised', () => {
    const page = load(join(OUT.root, 'formy/uchenik-uchenik/index.html'));
    const h1 = normalise(page.querySelector('h1')!.text);
    expect(h1).toBe(normalise('Форма наставничества «ученик – ученик»'));
    expect(normalise(page.querySelector('title')!.text)).toContain(normalise('Форма наставничества «ученик – ученик»'));
  });
});

describe('the timeline’s hover titles', () => {
  it('give an item’s title and its state once punctuated: «…включающие: выполнено», not «…включающие:: выполнено»', () => {
    const titles = SEED_PAGES.flatMap((seed) => seed.pages.filter((p) => p.startsWith('dorozhnye-karty/')))
      .flatMap((path) => load(join(OUT.root, path, 'index.html')).querySelectorAll('svg title'))
      .map((t) => t.text);
    expect(titles.length).toBeGreaterThan(10);
    expect(titles.filter((t) => /[:;,]\s*:/.test(t))).toEqual([]);
  });
});

/** A page's visible text, hidden parts and scripts left out. */
function visible(path: string): string {
  const root = load(join(OUT.root, path, 'index.html'));
  for (const hidden of root.querySelectorAll('[hidden], script, style, template, head')) hidden.remove();
  return root.text;
}

describe('law numbers on the published pages', () => {
  it('«№ 273-ФЗ» is tied together and its hyphen is no line end, in the document and in the footer', () => {
    const text = visible('polozheniya/ustyuzhna-sh-2');
    const laws = [...text.matchAll(/№\s*\d+-\u2060?ФЗ/g)].map((m) => m[0]);
    expect(laws).toContain('№\u00a0273-\u2060ФЗ');
    expect(laws).toContain('№\u00a0152-\u2060ФЗ');
    expect(laws.filter((law) => !/^№\u00a0\d+-\u2060ФЗ$/.test(law))).toEqual([]);
  });
});

describe.skipIf(!chromiumPath)('law numbers in a browser', () => {
  let browser: Browser;
  let site: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => {
    site = await serve(builtSite('root'), '/');
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('never break across lines at any width of a phone’s column, from 120 to 420 px', async () => {
    const source =
      'Федеральным Законом «Об образовании в Российской Федерации» от 29.12.2012 года № 273-ФЗ; Распоряжением от 25.12.2019 г. № Р-145; Письмом от 23.01.2020 N МР-42/02; ст. 10.1 Федерального закона № 152-ФЗ на 5-й год';
    const units = ['№ 273-ФЗ', '29.12.2012', '№ Р-145', '25.12.2019', 'N МР-42/02', '23.01.2020', '№ 152-ФЗ', '5-й'];
    const page = await browser.newPage();
    // The site's own stylesheet and font: the page of the regulation, its text replaced.
    await page.goto(`${site.url}polozheniya/ustyuzhna-sh-2/`);
    const broken = await page.evaluate(
      ({ text, units }) => {
        const p = document.querySelector('.prose p')!;
        p.textContent = text;
        const node = p.firstChild as Text;
        const found: string[] = [];
        for (let width = 120; width <= 420; width += 2) {
          (p as HTMLElement).style.width = `${width}px`;
          for (const unit of units) {
            const pattern = new RegExp(unit.replace(/[.]/g, '\\.').replace(/ /g, '\\s').replace(/-/g, '-\u2060?'));
            const match = pattern.exec(text);
            if (!match) {
              found.push(`${unit}: not in the text`);
              continue;
            }
            const range = document.createRange();
            range.setStart(node, match.index);
            range.setEnd(node, match.index + match[0].length);
            const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
            if (tops.size > 1) found.push(`${unit} at ${width}px`);
          }
        }
        return [...new Set(found.map((f) => f.replace(/ at \d+px$/, '')))].map(
          (unit) => `${unit}: ${found.filter((f) => f.startsWith(`${unit} at`)).length} widths`,
        );
      },
      { text: typo(source), units },
    );
    expect(broken).toEqual([]);
  });

  // Through Pagefind itself, under whatever the search page does to a query. (A query with «№»
  // is the search page's business: Pagefind indexes «№12» of «протокол №12» as a word and then
  // wants «№» as a word on every page found.)
  it('are found by the site’s search as typed', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}poisk/`);
    for (const query of ['273-ФЗ', '273 ФЗ', 'Р-145', 'МР-42/02']) {
      // The code is a string: vitest would rewrite import().
      const urls: string[] = await page.evaluate(`(async () => {
        const pf = await import('/pagefind/pagefind.js');
        const search = await pf.search(${JSON.stringify(query)});
        return Promise.all(search.results.map((r) => r.data().then((d) => d.url)));
      })()`);
      expect(urls, query).toContain('/polozheniya/ustyuzhna-sh-2/');
    }
  });

  it('are found by the browser’s find as typed, with an ordinary hyphen and space', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}polozheniya/ustyuzhna-sh-2/`);
    for (const query of ['273-ФЗ', '№ 273-ФЗ', 'Р-145', 'МР-42/02', '29.12.2012'])
      expect(
        await page.evaluate(
          (q) => (window as unknown as { find(q: string, caseSensitive: boolean, backwards: boolean, wrap: boolean): boolean }).find(q, false, false, true),
          query,
        ),
        query,
      ).toBe(true);
  });
});
