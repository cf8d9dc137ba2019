/**
 * A page saved from a school's site (issue 18, item 4): only the document on it is imported.
 * The site's page heading is not the document's title (its period is not the document's),
 * and breadcrumbs, menus, counters, «Скачать документ», share buttons, the sidebar and the
 * footer end up nowhere in the entry — they are counted in one warning instead. A page that
 * is only a document (Word's «Веб-страница») is read whole, as before.
 *
 * The pages (tests/fixtures/import-units/html/) imitate uCoz, Joomla, WordPress, 1С-Битрикс
 * and a hand-made «Образовательные сайты» layout, in UTF-8 and windows-1251.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importDocument, type ImportResult } from '../src/import/import-document.ts';
import { collectionOf } from '../src/import/output.ts';
import { isChromeLine } from '../src/import/html-main.ts';
import { decodeHtml, readHtml, readHtmlPage } from '../src/import/read-html.ts';
import { ImportError } from '../src/import/source-document.ts';
import { plainTools } from '../src/schemas/common.ts';
import { schemaFor } from '../src/schemas/index.ts';
import { ROOT } from './helpers/project.ts';

const PAGES = 'tests/fixtures/import-units/html';

interface Imported {
  result: ImportResult;
  data: Record<string, unknown>;
  /** The reader's own warnings («со страницы сайта взят только документ…»). */
  readerWarnings: string[];
  /** Everything the entry holds, as text: where chrome must not be. */
  entry: string;
}

/**
 * The page as `npm run import -- <file> --stdout --org x` takes it: read, found, checked
 * against the schema. (Until read-document.ts sends .html files to readHtmlPage, the CLI
 * itself still reads the whole page, so the reader and importDocument are called here.)
 */
function importPage(name: string, html?: string): Imported {
  const file = join(PAGES, name);
  const text = html ?? decodeHtml(readFileSync(join(ROOT, file)));
  const { document, warnings } = readHtmlPage(text, file);
  const result = importDocument(document, { organization: 'x' });
  const checked = schemaFor(collectionOf(result.kind), plainTools).safeParse(result.data);
  expect(checked.success, JSON.stringify(checked.error?.issues[0])).toBe(true);
  return { result, data: result.data, readerWarnings: warnings, entry: JSON.stringify(result.data) + (result.body ?? '') };
}

interface Item {
  number?: string;
  title: string;
  deadline: { from?: string };
}
const items = (data: Record<string, unknown>) => (data.stages as { items: Item[] }[]).flatMap((stage) => stage.items);

/** Lines of the site around the document on every page; none may reach the entry. */
const SITE_EVERYWHERE = ['Главная', 'Версия для слабовидящих', 'Просмотров', 'Скачать', '230 КБ', 'Дорожная карта 2023', '©'];

function expectNoChrome(imported: Imported, chrome: string[]) {
  for (const text of [...SITE_EVERYWHERE, ...chrome]) expect(imported.entry, `«${text}» in the entry`).not.toContain(text);
  const notes = (imported.data.notes as string[] | undefined) ?? [];
  for (const note of notes) expect(chrome.some((text) => note.includes(text))).toBe(false);
  const targets = JSON.stringify(imported.data.targets ?? []);
  // «Просмотров: 123» and «Осенний кросс — 2023» read as targets when the whole page was read.
  expect(targets).not.toMatch(/Просмотр|Посетител|"value":20\d\d[,}]/);
}

/** The reader's one warning: a count of what was left out and, if there was one, the page's heading. */
function expectOneWarning(imported: Imported, heading: string) {
  expect(imported.readerWarnings).toHaveLength(1);
  const [warning] = imported.readerWarnings;
  expect(warning).not.toMatch(/[\r\n]/);
  const count = Number(/пропущено (\d+) строк/.exec(warning)?.[1]);
  expect(count).toBeGreaterThanOrEqual(5);
  expect(warning).toContain(`заголовок страницы «${heading}» не принят за название документа`);
}

describe('a roadmap saved from a school site', () => {
  it('WordPress (<main>, <article>, .entry-content): the document, not the post title «Дорожная карта 2023»', () => {
    const page = importPage('wordpress-article.html');
    expect(page.result.kind).toBe('roadmap');
    expect(page.data.title).toMatch(/^Дорожная карта реализации целевой модели наставничества на 2024–2025 учебный год$/i);
    expect(page.data.period).toEqual({ from: '2024-09-01', to: '2025-08-31' });
    expect(page.data.approval).toMatchObject({ date: '2024-08-30' });
    expect(items(page.data).map((item) => item.number)).toEqual(['1.1', '1.2', '2.1', '2.2', '3.1', '3.2']);
    expect(items(page.data)[5]).toMatchObject({ title: 'Итоговая конференция «Наставничество: результаты года»', deadline: { from: '2025-05-01' } });
    expect(page.data.targets).toEqual([
      { indicator: 'Доля педагогов в возрасте до 35 лет, вовлечённых в наставничество', value: 'не менее 70', unit: '%', year: 2025 },
    ]);
    expect(page.data.notes).toBeUndefined();
    expectNoChrome(page, ['Новости', 'День знаний', 'Поделиться', 'ВКонтакте', 'Дата публикации', 'Ленина', 'Посетителей', 'Перейти к содержимому']);
    expectOneWarning(page, 'Дорожная карта 2023');
  });

  it('Joomla (<main>, .item-page, articleBody): the section heading and the article title are the site’s', () => {
    const page = importPage('joomla-item-page.html');
    expect(page.data.title).toBe('План мероприятий (дорожная карта) по реализации программы наставничества на 2023–2025 годы');
    expect(page.data.period).toEqual({ from: '2023-01-01', to: '2025-12-31' });
    expect(page.data.approval).toMatchObject({ date: '2023-09-01', agreed: 'на заседании педагогического совета протокол от 31.08.2023 № 1' });
    expect(items(page.data).map((item) => item.title)).toEqual([
      'Разработка и утверждение программы наставничества лицея',
      'Формирование базы наставников из числа педагогов высшей категории',
      'Обучение наставников на курсах повышения квалификации',
      'Проведение открытых уроков наставляемыми педагогами',
      'Мониторинг удовлетворённости участников программы',
      'Публикация лучших практик наставничества на сайте лицея',
    ]);
    expect(page.data.notes).toBeUndefined();
    expectNoChrome(page, [
      'Вы здесь',
      'Подробности',
      'Категория',
      'Опубликовано',
      'Версия для печати',
      'Вложения',
      'Назад',
      'Вперёд',
      'Последние новости',
      'Осенний кросс',
      'Тамбов, ул. Советская',
      'Наверх',
      'Искать',
    ]);
    expectOneWarning(page, 'Дорожная карта 2023');
  });

  it('uCoz in windows-1251, laid out in tables with no <main>: the document in .eMessage', () => {
    const page = importPage('ucoz-publ-cp1251.html');
    expect(page.data.title).toBe('План мероприятий («Дорожная карта») внедрения целевой модели наставничества на 2024-2025 учебный год');
    // The title names the 2024/25 school year; an event in August 2024 widens it, and the entry says so.
    expect(page.data.period).toEqual({ from: '2024-08-01', to: '2025-08-31', origin: 'widened', stated: { from: '2024-09-01', to: '2025-08-31' } });
    expect(items(page.data)).toHaveLength(6);
    expect(items(page.data)[4]).toMatchObject({ title: 'Организация встреч наставнических пар «ученик – ученик»', deadline: { from: '2024-12-01' } });
    // The document's own lines outside the table stay with it.
    expect(page.data.notes).toEqual([
      'Муниципальное казённое общеобразовательное учреждение',
      '«Новосёловская средняя общеобразовательная школа»',
      'Исполнитель: куратор наставничества Иванова О. С.',
    ]);
    expectNoChrome(page, [
      'Меню сайта',
      'Новости школы',
      'Онлайн',
      'Гостей',
      'Статьи',
      'Категория',
      'Добавил',
      'Рейтинг',
      'комментариев',
      'uCoz',
      'LiveInternet',
      'Школьная, д. 5',
    ]);
    expectOneWarning(page, 'Дорожная карта 2023');
  });

  it('a hand-made layout with no semantic tags and no known classes: the element with most of the text', () => {
    const page = importPage('edusite-plain-divs.html');
    expect(page.data.title).toMatch(/^Дорожная карта реализации программы наставничества педагогических работников на 2024\/2025 учебный год$/i);
    expect(page.data.period).toEqual({ from: '2024-09-01', to: '2025-08-31' });
    expect(page.data.approval).toMatchObject({ date: '2024-09-02' });
    expect(items(page.data)).toHaveLength(5);
    expect(page.data.notes).toBeUndefined();
    expect(page.data.targets).toBeUndefined();
    expectNoChrome(page, [
      'Приёмная',
      'Вахта',
      'Карта сайта',
      'Разделы',
      'О гимназии',
      'ГИА-2025',
      'Объявления',
      'Родительское собрание',
      'Дата изменения',
      'Версия для печати',
      'Назад',
      'Пушкина',
      'Образовательные сайты',
    ]);
    expectOneWarning(page, 'Дорожная карта 2023');
  });

  it('Tilda: the document spread over the constructor’s blocks, between the menu block and the footer block', () => {
    const page = importPage('tilda-blocks.html');
    expect(page.data.title).toMatch(/^Дорожная карта реализации программы наставничества на 2024–2025 учебный год$/i);
    expect(page.data.period).toEqual({ from: '2024-09-01', to: '2025-08-31' });
    expect(page.data.approval).toMatchObject({ date: '2024-08-29' });
    expect(items(page.data).map((item) => item.title)).toEqual(['Формирование базы наставников', 'Обучение наставников', 'Фестиваль наставнических практик']);
    expect(page.data.notes).toBeUndefined();
    expectNoChrome(page, ['Кванториум', 'О школе', 'Документы', 'Мельникайте']);
    expectOneWarning(page, 'Дорожная карта 2023');
  });

  it('a hand-made page laid out in a table, with no classes at all: the cell with the document', () => {
    const page = importPage('handmade-layout-table.html');
    expect(page.data.title).toBe('План мероприятий (дорожная карта) по реализации целевой модели наставничества на 2024-2025 учебный год');
    expect(page.data.period).toEqual({ from: '2024-09-01', to: '2025-08-31' });
    expect(items(page.data)).toHaveLength(3);
    expect(page.data.notes).toBeUndefined();
    expectNoChrome(page, ['СОШ № 3 г. Ельца', '2-33-44', 'Сведения', 'Новости', 'Контакты', 'посетитель', 'Назад', 'Все права защищены']);
    expectOneWarning(page, 'Наставничество');
  });
});

describe('a regulation saved from a school site', () => {
  it('1С-Битрикс .news-detail: the heading «Наставничество» inside it does not join the title, the links after it do not join the text', () => {
    const page = importPage('bitrix-news-detail-regulation.html');
    expect(page.result.kind).toBe('regulation');
    expect(page.data.title).toBe('Положение о наставничестве в МБОУ «СОШ № 7» г. Чебоксары');
    expect(page.data.approval).toMatchObject({ date: '2024-08-30', agreed: 'на педагогическом совете протокол от 29.08.2024 № 1' });
    expect(page.result.stats).toMatchObject({ sections: 3, clauses: 8 });
    expect(page.result.body?.trimEnd().endsWith('3.3. Наставническая пара работает по индивидуальному плану не менее одного учебного года.')).toBe(true);
    expectNoChrome(page, ['Возврат к списку', 'Поделиться', '02.09.2024', 'Гагарина', 'Всероссийский день наставника', 'root-item', '45-67-89']);
    expectOneWarning(page, 'Наставничество');
  });
});

describe('a page that is only a document', () => {
  it('Word’s «Веб-страница» (windows-1251, two sections): read whole, exactly as readHtml reads it, with no warning', () => {
    const file = join(PAGES, 'word-web-page-cp1251.html');
    const html = decodeHtml(readFileSync(join(ROOT, file)));
    const page = readHtmlPage(html, file);
    expect(page.warnings).toEqual([]);
    expect(page.document).toEqual(readHtml(html, file));
    const imported = importPage('word-web-page-cp1251.html');
    expect(imported.data.title).toMatch(/^Дорожная карта внедрения целевой модели наставничества на 2024–2025 учебный год$/i);
    expect(items(imported.data)).toHaveLength(4);
    // A line that would be a site's on a site's page is the document's own here.
    expect(imported.data.notes).toContain('Дата публикации отчёта на сайте школы: 15.06.2025');
  });

  it('an HTML fragment (as mammoth gives a .docx) keeps lines that look like a site’s', () => {
    const html = '<h1>Наставничество</h1><p>Назад</p><p>Скачать шаблон анкеты</p><p>Просмотров: 12</p>';
    expect(readHtmlPage(html, 'fragment.html')).toEqual({ document: readHtml(html, 'fragment.html'), warnings: [] });
  });
});

describe('finding the document on a page', () => {
  const site = (content: string) => `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Дорожная карта — Школа № 1</title></head><body>
<header><div class="logo">МБОУ «Школа № 1»</div><nav><a href="/">Главная</a> <a href="/nast/">Наставничество</a> <a href="/nast/karta/">Дорожная карта</a></nav></header>
<main><div class="breadcrumbs"><a href="/">Главная</a> / <a href="/nast/">Наставничество</a> / Дорожная карта</div>
<div class="entry-content">${content}</div></main>
<footer>© 2024 МБОУ «Школа № 1»</footer></body></html>`;
  const TABLE = `<table border="1"><tr><td>№</td><td>Мероприятие</td><td>Срок</td><td>Ответственный</td></tr>
<tr><td>1</td><td>Назначение куратора</td><td>сентябрь 2024</td><td>директор</td></tr>
<tr><td>2</td><td>Анкетирование педагогов</td><td>октябрь 2024</td><td>куратор</td></tr>
<tr><td>3</td><td>Итоговая встреча наставников и наставляемых</td><td>май 2025</td><td>куратор</td></tr></table>`;

  it('keeps the document’s own heading when it is its title split over two lines', () => {
    const page = importPage('inline.html', site(`<h2>ДОРОЖНАЯ КАРТА</h2><p><b>реализации программы наставничества на 2024–2025 учебный год</b></p>${TABLE}`));
    expect(page.data.title).toMatch(/^Дорожная карта реализации программы наставничества на 2024–2025 учебный год$/i);
    expect(page.data.period).toEqual({ from: '2024-09-01', to: '2025-08-31' });
  });

  it('drops the section’s name set as a heading right before the document’s own name', () => {
    const page = importPage(
      'inline.html',
      site(`<h1>Дорожная карта</h1><p><b>План мероприятий по внедрению наставничества на 2024–2025 учебный год</b></p>${TABLE}`),
    );
    expect(page.data.title).toBe('План мероприятий по внедрению наставничества на 2024–2025 учебный год');
  });

  it('does not cut off the approval and title that Word put in a section before a landscape table', () => {
    const page = importPage(
      'inline.html',
      site(`<div class="WordSection1"><p>УТВЕРЖДАЮ<br>Директор МБОУ «Школа № 1»<br>приказ от 30.08.2024 № 12</p><p><b>ДОРОЖНАЯ КАРТА</b></p></div>
<div class="WordSection2">${TABLE}${TABLE.replace(/<tr><td>№.*?<\/tr>/, '')}<p>Исполнитель: Петрова А. А.</p></div>`),
    );
    expect(page.data.title).toMatch(/^Дорожная карта$/i);
    expect(page.data.approval).toMatchObject({ date: '2024-08-30' });
    expect(page.data.notes).toEqual(['Исполнитель: Петрова А. А.']);
  });

  it('a page with only a link to the document file: one line saying to import the file itself', () => {
    let caught: unknown;
    try {
      readHtmlPage(site('<p><a href="/files/karta.pdf">Скачать документ (PDF, 230 КБ)</a></p><div class="post-views">Просмотров: 5</div>'), 'page.html');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ImportError);
    expect((caught as Error).message).toMatch(/^на странице page\.html нет текста документа.*скачайте его и импортируйте сам файл$/);
  });
});

describe('a line of the content area that is the site’s', () => {
  it('is told from a document’s line that starts with the same words', () => {
    const site = [
      'Главная / Наставничество / Дорожная карта',
      'Опубликовано: 14.09.2023 10:15',
      'Добавлено (11.09.2023, 10:12)',
      'Просмотров: 123 | Рейтинг: 0.0/0',
      'Категория: Наставничество | Добавил: admin (11.09.2023)',
      'Скачать документ (PDF, 230 КБ)',
      'Положение.pdf (230 КБ)',
      'Назад | Вперёд',
      'Поделиться: ВКонтакте Одноклассники',
      '© 2024 МБОУ «СОШ № 7»',
    ];
    const documents = [
      'Главная цель программы — адаптация молодых педагогов',
      'Создано 12 наставнических пар (на 01.09.2024)',
      'Дата публикации отчёта на сайте школы: 15.06.2025',
      'Подробнее о программе — в положении о наставничестве',
      'Просмотр видеозаписей открытых уроков',
    ];
    expect(site.filter((line) => !isChromeLine(line))).toEqual([]);
    expect(documents.filter(isChromeLine)).toEqual([]);
  });
});
