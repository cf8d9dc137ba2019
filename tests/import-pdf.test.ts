/**
 * The PDF reader, on PDFs LibreOffice exported from Word documents (tests/fixtures/import-units/pdf,
 * made by make.ts there): tables rebuilt from their borders and joined over page breaks, page
 * headers, footers and a signature stamp left out, and the refusals of what cannot be read.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runImport } from '../src/import/cli.ts';
import { dropPageFurniture, dropSignatureStamps } from '../src/import/pdf-furniture.ts';
import { paragraphsOf as joinParagraphs, vocabularyOf, type Flow, type Line } from '../src/import/pdf-lines.ts';
import { findTables, joinContinued, type PdfTable, type Region } from '../src/import/pdf-tables.ts';
import type { PageContent, Segment } from '../src/import/pdf-page.ts';
import { readDocx } from '../src/import/read-docx.ts';
import { readPdf, sideBySideRow } from '../src/import/read-pdf.ts';
import { readText } from '../src/import/read-text.ts';
import { ImportError, type Block, type SourceDocument } from '../src/import/source-document.ts';
import { ROOT, TMP } from './helpers/project.ts';

const DIR = join(ROOT, 'tests/fixtures/import-units/pdf');
const WORK = join(TMP, 'import-pdf');
const S000 = 'tests/fixtures/seeds/000_92cfe020492d1e8c.txt';
const fixture = (name: string) => readFileSync(join(DIR, name));
/** The documents a tester made (shared with the other readers' tests). */
const trialFixture = (name: string) => readFileSync(join(ROOT, 'tests/fixtures/import-units/trial', `${name}.pdf`));
const joinLines = (lines: Line[], flow: Flow) => joinParagraphs(lines, flow).map((p) => p.text);

/** Blocks without line numbers (and with the optional flags spelled out), for comparing two readings. */
const shape = (blocks: Block[]) =>
  blocks.map((block) =>
    block.kind === 'paragraph'
      ? { kind: block.kind, text: block.text, bold: !!block.bold, gap: !!block.gap }
      : { kind: block.kind, rows: block.rows.map((r) => r.cells.map((c) => c.parts)) },
  );
const tablesOf = (doc: SourceDocument) => doc.blocks.filter((b): b is Extract<Block, { kind: 'table' }> => b.kind === 'table');
const paragraphsOf = (doc: SourceDocument) => doc.blocks.filter((b): b is Extract<Block, { kind: 'paragraph' }> => b.kind === 'paragraph');
const allText = (doc: SourceDocument) =>
  doc.blocks.map((b) => (b.kind === 'paragraph' ? b.text : b.rows.map((r) => r.cells.map((c) => c.text).join(' ')).join(' '))).join('\n');

beforeAll(() => {
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(WORK, { recursive: true });
});

describe('readPdf on a roadmap table over four landscape pages', () => {
  let pdf: Awaited<ReturnType<typeof readPdf>>;
  beforeAll(async () => {
    pdf = await readPdf(fixture('roadmap.pdf'), 'roadmap.pdf');
  });

  it('gives the blocks the .docx it was exported from gives: every cell and its parts, merged cells as empty places', async () => {
    const docx = await readDocx(fixture('roadmap.docx'), 'roadmap.docx');
    expect(shape(pdf.document.blocks)).toEqual(shape(docx.document.blocks));
  });

  it('joins the table the same way when its header is not repeated on each page', async () => {
    const bare = await readPdf(fixture('no-header.pdf'), 'no-header.pdf');
    expect(shape(bare.document.blocks)).toEqual(shape(pdf.document.blocks));
  });

  it('joins the table over the page breaks: one header row, every item once, in order', () => {
    const [table, ...others] = tablesOf(pdf.document);
    expect(others).toHaveLength(0);
    expect(table.rows.filter((r) => r.cells[0].text === '№ п/п')).toHaveLength(1);
    const numbers = table.rows.slice(1).map((r) => r.cells[0].text);
    expect(numbers).toEqual(Array.from({ length: 28 }, (_, i) => `${Math.floor(i / 4) + 1}.${(i % 4) + 1}`));
    expect(table.rows.every((r) => r.cells.length === 5)).toBe(true);
  });

  it('keeps the stage merged down its rows in the first row only', () => {
    const rows = tablesOf(pdf.document)[0].rows.slice(1);
    expect(rows.map((r) => r.cells[1].text).filter(Boolean)).toHaveLength(7);
    expect(rows[0].cells[1].text).toBe('Подготовка условий для запуска программы наставничества');
    expect(rows.slice(1, 4).map((r) => r.cells[1].text)).toEqual(['', '', '']);
  });

  it('makes the row cut by two page breaks one row, its paragraphs whole', () => {
    const row = tablesOf(pdf.document)[0].rows.find((r) => r.cells[0].text === '3.2')!;
    const parts = row.cells[2].parts;
    expect(parts).toHaveLength(15);
    expect(parts[0]).toBe('Сбор согласий на обработку персональных данных (3.2):');
    parts.slice(1).forEach((part, k) => {
      expect(part).toBe(`– беседа с кандидатом № ${k + 1} о целях наставничества, его опыте работы с молодыми педагогами и о том, чем он готов поделиться`);
    });
  });

  it('leaves out the running header and the «Страница N из M» footer, and says how many lines', () => {
    expect(allText(pdf.document)).not.toMatch(/Страница \d|г\. Заречного/);
    expect(pdf.warnings).toContain('колонтитулы и номера страниц не импортированы: 8 строк');
  });

  it('counts the header rows repeated on the following pages that it leaves out', () => {
    expect(pdf.warnings).toContain('повтор шапки таблицы на следующих страницах не перенесён: 3 строки');
  });
});

describe('readPdf on a regulation', () => {
  let pdf: Awaited<ReturnType<typeof readPdf>>;
  beforeAll(async () => {
    pdf = await readPdf(fixture('regulation.pdf'), 'regulation.pdf');
  });

  it('gives the paragraphs of the .docx it was exported from, a clause the page break cut in one piece', async () => {
    const docx = await readDocx(fixture('regulation.docx'), 'regulation.docx');
    const texts = (doc: SourceDocument) => paragraphsOf(doc).map((p) => [p.text, !!p.bold]);
    expect(texts(pdf.document)).toEqual(texts(docx.document));
    const clauses = paragraphsOf(pdf.document)
      .map((p) => /^(\d+\.\d+)\. /.exec(p.text)?.[1])
      .filter(Boolean);
    expect(clauses).toEqual(['1.1', '1.2', '1.3', '1.4', '2.1', '2.2', '2.3', '2.4', '3.1', '3.2', '3.3', '4.1', '4.2']);
  });

  it('leaves out the page header, the page numbers and the electronic-signature stamp, with a warning each', () => {
    const text = allText(pdf.document);
    expect(text).not.toMatch(/ПОДПИСАН|Сертификат|Владелец|Действителен|· МБОУ/);
    expect(text).not.toMatch(/^\d+$/m);
    expect(tablesOf(pdf.document)).toHaveLength(0);
    expect(pdf.warnings).toEqual([
      expect.stringMatching(/^колонтитулы и номера страниц не импортированы: \d+ строк/),
      expect.stringMatching(/^штамп электронной подписи .* не импортирован/),
    ]);
  });
});

describe('readPdf on an approval block set side by side in a borderless table', () => {
  it('gives the two columns as one table row, as the .docx it was exported from does, not their lines interleaved', async () => {
    const pdf = await readPdf(fixture('approval.pdf'), 'approval.pdf');
    const docx = await readDocx(fixture('approval.docx'), 'approval.docx');
    expect(shape(pdf.document.blocks)).toEqual(shape(docx.document.blocks));
    expect(tablesOf(pdf.document)[0].rows).toHaveLength(1);
    expect(tablesOf(pdf.document)[0].rows[0].cells.map((c) => c.parts[0])).toEqual(['СОГЛАСОВАНО', 'УТВЕРЖДАЮ']);
  });
});

describe('what is not the text of a PDF', () => {
  const line = (text: string, y: number, page = 0): Line => ({ pieces: [], text, left: 72, right: 300, y, size: 11, bold: false, page });

  it('drops a lone page number at the top or bottom of a page, even on a page of its own, and keeps numbers in the text', () => {
    const pages = [
      { height: 842, lines: [line('- 3 -', 30), line('1.1. Текст пункта', 100), line('12', 400), line('Последняя строка', 700)] },
      { height: 842, lines: [line('Вторая страница', 100, 1), line('Страница 4 из 10', 810, 1)] },
      { height: 842, lines: [line('Третья страница', 100, 2), line('Итого: 5', 810, 2)] },
    ];
    expect(dropPageFurniture(pages)).toBe(2);
    expect(pages.map((p) => p.lines.map((l) => l.text))).toEqual([
      ['1.1. Текст пункта', '12', 'Последняя строка'],
      ['Вторая страница'],
      ['Третья страница', 'Итого: 5'],
    ]);
  });

  it('keeps a year alone on the last line of a page: it is the text, not a page number', () => {
    const pages = [
      { height: 842, lines: [line('Текст первой страницы', 100), line('1', 810)] },
      { height: 842, lines: [line('Приказ от 29 августа', 700, 1), line('2024', 790, 1), line('2', 810, 1)] },
      { height: 842, lines: [line('Текст третьей страницы', 100, 2), line('3', 810, 2)] },
    ];
    expect(dropPageFurniture(pages)).toBe(3);
    expect(pages[1].lines.map((l) => l.text)).toEqual(['Приказ от 29 августа', '2024']);
    const alone = [{ height: 842, lines: [line('Утверждено на педсовете', 700), line('2024', 790)] }];
    expect(dropPageFurniture(alone)).toBe(0);
  });

  it('drops bare numbers that go up with the pages, wherever on the edge they stand, and keeps one that does not', () => {
    const pages = [
      { height: 842, lines: [line('Первая', 100), line('5', 800)] },
      { height: 842, lines: [line('6', 20, 1), line('Вторая', 100, 1)] },
      { height: 842, lines: [line('Третья', 100, 2), line('7', 780, 2)] },
      { height: 842, lines: [line('Четвёртая', 100, 3), line('Итого участников:', 760, 3), line('12', 790, 3)] },
    ];
    expect(dropPageFurniture(pages)).toBe(3);
    expect(pages.map((p) => p.lines.map((l) => l.text))).toEqual([['Первая'], ['Вторая'], ['Третья'], ['Четвёртая', 'Итого участников:', '12']]);
  });

  it('drops a signature stamp written as lines and what follows it only while it is the stamp', () => {
    const lines = [
      'Директор И. И. Иванова',
      'ДОКУМЕНТ ПОДПИСАН ЭЛЕКТРОННОЙ ПОДПИСЬЮ',
      'Сертификат 01AB',
      'Владелец Иванова Ирина Ивановна',
      'Действителен с 01.02.2024 по 01.05.2025',
      'Приложение 1',
    ].map((text, i) => line(text, 100 + 14 * i));
    const { kept, stamps } = dropSignatureStamps(lines);
    expect(stamps).toBe(1);
    expect(kept.map((l) => l.text)).toEqual(['Директор И. И. Иванова', 'Приложение 1']);
  });
});

describe('a table going on after a page break', () => {
  /** Rows of texts; `null` is a place covered by the cell to its left (merged across). */
  const table = (rows: (string | null)[][]): PdfTable => {
    const cells: Region[][] = [];
    const owner: boolean[][] = [];
    for (const row of rows) {
      const regions: Region[] = [];
      for (const text of row) regions.push(text === null ? regions[regions.length - 1] : { parts: text ? [text] : [] });
      cells.push(regions);
      owner.push(row.map((text) => text !== null));
    }
    return {
      page: 0,
      xs: rows[0].map((_, c) => 100 * c).concat(100 * rows[0].length),
      ys: rows.map((_, r) => 20 * r).concat(20 * rows.length),
      cells,
      owner,
      closedTop: true,
    };
  };
  const texts = (t: PdfTable) => t.cells.map((row, r) => row.map((region, c) => (t.owner[r][c] ? region.parts.join(' ') : null)));

  it('leaves out the header repeated at the top of the next page and says how many rows', () => {
    const first = table([
      ['№', 'Мероприятие'],
      ['Этап', null],
      ['1', 'Встреча'],
    ]);
    const next = table([
      ['№', 'Мероприятие'],
      ['Этап', null],
      ['2', 'Анкета'],
    ]);
    expect(joinContinued(first, next)).toEqual({ repeatedHeader: 2 });
    expect(texts(first)).toEqual([
      ['№', 'Мероприятие'],
      ['Этап', null],
      ['1', 'Встреча'],
      ['2', 'Анкета'],
    ]);
  });

  it("keeps a row that only reads like a header row: its cells are not the header's cells", () => {
    const first = table([
      ['№', 'Мероприятие'],
      ['Этап', null],
      ['1', 'Встреча'],
    ]);
    const next = table([
      ['№', 'Мероприятие'],
      ['Этап', ''],
      ['2', 'Анкета'],
    ]);
    expect(joinContinued(first, next)).toEqual({ repeatedHeader: 1 });
    expect(texts(first).slice(3)).toEqual([
      ['Этап', ''],
      ['2', 'Анкета'],
    ]);
  });

  /** Two rows of columns split at `upper` and at `lower`, a full-width row between them, as bordered cells. */
  const stacked = (upper: number[], lower: number[]): PageContent => {
    const across = (y: number): Segment => ({ x1: 0, x2: 300, y1: y, y2: y });
    const down = (x: number, y1: number, y2: number): Segment => ({ x1: x, x2: x, y1, y2 });
    const segments = [across(0), across(20), across(40), across(60), down(0, 0, 60), down(300, 0, 60)];
    segments.push(...upper.map((x) => down(x, 0, 20)), ...lower.map((x) => down(x, 40, 60)));
    return { width: 400, height: 400, pieces: [], segments, images: 0 };
  };

  it('splits tables stacked one on the other where their column borders do not line up, and keeps a table whose rows only merge columns', () => {
    const tables = findTables(stacked([100, 200], [60, 250]), 0, 1.17).tables;
    expect(tables.map((t) => t.xs.map(Math.round))).toEqual([
      [0, 100, 200, 300],
      [0, 60, 250, 300],
    ]);
    // The full-width row between goes with the table below, as a stage heading heads its rows.
    expect(tables.map((t) => t.ys)).toEqual([
      [0, 20],
      [20, 40, 60],
    ]);
    expect(findTables(stacked([100, 200], [100, 150, 200]), 0, 1.17).tables).toHaveLength(1);
  });

  it('does not join a table with other columns', () => {
    expect(joinContinued(table([['№', 'Мероприятие']]), table([['№', 'Мероприятие', 'Срок']]))).toBeUndefined();
  });
});

describe('npm run import on PDFs', () => {
  const importJson = async (file: string, ...args: string[]) => {
    const result = await runImport([file, '--stdout', '--org', 'x', ...args], ROOT);
    expect(result.code, result.stderr).toBe(0);
    return JSON.parse(result.stdout);
  };

  it('imports the roadmap PDF to the entry its .docx gives: stages, items, deadlines dated, responsibles', async () => {
    const fromPdf = await importJson(join(DIR, 'roadmap.pdf'));
    const fromDocx = await importJson(join(DIR, 'roadmap.docx'));
    expect({ ...fromPdf, source: undefined }).toEqual({ ...fromDocx, source: undefined });
    const items = fromPdf.stages.flatMap((s: { items: unknown[] }) => s.items);
    expect(fromPdf.stages).toHaveLength(7);
    expect(items).toHaveLength(28);
    const item = items.find((i: { title: string }) => i.title.startsWith('Анкетирование педагогов и обучающихся (1.2)'));
    expect(item.deadline).toMatchObject({ text: 'октябрь–ноябрь 2024', from: '2024-10-01' });
    expect(item.responsible.join(' ')).toBe('Заместитель директора по УВР Сидоров П. П. Куратор Петрова А. А.');
  });

  it('imports the regulation PDF with its sections and every clause, the stamp left out', async () => {
    const { body } = await importJson(join(DIR, 'regulation.pdf'), '--kind', 'regulation');
    expect([...body.matchAll(/^## (\d+)\./gm)].map((m) => m[1])).toEqual(['1', '2', '3', '4']);
    expect([...body.matchAll(/^(\d+\.\d+)\.? /gm)].map((m) => m[1])).toHaveLength(13);
    expect(body).toContain('дополнительного обучения наставляемого. Также вправе привлекать');
    expect(body).not.toMatch(/ПОДПИСАН|Сертификат/);
  });

  it('imports seed 000 exported to PDF as it imports the seed text', async () => {
    const fromText = await importJson(join(ROOT, S000), '--org', 'kayalinskaya-sosh');
    const fromPdf = await importJson(join(DIR, 'seed000.pdf'), '--org', 'kayalinskaya-sosh');
    expect({ ...fromPdf, source: undefined }).toEqual({ ...fromText, source: undefined });
    // The reading itself, block by block, as a check of the table and its parts.
    const text = readText(readFileSync(join(ROOT, S000), 'utf8'), S000);
    const pdf = await readPdf(fixture('seed000.pdf'), 'seed000.pdf');
    expect(tablesOf(pdf.document).map((t) => t.rows.map((r) => r.cells.map((c) => c.text)))).toEqual(
      tablesOf(text).map((t) => t.rows.map((r) => r.cells.map((c) => c.text))),
    );
  });

  const refusals: [string, () => Buffer, RegExp][] = [
    ['scan.pdf', () => fixture('scan.pdf'), /файл \S+scan\.pdf — скан без текстового слоя: .*распознава.*\.docx/],
    ['empty.pdf', () => fixture('empty.pdf'), /нет текста/],
    ['password.pdf', () => fixture('password.pdf'), /документ защищён паролем — откройте его в программе для PDF, снимите пароль и сохраните заново$/],
    ['cut.pdf', () => fixture('roadmap.pdf').subarray(0, 1500), /повреждён/],
    ['garbage.pdf', () => Buffer.from('%PDF-1.7\nэто не PDF'), /повреждён/],
  ];
  it.each(refusals)('refuses %s with one Russian line, a non-zero exit and nothing written', async (name, bytes, message) => {
    const file = join(WORK, name);
    writeFileSync(file, bytes());
    const out = join(WORK, `${name}.yaml`);
    const result = await runImport([file, '--org', 'x', '--out', out], ROOT);
    expect(result.code).not.toBe(0);
    const errors = result.stderr
      .trim()
      .split('\n')
      .filter((line) => line.startsWith('ошибка'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(message);
    // A clause after «ошибка: »: lower case, no full stop.
    expect(errors[0]).toMatch(/^ошибка: [а-яё]/);
    expect(errors[0]).not.toMatch(/\.$/);
    // Russian throughout: no English words besides the file's name and the names of formats.
    expect(errors[0].replace(file, '').replace(/PDF|Word|docx/g, '')).not.toMatch(/[A-Za-z]{3,}/);
    expect(existsSync(out)).toBe(false);
  });
});

/**
 * Documents a tester made in Word and LibreOffice (tests/fixtures/import-units/trial, with
 * their sources and a README on how they were exported).
 */
describe('readPdf on the trial documents', () => {
  const trial = async (name: string) => (await readPdf(trialFixture(name), `${name}.pdf`)).document;
  const rowsOf = (doc: SourceDocument) => tablesOf(doc).flatMap((t) => t.rows.map((r) => r.cells.map((c) => c.text)));

  it('keeps the space between whole words a line wrap separates in a narrow cell', async () => {
    const text = allText(await trial('t08-docx-autonum'));
    expect(text).toContain('Индивидуальные консультации наставляемых (1)');
    expect(text).toContain('Педагог-психолог Омарова С. А.');
    expect(text).toContain('«Практика наставничества», часть 1');
    expect(text).toContain('УТВЕРЖДЕН приказом директора');
    expect(text).not.toMatch(/[а-яё][А-Я][а-яё]/);
  });

  it('keeps the space after a header word, an approval word and a right-aligned line', async () => {
    expect(allText(await trial('t05-district'))).toContain('Ответственные исполнители');
    expect(allText(await trial('t03-regulation-handtyped'))).toContain('Утверждено приказом директора');
    expect(allText(await trial('t06-footnote-picture'))).toContain('УТВЕРЖДАЮ Директор школы');
  });

  it("drops a hyphen that only broke a word the document has whole, and keeps a compound word's", () => {
    const line = (text: string, y: number): Line => ({
      pieces: [{ text, x: 50, y, width: 100, size: 12, bold: false }],
      text,
      left: 50,
      right: 150,
      y,
      size: 12,
      bold: false,
      page: 0,
    });
    const words = vocabularyOf(['программа наставничества', 'участников-наставляемых']);
    const flow = { left: 50, right: 150, pitch: 1.15, words };
    expect(
      joinLines(
        ['о ходе настав-', 'ничества'].map((t, i) => line(t, 40 + 14 * i)),
        flow,
      ),
    ).toEqual(['о ходе наставничества']);
    expect(
      joinLines(
        ['для участников-', 'наставляемых'].map((t, i) => line(t, 40 + 14 * i)),
        flow,
      ),
    ).toEqual(['для участников-наставляемых']);
    expect(
      joinLines(
        ['педагог-', 'психолог'].map((t, i) => line(t, 40 + 14 * i)),
        flow,
      ),
    ).toEqual(['педагог-психолог']);
  });

  it('gives an empty cell for a column of a side-by-side block that holds no line of it', () => {
    const line = (text: string, left: number, y: number): Line => ({
      pieces: [{ text, x: left, y, width: 60, size: 12, bold: false }],
      text,
      left,
      right: left + 60,
      y,
      size: 12,
      bold: false,
      page: 0,
    });
    const block = sideBySideRow(
      { kind: 'columns', starts: [50, 200, 350], columns: [[line('СОГЛАСОВАНО', 50, 40)], [], [line('УТВЕРЖДАЮ', 350, 40)]] },
      1.15,
      new Set(),
    );
    expect(block.kind === 'table' && block.rows[0].cells.map((c) => c.text)).toEqual(['СОГЛАСОВАНО', '', 'УТВЕРЖДАЮ']);
  });

  it.each(['t09-noborder', 't01-noborder'])('refuses %s, a roadmap whose table has no borders, saying why and what to do, not with a crash', async (name) => {
    const reading = readPdf(trialFixture(name), `${name}.pdf`);
    await expect(reading).rejects.toThrow(ImportError);
    await expect(reading).rejects.toThrow(
      /таблица мероприятий без линий границ: .* импортируйте исходный \.docx\/\.odt или сохраните PDF с границами таблицы$/,
    );
  });

  it('reads a borderless approval block as two columns down to its dates', async () => {
    const [approval] = rowsOf(await trial('t07-no-number-column'));
    expect(approval).toEqual([
      'СОГЛАСОВАНО Председатель профкома _______ Абдуллаева Х. К. 28.08.2025',
      'УТВЕРЖДАЮ Директор _______ Рамазанова З. М. 29.08.2025',
    ]);
  });

  it('reads an approval block whose two columns do not share baselines as two columns', async () => {
    const doc = await trial('t04-regulation-roman');
    const [approval] = rowsOf(doc);
    expect(approval).toEqual([
      'ПРИНЯТО на заседании педагогического совета протокол № 1 от 30.08.2024',
      'УТВЕРЖДАЮ Директор школы _______ З. М. Рамазанова приказ № 101 от 31.08.2024',
    ]);
  });

  it('drops footnote marks (small raised digits) after words, and keeps the footnotes', async () => {
    const doc = await trial('t06-footnote-picture');
    const text = allText(doc);
    expect(text).toContain('на 2024/2025 учебный год\n');
    expect(paragraphsOf(doc).map((p) => p.text)).not.toContain('1');
    expect(text).toContain('Формирование пар «наставник – наставляемый»');
    expect(text).toContain('1 Разработана в соответствии с распоряжением');
  });

  it('splits a text run that crosses a column border between the two cells', async () => {
    const row = rowsOf(await trial('t05-district')).find((cells) => cells[0] === '3');
    expect(row?.slice(3)).toEqual(['до 1 марта 2025 г.', 'Приказы ОО']);
  });
});

describe('npm run import on the trial PDFs', () => {
  const TRIAL = join(ROOT, 'tests/fixtures/import-units/trial');
  const importJson = async (file: string) => {
    const result = await runImport([join(TRIAL, file), '--stdout', '--org', 'x'], ROOT);
    expect(result.code, result.stderr).toBe(0);
    return { ...JSON.parse(result.stdout), source: undefined };
  };
  type Item = { number: string; title: string; deadline?: { text: string }; responsible: string[] };
  const itemsOf = (entry: { stages: { items: Item[] }[] }) => entry.stages.flatMap((s) => s.items);

  it('reads two bordered tables stacked on one page with other column widths as two tables, as the .docx gives them', async () => {
    const fromPdf = await importJson('r6.pdf');
    expect(fromPdf).toEqual(await importJson('r6.docx'));
    const items = itemsOf(fromPdf);
    expect(items.map((i) => i.number)).toEqual([...Array.from({ length: 19 }, (_, k) => `1.${k + 1}`), '2.1', '2.2', '2.3']);
    expect(items.find((i) => i.number === '2.1')).toMatchObject({
      title: 'Практическое мероприятие 1',
      deadline: { text: 'ноябрь 2025 г.' },
      responsible: ['Петров Б. Б.'],
    });
  });

  it('splits a run crossing a cell border between the right words in a proportional font', async () => {
    const item = itemsOf(await importJson('r1.pdf')).find((i) => i.title.startsWith('Мониторинг эффективности'));
    expect(item).toMatchObject({ title: 'Мониторинг эффективности программы', deadline: { text: '1 раз в четверть' } });
  });
});
