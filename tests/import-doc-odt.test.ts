/**
 * The .doc and .odt readers, on documents LibreOffice wrote from .docx sources
 * (tests/fixtures/import-units/doc-odt/make.ts): the blocks they read (cells aligned under
 * merged cells, Word's automatic numbers computed), the same roadmap as the .docx twin
 * through the command, and their refusals.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { runImport } from '../src/import/cli.ts';
import { docNumberFormat, numberLabel, odfNumberFormat } from '../src/import/list-numbers.ts';
import { readDoc } from '../src/import/read-doc.ts';
import { readDocx } from '../src/import/read-docx.ts';
import { readBuffer } from '../src/import/read-document.ts';
import { readOdt } from '../src/import/read-odt.ts';
import { cellOf, ImportError, type SourceDocument } from '../src/import/source-document.ts';
import { ROOT } from './helpers/project.ts';

/** A ZIP archive of uncompressed parts, as small as a test needs. */
function storedZip(files: Record<string, string>): Buffer {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const data = Buffer.from(text);
    const fileName = Buffer.from(name);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt32LE(crc32(data) >>> 0, 14);
    header.writeUInt32LE(data.length, 18);
    header.writeUInt32LE(data.length, 22);
    header.writeUInt16LE(fileName.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt32LE(crc32(data) >>> 0, 16);
    entry.writeUInt32LE(data.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(fileName.length, 28);
    entry.writeUInt32LE(offset, 42);
    local.push(header, fileName, data);
    central.push(entry, fileName);
    offset += 30 + fileName.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(central.length / 2, 8);
  end.writeUInt16LE(central.length / 2, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...local, directory, end]);
}

const DIR = 'tests/fixtures/import-units/doc-odt';
const bytes = (name: string) => readFileSync(join(ROOT, DIR, name));

/** Paragraphs as «text» (with «**» for bold, «¶» before a gap), tables as rows of cell texts. */
const shape = (doc: SourceDocument) =>
  doc.blocks.map((block) =>
    block.kind === 'paragraph' ? `${block.gap ? '¶' : ''}${block.bold ? '**' : ''}${block.text}` : block.rows.map((row) => row.cells.map((cell) => cell.text)),
  );

const ROADMAP = [
  'УТВЕРЖДАЮ',
  'Директор МБОУ «СОШ № 7»',
  'Приказ от 01.09.2025 № 115',
  '¶**ДОРОЖНАЯ КАРТА',
  '**реализации программы наставничества на 2025–2026 учебный год',
  [
    ['№ п/п', 'Этап', 'Мероприятие', 'Сроки', 'Ответственные'],
    ['1.', 'Подготовительный этап', 'Разработка и утверждение положения о программе наставничества', 'сентябрь 2025', 'директор'],
    ['2.', '', 'Анкетирование педагогов и обучающихся', 'октябрь', 'заместитель директора по УВР'],
    ['3.', '', 'Формирование базы наставников', 'до 15.10.2025', 'куратор программы'],
    ['4.', 'Основной этап', 'Встречи наставнических пар', 'ноябрь 2025 – апрель 2026', 'наставники'],
    ['5.', '', 'Мониторинг удовлетворённости участников', 'май 2026', 'куратор программы'],
  ],
  // The footnote of the title, after the text.
  'Рассмотрена на педагогическом совете 29.08.2025',
];

const REGULATION = [
  '**ПОЛОЖЕНИЕ',
  '**о наставничестве в МБОУ «СОШ № 7»',
  '¶**1. Общие положения',
  '1.1. Настоящее положение определяет порядок организации наставничества.',
  '1.2. Положение разработано в соответствии с распоряжением Минпросвещения России от 25.12.2019 № Р-145.',
  '**2. Цели и задачи наставничества',
  '2.1. Цель наставничества — раскрытие потенциала личности наставляемого.',
  '2.2. Задачи наставничества:',
  '– адаптация молодых педагогов;',
  // A soft hyphen in «каче­ства» is dropped.
  '– повышение качества обучения.',
  // A tab inside the text is a space; the list continues after the bullets (2.3, not 1.1).
  '2.3. Наставничество организуется на основании приказа директора.',
  '**3. Заключительные положения',
  '3.1. Положение вступает в силу со дня его утверждения.',
];

describe.each([
  ['odt', readOdt],
  ['doc', readDoc],
] as const)('reading .%s', (ext, read) => {
  it('a roadmap: the merged stage column stays aligned, the automatic № column is numbered, the footnote comes last', async () => {
    const { document, warnings } = await read(bytes(`roadmap.${ext}`), `roadmap.${ext}`);
    expect(shape(document)).toEqual(ROADMAP);
    expect(warnings).toEqual([]);
    const table = document.blocks.find((block) => block.kind === 'table')!;
    expect(table.kind === 'table' && table.rows.every((row) => row.cells.length === 5)).toBe(true);
  });

  it('a regulation: multi-level automatic numbering is computed as Word and LibreOffice show it', async () => {
    const { document } = await read(bytes(`regulation.${ext}`), `regulation.${ext}`);
    expect(shape(document)).toEqual(REGULATION);
  });

  it('is told from its bytes, not its name', async () => {
    const { document } = await readBuffer(bytes(`regulation.${ext}`), 'polozhenie.docx', '.txt');
    expect(shape(document)).toEqual(REGULATION);
  });
});

describe('the same document in .docx, .odt and .doc', () => {
  it.each(['roadmap', 'regulation', 'spans'])('%s: the three readers give the same blocks', async (name) => {
    const docx = shape((await readDocx(bytes(`${name}.docx`), `${name}.docx`)).document);
    expect(shape((await readOdt(bytes(`${name}.odt`), `${name}.odt`)).document)).toEqual(docx);
    expect(shape((await readDoc(bytes(`${name}.doc`), `${name}.doc`)).document)).toEqual(docx);
  });

  it('labels: Russian letters «а)», Roman numerals, Latin letters and lists that start at 0 get the same labels', async () => {
    const expected = [
      'Формы наставничества:',
      'а) педагог — педагог;',
      'б) учитель — ученик;',
      'в) ученик — ученик.',
      'I. Подготовительный этап',
      'II. Основной этап',
      'III. Итоговый этап',
      'IV. Анализ',
      'a) анкеты;',
      'b) отчёты.',
      '0. Вводное занятие',
      '1. Первая встреча',
      // A letter list from 0: no letter for 0, so the digit, then «а».
      '0) нулевой пункт',
      'а) первый пункт',
    ];
    expect(shape((await readDocx(bytes('labels.docx'), 'labels.docx')).document)).toEqual(expected);
    expect(shape((await readOdt(bytes('labels.odt'), 'labels.odt')).document)).toEqual(expected);
    expect(shape((await readDoc(bytes('labels.doc'), 'labels.doc')).document)).toEqual(expected);
  });

  it('styled: numbers and bold that come from paragraph styles', async () => {
    const expected = [
      '**ПОЛОЖЕНИЕ о наставничестве',
      '1. Общие положения',
      '1.1. Положение определяет порядок наставничества.',
      '1.2. Положение утверждается директором.',
      '2. Участники',
      '2.1. Наставник и наставляемый.',
    ];
    expect(shape((await readOdt(bytes('styled.odt'), 'styled.odt')).document)).toEqual(expected);
    expect(shape((await readDoc(bytes('styled.doc'), 'styled.doc')).document)).toEqual(expected);
  });

  it('spans: stage rows spanning the table, a two-row deadline, a two-column cell and a nested table keep the columns aligned', async () => {
    const { document } = await readDoc(bytes('spans.doc'), 'spans.doc');
    expect(shape(document)).toEqual([
      '**План мероприятий на 2025 год',
      [
        ['№', 'Мероприятие', 'Срок', 'Ответственный'],
        ['1. Подготовительный этап', '', '', ''],
        ['1.1', 'Разработка положения Утверждение приказом', 'сентябрь 2025', 'директор'],
        ['1.2', 'Анкетирование педагогов', '', 'куратор'],
        ['2. Основной этап', '', '', ''],
        ['2.1', 'Сверка списков 5–9 классы 10–11 классы', 'октябрь', ''],
      ],
      'Исполнитель: Петрова А. А.',
    ]);
    const table = document.blocks[1];
    expect(table.kind === 'table' && table.rows[3].cells[1].parts).toEqual(['Анкетирование', 'педагогов']);
  });
});

describe('list labels, one table for the three formats', () => {
  it('writes each format, and digits where a format has no label (0, negatives, Roman past 3999)', () => {
    const row = (value: number) =>
      (['decimal', 'decimalZero', 'lowerLetter', 'upperLetter', 'lowerRoman', 'upperRoman', 'russianLower', 'russianUpper'] as const).map((format) =>
        numberLabel(value, format),
      );
    expect(row(1)).toEqual(['1', '01', 'a', 'A', 'i', 'I', 'а', 'А']);
    // Word's Russian letters skip ё, й, ъ, ы, ь: the 10th is «к».
    expect(row(10)).toEqual(['10', '10', 'j', 'J', 'x', 'X', 'к', 'К']);
    expect(row(0)).toEqual(['0', '00', '0', '0', '0', '0', '0', '0']);
    expect(row(-2)).toEqual(['-2', '-2', '-2', '-2', '-2', '-2', '-2', '-2']);
    expect(numberLabel(4000, 'upperRoman')).toBe('4000');
    expect(numberLabel(3, 'bullet')).toBe('–');
    expect(numberLabel(3, 'none')).toBe('');
  });

  it('past the alphabet: Word repeats the letter, ODF without letter sync counts on', () => {
    expect([27, 28, 29].map((n) => numberLabel(n, 'lowerLetter'))).toEqual(['aa', 'bb', 'cc']);
    expect([27, 28, 53].map((n) => numberLabel(n, 'lowerLetter', { letterSync: false }))).toEqual(['aa', 'ab', 'ba']);
    expect([29, 30].map((n) => numberLabel(n, 'russianLower', { letterSync: false }))).toEqual(['аа', 'аб']);
  });

  it('reads the formats as .doc (nfc) and ODF (num-format) name them', () => {
    expect([0, 1, 2, 3, 4, 22, 23, 58, 59, 255, 6].map(docNumberFormat)).toEqual([
      'decimal',
      'upperRoman',
      'lowerRoman',
      'upperLetter',
      'lowerLetter',
      'decimalZero',
      'bullet',
      'russianLower',
      'russianUpper',
      'none',
      'decimal',
    ]);
    expect(odfNumberFormat('а, б, .., аа, аб, ... (ru)')).toEqual({ format: 'russianLower', letterSync: false });
    expect(odfNumberFormat('А, Б, .., Аа, Аб, ... (ru)')).toEqual({ format: 'russianUpper', letterSync: false });
    expect(odfNumberFormat('А, Б, .., Аа, Бб, ... (ru)')).toEqual({ format: 'russianUpper', letterSync: true });
    expect(odfNumberFormat('а, б, .., аа, бб, ... (ru)')).toEqual({ format: 'russianLower', letterSync: true });
    expect(odfNumberFormat('a', 'true')).toEqual({ format: 'lowerLetter', letterSync: true });
    expect(odfNumberFormat('I').format).toBe('upperRoman');
    expect(odfNumberFormat('').format).toBe('none');
  });
});

describe('text outside the body of a .doc', () => {
  it('text boxes and headers it does not read are counted in warnings, not dropped silently', async () => {
    const { document, warnings } = await readDoc(bytes('boxes.doc'), 'boxes.doc');
    // The paragraph the box was anchored to is empty here: a blank line before the title.
    expect(shape(document)).toEqual(['¶**ПОЛОЖЕНИЕ о наставничестве', '1. Общие положения']);
    expect(warnings).toContainEqual(expect.stringMatching(/^в надписях \(текстовых полях\) документа строк текста: 3 — .*\.docx/));
    expect(warnings).toContainEqual(expect.stringMatching(/^в колонтитулах строк текста: 1 — /));
  });

  it('the same document as .odt and .docx has the text box read where it stands', async () => {
    const expected = ['УТВЕРЖДАЮ', 'Директор школы', 'Приказ от 01.09.2025 № 115', '**ПОЛОЖЕНИЕ о наставничестве', '1. Общие положения'];
    expect(shape((await readOdt(bytes('boxes.odt'), 'boxes.odt')).document)).toEqual(expected);
    // (read-docx sees a blank line before the box: the gap mark is not what is compared here.)
    const docx = shape((await readDocx(bytes('boxes.docx'), 'boxes.docx')).document);
    expect(docx.map((block) => (typeof block === 'string' ? block.replace(/^¶/, '') : block))).toEqual(expected);
  });
});

/** The parts of a roadmap the formats must agree on. */
const essence = (data: any) =>
  data.stages.map((stage: any) => ({
    stage: stage.title,
    items: stage.items.map((item: any) => ({ title: item.title, deadline: item.deadline, responsible: item.responsible })),
  }));

async function importJson(file: string) {
  const result = await runImport([file, '--stdout', '--org', 'x'], ROOT);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
}

describe('npm run import on .odt and .doc', () => {
  it('gives the same stages, items, deadlines and responsibles as the .docx they were saved from', async () => {
    const twin = await importJson(`${DIR}/roadmap.docx`);
    expect(essence(twin).flatMap((stage: any) => stage.items)).toHaveLength(5);
    for (const ext of ['odt', 'doc']) {
      const data = await importJson(`${DIR}/roadmap.${ext}`);
      expect(essence(data), ext).toEqual(essence(twin));
      expect(data.period, ext).toEqual(twin.period);
      // The month-only «октябрь» is dated from the school year.
      expect(data.stages[0].items[1].deadline).toMatchObject({ text: 'октябрь', from: '2025-10-01', to: '2025-10-31' });
    }
  });

  it.each([
    ['protected.odt', /защищён паролем — откройте его, снимите пароль и сохраните заново/],
    ['protected.doc', /защищён паролем — откройте его, снимите пароль и сохраните заново/],
    ['damaged.odt', /архив повреждён/],
    ['damaged.doc', /повреждён или это не документ Word/],
  ])('refuses %s with one Russian line and a non-zero exit', async (name, reason) => {
    const result = await runImport([`${DIR}/${name}`, '--stdout', '--org', 'x'], ROOT);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^ошибка: файл .*\.(odt|doc) /);
    expect(lines[0]).not.toMatch(/\.$/);
    expect(lines[0]).toMatch(reason);
  });
});

describe('refusals of the readers', () => {
  const refusal = async (read: () => Promise<unknown>) => {
    const error = await read().then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ImportError);
    expect((error as Error).message).not.toMatch(/\n/);
    return (error as Error).message;
  };

  it('an .odt that is another OpenDocument kind, or has no content.xml', async () => {
    const sheet = storedZip({ mimetype: 'application/vnd.oasis.opendocument.spreadsheet', 'content.xml': '<x/>' });
    expect(await refusal(() => readOdt(sheet, 'table.odt'))).toMatch(/это таблица \(\.ods\), а нужен текстовый документ/);
    const empty = storedZip({ mimetype: 'application/vnd.oasis.opendocument.text' });
    expect(await refusal(() => readOdt(empty, 'empty.odt'))).toMatch(/нет текста документа \(content\.xml\)/);
  });

  it('an OLE file that is not a Word document', async () => {
    // The damaged .doc's OLE header with nothing after it.
    expect(await refusal(() => readDoc(bytes('damaged.doc').subarray(0, 512), 'cut.doc'))).toMatch(/не читается как документ Word \(\.doc\)/);
  });
});

describe('readOdt on OpenDocument written by hand', () => {
  const NAMESPACES =
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" ' +
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" ' +
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"';
  const odt = (body: string, automatic = '', common = '') =>
    storedZip({
      mimetype: 'application/vnd.oasis.opendocument.text',
      'content.xml': `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${NAMESPACES}><office:automatic-styles>${automatic}</office:automatic-styles><office:body><office:text>${body}</office:text></office:body></office:document-content>`,
      'styles.xml': `<?xml version="1.0" encoding="UTF-8"?><office:document-styles ${NAMESPACES}><office:styles>${common}</office:styles></office:document-styles>`,
      'META-INF/manifest.xml': '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>',
    });

  // ODF's own description of labels (no LibreOffice template): prefix, display levels, suffix, formats.
  const LISTS =
    '<text:list-style style:name="L1">' +
    '<text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="1"/>' +
    '<text:list-level-style-number text:level="2" style:num-suffix="." style:num-format="1" text:display-levels="2"/>' +
    '<text:list-level-style-number text:level="3" style:num-suffix=")" style:num-format="а"/>' +
    '</text:list-style>' +
    '<text:outline-style style:name="Outline"><text:outline-level-style text:level="1" style:num-format="I" style:num-prefix="Раздел " style:num-suffix="."/></text:outline-style>' +
    '<style:style style:name="Strong" style:family="paragraph"><style:text-properties fo:font-weight="bold"/></style:style>';

  it('counts headings by the outline style, lists by their level styles across continued lists, and prefers cached labels', async () => {
    const body =
      '<text:h text:outline-level="1">Общие положения</text:h>' +
      '<text:list text:style-name="L1" xml:id="a"><text:list-item><text:p>Первый</text:p>' +
      '<text:list><text:list-item><text:p>Вложенный</text:p><text:list><text:list-item><text:p>буква</text:p></text:list-item><text:list-item><text:p>ещё  <text:s text:c="2"/>буква</text:p></text:list-item></text:list></text:list-item></text:list>' +
      '</text:list-item></text:list>' +
      '<text:p text:style-name="P1">Абзац<text:line-break/>в две строки</text:p>' +
      '<text:h text:outline-level="1">Цели</text:h>' +
      '<text:list text:style-name="L1" text:continue-numbering="true"><text:list-item><text:p>Второй</text:p></text:list-item></text:list>' +
      '<text:list text:style-name="L1" text:continue-list="a"><text:list-item><text:p>Третий</text:p></text:list-item>' +
      '<text:list-item text:start-value="7"><text:p>Седьмой</text:p></text:list-item>' +
      '<text:list-item><text:p><text:number>VIII.</text:number>Кэш</text:p></text:list-item></text:list>' +
      '<text:list text:style-name="L1"><text:list-item><text:p>Новый список</text:p></text:list-item></text:list>' +
      '<text:p/><text:p>После пустой строки<text:note text:note-class="endnote"><text:note-citation>i</text:note-citation><text:note-body><text:p>Сноска в конце</text:p></text:note-body></text:note></text:p>';
    const { document } = await readOdt(
      odt(body, '<style:style style:name="P1" style:family="paragraph" style:parent-style-name="Strong"/>', LISTS),
      'hand.odt',
    );
    expect(shape(document)).toEqual([
      '**Раздел I. Общие положения',
      '1. Первый',
      '1.1. Вложенный',
      'а) буква',
      'б) ещё буква',
      '**Абзац',
      '**в две строки',
      '**Раздел II. Цели',
      '2. Второй',
      '3. Третий',
      '7. Седьмой',
      'VIII. Кэш',
      '1. Новый список',
      '¶После пустой строки',
      'Сноска в конце',
    ]);
  });

  it('keeps columns aligned under spanned cells, numbers list items in cells and flattens a nested table', async () => {
    const cell = (content: string, attributes = '') => `<table:table-cell ${attributes}>${content}</table:table-cell>`;
    const p = (text: string) => `<text:p>${text}</text:p>`;
    const body =
      '<table:table><table:table-column table:number-columns-repeated="4"/>' +
      `<table:table-header-rows><table:table-row>${cell(p('№'))}${cell(p('Мероприятие'))}${cell(p('Срок'))}${cell(p('Ответственный'))}</table:table-row></table:table-header-rows>` +
      `<table:table-row>${cell(p('Этап 1'), 'table:number-columns-spanned="4"')}<table:covered-table-cell/><table:covered-table-cell/><table:covered-table-cell/></table:table-row>` +
      `<table:table-row>${cell('<text:list text:style-name="L1"><text:list-item><text:p/></text:list-item></text:list>')}${cell(p('Встреча') + p('вторая часть'))}${cell(p('март'), 'table:number-rows-spanned="2"')}${cell(p('куратор'))}</table:table-row>` +
      `<table:table-row>${cell('<text:list text:style-name="L1" text:continue-numbering="true"><text:list-item><text:p/></text:list-item></text:list>')}${cell(`<table:table><table:table-row>${cell(p('5–9'))}${cell(p('10–11'))}</table:table-row></table:table>`)}<table:covered-table-cell/>${cell(p('директор'))}</table:table-row>` +
      '</table:table>';
    const { document } = await readOdt(odt(body, '', LISTS), 'table.odt');
    expect(document.blocks).toEqual([
      {
        kind: 'table',
        line: 1,
        rows: [
          { line: 1, cells: [cellOf(['№']), cellOf(['Мероприятие']), cellOf(['Срок']), cellOf(['Ответственный'])] },
          { line: 2, cells: [cellOf(['Этап 1']), cellOf([]), cellOf([]), cellOf([])] },
          { line: 3, cells: [cellOf(['1.']), cellOf(['Встреча', 'вторая часть']), cellOf(['март']), cellOf(['куратор'])] },
          { line: 4, cells: [cellOf(['2.']), cellOf(['5–9', '10–11']), cellOf([]), cellOf(['директор'])] },
        ],
      },
    ]);
  });

  it('reads text boxes, frames and shapes where they stand, unknown containers by their content, and counts what it cannot place', async () => {
    const frame = (content: string) => `<draw:frame text:anchor-type="paragraph"><draw:text-box>${content}</draw:text-box></draw:frame>`;
    const body =
      // Anchored to the page, right in the body: the approval block.
      frame('<text:p>УТВЕРЖДАЮ</text:p><text:p>Директор школы</text:p>') +
      // Anchored in an empty paragraph: no blank line for it.
      `<text:p>${frame('<text:p text:style-name="Strong">ПОЛОЖЕНИЕ</text:p>')}</text:p>` +
      `<text:p>Введение${frame('<text:p>во врезке</text:p>')}</text:p>` +
      '<text:section text:name="S"><text:p>в разделе</text:p><text:soft-page-break/></text:section>' +
      '<text:numbered-paragraph text:level="1"><text:number>2.</text:number><text:p>Пункт вне списка</text:p></text:numbered-paragraph>' +
      '<text:numbered-paragraph text:level="1"><text:p>Без номера</text:p></text:numbered-paragraph>' +
      '<draw:custom-shape><text:p>в фигуре</text:p><draw:enhanced-geometry/></draw:custom-shape>' +
      '<x:wrapper xmlns:x="urn:example:other"><text:p>во внешней обёртке</text:p></x:wrapper>' +
      '<x:note xmlns:x="urn:example:other">текст прямо в чужом элементе</x:note>' +
      '<text:tracked-changes><text:changed-region><text:deletion><text:p>удалённое</text:p></text:deletion></text:changed-region></text:tracked-changes>' +
      '<draw:frame><draw:image><text:p>подпись-заменитель</text:p></draw:image><svg:title xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0">Логотип</svg:title></draw:frame>';
    const { document, warnings } = await readOdt(odt(body, '', LISTS), 'boxes.odt');
    expect(shape(document)).toEqual([
      'УТВЕРЖДАЮ',
      'Директор школы',
      '**ПОЛОЖЕНИЕ',
      'Введение',
      'во врезке',
      'в разделе',
      '2. Пункт вне списка',
      'Без номера',
      'в фигуре',
      'во внешней обёртке',
    ]);
    expect(warnings).toEqual([
      'фрагментов текста в незнакомой этому импорту разметке .odt: 1 — они не импортированы, сверьте результат с документом',
      'картинок в документе: 1 — текст на них (если это скан или схема) не импортирован',
    ]);
  });

  it('a list that starts at 0 in letters, and LibreOffice’s Russian letters', async () => {
    const styles =
      '<text:list-style style:name="R"><text:list-level-style-number text:level="1" style:num-suffix=")" style:num-format="а, б, .., аа, аб, ... (ru)" text:start-value="0"/></text:list-style>';
    const items = ['нулевой', 'первый', 'второй'].map((t) => `<text:list-item><text:p>${t}</text:p></text:list-item>`).join('');
    const body = `<text:list text:style-name="R">${items}</text:list><text:list text:style-name="R"><text:list-item text:start-value="0"><text:p>снова с нуля</text:p></text:list-item></text:list>`;
    const { document } = await readOdt(odt(body, '', styles), 'zero.odt');
    expect(shape(document)).toEqual(['0) нулевой', 'а) первый', 'б) второй', '0) снова с нуля']);
  });

  it('refuses a document whose parts are encrypted, by its manifest', async () => {
    const buffer = storedZip({
      mimetype: 'application/vnd.oasis.opendocument.text',
      'content.xml': 'ciphertext',
      'META-INF/manifest.xml':
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="content.xml"><manifest:encryption-data/></manifest:file-entry></manifest:manifest>',
    });
    await expect(readOdt(buffer, 'secret.odt')).rejects.toThrow(
      'файл secret.odt не читается как документ .odt: документ защищён паролем — откройте его, снимите пароль и сохраните заново',
    );
  });
});
