/**
 * On the published pages (issue 22, items 2 and 3): a blank in a document says it is not given,
 * keeping the document's own words; a period the importer worked out says so; a regulation's
 * legal bases are a list of acts in the nominative, linked (a plain link) to their official
 * publication where they have one, and the sentence of clause 1.1 that names them is printed once.
 */
import { join } from 'node:path';
import type { HTMLElement } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { load, normalise as normaliseText, references } from './helpers/html.ts';
import { OUT } from './helpers/project.ts';
import { builtSite } from './helpers/site.ts';

beforeAll(() => {
  builtSite('root');
});

const page = (path: string) => load(join(OUT.root, path, 'index.html'));
/** A fact of the page's «dl.facts»: the text of the <dd> after the <dt> called so. */
function fact(root: HTMLElement, name: string): string | undefined {
  const terms = root.querySelectorAll('dl.facts dt');
  const term = terms.find((dt) => normalise(dt.text) === normalise(name));
  return term?.nextElementSibling ? normalise(term.nextElementSibling.text) : undefined;
}
/** For comparing with a document's words: case, quotes and dashes aside (the site typesets), and a word joiner is no character. */
const normalise = (value: string) => normaliseText(value.replace(/\u2060/g, ''));
const text = normalise;
/** The page's words as they are, only its spaces and joiners plain. */
const plain = (value: string) =>
  value
    .replace(/\u2060/g, '')
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

describe('a blank in a document', () => {
  it('is shown as not given, beside the words the document does give', () => {
    const approved = fact(page('dorozhnye-karty/ustyuzhna-sh-2-2020'), 'Утверждена');
    expect(approved).toContain(text('Утвержден приказом МОУ «Средняя школа № 2» от ..2020 №'));
    expect(approved).toContain(text('день, месяц и номер приказа в документе не указаны'));
  });

  it('is not claimed where the document fills it in', () => {
    expect(fact(page('dorozhnye-karty/lesnogorsk-sosh-1-2026-2027'), 'Утверждена')).not.toMatch(/не указан/);
  });
});

describe('a period the importer worked out', () => {
  it('says it was worked out from the events where the document names none', () => {
    expect(fact(page('dorozhnye-karty/selivanovskaya-sh-28-2022-2023'), 'Период')).toBe(
      text('30 марта 2022 г. — 31 августа 2023 г. (период определён по срокам мероприятий: в документе он не указан)'),
    );
  });

  it('gives the document’s own period where the events run beyond it', () => {
    expect(fact(page('dorozhnye-karty/ustyuzhna-sh-2-2020'), 'Период')).toBe(
      text('1 января 2020 г. — 31 мая 2021 г. (по документу — с 1 января 2020 г. по 31 декабря 2020 г.; период расширен по срокам мероприятий)'),
    );
  });

  it('says nothing more of a period the document states', () => {
    expect(fact(page('dorozhnye-karty/lesnogorsk-sosh-1-2026-2027'), 'Период')).toBe(text('1 сентября 2026 г. — 30 июня 2027 г.'));
  });

  it('is marked in the lists of roadmaps too', () => {
    for (const path of ['dorozhnye-karty', 'organizacii/selivanovskaya-sh-28']) {
      const card = page(path)
        .querySelectorAll('article.card')
        .find((c) => c.querySelector('a[href$="/dorozhnye-karty/selivanovskaya-sh-28-2022-2023/"]'));
      expect(normalise(card!.text), path).toContain(text('30 марта 2022 г. — 31 августа 2023 г. (определён по срокам мероприятий)'));
    }
  });
});

describe('the legal bases of seed 003’s regulation', () => {
  let root: HTMLElement;
  let bases: HTMLElement;
  beforeAll(() => {
    root = page('polozheniya/ustyuzhna-sh-2');
    bases = root.querySelector('section[aria-labelledby="bases"]')!;
  });

  it('are a list of acts in the nominative, each with its kind, date, number and title', () => {
    const items = bases.querySelectorAll('li').map((li) => plain(li.text));
    expect(items).toHaveLength(3);
    expect(items[0]).toMatch(/^Федеральный закон от 29\.12\.2012 № 273-ФЗ «Об образовании в Российской Федерации»/);
    expect(items[1]).toMatch(/^Распоряжение Минпросвещения России от 25\.12\.2019 № Р-145 «Об утверждении методологии/);
    expect(items[2]).toMatch(
      /^Письмо Минпросвещения России от 23\.01\.2020 № МР-42\/02 «О направлении целевой модели наставничества и методических рекомендаций»/,
    );
    expect(items.filter((item) => /^\S+(ым|ом|ем)\s/.test(item))).toEqual([]);
  });

  it('link the act published on publication.pravo.gov.ru to it, as a plain link and nothing loaded', () => {
    const links = bases.querySelectorAll('a[href*="publication.pravo.gov.ru"]');
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['http://publication.pravo.gov.ru/document/0001201212300007']);
    const onPage = references(root).filter((r) => r.url.includes('pravo.gov.ru'));
    expect(onPage.every((r) => r.tag === 'a' && r.attr === 'href')).toBe(true);
  });

  it('point to the clause that names them, which keeps its own words and is printed once', () => {
    expect(bases.querySelector('a[href="#p-1-1"]')).not.toBeNull();
    const main = normalise(root.querySelector('main')!.text);
    const sentence = text(
      'Федеральным Законом «Об образовании в Российской Федерации» от 29.12.2012 года № 273-ФЗ (с последующими изменениями и дополнениями)',
    );
    expect(main.split(sentence).length - 1).toBe(1);
    const letter = text('Письмом Минпросвещения России от 23.01.2020 N МР-42/02');
    expect(main.split(letter).length - 1).toBe(1);
  });
});

describe('the legal bases of a regulation written in the nominative', () => {
  it('keep the article of a code they cite', () => {
    const items = page('polozheniya/lesnogorsk-sosh-1')
      .querySelectorAll('section[aria-labelledby="bases"] li')
      .map((li) => plain(li.text));
    expect(items.some((i) => i.startsWith('Трудовой кодекс Российской Федерации от 30.12.2001 № 197-ФЗ, статья 351.8 «Наставничество»'))).toBe(true);
    expect(items.some((i) => i.startsWith('Федеральный закон от 29.12.2012 № 273-ФЗ'))).toBe(true);
  });
});
