/**
 * What the importer does with the whole document (issue 18, «honest report»): coverage is
 * counted over every word of the source and names what was left out; a document whose kind
 * is unclear is asked about; the preamble above a roadmap's table (dash lists included) is
 * read and its period dates month-only deadlines; an approval block in a borderless table is
 * the approval, and a regulation's tables stay where they stand.
 */
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { readFileSync } from 'node:fs';
import rehypeSanitize from 'rehype-sanitize';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runImport } from '../src/import/cli.ts';
import { importDocument, type ImportResult } from '../src/import/import-document.ts';
import { readHtml } from '../src/import/read-html.ts';
import { readText } from '../src/import/read-text.ts';
import { readBuffer } from '../src/import/read-document.ts';
import { stringsOf } from '../src/import/report.ts';
import { ImportError, type Block, type SourceDocument } from '../src/import/source-document.ts';
import { ROOT } from './helpers/project.ts';
import { writeDocx } from './helpers/write-docx.ts';

const S003 = 'tests/fixtures/seeds/003_d4ef5299309bf860.txt';

/** Words as a person would count them, independently of the importer's tokenizer. */
const wordsOf = (text: string) =>
  text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .split(/[^a-zа-я0-9]+/u)
    .filter(Boolean);

/** The share of the source text's words (with repeats) found among the entry's words. */
function independentCoverage(source: string, entry: unknown): number {
  const left = new Map<string, number>();
  for (const w of stringsOf(entry).flatMap(wordsOf)) left.set(w, (left.get(w) ?? 0) + 1);
  const all = wordsOf(source);
  let found = 0;
  for (const w of all) {
    const n = left.get(w) ?? 0;
    if (n > 0) {
      found++;
      left.set(w, n - 1);
    }
  }
  return (100 * found) / all.length;
}

const percentOf = (result: ImportResult) => (100 * result.coverage.covered) / result.coverage.total;
/** A regulation's own text: its legal bases and forms repeat lines of the body, and would count twice. */
const entryOf = (result: ImportResult) => (result.body ? { title: result.data.title, approval: result.data.approval, body: result.body } : result.data);
const importText = (text: string, kind?: 'roadmap' | 'regulation') => importDocument(readText(text, 'doc.txt'), { organization: 'shkola-7', kind });
const flat = (data: Record<string, any>) => data.stages.flatMap((s: any) => s.items.flatMap((i: any) => [i, ...(i.items ?? [])]));

function unclear(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    return (error as Error).message;
  }
  throw new Error('imported without asking');
}

describe('coverage is counted over the whole source', () => {
  it('a regulation taken out of a document that also holds a roadmap reports the roadmap as not carried over', () => {
    const source = readFileSync(join(ROOT, S003), 'utf8');
    const result = importDocument(readText(source, S003), { organization: 'ustyuzhna-sh-2', kind: 'regulation' });
    const independent = independentCoverage(source, entryOf(result));
    expect(percentOf(result)).toBeLessThan(85);
    expect(Math.abs(percentOf(result) - independent)).toBeLessThanOrEqual(1);
    expect(result.coverage.total).toBe(wordsOf(source).length);
    // The roadmap (from «Утвержден … План мероприятий» to the end) is named as the part left out.
    const roadmapLine = source.split('\n').findIndex((l) => l.startsWith('План мероприятий')) + 1;
    const passage = result.coverage.passages.find((p) => p.from <= roadmapLine && p.to >= roadmapLine);
    expect(passage, JSON.stringify(result.coverage.passages)).toBeDefined();
    expect(passage!.to - passage!.from).toBeGreaterThan(100);
  });

  it('the roadmap taken out of the same document reports the regulation as not carried over', () => {
    const source = readFileSync(join(ROOT, S003), 'utf8');
    const result = importDocument(readText(source, S003), { organization: 'ustyuzhna-sh-2', kind: 'roadmap' });
    expect(percentOf(result)).toBeLessThan(50);
    expect(result.coverage.passages[0]).toMatchObject({ from: 1 });
  });

  it('the CLI names what was left out in a few lines and keeps one summary line', async () => {
    const result = await runImport([S003, '--org', 'ustyuzhna-sh-2', '--kind', 'regulation', '--stdout'], ROOT);
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stderr.trim().split('\n');
    expect(lines.filter((l) => /слов источника перенесено/.test(l))).toHaveLength(1);
    const missing = lines.filter((l) => l.startsWith('не перенесено:'));
    expect(missing.length).toBeGreaterThan(0);
    expect(missing.length).toBeLessThanOrEqual(6);
    expect(missing.join('\n')).toMatch(/строки \d+–\d+ «/);
    expect(JSON.parse(result.stdout).body).toContain('1.1');
  });

  it('a roadmap with everything carried over reports the same share as an independent count', () => {
    const header = '№\tМероприятие\tСрок\tОтветственный';
    const source = [
      'Дорожная карта наставничества на 2024/2025 учебный год',
      '',
      'Задачи:',
      '- сформировать наставнические пары;',
      '- обучить наставников.',
      '',
      header,
      '1\tИздание приказа о наставничестве\tсентябрь\tдиректор',
      '2\tОбучение наставников на курсах\tфевраль–март\tкуратор',
      '3\tИтоговая конференция наставников\tмай\tкуратор',
    ].join('\n');
    const result = importText(source);
    // The header row and «Задачи:» are layout: the entry holds them as its fields, not as text.
    const independent = independentCoverage(source.replace(header, '').replace('Задачи:', ''), result.data);
    expect(result.coverage.total).toBe(wordsOf(source).length);
    const layout = wordsOf(header).length + 1;
    expect(result.coverage.layout).toBe(layout);
    expect(Math.abs(percentOf(result) - independent * (1 - layout / wordsOf(source).length))).toBeLessThanOrEqual(1);
    // Every word but the layout's is carried, and nothing is listed as left out.
    expect(result.coverage.covered + layout).toBe(result.coverage.total);
    expect(result.coverage.passages).toEqual([]);
  });

  it('a target whose value the entry holds as a number is carried, not listed as left out', () => {
    const source = [
      'Дорожная карта наставничества на 2025/2026 учебный год',
      '',
      '№\tМероприятие\tСрок\tОтветственный',
      '1\tИздание приказа о наставничестве\tсентябрь\tдиректор',
      '2\tИтоговая конференция наставников\tмай\tкуратор',
      '',
      'Доля педагогов, вовлечённых в наставничество — 100 %',
    ].join('\n');
    const result = importText(source);
    expect(result.data.targets).toEqual([expect.objectContaining({ value: 100, unit: '%' })]);
    expect(result.coverage.missing).not.toContain('100');
    expect(result.coverage.passages).toEqual([]);
  });
});

describe('a document whose kind is unclear is asked about', () => {
  const events = [
    ['1.1', 'Анкетирование педагогов о готовности к наставничеству', 'сентябрь 2024', 'заместитель директора по УВР'],
    ['1.2', 'Формирование базы наставников', 'октябрь 2024', 'куратор'],
    ['1.3', 'Обучение наставников на курсах', 'ноябрь 2024', 'куратор'],
    ['1.4', 'Закрепление наставнических пар приказом', 'декабрь 2024', 'директор'],
    ['1.5', 'Встречи наставников и наставляемых', 'январь 2025', 'наставники'],
    ['1.6', 'Итоговая конференция', 'май 2025', 'заместитель директора по УВР'],
  ];
  const title = 'Дорожная карта внедрения целевой модели наставничества на 2024/2025 учебный год';

  it('a table pulled from a PDF column by column is not imported as a regulation', () => {
    const text = [title, '', '№ п/п', 'Мероприятие', 'Сроки', 'Ответственные', ...[0, 1, 2, 3].flatMap((c) => events.map((e) => e[c]))].join('\n');
    const message = unclear(() => importText(text));
    expect(message).toMatch(/--kind roadmap/);
    expect(message).toMatch(/--kind regulation|regulation/);
  });

  it('a table pulled from a PDF row by row is not imported as a regulation', () => {
    const text = [title, '', '№ п/п Мероприятие Сроки Ответственные', ...events.map((e) => e.join(' '))].join('\n');
    expect(unclear(() => importText(text))).toMatch(/--kind roadmap/);
  });

  it('a regulation holding a table of dated events with responsibles (no header row) is asked about', () => {
    const text = [
      'ПОЛОЖЕНИЕ о наставничестве',
      '1. Общие положения',
      '1.1. Настоящее положение определяет порядок наставничества в школе.',
      '1.2. Участие в наставничестве добровольно.',
      '1.3. Наставник назначается приказом директора.',
      '1.4. Куратор ведёт учёт наставнических пар.',
      '1.5. Срок наставничества — от трёх месяцев до года.',
      '',
      ...events.map((e) => e.join('\t')),
    ].join('\n');
    expect(unclear(() => importText(text))).toMatch(/--kind/);
    // Told the kind, it does as told.
    expect(importText(text, 'regulation').kind).toBe('regulation');
  });

  it('a table of events with neither deadlines nor responsibles is not a roadmap', () => {
    const text = [title, '', '№\tМероприятие\tСрок\tОтветственный', ...events.map((e) => `${e[0]}\t${e[1]}\t\t`)].join('\n');
    expect(unclear(() => importText(text))).toMatch(/ни сроков|не похож/);
    expect(unclear(() => importText(text, 'roadmap'))).toMatch(/ни сроков|не похож/);
  });

  it('a plain regulation and a plain roadmap are still told apart without asking', () => {
    const regulation = [
      'ПОЛОЖЕНИЕ о наставничестве',
      '1. Общие положения',
      '1.1. Настоящее положение определяет порядок наставничества в школе.',
      '1.2. Участие в наставничестве добровольно.',
      '1.3. Наставник назначается приказом директора.',
      '2. Права наставника',
      '2.1. Наставник вправе:',
      '- участвовать в обсуждении программы;',
      '- вносить предложения куратору.',
      '2.2. Наставник обязан соблюдать требования положения.',
    ].join('\n');
    expect(importText(regulation).kind).toBe('regulation');
    const roadmap = [title, '', '№\tМероприятие\tСрок\tОтветственный', ...events.map((e) => e.join('\t'))].join('\n');
    expect(importText(roadmap).kind).toBe('roadmap');
  });

  it('a roadmap followed by its regulation is asked about too, and each part imports alone', () => {
    const text = [
      title,
      '',
      '№\tМероприятие\tСрок\tОтветственный',
      ...events.map((e) => e.join('\t')),
      '',
      'ПОЛОЖЕНИЕ о наставничестве',
      '1. Общие положения',
      '1.1. Настоящее положение определяет порядок наставничества в школе.',
      '1.2. Участие в наставничестве добровольно.',
      '1.3. Наставник назначается приказом директора.',
      '1.4. Куратор ведёт учёт наставнических пар.',
      '1.5. Срок наставничества — от трёх месяцев до года.',
    ].join('\n');
    expect(unclear(() => importText(text))).toMatch(/--kind regulation или --kind roadmap/);
    const roadmap = importText(text, 'roadmap');
    expect(roadmap.data.notes).toBeUndefined();
    expect(roadmap.coverage.passages.map((p) => p.text)).toEqual([expect.stringMatching(/^ПОЛОЖЕНИЕ о наставничестве/)]);
    const regulation = importText(text, 'regulation');
    expect(regulation.data.title).toBe('Положение о наставничестве');
    expect(regulation.body).not.toContain('Анкетирование');
    expect(regulation.coverage.passages[0]).toMatchObject({ from: 1 });
  });

  it('a document with both a regulation and a roadmap still asks', async () => {
    const result = await runImport([S003, '--org', 'ustyuzhna-sh-2', '--stdout'], ROOT);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/--kind regulation или --kind roadmap/);
  });
});

describe('the preamble above a roadmap table, dash lists included', () => {
  const table = [
    '',
    '№\tМероприятие\tСрок\tОтветственный',
    '1\tИздание приказа\tсентябрь\tдиректор',
    '2\tОбучение наставников\tфевраль–март\tкуратор',
    '3\tВстреча пар\tянварь\tкуратор',
  ];
  const preamble = (title: string) => [
    'УТВЕРЖДАЮ',
    'Директор МБОУ «Школа № 7»',
    'приказ № 15-о от 28.08.2024',
    '',
    title,
    '',
    'Цели:',
    '- адаптация молодых педагогов;',
    '- рост мастерства наставников.',
    'Задачи:',
    '- сформировать наставнические пары;',
    '- провести обучение наставников.',
  ];

  it('keeps the title, approval, goals and tasks above a dash list', () => {
    const { data, warnings } = importText([...preamble('Дорожная карта наставничества на 2024/2025 учебный год'), ...table].join('\n'));
    expect(data.title).toBe('Дорожная карта наставничества на 2024/2025 учебный год');
    expect(data.approval).toMatchObject({ date: '2024-08-28' });
    expect((data.approval as any).document).toContain('приказ № 15-о');
    expect(data.goals).toEqual(['адаптация молодых педагогов;', 'рост мастерства наставников.']);
    expect(data.tasks).toEqual(['сформировать наставнические пары;', 'провести обучение наставников.']);
    expect(data.period).toEqual({ from: '2024-09-01', to: '2025-08-31' });
    expect(flat(data)[1].deadline).toMatchObject({ from: '2025-02-01', to: '2025-03-31' });
    expect(warnings).toEqual([]);
  });

  it('dates month-only deadlines from the school year of the approval when the title names no year', () => {
    const { data } = importText([...preamble('Дорожная карта наставничества'), ...table].join('\n'));
    const items = flat(data);
    expect(items.map((i: any) => [i.deadline.from, i.deadline.to])).toEqual([
      ['2024-09-01', '2024-09-30'],
      ['2025-02-01', '2025-03-31'],
      ['2025-01-01', '2025-01-31'],
    ]);
  });

  it('dates month-only deadlines from the years of the dated events when nothing else names the period', () => {
    const text = [
      'Дорожная карта наставничества',
      '- для педагогов школы',
      '',
      '№\tМероприятие\tСрок\tОтветственный',
      '1\tИздание приказа\tдо 15.09.2024\tдиректор',
      '2\tОбучение наставников\tфевраль–март\tкуратор',
    ].join('\n');
    const { data, warnings } = importText(text);
    expect(flat(data)[1].deadline).toMatchObject({ from: '2025-02-01', to: '2025-03-31' });
    // A line that fits no field is kept in notes with a warning, never dropped.
    expect(data.notes).toEqual(['- для педагогов школы']);
    expect(warnings.map((w) => w.line)).toEqual([2]);
  });
});

describe('an approval block in a borderless two-column table', () => {
  const approvalTable = `<table><tr><td><p>СОГЛАСОВАНО</p><p>на педагогическом совете</p><p>протокол № 1 от 30.08.2024</p></td>
    <td><p>УТВЕРЖДАЮ</p><p>Директор школы И.И. Иванов</p><p>приказ № 12 от 31.08.2024</p></td></tr></table>`;
  const regulation = `${approvalTable}
    <p>ПОЛОЖЕНИЕ</p><p>о наставничестве в МБОУ «Школа № 7»</p>
    <p>1. Общие положения</p>
    <p>1.1. Настоящее положение определяет порядок наставничества.</p>
    <p>1.2. Участие в наставничестве добровольно.</p>
    <p>2. Формы наставничества</p>
    <p>2.1. В школе применяются формы:</p>
    <table><tr><td>Форма</td><td>Участники</td></tr><tr><td>ученик – ученик</td><td>обучающиеся</td></tr><tr><td>учитель – учитель</td><td>педагоги</td></tr></table>
    <p>2.2. Куратор ведёт учёт пар.</p>
    <p>2.3. Наставник назначается приказом.</p>`;

  function checkRegulation(result: ImportResult) {
    expect(result.kind).toBe('regulation');
    expect(result.data.title).toBe('Положение о наставничестве в МБОУ «Школа № 7»');
    expect(result.data.approval).toMatchObject({ date: '2024-08-31' });
    expect((result.data.approval as any).document).toContain('приказ № 12');
    expect((result.data.approval as any).agreed).toContain('протокол № 1');
    const body = result.body!;
    expect(body).not.toMatch(/СОГЛАСОВАНО|УТВЕРЖДАЮ/);
    // The table stands between 2.1 and 2.2, as a Markdown table.
    expect(body.indexOf('| Форма | Участники |')).toBeGreaterThan(body.indexOf('2.1.'));
    expect(body.indexOf('| учитель – учитель | педагоги |')).toBeLessThan(body.indexOf('2.2.'));
    expect(body.trim().endsWith('2.3. Наставник назначается приказом.')).toBe(true);
    expect(result.coverage.covered + result.coverage.layout).toBeGreaterThan(result.coverage.total * 0.99);
    expect(result.coverage.passages).toEqual([]);
  }

  it('is the approval of a regulation read from HTML, and the body keeps its table in place', () => {
    checkRegulation(importDocument(readHtml(regulation, 'polozhenie.html'), { organization: 'shkola-7' }));
  });

  it('is the approval of a regulation read from .docx', async () => {
    const docx = await writeDocx(readHtml(regulation, 'polozhenie.html'));
    const { document } = await readBuffer(docx, 'polozhenie.docx');
    checkRegulation(importDocument(document, { organization: 'shkola-7' }));
  });

  it('is the approval of a roadmap with a dash list before its table', () => {
    const html = `${approvalTable}<p><b>Дорожная карта наставничества на 2024/2025 учебный год</b></p>
      <p>Задачи:</p><p>- сформировать пары;</p><p>- обучить наставников.</p>
      <table><tr><td>№</td><td>Мероприятие</td><td>Срок</td><td>Ответственный</td></tr>
      <tr><td>1</td><td>Издание приказа</td><td>сентябрь</td><td>директор</td></tr>
      <tr><td>2</td><td>Обучение наставников</td><td>октябрь</td><td>куратор</td></tr></table>`;
    const { data, warnings } = importDocument(readHtml(html, 'plan.html'), { organization: 'shkola-7' });
    expect(data.approval).toMatchObject({ date: '2024-08-31' });
    expect((data.approval as any).agreed).toContain('протокол № 1');
    expect(data.tasks).toEqual(['сформировать пары;', 'обучить наставников.']);
    expect(data.notes).toBeUndefined();
    expect(warnings).toEqual([]);
  });
});

describe("a regulation's tables", () => {
  const paragraph = (text: string, line: number): Block => ({ kind: 'paragraph', text, line });
  const table = (line: number, ...rows: string[][][]): Block => ({
    kind: 'table',
    line,
    rows: rows.map((cells, i) => ({ line: line + i, cells: cells.map((parts) => ({ text: parts.join(' '), parts })) })),
  });
  /** A regulation of five clauses with `middle` between clauses 1.2 and 1.3. */
  const regulationWith = (...middle: Block[]): SourceDocument => ({
    file: 'polozhenie.docx',
    blocks: [
      paragraph('Положение о наставничестве', 1),
      paragraph('1. Общие положения', 2),
      paragraph('1.1. Настоящее положение определяет порядок наставничества.', 3),
      paragraph('1.2. Формы наставничества:', 4),
      ...middle,
      paragraph('1.3. Куратор ведёт учёт пар.', 20),
      paragraph('1.4. Наставник назначается приказом.', 21),
      paragraph('1.5. Участие добровольно.', 22),
    ],
  });
  const importRegulation = (document: SourceDocument) => importDocument(document, { organization: 'shkola-7', kind: 'regulation' });

  it('a table with no rows is left out, and the rest imports', () => {
    const result = importRegulation(regulationWith(table(5), table(6, [[], []])));
    expect(result.body).not.toContain('|');
    expect(result.body).toContain('1.2. Формы наставничества:\n\n1.3. Куратор');
    expect(result.warnings).toEqual([]);
  });

  it('a cell of several paragraphs stays one cell of one row, its parts apart, and a «|» in it is text', () => {
    const result = importRegulation(
      regulationWith(
        table(
          5,
          [['Форма'], ['Участники']],
          [['ученик | ученик'], ['обучающиеся 5–9 классов', 'обучающиеся 10–11 классов']],
          [['учитель'], ['ведёт встречи;', 'пишет отчёт']],
        ),
      ),
    );
    // A part that ends with its own punctuation is not given a second «;».
    expect(result.body).toContain(
      '| Форма | Участники |\n| --- | --- |\n| ученик \\| ученик | обучающиеся 5–9 классов; обучающиеся 10–11 классов |\n| учитель | ведёт встречи; пишет отчёт |\n\n1.3.',
    );
    expect(result.warnings.map((w) => w.line)).toEqual([5]);
  });

  it("a cell's parts stay apart on the site: the Markdown pipeline keeps both, in one cell", async () => {
    const result = importRegulation(regulationWith(table(5, [['Форма'], ['Участники']], [['ученик | ученик'], ['первые', 'вторые']])));
    // The site's rehype-sanitize runs before raw HTML is parsed, so a «<br>» in a cell would be dropped: «первыевторые».
    const processor = await createMarkdownProcessor({ rehypePlugins: [rehypeSanitize], syntaxHighlight: false });
    const html = (await processor.render(result.body!)).code;
    const cells = [...html.matchAll(/<td>(.*?)<\/td>/g)].map((m) => m[1]);
    expect(cells).toEqual(['ученик | ученик', 'первые; вторые']);
  });

  it('a paragraph of private-use characters is text, not the place of a table', () => {
    const odd = '\uE0000\uE000.';
    const result = importRegulation(regulationWith(paragraph(odd, 5), table(6, [['Форма'], ['Участники']], [['ученик – ученик'], ['обучающиеся']])));
    expect(result.body).toContain(`${odd}\n\n| Форма | Участники |`);
    expect(result.body!.indexOf('| ученик – ученик | обучающиеся |')).toBeLessThan(result.body!.indexOf('1.3.'));
  });
});

describe('list marks are the same everywhere', () => {
  it('tasks listed with «●» or «◦» are tasks, as with «-» or «•»', () => {
    const text = [
      'Дорожная карта наставничества на 2024/2025 учебный год',
      '',
      'Задачи:',
      '● сформировать пары;',
      '◦ обучить наставников;',
      '• провести конференцию.',
      '',
      '№\tМероприятие\tСрок\tОтветственный',
      '1\tИздание приказа\tсентябрь\tдиректор',
      '2\tОбучение наставников\tоктябрь\tкуратор',
    ].join('\n');
    const { data, warnings } = importText(text);
    expect(data.tasks).toEqual(['сформировать пары;', 'обучить наставников;', 'провести конференцию.']);
    expect(data.notes).toBeUndefined();
    expect(warnings).toEqual([]);
  });
});
